"""DOCX renderer: a styled, editable Word press release with real footnotes and live links.

The package is written directly (WordprocessingML as text, `package.Package`) on the parts of the
theme's styled template (`base.base_parts`): rendering a release does not load python-docx.
"""
from __future__ import annotations

import re
from dataclasses import fields, is_dataclass, replace
from datetime import date, datetime, timezone
from pathlib import Path

from presskit.document import Block, Contact, Document, marks_of
from presskit.kit.theme import Theme, check_theme
from presskit.renderers.docx import kit_pages as docx_kit
from presskit.renderers.docx import oxml
from presskit.renderers.docx.a11y import CUSTOM_CT, CUSTOM_RT, custom_properties
from presskit.renderers.docx.archive import deflated
from presskit.renderers.docx.base import base_parts
from presskit.renderers.docx.images import EMU_PER_CM, twips
from presskit.renderers.docx.package import OFFICE_RT, RELS_CT, Package, Rels
from presskit.runtime.atomic import write_output
from presskit.typesetting import labels, typography
from presskit.typesetting.inline import (
    Run,
    footnote_runs,
    href_for,
    inline_runs,
    marked_paragraphs,
    note_numbers,
    phones,
    tel_href,
)

FIXED_DATE = datetime(2000, 1, 1, tzinfo=timezone.utc)
_FIELDS: dict[type, tuple[str, ...]] = {}
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def xml_safe(value):
    r"""Drop the characters XML cannot hold (control characters, lone surrogates) from every string.

    >>> xml_safe(("a\x00b", 3, "c\x1fd"))
    ('ab', 3, 'cd')
    >>> clean = ("ab", ("c",))
    >>> xml_safe(clean) is clean  # nothing to drop: the same value, not a copy
    True
    """
    return _cleaned(value) if _has_unsafe(value) else value


def _has_unsafe(value) -> bool:
    """True if a string anywhere in `value` holds a character XML cannot."""
    if isinstance(value, str):
        return _NOT_XML.search(value) is not None
    if isinstance(value, tuple):
        return any(map(_has_unsafe, value))
    return any(_has_unsafe(getattr(value, name)) for name in _field_names(type(value)))


def _field_names(kind: type) -> tuple[str, ...]:
    """The fields of a dataclass (none for any other type), looked up once per class."""
    if kind not in _FIELDS:
        _FIELDS[kind] = tuple(f.name for f in fields(kind)) if is_dataclass(kind) else ()
    return _FIELDS[kind]


def _cleaned(value):
    """A copy of `value` without the characters XML cannot hold."""
    if isinstance(value, str):
        return _NOT_XML.sub("", value)
    if isinstance(value, tuple):
        return tuple(_cleaned(item) for item in value)
    if is_dataclass(value) and not isinstance(value, type):
        return replace(value, **{f.name: _cleaned(getattr(value, f.name)) for f in fields(value)})
    return value


_WML = "application/vnd.openxmlformats-officedocument.wordprocessingml."
_PACKAGE_RT = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"
_CORE_NS = ('xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
            'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"')
_FIRST = ["_rels/.rels", "docProps/core.xml", "docProps/app.xml", "docProps/custom.xml", "word/document.xml",
          "word/_rels/document.xml.rels"]  # then the template's parts, the headers, footers and media
HEADER_DISTANCE = int(1.2 * EMU_PER_CM)
PAGE = (int(21 * EMU_PER_CM), int(29.7 * EMU_PER_CM))  # A4


