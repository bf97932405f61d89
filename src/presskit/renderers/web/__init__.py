"""The web press room renderer: pages, social cards, a kit index and Atom feeds (Jinja2 templates)."""
from datetime import datetime
from pathlib import Path
from typing import Sequence

from presskit.document import Document
from presskit.kit.theme import Theme
from presskit.renderers.web.index import render_index
from presskit.renderers.web.site import Release, render_cards, render_release_pages, render_site

__all__ = ["Release", "render_index", "render_kit_index", "render_pages", "render_release_cards",
           "render_release_pages", "render_site"]


def render_pages(french: Document, english: Document, theme: Theme, folder: Path, *, slug: str, site: Path,
                 files: Sequence[Path] = (), now: datetime | None = None, base_url: str = "",
                 english_tag: str = "en-GB", cards: bool = True) -> list[Path]:
    """Write a release's pages in `folder/web/` (`folder`: where the release is written, `site`: the
    site's root, which holds the shared assets); list the files. `cards=False`: the social cards
    were written apart (`render_release_cards`)."""
    return render_release_pages(Release(slug, (french, english), tuple(files)), theme, Path(site), now=now,
                                base_url=base_url, english_tag=english_tag, web=Path(folder) / "web",
                                cards=cards)


def render_release_cards(french: Document, english: Document, theme: Theme, folder: Path) -> list[Path]:
    """Write a release's social cards in `folder/web/` (they need no other file: a build writes them
    while the documents are being written)."""
    return render_cards((french, english), theme, Path(folder) / "web")


def render_kit_index(theme: Theme, folder: Path, *, now: datetime | None = None, base_url: str = "") -> list[Path]:
    """Write the kit's index page and feeds of every release in `folder`."""
    return render_index(Path(folder), theme, now=now, base_url=base_url)
