"""PDF renderer: a branded A4 press kit — cover, release, key figures, About, contacts."""
from __future__ import annotations

from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    NextPageTemplate,
    PageBreak,
    Spacer,
)

from presskit.document import Document
from presskit.kit.theme import Theme, check_theme
from presskit.renderers.pdf import parts
from presskit.renderers.pdf.figures import figures_page
from presskit.renderers.pdf.setup import register_fonts
from presskit.renderers.pdf.styles import make_styles
from presskit.renderers.pdf.template import build_pdf, file_info
from presskit.runtime.atomic import write_output
from presskit.typesetting import labels


def context(document: Document, theme: Theme) -> parts.Context:
    """Register the theme's fonts and return the context the flowables are built in."""
    check_theme(theme)
    fonts = register_fonts(theme)
    top, right, bottom, left = (m * mm for m in theme.margins)
    from reportlab.lib.pagesizes import A4

    return parts.Context(document, theme, fonts, make_styles(theme, fonts), A4[0] - left - right)


def prepare(theme: Theme) -> None:
    """Register the theme's fonts now (their tables read from the cache), before the first document comes."""
    register_fonts(theme)


def render(document: Document, theme: Theme, path: Path) -> Path:
    """Write `document` as a PDF at `path` (atomically) and return the path."""
    path = Path(path)
    ctx = context(document, theme)
    label = theme.header_text(document.lang, labels.label(document.lang, "press_kit"))
    data = build_pdf(ctx, lambda: story(ctx), file_info(ctx), label)
    write_output(path, what="PDF", data=data)
    return path


def story(ctx: parts.Context) -> list[Flowable]:
    """All the flowables of the kit, in reading order."""
    from presskit.renderers.pdf.cover import cover_story, fitted_cover

    flowables: list[Flowable] = [fitted_cover(ctx, cover_story(ctx)), NextPageTemplate("body"),
                                 PageBreak()]
    if ctx.document.meta_value("status") == "draft":
        flowables.append(Spacer(1, 5 * mm))
    flowables += parts.title_block(ctx, outline=1)
    for block in ctx.document.blocks:
        flowables.extend(parts.block(ctx, block))
    flowables += parts.notes(ctx)
    figures = figures_page(ctx)
    if figures:
        flowables += [PageBreak(), *figures]
    closing = parts.about(ctx) + parts.contacts(ctx)
    if closing:
        flowables += [PageBreak() if figures else CondPageBreak(90 * mm), *closing]
    return flowables
