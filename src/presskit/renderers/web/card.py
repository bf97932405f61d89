"""The social card: a 1200×630 JPEG in the brand's colours with the release's title, for Open Graph.

JPEG, as the networks that show it re-encode it anyway: at quality 90 without chroma subsampling its
text is as sharp as a PNG's, and it is encoded in a twentieth of the time.
"""
from __future__ import annotations

import io
from pathlib import Path
from typing import Sequence

from PIL import Image, ImageDraw, ImageFont

from presskit.document import Document
from presskit.kit.theme import Theme
from presskit.runtime.atomic import make_folder, write_output
from presskit.typesetting import labels

SIZE = (1200, 630)
MARGIN = 72


def hex_rgb(colour: str) -> tuple[int, int, int]:
    """"#1F3A5F" → (31, 58, 95).

    >>> hex_rgb("#1F3A5F")
    (31, 58, 95)
    """
    return tuple(int(colour[i:i + 2], 16) for i in (1, 3, 5))  # type: ignore[return-value]


def wrap(draw: ImageDraw.ImageDraw, text: str, font, width: float) -> list[str]:
    """Cut `text` into lines no wider than `width` with `font` (a word longer than that stays whole)."""
    lines: list[str] = []
    for word in text.split():
        if lines and draw.textlength(f"{lines[-1]} {word}", font=font) <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return lines


def render_card(title: str, kicker: str, theme: Theme, path: Path) -> Path:
    """Draw the card: the kicker ("Press release") in the accent colour, the title, the brand's name."""
    image = Image.new("RGB", SIZE, hex_rgb(theme.primary))
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, SIZE[1] - 18, SIZE[0], SIZE[1]), fill=hex_rgb(theme.accent))
    draw.rectangle((MARGIN, MARGIN, MARGIN + 96, MARGIN + 8), fill=hex_rgb(theme.accent))
    small = ImageFont.truetype(str(theme.font_bold), 30)
    draw.text((MARGIN, MARGIN + 32), kicker.upper(), font=small, fill=(255, 255, 255))
    for size in (64, 56, 48, 40, 34):
        big = ImageFont.truetype(str(theme.font_bold), size)
        lines = wrap(draw, title, big, SIZE[0] - 2 * MARGIN)
        if len(lines) * size * 1.2 <= 300:
            break
    top = MARGIN + 100
    for n, line in enumerate(lines[:6]):
        draw.text((MARGIN, top + n * size * 1.2), line, font=big, fill=(255, 255, 255))
    brand = ImageFont.truetype(str(theme.font_regular), 30)
    draw.text((MARGIN, SIZE[1] - MARGIN - 40), theme.name, font=brand, fill=(255, 255, 255))
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=90, subsampling=0)  # 4:4:4: no colour fringe on the text
    return write_output(path, buffer.getvalue(), what="social card")


def render_cards(documents: Sequence[Document], theme: Theme, web: Path) -> list[Path]:
    """Write the social card of each document in `web` (`card.<lang>.jpg`): its title, in the brand's colours."""
    make_folder(web, "web folder")
    return [render_card(document.title, labels.label(document.lang, "press_release"), theme,
                        web / f"card.{document.lang}.jpg") for document in documents]


def render_release_cards(french: Document, english: Document, theme: Theme, folder: Path) -> list[Path]:
    """Write a release's social cards in `folder/web/`."""
    return render_cards((french, english), theme, Path(folder) / "web")


def render_release_card(document: Document, theme: Theme, folder: Path) -> list[Path]:
    """Write the social card of one language of a release in `folder/web/` (it needs no other file: a
    build draws the French one while the English is made)."""
    return render_cards((document,), theme, Path(folder) / "web")
