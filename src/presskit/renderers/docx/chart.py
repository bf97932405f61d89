"""The key-figures bar chart as a PNG for the DOCX, drawn with Pillow like the PDF's chart.

A chart is drawn once and kept in the user's cache (by its figures, the theme and the font files):
drawing and compressing it costs more than writing the rest of the document, and Pillow is loaded
only to draw.
"""
from __future__ import annotations

from presskit.document import Figure
from presskit.kit.theme import Theme
from presskit.renderers.docx.png import png_bytes
from presskit.runtime.disk_memo import disk_memo, file_stamp
from presskit.typesetting import typography
from presskit.typesetting.figures import chart_scale, figure_number

SCALE = 3  # pixels per point: 3 × 72 = 216 dpi, sharp on screen and in print at this size


def _rgb(hex_color: str, tint: float = 0.0) -> tuple[int, int, int]:
    """A "#RRGGBB" colour mixed with `tint` of white."""
    value = hex_color.lstrip("#")
    return tuple(round(c + (255 - c) * tint) for c in (int(value[i:i + 2], 16) for i in (0, 2, 4)))


def _chart_key(figures: list[Figure], theme: Theme, lang: str) -> str:
    """What a chart depends on: its figures, the theme, the language and the font files' stamp."""
    return repr((tuple(figures), theme, lang, file_stamp(theme.font_regular, theme.font_bold)))


@disk_memo("docx-charts", key=_chart_key, limit=50)
def chart_png(figures: list[Figure], theme: Theme, lang: str) -> bytes:
    """The series as vertical bars (values on top, light gridlines), as PNG bytes."""
    return draw_chart(figures, theme, lang)


def draw_chart(figures: list[Figure], theme: Theme, lang: str, width_pt: float = 330,
               height_pt: float = 176) -> bytes:
    """Draw the series as vertical bars (values on top, light gridlines) and return PNG bytes."""
    from PIL import Image, ImageDraw, ImageFont  # only for a chart the cache does not hold

    values = [figure_number(f.value) or 0.0 for f in figures]
    top, step = chart_scale(values)
    w, h = round(width_pt * SCALE), round(height_pt * SCALE)
    image = Image.new("RGB", (w, h), "white")
    draw = ImageDraw.Draw(image)
    regular = ImageFont.truetype(str(theme.font_regular), round(7.5 * SCALE))
    label_font = ImageFont.truetype(str(theme.font_regular), 9 * SCALE)
    bold = ImageFont.truetype(str(theme.font_bold), 10 * SCALE)
    left, right, bottom, top_px = 22 * SCALE, w - 8 * SCALE, h - 26 * SCALE, 18 * SCALE

    def y_of(value: float) -> float:
        return bottom - (bottom - top_px) * value / top

    tick = 0.0
    while tick <= top + 1e-9:
        y = y_of(tick)
        draw.line([(left, y), (right, y)], fill=_rgb(theme.muted, 0.75), width=max(1, SCALE // 2))
        draw.text((left - 4 * SCALE, y), f"{tick:g}", font=regular, fill=_rgb(theme.muted), anchor="rm")
        tick += step
    draw.line([(left, bottom), (right, bottom)], fill=_rgb(theme.muted, 0.3), width=SCALE)
    slot = (right - left) / len(figures)
    for n, (figure, value) in enumerate(zip(figures, values)):
        centre = left + slot * (n + 0.5)
        draw.rectangle([centre - 5 * SCALE, y_of(value), centre + 5 * SCALE, bottom],
                       fill=_rgb(theme.primary))
        draw.text((centre, y_of(value) - 3 * SCALE), f"{value:g}", font=bold,
                  fill=_rgb(theme.text), anchor="md")
        draw.text((centre, bottom + 8 * SCALE), typography.apply(figure.label, lang),
                  font=label_font, fill=_rgb(theme.text), anchor="mt")
    return png_bytes(image.width, image.height, image.tobytes(), "RGB", dpi=72 * SCALE)


def wordmark_png(name: str, theme: Theme, height_pt: float = 28) -> bytes:
    """An organisation's name as a PNG wordmark (the fallback picture of an SVG logo)."""
    from PIL import Image, ImageDraw, ImageFont  # only for a theme with an SVG logo

    font = ImageFont.truetype(str(theme.font_bold), round(height_pt * 0.5 * SCALE))
    left, top, right, bottom = font.getbbox(name)
    image = Image.new("RGBA", (right + 4, round(height_pt * SCALE)), (255, 255, 255, 0))
    ImageDraw.Draw(image).text((0, image.height / 2), name, font=font, fill=_rgb(theme.primary),
                               anchor="lm")
    return png_bytes(image.width, image.height, image.tobytes(), "RGBA")
