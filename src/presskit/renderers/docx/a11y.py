"""Accessibility and locale details of the DOCX: alt text, unique drawing ids, header rows, settings."""
from __future__ import annotations

from typing import Any

from docx.oxml.ns import qn
from lxml import etree

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
# per language: (themeFontLang, decimal symbol, list separator)
LOCALE_SETTINGS = {"fr": ("fr-FR", ",", ";"), "en": ("en-GB", ".", ",")}


def set_alt_text(shape: Any, alt: str) -> None:
    """Give an inline picture its alternative text (docPr descr and title)."""
    doc_pr = shape._inline.docPr
    doc_pr.set("descr", alt)
    doc_pr.set("title", alt)


def renumber_drawings(package: Any) -> None:
    """Number every drawing (wp:docPr) of every part 1, 2, 3…: python-docx restarts per part."""
    number = 0
    for part in package.iter_parts():
        element = getattr(part, "_element", None)
        if element is None:
            continue
        for doc_pr in element.iter(f"{{{_WP}}}docPr"):
            number += 1
            doc_pr.set("id", str(number))


def mark_header_row(row: Any) -> None:
    """Repeat a table row as the header on every page (and tell assistive technology it heads)."""
    tr_pr = row._tr.get_or_add_trPr()
    if tr_pr.find(qn("w:tblHeader")) is None:
        header = etree.SubElement(tr_pr, qn("w:tblHeader"))
        header.set(qn("w:val"), "true")


_CUSTOM_RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties"
_CUSTOM_CT = "application/vnd.openxmlformats-officedocument.custom-properties+xml"
_CUSTOM_NS = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
_VT_NS = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"


def add_custom_property(doc: Any, name: str, value: str) -> None:
    """A custom document property (docProps/custom.xml): kept in the file, out of the visible fields."""
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part

    root = etree.Element(f"{{{_CUSTOM_NS}}}Properties", nsmap={None: _CUSTOM_NS, "vt": _VT_NS})
    prop = etree.SubElement(root, f"{{{_CUSTOM_NS}}}property",
                            fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}", pid="2", name=name)
    etree.SubElement(prop, f"{{{_VT_NS}}}lpwstr").text = value
    blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    part = Part(PackURI("/docProps/custom.xml"), _CUSTOM_CT, blob, doc.part.package)
    doc.part.package.relate_to(part, _CUSTOM_RT)


def locale_settings(settings: Any, lang: str) -> None:
    """The document's theme-font language, decimal symbol and list separator for `lang`.

    >>> from docx import Document
    >>> doc = Document(); locale_settings(doc.settings.element, "fr")
    >>> [e.get(qn("w:val")) for e in doc.settings.element if e.tag.split("}")[1] in
    ...  ("themeFontLang", "decimalSymbol", "listSeparator")]
    ['fr-FR', ',', ';']
    """
    tag, decimal, separator = LOCALE_SETTINGS.get(lang.split("-")[0].lower(), LOCALE_SETTINGS["en"])
    for name, value in (("themeFontLang", tag), ("decimalSymbol", decimal), ("listSeparator", separator)):
        found = settings.find(qn(f"w:{name}"))
        if found is None:
            found = etree.SubElement(settings, qn(f"w:{name}"))
        found.set(qn("w:val"), value)
        if name == "themeFontLang" and found.get(qn("w:eastAsia")):
            del found.attrib[qn("w:eastAsia")]
