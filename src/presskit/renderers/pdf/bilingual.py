"""The bilingual PDF edition: French and English side by side, aligned block by block."""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    NextPageTemplate,
    PageBreak,
    Paragraph,
    Table,
    TableStyle,
)

from presskit.document import Document
from presskit.kit.theme import Theme, check_theme
from presskit.renderers.pdf import parts
from presskit.renderers.pdf.cover import cover_story, fitted_cover
from presskit.renderers.pdf.figures import figures_page
from presskit.renderers.pdf.setup import color, register_fonts
from presskit.renderers.pdf.styles import make_styles
from presskit.renderers.pdf.template import FileInfo, build_pdf, file_info
from presskit.runtime.atomic import write_output
from presskit.typesetting import labels

GAP = 8 * mm


def render_bilingual(french: Document, english: Document, theme: Theme, path: Path) -> Path:
    """Write the French and English documents side by side as one PDF at `path`; return the path."""
    path = Path(path)
    check_theme(theme)
    fonts = register_fonts(theme)
    styles = make_styles(theme, fonts)
    full = 210 * mm - (theme.margins[1] + theme.margins[3]) * mm
    column = (full - GAP) / 2
    fr = parts.Context(french, theme, fonts, styles, column, anchor="fr-note")
    en = parts.Context(english, theme, fonts, styles, column, anchor="en-note")
    whole = parts.Context(french, theme, fonts, styles, full, languages=("fr", "en"))
    info = _info(file_info(fr), file_info(en))
    label = f'{labels.label("fr", "press_kit")} · {labels.label("en", "press_kit")}'
    data = build_pdf(whole, lambda: _story(whole, fr, en, full, column), info, label)
    write_output(path, what="PDF", data=data)
    return path


def _info(fr: FileInfo, en: FileInfo) -> FileInfo:
    """Both titles and subjects; French is the document's main language."""
    return replace(fr, title=f"{fr.title} / {en.title}", subject=f"{fr.subject} / {en.subject}",
                   keywords=", ".join(k for k in (fr.keywords, en.keywords) if k),
                   provenance=en.provenance)


def _story(whole: parts.Context, fr: parts.Context, en: parts.Context, full: float,
           column: float) -> list[Flowable]:
    """Cover, column heads, then one two-column row per aligned pair of blocks."""
    kicker = f'{labels.label("fr", "press_kit")} · {labels.label("en", "press_kit")}'
    cover = cover_story(whole, kicker)
    cover.insert(3, parts.para(en, en.document.title, "cover_subtitle"))
    story: list[Flowable] = [fitted_cover(whole, cover), NextPageTemplate("body"), PageBreak()]
    heads = [parts.tagged(fr, Paragraph(labels.label("fr", "french"), whole.styles["column_head"])),
             parts.tagged(en, Paragraph(labels.label("en", "english"), whole.styles["column_head"]))]
    story.append(_row(whole, heads, column, rule=True))
    story[-1].keepWithNext = 1  # the column labels never stand alone on a page
    pairs = [(parts.title_block(fr, None), parts.title_block(en, None),
              _both(fr.document.title, en.document.title))]
    for a, b in zip(fr.document.blocks, en.document.blocks):
        outline = _both(a.text, b.text) if a.kind == "heading" else None
        pairs.append((parts.block(fr, a), parts.block(en, b), outline))
    pairs.append((parts.notes(fr), parts.notes(en), None))
    for left, right, outline in pairs:
        if left or right:
            row = _row(whole, [left, right], column)
            if outline:
                row._outline, row.keepWithNext = (outline, 1), 1
            story.append(row)
    story += _figures(fr, en, full)
    story += _closing(fr, en, whole, column)
    return story


def _both(french: str, english: str) -> str:
    """A bookmark in both languages: "Titre / Title" (once when they are the same)."""
    return french if french == english else f"{french} / {english}"


def _figures(fr: parts.Context, en: parts.Context, full: float) -> list[Flowable]:
    """The key-figures page: the French figures, then the English ones, each across the page."""
    french = figures_page(replace(fr, width=full))
    english = figures_page(replace(en, width=full))
    if not french:
        return []
    return [PageBreak(), *french, CondPageBreak(120 * mm), *english, PageBreak()]


def _closing(fr: parts.Context, en: parts.Context, whole: parts.Context, column: float) -> list[Flowable]:
    """About sections side by side (heading and paragraph pairs), then the contacts once."""
    rows: list[Flowable] = []
    for a, b in zip(fr.document.about, en.document.about):
        heads = [parts.para(c, parts.about_title(c, x.organization, x.heading), "heading")
                 for c, x in ((fr, a), (en, b))]
        row = _row(whole, heads, column)
        row._outline = (_both(parts.about_title(fr, a.organization, a.heading),
                              parts.about_title(en, b.organization, b.heading)), 1)
        row.keepWithNext = 1
        rows.append(row)
        texts = [[p.strip() for p in x.text.split("\n\n") if p.strip()] for x in (a, b)]
        for left, right in zip(*texts):
            rows.append(_row(whole, [parts.para(fr, left, "small"), parts.para(en, right, "small")],
                             column))
    return rows + parts.contacts(replace(en, width=whole.width))


def _row(ctx: parts.Context, cells: list, column: float, rule: bool = False) -> Table:
    """One row: French on the left, English on the right, a hairline between them."""
    table = Table([[cells[0], "", "", cells[1]]], colWidths=[column, GAP / 2, GAP / 2, column],
                  splitInRow=1)
    commands = [("FONTNAME", (0, 0), (-1, -1), ctx.fonts["regular"]),
                ("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0), ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
                ("LINEAFTER", (1, 0), (1, -1), 0.4, color(ctx.theme.muted, 0.7))]
    if rule:
        commands = commands[:-1] + [("LINEBELOW", (0, 0), (-1, -1), 0.5, color(ctx.theme.primary)),
                                    ("BOTTOMPADDING", (0, 0), (-1, -1), 4)]
    table.setStyle(TableStyle(commands))
    table.spaceAfter = 10 if rule else 2
    return table
