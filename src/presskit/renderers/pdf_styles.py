"""Paragraph styles of the PDF renderer: one calm type scale built from the theme."""
from __future__ import annotations

from reportlab.lib.enums import TA_LEFT
from reportlab.lib.styles import ParagraphStyle

from presskit.renderers.pdf_setup import color
from presskit.theme import Theme


def make_styles(theme: Theme, fonts: dict[str, str]) -> dict[str, ParagraphStyle]:
    """Return the named paragraph styles, all in the theme's embedded fonts and colours."""
    text, muted, primary = color(theme.text), color(theme.muted), color(theme.primary)
    body = ParagraphStyle("Body", fontName=fonts["regular"], fontSize=10, leading=15,
                          textColor=text, alignment=TA_LEFT, spaceAfter=8)

    def derive(name: str, **changes: object) -> ParagraphStyle:
        """A style based on the body style."""
        return ParagraphStyle(name, parent=body, **changes)

    return {
        "body": body,
        "title": derive("Title", fontName=fonts["bold"], fontSize=22, leading=27,
                        textColor=primary, spaceAfter=8),
        "subtitle": derive("Subtitle", fontSize=13, leading=18, textColor=muted, spaceAfter=10),
        "dateline": derive("Dateline", fontName=fonts["italic"], fontSize=9, leading=13,
                           textColor=muted, spaceAfter=14),
        "embargo": derive("Embargo", fontName=fonts["bold"], fontSize=8.5, leading=12,
                          textColor=color(theme.accent), spaceAfter=10),
        "lede": derive("Lede", fontName=fonts["bold"], fontSize=11, leading=16.5, spaceAfter=0),
        "heading": derive("Heading", fontName=fonts["bold"], fontSize=12.5, leading=16,
                          textColor=primary, spaceBefore=12, spaceAfter=6, keepWithNext=1),
        "item": derive("Item", spaceAfter=3),
        "quote": derive("Quote", fontName=fonts["italic"], fontSize=11, leading=16.5, spaceAfter=4),
        "speaker": derive("Speaker", fontSize=9, leading=13, textColor=muted, spaceAfter=0),
        "closing": derive("Closing", fontName=fonts["bold"], spaceBefore=6),
        "note": derive("Note", fontSize=8, leading=11, textColor=muted, spaceAfter=3),
        "small": derive("Small", fontSize=9, leading=13.5, spaceAfter=6),
    }
