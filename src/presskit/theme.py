"""The brand a kit is rendered in: name, colours, logo, font (from `presskit.toml`, or defaults)."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

FONT_DIR = Path(__file__).parent / "fonts"


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
