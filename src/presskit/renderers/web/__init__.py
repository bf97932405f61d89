"""The web press room renderer: pages, social cards, a kit index and Atom feeds (Jinja2 templates).

Its parts load on first use: a process that only draws the social cards (`card`, Pillow alone)
never loads Jinja2.
"""
from __future__ import annotations

from datetime import datetime
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING, Any, Sequence

from presskit.document import Document
from presskit.kit.theme import Theme

if TYPE_CHECKING:
    from presskit.renderers.web.card import render_release_cards
    from presskit.renderers.web.index import render_index
    from presskit.renderers.web.site import Release, render_release_pages, render_site

__all__ = ["Release", "fill_sizes", "render_index", "render_kit_index", "render_pages", "render_release_cards",
           "render_release_pages", "render_site"]
_PARTS = {"Release": "site", "render_release_pages": "site", "render_site": "site", "render_index": "index",
          "render_release_cards": "card"}


def __getattr__(name: str) -> Any:
    """Load the part of the renderer that defines `name` (PEP 562)."""
    if name not in _PARTS:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(f"{__name__}.{_PARTS[name]}"), name)


def render_pages(french: Document, english: Document, theme: Theme, folder: Path, *, slug: str, site: Path,
                 files: Sequence[Path] = (), now: datetime | None = None, base_url: str = "",
                 english_tag: str = "en-GB", cards: bool = True, sizes_later: str = "") -> list[Path]:
    """Write a release's pages in `folder/web/` (`folder`: where the release is written, `site`: the
    site's root, which holds the shared assets); list the files. `cards=False`: the social cards
    were written apart (`render_release_cards`); `sizes_later`: the `files` are still being written,
    `fill_sizes` writes their sizes in once they are."""
    from presskit.renderers.web.site import Release, render_release_pages

    return render_release_pages(Release(slug, (french, english), tuple(files)), theme, Path(site), now=now,
                                base_url=base_url, english_tag=english_tag, web=Path(folder) / "web",
                                cards=cards, sizes_later=sizes_later)


def fill_sizes(theme: Theme, folder: Path, *, files: Sequence[Path], sizes_later: str, site: Path) -> list[Path]:
    """Write the sizes of the release's `files`, now written, into the pages of `folder/web/`, and the
    shared assets into `site`."""
    from presskit.renderers.web.site import fill_download_sizes

    return fill_download_sizes(Path(folder) / "web", files, sizes_later, theme, Path(site))


def render_kit_index(theme: Theme, folder: Path, *, now: datetime | None = None, base_url: str = "") -> list[Path]:
    """Write the kit's index page and feeds of every release in `folder`."""
    from presskit.renderers.web.index import render_index

    return render_index(Path(folder), theme, now=now, base_url=base_url)
