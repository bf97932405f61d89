"""DOCX renderer: a styled, editable Word press release with real footnotes and live links."""
from __future__ import annotations

import io
import re
from dataclasses import fields, is_dataclass, replace
from datetime import date, datetime, timezone
from pathlib import Path

from docx.document import Document as DocxDocument
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.part import XmlPart
from docx.shared import Cm, Mm
from docx.text.paragraph import Paragraph

from presskit.document import Block, Contact, Document, marks_of
from presskit.kit.theme import Theme, check_theme
from presskit.renderers.docx import kit_pages as docx_kit
from presskit.renderers.docx.a11y import add_custom_property, locale_settings, renumber_drawings
from presskit.renderers.docx.fonts import embed_fonts, fast_font_entries
from presskit.renderers.docx.oxml import (
    add_field,
    add_footnote,
    add_footnotes_part,
    add_runs,
    fix_zip_times,
    make_run,
)
from presskit.renderers.docx.styles import styled_document
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
        return any(_has_unsafe(item) for item in value)
    if is_dataclass(value) and not isinstance(value, type):
        return any(_has_unsafe(getattr(value, f.name)) for f in fields(value))
    return False


def _cleaned(value):
    """A copy of `value` without the characters XML cannot hold."""
    if isinstance(value, str):
        return _NOT_XML.sub("", value)
    if isinstance(value, tuple):
        return tuple(_cleaned(item) for item in value)
    if is_dataclass(value) and not isinstance(value, type):
        return replace(value, **{f.name: _cleaned(getattr(value, f.name)) for f in fields(value)})
    return value


class _Writer:
    """Appends the parts of one press release to a python-docx document."""

    def __init__(self, document: Document, theme: Theme) -> None:
        """Start an empty A4 document with the theme's styles."""
        self.document, self.theme = document, theme
        self.lang = labels.lang_tag(document.lang)
        self.doc: DocxDocument = styled_document(theme, self.lang)
        self.numbers = note_numbers(n.id for n in document.footnotes)
        self.notes_part: XmlPart | None = None
        self.style_ids: dict[str, str | None] = {}

    def new_paragraph(self, style: str, container=None) -> Paragraph:
        """Add an empty paragraph in `style` to the body (or to `container`, e.g. a table cell)."""
        paragraph = (container or self.doc).add_paragraph()
        style_id = self._style_id(style)
        if style_id:
            paragraph._p.style = style_id
        return paragraph

    def _style_id(self, name: str) -> str | None:
        """The id of paragraph style `name` (None for Normal), looked up once per document.

        python-docx resolves a style name by scanning every style of the document, twice; a kit
        adds hundreds of paragraphs.
        """
        if name not in self.style_ids:
            style = self.doc.styles[name]
            self.style_ids[name] = None if name == "Normal" else style.style_id
        return self.style_ids[name]

    def paragraph(self, runs: list[Run], style: str) -> Paragraph:
        """Add a body paragraph in `style` made of inline runs."""
        paragraph = self.new_paragraph(style)
        add_runs(paragraph._p, self.doc.part, runs, self.lang, self.numbers)
        return paragraph

    def text(self, text: str, style: str, notes: tuple = (), marks: tuple = ()) -> Paragraph:
        """Add a paragraph of plain text, linkified and typeset, with its footnote calls and marks."""
        return self.paragraph(inline_runs(text, notes, self.numbers, self.document.lang, marks), style)

    def paragraph_in(self, container, text: str, style: str) -> Paragraph:
        """Add a typeset, linkified paragraph to a table cell (or any block container)."""
        paragraph = self.new_paragraph(style, container)
        add_runs(paragraph._p, self.doc.part, inline_runs(text, lang=self.document.lang), self.lang)
        return paragraph


def render(document: Document, theme: Theme, path: Path) -> Path:
    """Write `document` as a DOCX at `path` (atomically) and return the path."""
    path, document = Path(path), xml_safe(document)
    check_theme(theme)
    writer = _Writer(document, theme)
    _page_setup(writer)
    _body(writer)
    _core_properties(writer)
    _drop_thumbnail(writer.doc)
    locale_settings(writer.doc.settings.element, document.lang)
    embed_fonts(writer.doc, theme)
    renumber_drawings(writer.doc.part.package)
    buffer = io.BytesIO()
    with fast_font_entries():
        writer.doc.save(buffer)
    write_output(path, what="DOCX", data=fix_zip_times(buffer.getvalue()))
    return path


