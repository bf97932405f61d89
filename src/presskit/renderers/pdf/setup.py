"""reportlab set-up for the PDF renderer: embedded brand fonts, logo checks, narrow no-break spaces."""
from __future__ import annotations

import re
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterator

import reportlab.platypus.paragraph as rl_paragraph
from reportlab import rl_config
from reportlab.lib.colors import Color, HexColor
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics

from presskit.errors import PresskitError
from presskit.kit.theme import Theme
from presskit.renderers.pdf.ttf_cache import load_ttfont

_REGISTERED: dict[str, str] = {}
# reportlab breaks lines at U+202F and prints a plain space; French needs it kept (e.g. "85 %").
_BREAKABLE = rl_paragraph._wsc.replace("\u202f", "")
_split_words = re.compile(f"[{re.escape(_BREAKABLE)}]+").split


def _register(path: Path) -> str:
    """Register one TTF file (once) and return its reportlab font name."""
    key = str(Path(path).resolve())
    if key in _REGISTERED:
        return _REGISTERED[key]
    name = Path(path).stem
    if name in _REGISTERED.values() or name in pdfmetrics.getRegisteredFontNames():
        name = f"{name}-{len(_REGISTERED)}"
    try:
        pdfmetrics.registerFont(load_ttfont(name, str(path)))
    except Exception as exc:  # reportlab raises TTFError, OSError, struct.error…
        raise PresskitError(f"cannot use the font file ({exc})", path=path,
                            hint="point the theme's font settings at a readable .ttf file") from exc
    _REGISTERED[key] = name
    return name


def register_fonts(theme: Theme) -> dict[str, str]:
    """Register the theme's four TTF files as one family; return names by role."""
    names = {role: _register(getattr(theme, f"font_{role}"))
             for role in ("regular", "bold", "italic", "bold_italic")}
    pdfmetrics.registerFontFamily(names["regular"], normal=names["regular"], bold=names["bold"],
                                  italic=names["italic"], boldItalic=names["bold_italic"])
    return names


class Logo:
    """A PNG/JPEG (image reader) or SVG (reportlab drawing) logo that draws at a given height."""

    def __init__(self, path: Path, fonts: dict[str, str] | None = None) -> None:
        """Read the logo (SVG text set in `fonts`); PresskitError naming the file when unreadable."""
        self.path = Path(path)
        try:
            if self.path.suffix.lower() == ".svg":
                from svglib.svglib import svg2rlg

                self.drawing, self.image = svg2rlg(str(self.path)), None
                if self.drawing is None:
                    raise ValueError("not an SVG image")
                if fonts:
                    embed_text_fonts(self.drawing, fonts)
                self.size = (self.drawing.width, self.drawing.height)
            else:
                self.drawing, self.image = None, ImageReader(str(self.path))
                self.size = self.image.getSize()
        except Exception as exc:
            raise PresskitError(f"cannot read the logo image ({exc})", path=self.path,
                                hint="use a PNG, JPEG or SVG file, or remove the logo setting") from None

    def width_at(self, height: float) -> float:
        """The width of the logo drawn `height` points high."""
        w, h = self.size
        return height * w / h if h else height

    def draw(self, canvas: Any, x: float, y: float, height: float) -> float:
        """Draw the logo with its lower-left corner at (x, y); return the width used."""
        width = self.width_at(height)
        if self.image is not None:
            canvas.drawImage(self.image, x, y, width=width, height=height, mask="auto")
            return width
        from reportlab.graphics import renderPDF

        scale = height / self.size[1]
        canvas.saveState()
        canvas.translate(x, y)
        canvas.scale(scale, scale)
        renderPDF.draw(self.drawing, canvas, 0, 0)
        canvas.restoreState()
        return width


