"""The page templates of the PDF kit (cover, then body pages), bookmarks and file metadata."""
from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date
from typing import Any, Callable

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from presskit.renderers.pdf.cover import cover_frame, draw_cover, draw_organizations, draw_page
from presskit.renderers.pdf.parts import Context
from presskit.renderers.pdf.setup import load_logo, organization_logos, rendering
from presskit.renderers.pdf.structure import write_structure, write_xmp
from presskit.renderers.pdf.tags import TaggingCanvas, tagging
from presskit.typesetting import labels

CREATOR = "presskit"


@dataclass(frozen=True)
class FileInfo:
    """What the PDF's metadata says: title, author, subject, keywords, language, date, provenance."""

    title: str
    author: str
    subject: str
    keywords: str
    lang: str
    day: str
    provenance: str


def file_info(ctx: Context) -> FileInfo:
    """The metadata of one document's PDF (the translation's provenance goes to XMP, not Creator)."""
    doc, meta = ctx.document, ctx.document.meta_value
    return FileInfo(labels.file_title(doc), meta("author") or ctx.theme.name, doc.subtitle,
                    meta("keywords"), labels.lang_tag(doc.lang), labels.file_date(doc), meta("provenance"))


class _Template(BaseDocTemplate):
    """A document template that bookmarks every flowable marked with `_outline`."""

    def afterFlowable(self, flowable: Flowable) -> None:
        """Add a PDF outline entry for titles and section headings."""
        outline = getattr(flowable, "_outline", None)
        if outline:
            title, level = outline
            key = f"section-{len(self._keys)}"
            self._keys.append(key)
            self.canv.bookmarkPage(key)
            self.canv.addOutlineEntry(title, key, level=level, closed=False)


class LabelledCanvas(TaggingCanvas, Canvas):
    """A canvas that draws "Page x of y" labels as forms, filled in once the page count is known.

    A PDF page may use a form (XObject) defined later in the file, so the pages are laid out once.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.pending_labels: list[tuple[str, Callable[[Any, int], None]]] = []
        self.start_tagging()

    def label_later(self, draw: Callable[[Any, int], None]) -> None:
        """Place a label here that `draw(canvas, total_pages)` fills in when the document is saved."""
        name = f"pagelabel{len(self.pending_labels)}"
        self.doForm(name)
        self.pending_labels.append((name, draw))

    def save(self) -> None:
        """Fill in every pending label with the page count, then write the file."""
        total = self.getPageNumber() - 1
        for name, draw in self.pending_labels:
            self.beginForm(name)
            draw(self, total)
            self.endForm()
        self.drop_empty_page()
        info = getattr(self, "file_info", None)
        if info is not None:
            write_structure(self, self.marks, info.lang)
            write_xmp(self, info, _iso_day(info.day))
        super().save()


def build_pdf(ctx: Context, story: Callable[[], list[Flowable]], info: FileInfo, label: str) -> bytes:
    """Lay out the cover and body pages and return the PDF's bytes."""
    out = io.BytesIO()
    with rendering(ctx.fonts["regular"]), tagging():
        _build(ctx, story(), info, label, out)
    return out.getvalue()


def _build(ctx: Context, flowables: list[Flowable], info: FileInfo, label: str,
           out: io.BytesIO) -> LabelledCanvas:
    """Lay the document out into `out`; return the canvas (with its log of marked content)."""
    top, right, bottom, left = (m * mm for m in ctx.theme.margins)
    template = _Template(out, pagesize=A4, leftMargin=left, rightMargin=right, topMargin=top,
                         bottomMargin=bottom, title=info.title, author=info.author,
                         subject=info.subject, keywords=info.keywords, lang=info.lang,
                         creator=CREATOR, invariant=1)
    template._keys = []
    brand, orgs = load_logo(ctx.theme), organization_logos(ctx.theme)
    width, height = A4
    cover = Frame(*cover_frame(ctx), id="cover", leftPadding=0, rightPadding=0, topPadding=0,
                  bottomPadding=0)
    body = Frame(left, bottom, width - left - right, height - top - bottom, id="body",
                 leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)

    def on_cover(canvas: Any, doc: Any) -> None:
        _set_date(canvas, info.day)
        draw_cover(canvas, ctx, brand)

    def after_cover(canvas: Any, doc: Any) -> None:
        draw_organizations(canvas, ctx, orgs)

    def on_page(canvas: Any, doc: Any) -> None:
        draw_page(canvas, ctx, brand, label)

    template.addPageTemplates([PageTemplate("cover", [cover], onPage=on_cover, onPageEnd=after_cover),
                               PageTemplate("body", [body], onPage=on_page)])
    canvases: list[LabelledCanvas] = []

    def make_canvas(*args: Any, **kwargs: Any) -> LabelledCanvas:
        canvases.append(LabelledCanvas(*args, **kwargs))
        canvases[-1].tag_lang, canvases[-1].file_info = info.lang, info
        return canvases[-1]

    template.build(flowables, canvasmaker=make_canvas)
    return canvases[-1]


def _iso_day(day: str) -> str:
    """`day` when it is an ISO date, else "".

    >>> _iso_day("2023-09-07"), _iso_day("juin")
    ('2023-09-07', '')
    """
    try:
        return date.fromisoformat(day[:10]).isoformat()
    except ValueError:
        return ""


def _set_date(canvas: Any, day: str) -> None:
    """Date the file (CreationDate, ModDate) with the release's day when it is known."""
    try:
        when = date.fromisoformat(day[:10])
    except ValueError:
        return
    stamp = f"D:{when:%Y%m%d}000000+00'00'"
    canvas._doc.info._dateFormatter = lambda *parts: stamp
