"""The cover page of the PDF kit and the furniture (header, footer, draft banner) of the others."""
from __future__ import annotations

from typing import Any

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, HRFlowable, KeepInFrame, Paragraph

from presskit.renderers.pdf.parts import Context, para, tagged
from presskit.renderers.pdf.setup import Logo, color
from presskit.renderers.pdf.tags import Tag
from presskit.typesetting import labels
from presskit.typesetting.inline import escape

BAND = 9 * mm


COVER_BOTTOM, COVER_TOP = 70 * mm, 95 * mm  # the cover's text sits between the logos


def cover_frame(ctx: Context) -> tuple[float, float, float, float]:
    """The cover text's frame: x, y, width, height."""
    width, height = A4
    left = _cover_left(ctx)
    return left, COVER_BOTTOM, width - left - ctx.theme.margins[1] * mm, height - COVER_BOTTOM - COVER_TOP


def fitted_cover(ctx: Context, story: list[Flowable]) -> KeepInFrame:
    """The cover's flowables shrunk, when a long title needs it, to stay on one page."""
    _, _, width, height = cover_frame(ctx)
    box = KeepInFrame(width, height, story, mode="shrink")
    box._outline = getattr(story[0], "_outline", None)
    return box


def cover_story(ctx: Context, kicker: str | None = None) -> list[Flowable]:
    """The cover's text: "Press kit", a short accent rule, title, subtitle and date."""
    doc = ctx.document
    kicker_para = tagged(ctx, Paragraph(escape(kicker or labels.label(ctx.lang, "press_kit")),
                                        ctx.styles["kicker"]))
    kicker_para._outline = (kicker or labels.label(ctx.lang, "press_kit"), 0)
    story: list[Flowable] = [kicker_para,
                             HRFlowable(width=18 * mm, thickness=2, color=color(ctx.theme.accent),
                                        hAlign="LEFT", spaceBefore=0, spaceAfter=18)]
    if doc.meta_value("status") == "draft":  # a draft says so on its cover too
        story.append(para(ctx, labels.label(ctx.lang, "draft"), "kicker"))
    story.append(para(ctx, doc.title, "cover_title"))
    if doc.subtitle:
        story.append(para(ctx, doc.subtitle, "cover_subtitle"))
    day = labels.long_date(labels.release_date(doc), ctx.lang)
    if day:
        story.append(para(ctx, day, "cover_date"))
    return story


def _cover_left(ctx: Context) -> float:
    """Where the cover's text and logos start."""
    return ctx.theme.margins[3] * mm + 10 * mm


def draw_cover(canvas: Any, ctx: Context, brand: Logo | None) -> None:
    """A brand band on the left edge and the brand (a tagged figure or name) at the top."""
    width, height = A4
    left = _cover_left(ctx)
    canvas.saveState()
    canvas.setFillColor(color(ctx.theme.primary))
    canvas.rect(0, 0, BAND, height, stroke=0, fill=1)
    if brand is not None:
        with canvas.marked(Tag("Figure", alt=logo_alt(ctx, ctx.theme.name))):
            brand.draw(canvas, left, height - 34 * mm, 14 * mm)
    elif ctx.theme.name:
        with canvas.marked(Tag("P")):
            canvas.setFont(ctx.fonts["bold"], 13)
            canvas.setFillColor(color(ctx.theme.primary))
            canvas.drawString(left, height - 30 * mm, ctx.theme.name)
    canvas.restoreState()


def logo_alt(ctx: Context, name: str) -> str:
    """The alternative text of an organisation's logo, in the document's language."""
    return labels.logo_alt(name, ctx.lang)


def draw_organizations(canvas: Any, ctx: Context, organizations: list[tuple[str, Logo | None]]) -> None:
    """The issuing organisations' logos (or names) in a row above a hairline at the bottom."""
    if not organizations:
        return
    left = _cover_left(ctx)
    width, _ = A4
    canvas.saveState()
    base = 28 * mm
    canvas.setStrokeColor(color(ctx.theme.muted, 0.6))
    canvas.setLineWidth(0.4)
    canvas.line(left, base + 20 * mm, width - ctx.theme.margins[1] * mm, base + 20 * mm)
    x = left
    for name, logo in organizations:
        if logo is not None:
            with canvas.marked(Tag("Figure", alt=logo_alt(ctx, name))):
                x += logo.draw(canvas, x, base, 13 * mm) + 14 * mm
            continue
        with canvas.marked(Tag("P")):
            canvas.setFont(ctx.fonts["bold"], 12)
            canvas.setFillColor(color(ctx.theme.primary))
            canvas.drawString(x, base + 4 * mm, name)
        x += canvas.stringWidth(name, ctx.fonts["bold"], 12) + 14 * mm
    canvas.restoreState()