def embed_text_fonts(drawing: Any, fonts: dict[str, str]) -> None:
    """Set every text of an SVG drawing in the embedded brand fonts (svglib falls back to Helvetica)."""
    from reportlab.graphics.shapes import Group, String

    for shape in getattr(drawing, "contents", []):
        if isinstance(shape, String) and shape.fontName not in fonts.values():
            bold = "Bold" in shape.fontName
            italic = "Oblique" in shape.fontName or "Italic" in shape.fontName
            shape.fontName = fonts[{(0, 0): "regular", (1, 0): "bold", (0, 1): "italic",
                                    (1, 1): "bold_italic"}[(bold, italic)]]
        elif isinstance(shape, Group):
            embed_text_fonts(shape, fonts)


def load_logo(theme: Theme) -> "Logo | None":
    """Return the theme's brand logo (None without one); PresskitError if unreadable."""
    return Logo(theme.logo, register_fonts(theme)) if theme.logo is not None else None


def organization_logos(theme: Theme) -> list[tuple[str, "Logo | None"]]:
    """Each issuing organisation's name and logo (None when it has none)."""
    fonts = register_fonts(theme)
    return [(o.name, Logo(o.logo, fonts) if o.logo else None) for o in theme.organizations]


def color(value: str, tint: float = 0.0) -> Color:
    """Return a "#RRGGBB" colour, mixed with `tint` (0–1) of white; PresskitError if malformed."""
    try:
        base = HexColor(value)
    except (ValueError, TypeError) as exc:
        raise PresskitError(f"not a colour: {value!r}", hint='write colours as "#RRGGBB"') from exc
    return Color(*(c + (1 - c) * tint for c in (base.red, base.green, base.blue)))


def _split(text: str | bytes, delim: str | None = None) -> list[str]:
    """reportlab's word split, without breaking at narrow no-break spaces."""
    if isinstance(text, bytes):
        text = text.decode("utf8")
    return _split_words(text) if delim is None else text.split(delim)


def url_split_pairs(word: str | bytes) -> list[tuple[str, str]] | None:
    """Where reportlab may break a web address: after "://" and each "/", before each "-".

    Longest head first; None for a word with neither "/" nor "-" (left to reportlab). The break
    comes before a hyphen, not after: reportlab drops a "-" that ends a piece when it re-splits a
    paragraph (across pages or table cells), and a line-final hyphen reads as word hyphenation.

    >>> url_split_pairs("https://a.fr/x-y")
    [('https://a.fr/x', '-y'), ('https://a.fr/', 'x-y'), ('https://', 'a.fr/x-y')]
    >>> url_split_pairs("lecercle.lesechos.fr/eco-soc")[0]
    ('lecercle.lesechos.fr/eco', '-soc')
    >>> url_split_pairs("bonjour") is None
    True
    """
    if isinstance(word, bytes):
        word = word.decode("utf8")
    start = word.find("://") + 2 if "://" in word else 0  # a break may follow "://", not split it
    cuts = [i + 1 if c == "/" else i for i, c in enumerate(word)
            if c in "/-" and start <= i < len(word) - 1 and i > 0]
    cuts = [i for i in dict.fromkeys(cuts) if 0 < i < len(word)]
    if not cuts:
        return None
    return [(word[:i], word[i:]) for i in reversed(cuts)]


@contextmanager
def rendering(base_font: str) -> Iterator[None]:
    """Within the block, canvases and drawings start in `base_font` (no Helvetica); U+202F stays unbroken."""
    from reportlab.graphics.shapes import STATE_DEFAULTS

    saved_font, saved_split = rl_config.canvas_basefontname, rl_paragraph.split
    saved_uri_split = rl_paragraph._uri_split_pairs
    saved_shape_font = dict.__getitem__(STATE_DEFAULTS, "fontName")
    rl_paragraph._uri_split_pairs = url_split_pairs  # long addresses break after / and -
    rl_config.canvas_basefontname = base_font
    STATE_DEFAULTS["fontName"] = base_font  # charts and SVG drawings start in the brand font
    rl_paragraph.split = _split
    try:
        yield
    finally:
        rl_config.canvas_basefontname = saved_font
        STATE_DEFAULTS["fontName"] = saved_shape_font
        rl_paragraph.split = saved_split
        rl_paragraph._uri_split_pairs = saved_uri_split
