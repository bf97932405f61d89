"""The brand a kit is rendered in: name, colours, logos, fonts, margins, header and footer text."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from presskit.errors import PresskitError
from presskit.kit.paths import inside_kit

FONT_DIR = Path(__file__).parent.parent / "fonts"
_COLOUR = re.compile(r"^#[0-9A-Fa-f]{6}$")
_BRAND_KEYS = {"name", "primary", "accent", "text", "muted", "logo", "font", "font_bold",
               "font_italic", "font_bold_italic", "font_name", "margins", "header", "footer"}
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".svg")


@dataclass(frozen=True)
class Organization:
    """An issuing organisation: its name, web site and optional logo file (PNG, JPEG or SVG)."""

    name: str
    url: str = ""
    logo: Path | None = None


@dataclass(frozen=True)
class Theme:
    """Brand settings shared by every renderer.

    Colours are "#RRGGBB" strings; `margins` are (top, right, bottom, left) in millimetres;
    `header` and `footer` hold (language, text) pairs ("" for every language), empty for defaults.
    """

    name: str = ""  # a kit without presskit.toml has a neutral brand: no wordmark, no author
    primary: str = "#1F3A5F"
    accent: str = "#C8553D"
    text: str = "#222222"
    muted: str = "#6B7280"
    logo: Path | None = None
    font_regular: Path = FONT_DIR / "Lato-Regular.ttf"
    font_bold: Path = FONT_DIR / "Lato-Bold.ttf"
    font_italic: Path = FONT_DIR / "Lato-Italic.ttf"
    font_bold_italic: Path = FONT_DIR / "Lato-BoldItalic.ttf"
    font_name: str = "Lato"
    organizations: tuple[Organization, ...] = field(default=())
    margins: tuple[float, float, float, float] = (32.0, 24.0, 26.0, 24.0)
    header: tuple[tuple[str, str], ...] = ()
    footer: tuple[tuple[str, str], ...] = ()

    def header_text(self, lang: str, default: str = "") -> str:
        """The header text in `lang` (the brand's own, else `default`)."""
        return _for_lang(self.header, lang) or default

    def footer_text(self, lang: str) -> str:
        """The footer text in `lang` (the brand's own, else its name)."""
        return _for_lang(self.footer, lang) or self.name


def _for_lang(pairs: tuple[tuple[str, str], ...], lang: str) -> str:
    """The text of `lang` among (language, text) pairs, else the one for every language ("")."""
    table = dict(pairs)
    return table.get(lang.split("-")[0].lower(), table.get("", ""))


def theme_from_settings(brand: dict[str, Any], organizations: list[dict[str, Any]], root: Path,
                        path: Path, *, follow_symlinks: bool = False) -> Theme:
    """Build the Theme from presskit.toml's [brand] table and [[organizations]] entries.

    A logo or font that is a symbolic link out of the kit is refused unless `follow_symlinks`.
    """
    unknown = set(brand) - _BRAND_KEYS
    if unknown:
        raise PresskitError(f"unknown [brand] key(s) {', '.join(sorted(unknown))}", path=path,
                            hint=f"the keys are: {', '.join(sorted(_BRAND_KEYS))}")
    values: dict[str, Any] = {}
    for key in ("name", "font_name"):
        if key in brand:
            values[key] = str(brand[key])
    if "margins" in brand:
        values["margins"] = _margins(brand["margins"], path)
    for key in ("header", "footer"):
        if key in brand:
            values[key] = _per_language(brand[key], key, path)
    for key in ("primary", "accent", "text", "muted"):
        if key in brand:
            values[key] = _colour(brand[key], key, path)
    if "logo" in brand:
        values["logo"] = _image(root, brand["logo"], path, follow_symlinks)
    for key, attr in (("font", "font_regular"), ("font_bold", "font_bold"),
                      ("font_italic", "font_italic"), ("font_bold_italic", "font_bold_italic")):
        if key in brand:
            values[attr] = _existing_file(root, brand[key], key, path, follow_symlinks)
    orgs = tuple(_organization(item, root, path, follow_symlinks) for item in organizations)
    return Theme(**values, organizations=orgs)


def _colour(value: Any, key: str, path: Path) -> str:
    """Check a "#RRGGBB" colour."""
    if not isinstance(value, str) or not _COLOUR.match(value):
        raise PresskitError(f"[brand] {key} = {value!r} is not a colour", path=path,
                            hint='write colours as "#RRGGBB", e.g. "#1F3A5F"')
    return value


def _existing_file(root: Path, value: Any, key: str, path: Path, follow_symlinks: bool = False) -> Path:
    """Resolve a file named in the settings and check it exists (and is no link out of the kit)."""
    candidate = inside_kit(root, root / str(value), follow_symlinks, f"{key} file").resolve()
    if not candidate.is_file():
        raise PresskitError(f"the {key} file {value!r} does not exist", path=path,
                            hint=f"put the file in the kit folder or fix the {key} path")
    return candidate


def _organization(item: dict[str, Any], root: Path, path: Path, follow_symlinks: bool) -> Organization:
    """Build an issuing organisation from an [[organizations]] entry."""
    if not item.get("name"):
        raise PresskitError("an [[organizations]] entry has no name", path=path,
                            hint='add name = "…" to it')
    logo = _image(root, item["logo"], path, follow_symlinks) if item.get("logo") else None
    return Organization(name=str(item["name"]), url=str(item.get("url", "")), logo=logo)


def _image(root: Path, value: Any, path: Path, follow_symlinks: bool = False) -> Path:
    """Resolve a logo file: it must exist and be PNG, JPEG or SVG."""
    image = _existing_file(root, value, "logo", path, follow_symlinks)
    if image.suffix.lower() not in IMAGE_SUFFIXES:
        raise PresskitError(f"the logo {value!r} is not a PNG, JPEG or SVG file", path=path,
                            hint="export the logo as .png or .svg")
    return image


def _margins(value: Any, path: Path) -> tuple[float, float, float, float]:
    """Margins in mm: one number for all sides, or [top, right, bottom, left]."""
    numbers = [value] if isinstance(value, (int, float)) else value
    ok = isinstance(numbers, list) and len(numbers) in (1, 4) and all(
        isinstance(n, (int, float)) and not isinstance(n, bool) and 10 <= n <= 60 for n in numbers)
    if not ok:
        raise PresskitError(f"[brand] margins = {value!r} is not a margin setting", path=path,
                            hint="write margins in millimetres (10–60): 25 or [32, 24, 26, 24] "
                                 "for top, right, bottom, left")
    return tuple(float(n) for n in numbers * (4 if len(numbers) == 1 else 1))  # type: ignore


def _per_language(value: Any, key: str, path: Path) -> tuple[tuple[str, str], ...]:
    """A text for every language ("…") or per language ({ fr = "…", en = "…" })."""
    if isinstance(value, str):
        return (("", value),)
    if isinstance(value, dict) and all(isinstance(v, str) for v in value.values()):
        return tuple(sorted((str(k).lower(), v) for k, v in value.items()))
    raise PresskitError(f"[brand] {key} must be a text or a table of texts per language", path=path,
                        hint=f'write {key} = "…" or {key} = {{ fr = "…", en = "…" }}')


def check_theme(theme: Theme) -> None:
    """Check that the theme's fonts and logos can be read; PresskitError naming the file if not."""
    for role in ("regular", "bold", "italic", "bold_italic"):
        _check_font(getattr(theme, f"font_{role}"))
    for logo in [theme.logo, *(o.logo for o in theme.organizations)]:
        if logo is not None:
            _check_logo(logo)


def _check_font(font: Path) -> None:
    """A TrueType-outline font (.ttf, or .otf with TrueType outlines) that exists."""
    try:
        data = Path(font).read_bytes()
    except OSError as error:
        raise PresskitError(f"cannot read the font file: {error.strerror}", path=font,
                            hint="fix the font path in [brand]") from None
    magic = data[:4]
    if magic == b"OTTO":
        raise PresskitError("this OpenType font has CFF (PostScript) outlines, which cannot be "
                            "embedded", path=font, hint="use the .ttf version of the font family")
    if magic not in (b"\x00\x01\x00\x00", b"true"):
        raise PresskitError("not a TrueType/OpenType font file", path=font,
                            hint="point [brand] font settings at .ttf files")
    problem = font_table_problem(data)
    if problem:
        raise PresskitError(f"this font file is damaged: {problem}", path=font,
                            hint="copy the font again from its source (the file may be truncated)")


_NEEDED_TABLES = (b"cmap", b"glyf", b"head", b"hhea", b"hmtx", b"loca", b"maxp")


def font_table_problem(data: bytes) -> str:
    """What is wrong with a TrueType file's table directory ("" when every table is whole).

    >>> font_table_problem(bytes(6))
    'the file ends inside its table directory'
    """
    if len(data) < 12:
        return "the file ends inside its table directory"
    count = int.from_bytes(data[4:6], "big")
    if len(data) < 12 + 16 * count:
        return "the file ends inside its table directory"
    tables = {}
    for index in range(count):
        record = data[12 + 16 * index: 28 + 16 * index]
        offset, length = int.from_bytes(record[8:12], "big"), int.from_bytes(record[12:16], "big")
        if offset + length > len(data):
            return f"its {record[:4].decode('latin-1')!r} table ends after the end of the file"
        tables[record[:4]] = length
    missing = [tag.decode() for tag in _NEEDED_TABLES if tag not in tables]
    return f"it has no {', '.join(missing)} table" if missing else ""


def _check_logo(logo: Path) -> None:
    """A logo that its format's reader can open (Pillow for PNG/JPEG, an XML parser for SVG)."""
    try:
        if logo.suffix.lower() == ".svg":
            from xml.etree import ElementTree

            if not ElementTree.parse(logo).getroot().tag.endswith("svg"):
                raise ValueError("the root element is not <svg>")
        else:
            from PIL import Image

            with Image.open(logo) as image:
                image.verify()
    except Exception as error:  # Pillow and ElementTree raise many kinds
        raise PresskitError(f"cannot read the logo image ({error})", path=logo,
                            hint="use a valid PNG, JPEG or SVG file, or remove the logo setting") from None