def draw_page(canvas: Any, ctx: Context, brand: Logo | None, label: str) -> None:
    """Header (brand and `label`), draft banner, and footer with "page x of y"."""
    canvas.saveState()
    with _pagination(canvas, "Header"):
        _draw_header(canvas, ctx, brand, label)
    if ctx.document.meta_value("status") == "draft":
        _draw_draft(canvas, ctx)
    with _pagination(canvas, "Footer"):
        _draw_footer(canvas, ctx)
    canvas.restoreState()


def _pagination(canvas: Any, subtype: str) -> Any:
    """A pagination artifact on a tagging canvas, nothing on another."""
    from contextlib import nullcontext

    return canvas.pagination(subtype) if hasattr(canvas, "pagination") else nullcontext()


def _draw_header(canvas: Any, ctx: Context, brand: Logo | None, label: str) -> None:
    """Brand logo or wordmark on the left, `label` on the right, a thin brand rule."""
    width, height = A4
    right, left = width - ctx.theme.margins[1] * mm, ctx.theme.margins[3] * mm
    base = height - 16 * mm
    if brand is not None:
        brand.draw(canvas, left, base - 1.5 * mm, 8 * mm)
    elif ctx.theme.name:
        canvas.setFont(ctx.fonts["bold"], 10)
        canvas.setFillColor(color(ctx.theme.primary))
        canvas.drawString(left, base, ctx.theme.name)
    canvas.setFont(ctx.fonts["regular"], 8.5)
    canvas.setFillColor(color(ctx.theme.muted))
    canvas.drawRightString(right, base, label)
    canvas.setStrokeColor(color(ctx.theme.primary))
    canvas.setLineWidth(0.5)
    canvas.line(left, base - 4 * mm, right, base - 4 * mm)


def _draw_draft(canvas: Any, ctx: Context) -> None:
    """A tinted banner under the header saying the text is an unreviewed draft."""
    width, height = A4
    left = ctx.theme.margins[3] * mm
    top = height - 23 * mm
    canvas.setFillColor(color(ctx.theme.accent, tint=0.85))
    canvas.rect(left, top - 6 * mm, width - left - ctx.theme.margins[1] * mm, 6 * mm, stroke=0, fill=1)
    canvas.setFillColor(color(ctx.theme.accent))
    canvas.setFont(ctx.fonts["bold"], 8.5)
    canvas.drawCentredString(width / 2, top - 4 * mm,
                             " · ".join(labels.label(lang, "draft") for lang in ctx.page_languages))


def _draw_footer(canvas: Any, ctx: Context) -> None:
    """Footer text on the left, "Page x of y" on the right (filled in when y is known), above a hairline."""
    width, _ = A4
    left, right = ctx.theme.margins[3] * mm, width - ctx.theme.margins[1] * mm
    base = 13 * mm
    canvas.setStrokeColor(color(ctx.theme.muted, 0.6))
    canvas.setLineWidth(0.4)
    canvas.line(left, base + 4 * mm, right, base + 4 * mm)
    canvas.setFont(ctx.fonts["regular"], 8)
    canvas.setFillColor(color(ctx.theme.muted))
    footers = dict.fromkeys(ctx.theme.footer_text(lang) for lang in ctx.page_languages)
    canvas.drawString(left, base, " · ".join(f for f in footers if f))
    number = canvas.getPageNumber()

    def page_label(form: Any, total: int) -> None:
        form.setFont(ctx.fonts["regular"], 8)
        form.setFillColor(color(ctx.theme.muted))
        text = " · ".join(labels.label(lang, "page", x=str(number), y=str(total))
                          for lang in ctx.page_languages)
        form.drawRightString(right, base, text)

    canvas.label_later(page_label)
