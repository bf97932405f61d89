"""WordprocessingML the python-docx API lacks: runs with w:lang, hyperlinks, fields, footnotes, borders."""
from __future__ import annotations

import re
import struct
from typing import Iterable

from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part, XmlPart
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from lxml.etree import _Element

from presskit.typesetting.inline import Run

PPR_ORDER = ("pStyle keepNext keepLines pageBreakBefore framePr widowControl numPr "
             "suppressLineNumbers pBdr shd tabs suppressAutoHyphens kinsoku wordWrap overflowPunct "
             "topLinePunct autoSpaceDE autoSpaceDN bidi adjustRightInd snapToGrid spacing ind "
             "contextualSpacing mirrorIndents suppressOverlap jc textDirection textAlignment "
             "textboxTightWrap outlineLvl divId cnfStyle rPr sectPr pPrChange").split()
RPR_ORDER = ("rStyle rFonts b bCs i iCs caps smallCaps strike dstrike outline shadow emboss imprint "
             "noProof snapToGrid vanish webHidden color spacing w kern position sz szCs highlight u "
             "effect bdr shd fitText vertAlign rtl cs em lang eastAsianLayout specVanish oMath").split()
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_DOS_FIXED = (0, (1 << 5) | 1)  # 00:00:00 on 1980-01-01 as an MS-DOS (time, date) pair


def element(tag: str, **attrs: str) -> _Element:
    """Return a new w: element with w: attributes."""
    el = OxmlElement(f"w:{tag}")
    for name, value in attrs.items():
        el.set(qn(f"w:{name}"), value)
    return el


def insert_ordered(parent: _Element, child: _Element, order: list[str]) -> _Element:
    """Put `child` into `parent` where the schema's sequence `order` wants it, replacing its twin."""
    local = child.tag.split("}")[1]
    for old in parent.findall(child.tag):
        parent.remove(old)
    later = set(order[order.index(local) + 1:])
    for sibling in parent:
        if sibling.tag.split("}")[-1] in later:
            sibling.addprevious(child)
            return child
    parent.append(child)
    return child


def set_lang(rpr: _Element, tag: str) -> None:
    """Mark run properties with language `tag` (spell-checking, hyphenation)."""
    insert_ordered(rpr, element("lang", val=tag, eastAsia=tag, bidi=tag), RPR_ORDER)


def set_fonts(rpr: _Element, name: str) -> None:
    """Use font `name` for every script, dropping theme-font references that would override it."""
    insert_ordered(rpr, element("rFonts", ascii=name, hAnsi=name, cs=name, eastAsia=name), RPR_ORDER)


def set_borders(ppr: _Element, sides: dict[str, tuple[str, int, int]]) -> None:
    """Give paragraph properties single borders: {side: (colour, size in 1/8 pt, space in pt)}."""
    pbdr = insert_ordered(ppr, element("pBdr"), PPR_ORDER)
    for side in ("top", "left", "bottom", "right"):
        if side in sides:
            color, size, space = sides[side]
            pbdr.append(element(side, val="single", sz=str(size), space=str(space),
                                color=color.lstrip("#")))


def set_shading(ppr: _Element, fill: str) -> None:
    """Give paragraph properties a solid background colour."""
    insert_ordered(ppr, element("shd", val="clear", color="auto", fill=fill.lstrip("#")), PPR_ORDER)


def make_run(text: str, lang: str, style: str = "") -> _Element:
    """Return a w:r of plain `text` in language `lang`, with an optional character style."""
    run = element("r")
    rpr = element("rPr")
    run.append(rpr)
    if style:
        rpr.append(element("rStyle", val=style))
    set_lang(rpr, lang)
    t = element("t")
    t.text = _NOT_XML.sub("", text)
    t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    run.append(t)
    return run


def add_hyperlink(paragraph: _Element, part: Part, text: str, href: str, lang: str) -> None:
    """Append a clickable external link (style "Hyperlink") to a w:p element."""
    r_id = part.relate_to(href, RT.HYPERLINK, is_external=True)
    link = element("hyperlink", history="1")
    link.set(qn("r:id"), r_id)
    link.append(make_run(text, lang, "Hyperlink"))
    paragraph.append(link)