class _Writer:
    """Writes the parts of one press release: the body as WordprocessingML, the package around it."""

    def __init__(self, document: Document, theme: Theme) -> None:
        """Start an empty A4 document on the theme's styled template."""
        self.document, self.theme = document, theme
        self.lang = labels.lang_tag(document.lang)
        self.base = base_parts(theme, self.lang)
        self.package = Package({"rels": RELS_CT, "xml": "application/xml"}, self.base.overrides)
        self.rels = Rels(self.base.document_rels)  # the main document's relationships
        self.numbers = note_numbers(n.id for n in document.footnotes)
        self.body: list[str] = []
        self.first_footer: tuple[str, Rels] | None = None  # the cover's footer, when it has one
        self.svg_count = 0
        self.margins = tuple(int(m * 36000) for m in theme.margins)  # top, right, bottom, left in EMU
        self.block_width = PAGE[0] - self.margins[1] - self.margins[3]

    def style(self, name: str) -> str | None:
        """The id of style `name` (None for Normal), as the template's styles part names it."""
        return None if name == "Normal" else self.base.style_ids[name]

    def paragraph_xml(self, runs: list[Run], style: str, rels: Rels | None = None,
                      numbers: dict[str, int] | None = None) -> str:
        """A paragraph in `style` made of inline runs, its links related from `rels` (the body's)."""
        content = oxml.runs(runs, self.lang, (rels or self.rels).link, numbers)
        return oxml.paragraph(self.style(style), content)

    def paragraph(self, runs: list[Run], style: str) -> None:
        """Add a body paragraph in `style` made of inline runs (footnote calls by number)."""
        self.body.append(self.paragraph_xml(runs, style, numbers=self.numbers))

    def text(self, text: str, style: str, notes: tuple = (), marks: tuple = ()) -> None:
        """Add a paragraph of plain text, linkified and typeset, with its footnote calls and marks."""
        self.paragraph(inline_runs(text, notes, self.numbers, self.document.lang, marks), style)

    def cell_runs(self, text: str) -> list[Run]:
        """The typeset, linkified runs of a short text (a table cell's)."""
        return inline_runs(text, lang=self.document.lang)

    def add_part(self, name: str, xml: str, content_type: str, reltype: str, rels: Rels | None = None) -> str:
        """Put a part related from the main document in the package; return its r:id."""
        self.package.add_xml(f"word/{name}", xml, _WML + content_type, rels)
        return self.rels.relate(OFFICE_RT + reltype, name)


def render(document: Document, theme: Theme, path: Path) -> Path:
    """Write `document` as a DOCX at `path` (atomically) and return the path."""
    path, document = Path(path), xml_safe(document)
    check_theme(theme)
    writer = _Writer(document, theme)
    references = _page_setup(writer)
    _body(writer)
    if writer.first_footer:
        paragraph, rels = writer.first_footer
        r_id = writer.add_part("footer2.xml", oxml.header_part("ftr", [paragraph]), "footer+xml", "footer", rels)
        references += f'<w:footerReference w:type="first" r:id="{r_id}"/>'
    _document_part(writer, references)
    _core_properties(writer)
    for entry in writer.base.entries:  # styles, numbering, settings, fonts…: compressed once
        writer.package.add(entry)
    write_output(path, what="DOCX", data=writer.package.save(_FIRST))
    return path


def _document_part(w: _Writer, references: str) -> None:
    """word/document.xml: the body, then the section (A4, the theme's margins, a bare first page)."""
    top, right, bottom, left = (twips(m) for m in w.margins)
    distance = twips(HEADER_DISTANCE)
    section = (f'{w.base.section}{references}<w:pgSz w:w="{twips(PAGE[0])}" w:h="{twips(PAGE[1])}"/>'
               f'<w:pgMar w:top="{top}" w:right="{right}" w:bottom="{bottom}" w:left="{left}" '
               f'w:header="{distance}" w:footer="{distance}" w:gutter="0"/><w:cols w:space="720"/>'
               '<w:titlePg/><w:docGrid w:linePitch="360"/></w:sectPr>')
    xml = f"{oxml.DECLARATION}{w.base.root}<w:body>{''.join(w.body)}{section}</w:body></w:document>"
    w.package.add_xml("word/document.xml", xml, _WML + "document.main+xml", w.rels)


def _page_setup(w: _Writer) -> str:
    """Brand and label in the header, page x of y below; return the section's references to them."""
    rels = Rels()
    label = w.theme.header_text(w.document.lang, labels.label(w.document.lang, "press_kit"))
    brand = docx_kit.logo(w, rels, w.theme.logo, w.theme.name, int(0.8 * EMU_PER_CM))
    header = [oxml.paragraph(w.style("Header"), brand + oxml.TAB + oxml.run(label, w.lang))]
    if w.document.meta_value("status") == "draft":
        header.append(oxml.paragraph(w.style("Draft Banner"), oxml.run(labels.label(w.document.lang, "draft"),
                                                                       w.lang)))
    header_id = w.add_part("header1.xml", oxml.header_part("hdr", header), "header+xml", "header", rels)
    footer_id = w.add_part("footer1.xml", oxml.header_part("ftr", [_footer(w)]), "footer+xml", "footer")
    return (f'<w:headerReference w:type="default" r:id="{header_id}"/>'
            f'<w:footerReference w:type="default" r:id="{footer_id}"/>')


