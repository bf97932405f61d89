"""What the pages and the index share: the template environment, the brand's values, assets, addresses."""
from __future__ import annotations

import functools
import os
import re
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from presskit.kit.theme import Theme
from presskit.renderers.jinja_cache import bytecode_cache
from presskit.renderers.web.colours import readable
from presskit.runtime.atomic import make_folder, write_output

TEMPLATES = Path(__file__).parent / "templates"
ENTRY = "release.json"  # what the index and the feeds know of a release, beside its pages


@functools.cache
def environment() -> Environment:
    """The Jinja2 environment of the template folder, autoescaping HTML, XML and SVG (one per process:
    it keeps the compiled templates)."""
    return Environment(loader=FileSystemLoader(TEMPLATES), undefined=StrictUndefined,
                       autoescape=select_autoescape(["html", "xml", "svg"]),
                       trim_blocks=True, lstrip_blocks=True, bytecode_cache=bytecode_cache("web"))


def url(base_url: str, from_root: str, relative: str) -> str:
    """An absolute address under `base_url` when the kit sets one, else the relative one.

    >>> url("https://press.example.org", "a/web/index.fr.html", "index.fr.html")
    'https://press.example.org/a/web/index.fr.html'
    >>> url("", "a/web/index.fr.html", "index.fr.html")
    'index.fr.html'
    """
    return f"{base_url.rstrip('/')}/{from_root}" if base_url else relative


def theme_values(theme: Theme) -> dict:
    """The brand settings the templates use (the font name kept to safe characters for CSS)."""
    return {"name": theme.name, "primary": readable(theme.primary), "accent": theme.accent,
            "accent_text": readable(theme.accent), "text": readable(theme.text), "muted": readable(theme.muted),
            "brand_primary": theme.primary, "font": re.sub(r"[^\w \-]", "", theme.font_name) or "presskit"}


def copy_assets(theme: Theme, folder: Path, copy: bool = True) -> dict[str, Path]:
    """Copy the brand's fonts (and logo) into `<folder>/assets/`, so the pages need nothing outside;
    return where each is (`copy=False`: only say where, for pages whose build copies them once it
    has written the documents)."""
    target = folder / "assets"
    sources = {role: Path(getattr(theme, f"font_{role}")) for role in ("regular", "bold", "italic")}
    if theme.logo:
        sources["logo"] = Path(theme.logo)
    places = {role: target / f"{role}{source.suffix.lower()}" for role, source in sources.items()}
    if copy:
        make_folder(target, "web folder")
        for role, source in sources.items():
            _copy(source, places[role])
    return places


def _copy(source: Path, target: Path) -> Path:
    """Copy a file unless the same bytes are already there."""
    data = source.read_bytes()
    if not target.is_file() or target.read_bytes() != data:
        write_output(target, data, what="web asset")
    return target


def logo_url(base_url: str, assets: dict[str, Path], web: Path) -> str:
    """The publisher logo's address, when the brand has a logo."""
    logo = assets.get("logo")
    if not logo:
        return ""
    return url(base_url, f"assets/{logo.name}", os.path.relpath(logo, web))


