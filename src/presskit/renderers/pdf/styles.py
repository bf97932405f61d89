"""Paragraph styles of the PDF renderers: one calm type scale built from the theme."""
from __future__ import annotations

from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.styles import ParagraphStyle

from presskit.kit.theme import Theme
from presskit.renderers.pdf.setup import color


def make_styles(theme: Theme, fonts: dict[str, str]) -> dict[str, ParagraphStyle]:
    """Return the named paragraph styles, all in the theme's embedded fonts and colours."""
    text, muted, primary = color(theme.text), color(theme.muted), color(theme.primary)
    accent = color(theme.accent)
    body = ParagraphStyle("Body", fontName=fonts["regular"], fontSize=10.5, leading=15.5,
                          textColor=text, alignment=TA_LEFT, spaceAfter=9, allowWidows=0,
                          allowOrphans=0, splitLongWords=1, uriWasteReduce=0.3)

    def derive(name: str, **changes: object) -> ParagraphStyle:
        """A style based on the body style."""
        return ParagraphStyle(name, parent=body, **changes)

    return {
        "body": body,
        "title": derive("Title", fontName=fonts["bold"], fontSize=23, leading=28,
                        textColor=primary, spaceAfter=8),
        "subtitle": derive("Subtitle", fontSize=13.5, leading=19, textColor=muted, spaceAfter=10),
        "dateline": derive("Dateline", fontName=fonts["italic"], fontSize=9.5, leading=13,
                           textColor=muted, spaceAfter=16),
        "embargo": derive("Embargo", fontName=fonts["bold"], fontSize=8.5, leading=12,
                          textColor=accent, spaceAfter=10),
        "lede": derive("Lede", fontSize=12, leading=18, spaceAfter=0, textColor=primary),
        "heading": derive("Heading", fontName=fonts["bold"], fontSize=13, leading=17,
                          textColor=primary, spaceBefore=14, spaceAfter=6, keepWithNext=1),
        "section": derive("Section", fontName=fonts["bold"], fontSize=19, leading=24,
                          textColor=primary, spaceAfter=16, keepWithNext=1),
        "item": derive("Item", spaceAfter=3),
        "quote": derive("Quote", fontName=fonts["italic"], fontSize=12, leading=18, spaceAfter=5,
                        textColor=primary),
        "speaker": derive("Speaker", fontName=fonts["bold"], fontSize=9, leading=13,
                          textColor=text, spaceAfter=0),
        "role": derive("Role", fontSize=9, leading=13, textColor=muted, spaceAfter=0),
        "closing": derive("Closing", fontName=fonts["bold"], spaceBefore=6),
        "note": derive("Note", fontSize=8, leading=11, textColor=muted, spaceAfter=3),
        "small": derive("Small", fontSize=9.5, leading=14, spaceAfter=7),
        "kicker": derive("Kicker", fontName=fonts["bold"], fontSize=14, leading=18,
                         textColor=accent, spaceAfter=14),
        "cover_title": derive("CoverTitle", fontName=fonts["bold"], fontSize=32, leading=38,
                              textColor=primary, spaceAfter=14),
        "cover_subtitle": derive("CoverSubtitle", fontSize=16, leading=22, textColor=muted,
                                 spaceAfter=22),
        "cover_date": derive("CoverDate", fontSize=11, leading=15, textColor=text),
        "fig_qualifier": derive("FigQualifier", fontSize=8.5, leading=11, textColor=muted,
                                spaceAfter=0),
        "fig_value": derive("FigValue", fontName=fonts["bold"], fontSize=26, leading=30,
                            textColor=primary, spaceAfter=3),
        "fig_label": derive("FigLabel", fontSize=9.5, leading=13, spaceAfter=0),
        "chart_title": derive("ChartTitle", fontName=fonts["bold"], fontSize=11, leading=15,
                              textColor=text, spaceBefore=18, spaceAfter=4, keepWithNext=1),
        "column_head": derive("ColumnHead", fontName=fonts["bold"], fontSize=8.5, leading=12,
                              textColor=accent, alignment=TA_LEFT, spaceAfter=0),
        "centered": derive("Centered", alignment=TA_CENTER),
    }