def _footer(w: _Writer) -> str:
    """Brand name, then "Page {PAGE} of {NUMPAGES}" at the right tab."""
    before, middle, after = labels.page_parts(w.document.lang)
    content = (oxml.run(w.theme.footer_text(w.document.lang), w.lang) + oxml.TAB + oxml.run(before, w.lang)
               + oxml.field("PAGE", "1", w.lang) + oxml.run(middle, w.lang) + oxml.field("NUMPAGES", "1", w.lang)
               + (oxml.run(after, w.lang) if after else ""))
    return oxml.paragraph(w.style("Footer"), content)


def _body(w: _Writer) -> None:
    """Cover, title block, body blocks, footnotes, key figures, About sections and contacts."""
    doc = w.document
    docx_kit.cover(w)
    if doc.embargo:
        w.text(doc.embargo, "Embargo")
    w.text(doc.title, "Title")
    if doc.subtitle:
        w.text(doc.subtitle, "Subtitle")
    if doc.dateline and doc.dateline.text:
        w.text(doc.dateline.text, "Dateline")
    for block in doc.blocks:
        _block(w, block)
    _footnotes(w)
    if doc.figures:
        w.body.append(oxml.PAGE_BREAK)
        docx_kit.figures(w)
    if doc.about or doc.contacts:
        w.body.append(oxml.PAGE_BREAK)
    _about(w)
    _contacts(w)


def _block(w: _Writer, block: Block) -> None:
    """Add one body block: its text's paragraphs, then its list entries."""
    if block.kind == "quote":
        _quote(w, block)
    elif block.kind == "closing" and block.url:
        w.paragraph([Run("url", block.text or block.url, href_for(block.url))], "Closing")
    else:
        style = {"lede": "Lede", "heading": "Heading 1", "closing": "Closing"}.get(block.kind, "Normal")
        for text, notes, marks in marked_paragraphs(block.text, block.notes, marks_of(block.marks)):
            w.text(text, style, notes, marks)
        for j, item in enumerate(block.items):
            w.text(item, "List Bullet", marks=marks_of(block.marks, f"items[{j}]"))


def _quote(w: _Writer, block: Block) -> None:
    """A pull quote in the language's quotation marks, then "— Name, Role, Organization"."""
    opening, closing = labels.quote_marks(w.document.lang)
    chunks = marked_paragraphs(block.text, block.notes, marks_of(block.marks)) or [("", (), ())]
    for index, (text, notes, marks) in enumerate(chunks):  # marks open the first paragraph, close the last
        runs = [Run("text", opening)] if index == 0 else []
        runs += inline_runs(text, notes, w.numbers, w.document.lang, marks)
        runs += [Run("text", closing)] if index == len(chunks) - 1 else []
        w.paragraph(runs, "Quote")
    speaker = labels.attribution_line(block)
    if not speaker:
        return
    name = block.speaker.name if block.speaker else ""
    if name and speaker.startswith(f"— {name}"):
        rest = typography.apply(speaker[len(name) + 2:], w.document.lang)
        content = oxml.run("— ", w.lang) + oxml.run(name, w.lang, "Strong") + oxml.run(rest, w.lang)
        w.body.append(oxml.paragraph(w.style("Quote Attribution"), content))
    else:
        w.text(speaker, "Quote Attribution")


def _footnotes(w: _Writer) -> None:
    """Write the footnotes part: footnote n has id n, in the order of `document.footnotes`."""
    if not w.document.footnotes:
        return
    rels = Rels()
    notes = [oxml.footnote(w.numbers[note.id], oxml.runs(footnote_runs(note.text, note.url, w.document.lang),
                                                         w.lang, rels.link), w.lang)
             for note in w.document.footnotes]
    w.add_part("footnotes.xml", oxml.footnotes_part(notes), "footnotes+xml", "footnotes", rels)


