"""The press-kit parts of the DOCX: cover page, key-figures page (cards and chart), logos."""
from __future__ import annotations

import struct
from pathlib import Path
from typing import Any

from presskit.document import Figure
from presskit.errors import PresskitError
from presskit.renderers.docx import oxml
from presskit.renderers.docx.archive import deflated
from presskit.renderers.docx.chart import chart_png, wordmark_png
from presskit.renderers.docx.images import EMU_PER_CM, inline_picture, raster, twips
from presskit.renderers.docx.package import IMAGE_RT, Rels
from presskit.typesetting import labels, typography
from presskit.typesetting.figures import charted_series, split_value

LONG_COVER = 110  # characters of title and subtitle above which the cover's top space shrinks
SVG_CT = "image/svg+xml"


def cover(w: Any) -> None:
    """The cover: brand, "Press kit", title, subtitle, date and the issuing organisations."""
    doc = w.document
    space = '<w:spacing w:after="1200"/>' if len(doc.title) + len(doc.subtitle) > LONG_COVER else ""
    brand = logo(w, w.rels, w.theme.logo, w.theme.name, int(1.4 * EMU_PER_CM))
    w.body.append(oxml.paragraph(w.style("Cover Brand"), brand, space))  # a four-line title: less air above it
    w.text(labels.label(doc.lang, "press_kit"), "Cover Kicker")
    if doc.meta_value("status") == "draft":  # a draft says so on its cover too
        w.text(labels.label(doc.lang, "draft"), "Draft Banner")
    w.text(doc.title, "Cover Title")
    if doc.subtitle:
        w.text(doc.subtitle, "Cover Subtitle")
    day = labels.long_date(labels.release_date(doc), doc.lang)
    if day:
        w.text(day, "Cover Date")
    if w.theme.organizations:  # in the cover's footer: never pushed onto a second page
        rels = Rels()
        row = [(oxml.bare_run("\u2003\u2003") if n else "") + logo(w, rels, org.logo, org.name,
                                                                  int(1.3 * EMU_PER_CM))
               for n, org in enumerate(w.theme.organizations)]
        w.first_footer = (oxml.paragraph(w.style("Cover Organizations"), "".join(row)), rels)
    w.body.append(oxml.PAGE_BREAK)


def logo(w: Any, rels: Rels, path: Path | None, name: str, height: int) -> str:
    """A logo picture (PNG, JPEG, or SVG with a PNG fallback) `height` EMU tall, or the name as a wordmark."""
    if path is None:
        return oxml.run(name, w.lang, "Brand") if name else ""  # a kit without a brand shows no wordmark
    alt = labels.logo_alt(name, w.document.lang)
    try:
        if path.suffix.lower() == ".svg":
            fallback = wordmark_png(name, w.theme)
            image = raster(fallback)
            width, height = image.emu_size(height=height)
            ratio = _svg_ratio(path)
            if ratio:  # size the picture like the SVG, not like its fallback
                width = int(height * ratio)
            w.svg_count += 1
            svg = f"word/media/logo{w.svg_count}.svg"
            w.package.add(deflated(svg, path.read_bytes()), SVG_CT)
            svg_id = rels.relate(IMAGE_RT, svg.removeprefix("word/"))
            return picture(w, rels, fallback, "image.png", (width, height), alt, svg_id)
        data = path.read_bytes()
        return picture(w, rels, data, path.name, raster(data).emu_size(height=height), alt)
    except (OSError, ValueError, IndexError, struct.error) as exc:
        raise PresskitError(f"cannot read the logo image ({exc})", path=path,
                            hint="use a PNG, JPEG or SVG file, or remove the logo setting") from None


def picture(w: Any, rels: Rels, data: bytes, filename: str, size: tuple[int, int], alt: str,
            svg_id: str = "") -> str:
    """An inline picture of raster `data` related from a part (`rels`), with its alternative text."""
    image = raster(data)
    media = w.package.add_media(data, image.extension, image.content_type)
    r_id = rels.relate(IMAGE_RT, media.removeprefix("word/"))
    return inline_picture(w.package.next_drawing(), r_id, filename, size, alt, svg_id)


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
        png = chart_png(items, w.theme, w.document.lang)
        size = raster(png).emu_size(width=int(11.6 * EMU_PER_CM))
        alt = labels.chart_alt(title, items, w.document.lang)
        w.body.append(oxml.paragraph(w.style("Chart"), picture(w, w.rels, png, "image.png", size, alt)))
    return True


def _cards(w: Any, items: list[Figure]) -> None:
    """Single figures in a three-column table, each cell: qualifier, value, label; the first row, merged,
    is the table's header (repeated on every page, and read as the header by assistive technology)."""
    if not items:
        return
    column = twips(w.block_width // 3)
    lang = w.lang
    rows = [f'<w:tr><w:trPr><w:tblHeader w:val="true"/></w:trPr><w:tc><w:tcPr><w:tcW w:type="dxa" '
            f'w:w="{3 * column}"/><w:gridSpan w:val="3"/></w:tcPr>'
            f'{oxml.paragraph(w.style("Heading 1"), oxml.run(labels.label(w.document.lang, "key_figures"), lang))}'
            "</w:tc></w:tr>"]
    rule = oxml.borders({"top": (w.theme.accent, 12, 4)})
    cells = []
    for figure in items:
        qualifier, number = split_value(typography.apply(figure.value, w.document.lang))
        cells.append(oxml.paragraph(w.style("Figure Qualifier"), oxml.run(qualifier or " ", lang), rule)
                     + oxml.paragraph(w.style("Figure Value"), oxml.run(number, lang))
                     + w.paragraph_xml(w.cell_runs(figure.label), "Figure Label"))
    cells += ["<w:p/>"] * (-len(cells) % 3)
    for start in range(0, len(cells), 3):
        rows.append("<w:tr>" + "".join(f'<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="{column}"/></w:tcPr>{cell}</w:tc>'
                                       for cell in cells[start:start + 3]) + "</w:tr>")
    grid = f'<w:gridCol w:w="{column}"/>' * 3
    w.body.append('<w:tbl><w:tblPr><w:tblW w:type="auto" w:w="0"/><w:jc w:val="left"/><w:tblLook '
                  'w:firstColumn="1" w:firstRow="1" w:lastColumn="0" w:lastRow="0" w:noHBand="0" '
                  f'w:noVBand="1" w:val="04A0"/></w:tblPr><w:tblGrid>{grid}</w:tblGrid>{"".join(rows)}</w:tbl>')
    w.body.append("<w:p/>")
