"""The brand a kit is rendered in: name, colours, logo, font (from `presskit.toml`, or defaults)."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from presskit.errors import PresskitError

FONT_DIR = Path(__file__).parent / "fonts"
_COLOUR = re.compile(r"^#[0-9A-Fa-f]{6}$")
_BRAND_KEYS = {"name", "primary", "accent", "text", "muted", "logo", "font", "font_bold",
               "font_italic", "font_bold_italic", "font_name"}


@dataclass(frozen=True)
class Organization:
    """An issuing organisation: its name, web site and optional logo file."""

    name: str
    url: str = ""
    logo: Path | None = None


@dataclass(frozen=True)
class Theme:
    """Brand settings shared by every renderer. Colours are "#RRGGBB" strings."""

    name: str = "presskit"
    primary: str = "#1F3A5F"
    accent: str = "#C8553D"
    text: str = "#222222"
    muted: str = "#6B7280"
    logo: Path | None = None
    font_regular: Path = FONT_DIR / "DejaVuSans.ttf"
    font_bold: Path = FONT_DIR / "DejaVuSans-Bold.ttf"
    font_italic: Path = FONT_DIR / "DejaVuSans-Oblique.ttf"
    font_bold_italic: Path = FONT_DIR / "DejaVuSans-BoldOblique.ttf"
    font_name: str = "DejaVu Sans"
    organizations: tuple[Organization, ...] = field(default=())


def theme_from_settings(brand: dict[str, Any], organizations: list[dict[str, Any]], root: Path,
                        path: Path) -> Theme:
    """Build the Theme from presskit.toml's [brand] table and [[organizations]] entries."""
    unknown = set(brand) - _BRAND_KEYS
    if unknown:
        raise PresskitError(f"unknown [brand] key(s) {', '.join(sorted(unknown))}", path=path,
                            hint=f"the keys are: {', '.join(sorted(_BRAND_KEYS))}")
    values: dict[str, Any] = {}
    for key in ("name", "font_name"):
        if key in brand:
            values[key] = str(brand[key])
    for key in ("primary", "accent", "text", "muted"):
        if key in brand:
            values[key] = _colour(brand[key], key, path)
    if "logo" in brand:
        values["logo"] = _existing_file(root, brand["logo"], "logo", path)
    for key, attr in (("font", "font_regular"), ("font_bold", "font_bold"),
                      ("font_italic", "font_italic"), ("font_bold_italic", "font_bold_italic")):
        if key in brand:
            values[attr] = _existing_file(root, brand[key], key, path)
    orgs = tuple(_organization(item, root, path) for item in organizations)
    return Theme(**values, organizations=orgs)


def _colour(value: Any, key: str, path: Path) -> str:
    """Check a "#RRGGBB" colour."""
    if not isinstance(value, str) or not _COLOUR.match(value):
        raise PresskitError(f"[brand] {key} = {value!r} is not a colour", path=path,
                            hint='write colours as "#RRGGBB", e.g. "#1F3A5F"')
    return value


def _existing_file(root: Path, value: Any, key: str, path: Path) -> Path:
    """Resolve a file named in the settings and check it exists."""
    candidate = (root / str(value)).resolve()
    if not candidate.is_file():
        raise PresskitError(f"the {key} file {value!r} does not exist", path=path,
                            hint=f"put the file in the kit folder or fix the {key} path")
    return candidate


def _organization(item: dict[str, Any], root: Path, path: Path) -> Organization:
    """Build an issuing organisation from an [[organizations]] entry."""
    if not item.get("name"):
        raise PresskitError("an [[organizations]] entry has no name", path=path,
                            hint='add name = "…" to it')
    logo = _existing_file(root, item["logo"], "logo", path) if item.get("logo") else None
    return Organization(name=str(item["name"]), url=str(item.get("url", "")), logo=logo)