def add_runs(paragraph: _Element, part: Part, runs: Iterable[Run], lang: str,
             note_ids: dict[str, int] | None = None) -> None:
    """Append inline runs to a w:p: text, hyperlinks, and footnote references by number."""
    for run in runs:
        if run.kind == "note" and note_ids and run.href in note_ids:
            paragraph.append(footnote_reference(note_ids[run.href]))
        elif run.kind == "note":
            paragraph.append(make_run(run.text, lang, "FootnoteReference"))
        elif run.href:
            add_hyperlink(paragraph, part, run.text, run.href, lang)
        elif run.emphasis:
            made = make_run(run.text, lang)
            insert_ordered(made[0], element("b" if run.emphasis == "strong" else "i"), RPR_ORDER)
            paragraph.append(made)
        else:
            paragraph.append(make_run(run.text, lang))


def add_field(paragraph: _Element, instruction: str, placeholder: str, lang: str) -> None:
    """Append a complex field (PAGE, NUMPAGES…) showing `placeholder` until it is updated."""
    for kind in ("begin", "instr", "separate", "text", "end"):
        if kind == "instr":
            run = element("r")
            instr = element("instrText")
            instr.text = f" {instruction} "
            instr.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
            run.append(instr)
        elif kind == "text":
            run = make_run(placeholder, lang)
        else:
            run = element("r")
            run.append(element("fldChar", fldCharType=kind))
        paragraph.append(run)


def footnote_reference(number: int) -> _Element:
    """Return the superscript run that calls footnote `number`."""
    run = element("r")
    rpr = element("rPr")
    rpr.append(element("rStyle", val="FootnoteReference"))
    run.append(rpr)
    run.append(element("footnoteReference", id=str(number)))
    return run


_FOOTNOTES = (
    f"<w:footnotes {nsdecls('w', 'r')}>"
    '<w:footnote w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:after="0" w:line="240" '
    'w:lineRule="auto"/></w:pPr><w:r><w:separator/></w:r></w:p></w:footnote>'
    '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr><w:spacing w:after="0" '
    'w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>'
    "</w:footnotes>")


def add_footnotes_part(document_part: Part) -> XmlPart:
    """Create /word/footnotes.xml (with its separators) and relate it to the main document."""
    part = XmlPart(PackURI("/word/footnotes.xml"), CT.WML_FOOTNOTES, parse_xml(_FOOTNOTES),
                   document_part.package)
    document_part.relate_to(part, RT.FOOTNOTES)
    return part


def add_footnote(part: XmlPart, number: int, runs: Iterable[Run], lang: str) -> None:
    """Append footnote `number` (id = number, so ids are deterministic) with its inline runs."""
    note = element("footnote", id=str(number))
    paragraph = element("p")
    ppr = element("pPr")
    ppr.append(element("pStyle", val="FootnoteText"))
    paragraph.append(ppr)
    ref = element("r")
    rpr = element("rPr")
    rpr.append(element("rStyle", val="FootnoteReference"))
    ref.append(rpr)
    ref.append(element("footnoteRef"))
    paragraph.append(ref)
    paragraph.append(make_run(" ", lang))
    add_runs(paragraph, part, runs, lang)
    note.append(paragraph)
    part.element.append(note)


def fix_zip_times(data: bytes) -> bytes:
    """Date every entry of a zip 1980-01-01 (mode 0644), so equal content gives equal bytes.

    The dates sit in each entry's local header and central-directory record; they are patched in
    place, so nothing is decompressed or compressed again.
    """
    out = bytearray(data)
    end = out.rfind(b"PK\x05\x06")
    if end < 0:
        raise ValueError("not a zip file: no end of central directory")
    count, _, record = struct.unpack_from("<HII", out, end + 10)
    for _ in range(count):
        if out[record:record + 4] != b"PK\x01\x02":
            raise ValueError("damaged zip central directory")
        name, extra, comment = struct.unpack_from("<HHH", out, record + 28)
        local = struct.unpack_from("<I", out, record + 42)[0]
        if out[local:local + 4] != b"PK\x03\x04":
            raise ValueError("damaged zip local header")
        struct.pack_into("<HH", out, record + 12, *_DOS_FIXED)
        struct.pack_into("<I", out, record + 38, 0o644 << 16)
        struct.pack_into("<HH", out, local + 10, *_DOS_FIXED)
        record += 46 + name + extra + comment
    return bytes(out)