def _page_setup(w: _Writer) -> None:
    """A4 with the brand's margins; a bare cover; brand and label in the header, page x of y below."""
    section = w.doc.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    top, right, bottom, left = (Mm(m) for m in w.theme.margins)
    section.top_margin, section.right_margin, section.bottom_margin, section.left_margin = \
        top, right, bottom, left
    section.header_distance = section.footer_distance = Cm(1.2)
    section.different_first_page_header_footer = True
    header = section.header.paragraphs[0]
    header._p.style = w._style_id("Header")
    _brand(w, header)
    header.add_run("\t")
    label = w.theme.header_text(w.document.lang, labels.label(w.document.lang, "press_kit"))
    header._p.append(make_run(label, w.lang))
    if w.document.meta_value("status") == "draft":
        banner = w.new_paragraph("Draft Banner", section.header)
        banner._p.append(make_run(labels.label(w.document.lang, "draft"), w.lang))
    _footer(w, section.footer.paragraphs[0])


def _brand(w: _Writer, paragraph: Paragraph) -> None:
    """The logo image when the theme has one, else the wordmark."""
    docx_kit.add_logo(w, paragraph, w.theme.logo, w.theme.name, Cm(0.8))


def _footer(w: _Writer, paragraph: Paragraph) -> None:
    """Brand name, then "Page {PAGE} of {NUMPAGES}" at the right tab."""
    paragraph._p.style = w._style_id("Footer")
    before, middle, after = labels.page_parts(w.document.lang)
    paragraph._p.append(make_run(w.theme.footer_text(w.document.lang), w.lang))
    paragraph.add_run("\t")
    paragraph._p.append(make_run(before, w.lang))
    add_field(paragraph._p, "PAGE", "1", w.lang)
    paragraph._p.append(make_run(middle, w.lang))
    add_field(paragraph._p, "NUMPAGES", "1", w.lang)
    if after:
        paragraph._p.append(make_run(after, w.lang))


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
        docx_kit.page_break(w)
        docx_kit.figures(w)
    if doc.about or doc.contacts:
        docx_kit.page_break(w)
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
        paragraph = w.new_paragraph("Quote Attribution")
        paragraph._p.append(make_run("— ", w.lang))
        paragraph._p.append(make_run(name, w.lang, "Strong"))
        paragraph._p.append(make_run(typography.apply(speaker[len(name) + 2:], w.document.lang), w.lang))
    else:
        w.text(speaker, "Quote Attribution")


def _footnotes(w: _Writer) -> None:
    """Write the footnotes part: footnote n has id n, in the order of `document.footnotes`."""
    if not w.document.footnotes:
        return
    part = add_footnotes_part(w.doc.part)
    for note in w.document.footnotes:
        add_footnote(part, w.numbers[note.id], footnote_runs(note.text, note.url, w.document.lang),
                     w.lang)


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
    paragraph = w.new_paragraph("Contact")
    lines: list[list[Run]] = []
    if contact.name:
        paragraph._p.append(make_run(contact.name, w.lang, "Strong"))
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
            paragraph.add_run().add_break()
        add_runs(paragraph._p, w.doc.part, runs, w.lang)


def _release_date(document: Document) -> datetime:
    """The date for file metadata (the release's, else the build's file day), else a fixed date."""
    for value in (labels.file_date(document),):
        try:
            return datetime.combine(date.fromisoformat(value[:10]), datetime.min.time(), timezone.utc)
        except ValueError:
            continue
    return FIXED_DATE


def _core_properties(w: _Writer) -> None:
    """Title, author, subject, keywords, language, provenance and fixed dates."""
    doc, props = w.document, w.doc.core_properties
    author = doc.meta_value("author") or w.theme.name
    props.title, props.subject = _clip(labels.file_title(doc)), _clip(doc.subtitle)
    props.author = _clip(author)
    props.keywords, props.language = _clip(doc.meta_value("keywords")), w.lang
    props.comments = ""  # provenance is not for the journalist's eyes: a custom property holds it
    if doc.meta_value("provenance"):
        add_custom_property(w.doc, "presskit provenance", doc.meta_value("provenance"))
    props.category = labels.label(doc.lang, "press_release")
    props.last_modified_by, props.revision = _clip(author), 1
    props.created = props.modified = props.last_printed = _release_date(doc)


def _clip(value: str, limit: int = 255) -> str:
    """Shorten a core property to the 255 characters the format allows, at a word boundary.

    >>> _clip("a, b, c", 4)
    'a,…'
    """
    if len(value) <= limit:
        return value
    return value[: limit - 1].rsplit(" ", 1)[0] + "…"


def _drop_thumbnail(doc: DocxDocument) -> None:
    """Remove the template's thumbnail (an empty page) from the package."""
    rels = doc.part.package.rels
    for r_id in [r_id for r_id, rel in rels.items() if rel.reltype == RT.THUMBNAIL]:
        del rels[r_id]