def _about(w: _Writer) -> None:
    """An "About X" heading and its paragraphs for each organisation."""
    for about in w.document.about:
        title = labels.about_heading(w.document.lang, about.organization, about.heading)
        w.text(title, "Heading 1")
        for text, _, marks in marked_paragraphs(about.text, (), about.marks):
            w.text(text, "About Text", marks=marks)


def _contacts(w: _Writer) -> None:
    """The press contacts with mailto: and tel: links."""
    contacts = w.document.contacts
    if not contacts:
        return
    w.text(labels.label(w.document.lang, "contact" if len(contacts) == 1 else "contacts"), "Heading 1")
    for contact in contacts:
        _contact(w, contact)


def _contact(w: _Writer, contact: Contact) -> None:
    """One contact paragraph, its lines separated by line breaks."""
    content = [oxml.run(contact.name, w.lang, "Strong")] if contact.name else []
    lines: list[list[Run]] = []
    for value in (contact.role, contact.organization):
        if value:
            lines.append([Run("text", typography.apply(value, w.document.lang))])
    if contact.email:
        lines.append([Run("email", contact.email, href_for(contact.email))])
    for number in phones(contact.phone):
        lines.append([Run("url", number, tel_href(number))])
    if contact.text:
        lines.append(inline_runs(contact.text, lang=w.document.lang))
    for n, runs in enumerate(lines):
        if n or contact.name:
            content.append(oxml.LINE_BREAK)
        content.append(oxml.runs(runs, w.lang, w.rels.link))
    w.body.append(oxml.paragraph(w.style("Contact"), "".join(content)))


def _release_date(document: Document) -> datetime:
    """The date for file metadata (the release's, else the build's file day), else a fixed date."""
    for value in (labels.file_date(document),):
        try:
            return datetime.combine(date.fromisoformat(value[:10]), datetime.min.time(), timezone.utc)
        except ValueError:
            continue
    return FIXED_DATE


def _core_properties(w: _Writer) -> None:
    """docProps: title, author, subject, keywords, language, fixed dates, and the provenance apart."""
    doc = w.document
    author = _clip(doc.meta_value("author") or w.theme.name)
    when = _release_date(doc).strftime("%Y-%m-%dT%H:%M:%SZ")
    dated = f'xsi:type="dcterms:W3CDTF">{when}'
    values = (("dc:title", _clip(labels.file_title(doc))), ("dc:subject", _clip(doc.subtitle)),
              ("dc:creator", author), ("cp:keywords", _clip(doc.meta_value("keywords"))),
              ("dc:description", ""),  # provenance is not for the journalist's eyes: a custom property holds it
              ("cp:lastModifiedBy", author), ("cp:revision", "1"))
    core = "".join(f"<{tag}>{oxml.text(value)}</{tag}>" for tag, value in values)
    core += (f"<dcterms:created {dated}</dcterms:created><dcterms:modified {dated}</dcterms:modified>"
             f"<cp:category>{oxml.text(labels.label(doc.lang, 'press_release'))}</cp:category>"
             f"<dc:language>{oxml.text(w.lang)}</dc:language><cp:lastPrinted>{when}</cp:lastPrinted>")
    core = f"{oxml.DECLARATION}<cp:coreProperties {_CORE_NS}>{core}</cp:coreProperties>"
    package = w.package
    package.add_xml("docProps/core.xml", core, "application/vnd.openxmlformats-package.core-properties+xml")
    rels = Rels()
    rels.relate(OFFICE_RT + "officeDocument", "word/document.xml")
    rels.relate(_PACKAGE_RT, "docProps/core.xml")
    rels.relate(OFFICE_RT + "extended-properties", "docProps/app.xml")
    if doc.meta_value("provenance"):
        custom = custom_properties("presskit provenance", doc.meta_value("provenance"))
        package.add_xml("docProps/custom.xml", custom, CUSTOM_CT)
        rels.relate(CUSTOM_RT, "docProps/custom.xml")
    package.add(deflated("_rels/.rels", rels.xml()))


def _clip(value: str, limit: int = 255) -> str:
    """Shorten a core property to the 255 characters the format allows, at a word boundary.

    >>> _clip("a, b, c", 4)
    'a,…'
    """
    if len(value) <= limit:
        return value
    return value[: limit - 1].rsplit(" ", 1)[0] + "…"
