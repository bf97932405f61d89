"""The press-kit parts of the DOCX: cover page, key-figures page (cards and chart), logos."""
from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_BREAK
from docx.image.exceptions import UnrecognizedImageError
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from docx.shared import Cm, Pt

from presskit.document import Figure
from presskit.errors import PresskitError
from presskit.renderers.docx.a11y import mark_header_row, set_alt_text
from presskit.renderers.docx.chart import chart_png, wordmark_png
from presskit.renderers.docx.oxml import make_run, set_borders
from presskit.typesetting import labels, typography
from presskit.typesetting.figures import charted_series, split_value

_SVG_EXT = ("<a:extLst {ns}><a:ext uri=\"{{96DAC541-7B7A-43D3-8B79-37D633B846F1}}\">"
            "<asvg:svgBlip xmlns:asvg=\"http://schemas.microsoft.com/office/drawing/2016/SVG/main\" "
            "r:embed=\"{rid}\"/></a:ext></a:extLst>")
_NS = ('xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
       'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"')


LONG_COVER = 110  # characters of title and subtitle above which the cover's top space shrinks


def page_break(w: Any) -> None:
    """End the page: the next paragraph starts a new one."""
    w.doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def cover(w: Any) -> None:
    """The cover: brand, "Press kit", title, subtitle, date and the issuing organisations."""
    doc = w.document
    brand = w.new_paragraph("Cover Brand")
    add_logo(w, brand, w.theme.logo, w.theme.name, Cm(1.4))
    w.text(labels.label(doc.lang, "press_kit"), "Cover Kicker")
    if doc.meta_value("status") == "draft":  # a draft says so on its cover too
        w.text(labels.label(doc.lang, "draft"), "Draft Banner")
    w.text(doc.title, "Cover Title")
    if doc.subtitle:
        w.text(doc.subtitle, "Cover Subtitle")
    day = labels.long_date(labels.release_date(doc), doc.lang)
    if day:
        w.text(day, "Cover Date")
    if len(doc.title) + len(doc.subtitle) > LONG_COVER:  # a four-line title: less air above it
        brand.paragraph_format.space_after = Pt(60)
    if w.theme.organizations:  # in the cover's footer: never pushed onto a second page
        footer = w.doc.sections[0].first_page_footer
        row = footer.paragraphs[0]
        row._p.style = w._style_id("Cover Organizations")
        for n, org in enumerate(w.theme.organizations):
            if n:
                row.add_run("\u2003\u2003")
            add_logo(w, row, org.logo, org.name, Cm(1.3))
    page_break(w)


def add_logo(w: Any, paragraph: Any, logo: Path | None, name: str, height: Any) -> None:
    """A logo picture (PNG, JPEG, or SVG with a PNG fallback), or the name as a wordmark."""
    if logo is None:
        if name:  # a kit without a brand shows no wordmark
            paragraph._p.append(make_run(name, w.lang, "Brand"))
        return
    try:
        if logo.suffix.lower() == ".svg":
            shape = paragraph.add_run().add_picture(io.BytesIO(wordmark_png(name, w.theme)),
                                                    height=height)
            _attach_svg(w, shape, logo)
        else:
            shape = paragraph.add_run().add_picture(str(logo), height=height)
        set_alt_text(shape, labels.logo_alt(name, w.document.lang))
    except (OSError, UnrecognizedImageError, ValueError) as exc:
        raise PresskitError(f"cannot read the logo image ({exc})", path=logo,
                            hint="use a PNG, JPEG or SVG file, or remove the logo setting") from None


def _attach_svg(w: Any, shape: Any, logo: Path) -> None:
    """Embed the SVG itself (Word 2016+, LibreOffice) next to the picture's PNG fallback."""
    w.svg_count = getattr(w, "svg_count", 0) + 1
    part = Part(PackURI(f"/word/media/logo{w.svg_count}.svg"), "image/svg+xml", logo.read_bytes(),
                w.doc.part.package)
    r_id = w.doc.part.relate_to(part, RT.IMAGE)
    blip = shape._inline.graphic.graphicData.pic.blipFill.blip
    blip.append(parse_xml(_SVG_EXT.format(ns=_NS, rid=r_id)))
    ratio = _svg_ratio(logo)
    if ratio:  # size the picture like the SVG, not like its fallback
        shape.width = int(shape.height * ratio)


def _svg_ratio(logo: Path) -> float:
    """The SVG's width / height from its viewBox or size attributes (0 when unknown)."""
    from xml.etree import ElementTree

    root = ElementTree.parse(logo).getroot()
    box = (root.get("viewBox") or "").replace(",", " ").split()
    try:
        if len(box) == 4:
            return float(box[2]) / float(box[3])
        return float(root.get("width", "").rstrip("px")) / float(root.get("height", "").rstrip("px"))
    except (ValueError, ZeroDivisionError):
        return 0.0


def figures(w: Any) -> bool:
    """The key-figures page: a heading, a grid of figures, a chart per compared series."""
    found = w.document.figures
    if not found:
        return False
    charted = charted_series(found)
    in_chart = {id(f) for _, items in charted for f in items}
    singles = [f for f in found if id(f) not in in_chart]
    if not singles:  # else the heading is the cards table's header row
        w.text(labels.label(w.document.lang, "key_figures"), "Heading 1")
    _cards(w, singles)
    for title, items in charted:
        w.text(title, "Chart Title")
        picture = w.new_paragraph("Chart")
        shape = picture.add_run().add_picture(io.BytesIO(chart_png(items, w.theme, w.document.lang)),
                                              width=Cm(11.6))
        set_alt_text(shape, labels.chart_alt(title, items, w.document.lang))
    return True


def _cards(w: Any, items: list[Figure]) -> None:
    """Single figures in a three-column table, each cell: qualifier, value, label."""
    if not items:
        return
    rows = (len(items) + 2) // 3
    table = w.doc.add_table(rows=rows + 1, cols=3)
    table.alignment = WD_TABLE_ALIGNMENT.LEFT
    head = table.cell(0, 0).merge(table.cell(0, 2))
    head.paragraphs[0]._p.style = w._style_id("Heading 1")
    head.paragraphs[0]._p.append(make_run(labels.label(w.document.lang, "key_figures"), w.lang))
    mark_header_row(table.rows[0])
    for n, figure in enumerate(items):
        cell = table.cell(n // 3 + 1, n % 3)
        qualifier, number = split_value(typography.apply(figure.value, w.document.lang))
        first = cell.paragraphs[0]
        first._p.style = w._style_id("Figure Qualifier")
        first._p.append(make_run(qualifier or " ", w.lang))
        value = w.new_paragraph("Figure Value", cell)
        value._p.append(make_run(number, w.lang))
        w.paragraph_in(cell, figure.label, "Figure Label")
        set_borders(first._p.get_or_add_pPr(), {"top": (w.theme.accent, 12, 4)})
    w.doc.add_paragraph()
