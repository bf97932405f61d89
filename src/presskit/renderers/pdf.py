"""PDF renderer: a branded, paginated A4 press release with embedded fonts, links and bookmarks."""
from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable
from xml.sax.saxutils import escape

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.platypus import (
    Flowable,
    HRFlowable,
    KeepTogether,
    ListFlowable,
    ListItem,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from presskit import labels
from presskit.atomic import write_bytes
from presskit.document import Block, Contact, Document
from presskit.inline import (
    Run,
    footnote_runs,
    href_for,
    inline_runs,
    note_numbers,
    tel_href,
)
from presskit.renderers.pdf_setup import color, load_logo, register_fonts, rendering
from presskit.renderers.pdf_styles import make_styles
from presskit.theme import Theme

MARGIN_X, MARGIN_TOP, MARGIN_BOTTOM = 25 * mm, 36 * mm, 24 * mm


@dataclass
class _Context:
    """What building the story and decorating the pages need."""

    document: Document
    theme: Theme
    fonts: dict[str, str]
    styles: dict[str, Any]
    logo: ImageReader | None
    numbers: dict[str, int]
    total_pages: int = 0


def render(document: Document, theme: Theme, path: Path) -> Path:
    """Write `document` as a PDF at `path` (atomically) and return the path."""
    path = Path(path)
    fonts = register_fonts(theme)
    ctx = _Context(document, theme, fonts, make_styles(theme, fonts), load_logo(theme),
                   note_numbers(n.id for n in document.footnotes))
    with rendering(fonts["regular"]):
        ctx.total_pages = _build(ctx, io.BytesIO())
        data = io.BytesIO()
        _build(ctx, data)
    write_bytes(path, what="PDF", data=data.getvalue())
    return path


class _Template(SimpleDocTemplate):
    """A document template that adds a PDF bookmark for every flowable marked with `_outline`."""

    def afterFlowable(self, flowable: Flowable) -> None:
        """Bookmark titles and section headings."""
        outline = getattr(flowable, "_outline", None)
        if outline:
            title, level = outline
            key = f"section-{len(self._keys)}"
            self._keys.append(key)
            self.canv.bookmarkPage(key)
            self.canv.addOutlineEntry(title, key, level=level, closed=False)


def _build(ctx: _Context, out: io.BytesIO) -> int:
    """Lay out the story into `out`; return the number of pages."""
    doc = ctx.document
    meta = doc.meta_value
    provenance = meta("provenance")
    template = _Template(
        out, pagesize=A4, leftMargin=MARGIN_X, rightMargin=MARGIN_X, topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM, title=doc.title, author=meta("author") or ctx.theme.name,
        subject=doc.subtitle, keywords=meta("keywords"), lang=labels.lang_tag(doc.lang),
        creator=f"presskit — {provenance}" if provenance else "presskit", invariant=1)
    template._keys = []
    decorate = _page_decorator(ctx)
    template.build(_story(ctx, template.width), onFirstPage=decorate, onLaterPages=decorate)
    return template.page


def _page_decorator(ctx: _Context) -> Callable[[Any, Any], None]:
    """Return the callback that draws the header band, draft banner and footer of each page."""
    def decorate(canvas: Any, template: Any) -> None:
        """Draw the page furniture."""
        canvas.saveState()
        _draw_header(canvas, ctx)
        if ctx.document.meta_value("status") == "draft":
            _draw_draft(canvas, ctx)
        _draw_footer(canvas, ctx)
        canvas.restoreState()
    return decorate


def _draw_header(canvas: Any, ctx: _Context) -> None:
    """Brand wordmark or logo on the left, "Press release" on the right, a thin brand rule."""
    width, height = A4
    base = height - 17 * mm
    if ctx.logo is not None:
        w, h = ctx.logo.getSize()
        draw_h = 10 * mm
        canvas.drawImage(ctx.logo, MARGIN_X, base - 1 * mm, width=draw_h * w / h, height=draw_h,
                         mask="auto")
    else:
        canvas.setFont(ctx.fonts["bold"], 12)
        canvas.setFillColor(color(ctx.theme.primary))
        canvas.drawString(MARGIN_X, base, ctx.theme.name)
    canvas.setFont(ctx.fonts["regular"], 8.5)
    canvas.setFillColor(color(ctx.theme.accent))
    canvas.drawRightString(width - MARGIN_X, base, labels.label(ctx.document.lang, "press_release"))
    canvas.setStrokeColor(color(ctx.theme.primary))
    canvas.setLineWidth(0.6)
    canvas.line(MARGIN_X, base - 4 * mm, width - MARGIN_X, base - 4 * mm)


def _draw_draft(canvas: Any, ctx: _Context) -> None:
    """A tinted banner under the header saying the text is an unreviewed draft."""
    width, height = A4
    top = height - 27 * mm
    canvas.setFillColor(color(ctx.theme.accent, tint=0.85))
    canvas.rect(MARGIN_X, top - 6 * mm, width - 2 * MARGIN_X, 6 * mm, stroke=0, fill=1)
    canvas.setFillColor(color(ctx.theme.accent))
    canvas.setFont(ctx.fonts["bold"], 8.5)
    canvas.drawCentredString(width / 2, top - 4 * mm, labels.label(ctx.document.lang, "draft"))


def _draw_footer(canvas: Any, ctx: _Context) -> None:
    """Brand name on the left, "Page x of y" on the right, above a hairline."""
    width, _ = A4
    base = 13 * mm
    canvas.setStrokeColor(color(ctx.theme.muted, tint=0.6))
    canvas.setLineWidth(0.4)
    canvas.line(MARGIN_X, base + 4 * mm, width - MARGIN_X, base + 4 * mm)
    canvas.setFont(ctx.fonts["regular"], 8)
    canvas.setFillColor(color(ctx.theme.muted))
    canvas.drawString(MARGIN_X, base, ctx.theme.name)
    total = ctx.total_pages or canvas.getPageNumber()
    page = labels.label(ctx.document.lang, "page", x=str(canvas.getPageNumber()), y=str(total))
    canvas.drawRightString(width - MARGIN_X, base, page)


# ---------------------------------------------------------------- story


def markup(runs: list[Run], link_color: str) -> str:
    """Turn inline runs into escaped reportlab paragraph markup with links and note calls."""
    parts = []
    for run in runs:
        text = escape(run.text)
        if run.kind == "note":
            parts.append(f'<a href="#note-{text}"><super>{text}</super></a>')
        elif run.href:
            href = escape(run.href, {'"': "&quot;"})
            parts.append(f'<a href="{href}" color="{link_color}">{text}</a>')
        else:
            parts.append(text)
    return "".join(parts)


def _para(ctx: _Context, text: str, style: str, notes: tuple = (), outline: int | None = None) -> Paragraph:
    """A paragraph of plain `text`, linkified, with its footnote calls."""
    runs = inline_runs(text, notes, ctx.numbers)
    paragraph = Paragraph(markup(runs, ctx.theme.primary), ctx.styles[style])
    if outline is not None:
        paragraph._outline = (text, outline)
    return paragraph


def _story(ctx: _Context, width: float) -> list[Flowable]:
    """All the flowables of the document, in reading order."""
    doc = ctx.document
    story: list[Flowable] = []
    if doc.meta_value("status") == "draft":
        story.append(Spacer(1, 4 * mm))
    if doc.embargo:
        story.append(_para(ctx, doc.embargo, "embargo"))
    story.append(_para(ctx, doc.title, "title", outline=0))
    if doc.subtitle:
        story.append(_para(ctx, doc.subtitle, "subtitle"))
    if doc.dateline and doc.dateline.text:
        story.append(_para(ctx, doc.dateline.text, "dateline"))
    for block in doc.blocks:
        story.extend(_block(ctx, block, width))
    story.extend(_notes(ctx))
    story.extend(_about(ctx))
    story.extend(_contacts(ctx))
    return story


def _block(ctx: _Context, block: Block, width: float) -> list[Flowable]:
    """The flowables of one body block."""
    if block.kind == "lede":
        return [_boxed(ctx, _para(ctx, block.text, "lede", block.notes), width)]
    if block.kind == "heading":
        return [_para(ctx, block.text, "heading", block.notes, outline=1)]
    if block.kind == "list":
        return [_bullets(ctx, block)]
    if block.kind == "quote":
        return [_quote(ctx, block, width)]
    if block.kind == "closing" and block.url:
        runs = [Run("url", block.text or block.url, href_for(block.url))]
        return [Paragraph(markup(runs, ctx.theme.primary), ctx.styles["closing"])]
    return [_para(ctx, block.text, "closing" if block.kind == "closing" else "body", block.notes)]


def _boxed(ctx: _Context, content: Flowable, width: float) -> Table:
    """The lede in a lightly tinted box with a brand-coloured edge."""
    table = Table([[content]], colWidths=[width])
    table.setStyle(TableStyle([
        ("BACKGROUND", (0, 0), (-1, -1), color(ctx.theme.primary, tint=0.92)),
        ("LINEBEFORE", (0, 0), (0, -1), 2.5, color(ctx.theme.primary)),
        ("FONTNAME", (0, 0), (-1, -1), ctx.fonts["regular"]),
        ("LEFTPADDING", (0, 0), (-1, -1), 12), ("RIGHTPADDING", (0, 0), (-1, -1), 12),
        ("TOPPADDING", (0, 0), (-1, -1), 10), ("BOTTOMPADDING", (0, 0), (-1, -1), 11),
    ]))
    table.spaceAfter = 12
    return table


def _bullets(ctx: _Context, block: Block) -> ListFlowable:
    """A bulleted list with brand-coloured bullets."""
    items = [ListItem(_para(ctx, item, "item")) for item in block.items]
    return ListFlowable(items, bulletType="bullet", start="•", leftIndent=14, bulletFontSize=9,
                        bulletFontName=ctx.fonts["regular"], bulletColor=color(ctx.theme.primary),
                        spaceAfter=8)


def _quote(ctx: _Context, block: Block, width: float) -> Table:
    """A pull quote: indented, accent bar on the left, "— Name, Role, Organization" under it."""
    opening, closing = labels.quote_marks(ctx.document.lang)
    runs = [Run("text", opening), *inline_runs(block.text, block.notes, ctx.numbers), Run("text", closing)]
    rows = [[Paragraph(markup(runs, ctx.theme.primary), ctx.styles["quote"])]]
    speaker = labels.attribution_line(block)
    if speaker:
        rows.append([_para(ctx, speaker, "speaker")])
    table = Table(rows, colWidths=[width - 8 * mm], hAlign="RIGHT")
    table.setStyle(TableStyle([
        ("LINEBEFORE", (0, 0), (0, -1), 2, color(ctx.theme.accent)),
        ("FONTNAME", (0, 0), (-1, -1), ctx.fonts["regular"]),
        ("LEFTPADDING", (0, 0), (-1, -1), 12), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
    ]))
    table.spaceBefore, table.spaceAfter = 6, 12
    return table


def _notes(ctx: _Context) -> list[Flowable]:
    """The numbered footnotes, after a short rule."""
    if not ctx.document.footnotes:
        return []
    story: list[Flowable] = [HRFlowable(width="30%", thickness=0.5, color=color(ctx.theme.muted, 0.5),
                                        hAlign="LEFT", spaceBefore=10, spaceAfter=6)]
    for note in ctx.document.footnotes:
        number = ctx.numbers[note.id]
        text = markup(footnote_runs(note.text, note.url), ctx.theme.primary)
        story.append(Paragraph(f'<a name="note-{number}"/>{number}. {text}', ctx.styles["note"]))
    return story


def _about(ctx: _Context) -> list[Flowable]:
    """An "About X" section for each issuing organisation."""
    story: list[Flowable] = []
    for about in ctx.document.about:
        title = (labels.label(ctx.document.lang, "about", org=about.organization)
                 if about.organization else about.heading)
        paragraphs = [_para(ctx, p.strip(), "small") for p in about.text.split("\n\n") if p.strip()]
        story.append(KeepTogether([_para(ctx, title, "heading", outline=1)] + paragraphs[:1]))
        story.extend(paragraphs[1:])
    return story


def _contacts(ctx: _Context) -> list[Flowable]:
    """The press contacts, with mailto: and tel: links."""
    contacts = ctx.document.contacts
    if not contacts:
        return []
    key = "contact" if len(contacts) == 1 else "contacts"
    heading = _para(ctx, labels.label(ctx.document.lang, key), "heading", outline=1)
    return [KeepTogether([heading] + [_contact(ctx, c) for c in contacts])]


def _contact(ctx: _Context, contact: Contact) -> Paragraph:
    """One contact: name and organisation, e-mail and phone as links, free text."""
    link = ctx.theme.primary
    lines = []
    if contact.name:
        lines.append(f"<b>{escape(contact.name)}</b>")
    if contact.organization:
        lines.append(escape(contact.organization))
    if contact.email:
        lines.append(markup([Run("email", contact.email, href_for(contact.email))], link))
    if contact.phone:
        lines.append(markup([Run("url", contact.phone, tel_href(contact.phone))], link))
    if contact.text:
        lines.append(markup(inline_runs(contact.text), link))
    return Paragraph("<br/>".join(lines), ctx.styles["small"])
