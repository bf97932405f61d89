"""The DOCX reader: paragraph styles, lists, tables, hyperlinks and real footnotes → text and a Layout.

Bold and italic runs (direct formatting, or the Strong and Emphasis character styles) and
`w:hyperlink` elements with an external target go to the Layout as marks (`readers.marks`).

The file is checked before python-docx opens it: a zip within size limits (no zip bomb), no DTD in
its XML (python-docx's parser does not resolve entities either).
"""
from __future__ import annotations

import io
import re
import zipfile

from lxml import etree

import presskit.readers.text as plain
from presskit.document import Document, Footnote
from presskit.errors import PresskitError
from presskit.readers.guard import check_shape
from presskit.readers.layout import Collected, Layout, note_marker
from presskit.readers.links import find_urls
from presskit.readers.marks import closer, opener, source_marks, take
from presskit.readers.patterns import is_bullet

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
MAX_MEMBER = 64 * 2**20
MAX_TOTAL = 256 * 2**20
MAX_RATIO = 200
MAX_MEMBERS = 5000
_STYLE_HINTS = [(re.compile(r"^(?:title|titre)$", re.IGNORECASE), "title"),
                (re.compile(r"^(?:subtitle|sous-titre)$", re.IGNORECASE), "subtitle"),
                (re.compile(r"^(?:heading|titre)\s*\d", re.IGNORECASE), "heading"),
                (re.compile(r"quote|citation", re.IGNORECASE), "quote")]
_LIST_STYLE = re.compile(r"^(?:list|liste)\b", re.IGNORECASE)
_HYPERLINK_FIELD = re.compile(r'HYPERLINK\s+"([^"]+)"')
_OFF = ("0", "false", "off", "none")
_CHARACTER_STYLES = {"Strong": "strong", "Emphasis": "em"}


_State = Collected  # lines, hints, links and footnote numbers collected while walking the document


def check_archive(data: bytes, source: str) -> None:
    """Refuse a DOCX that is not a Word zip, too large once unpacked, or with a DTD in its XML."""
    hint = "open it in Word or LibreOffice and save it again as .docx"
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise PresskitError(f"this DOCX file is damaged or is not a Word document ({exc})", path=source,
                            hint=hint) from None
    names = {m.filename for m in members}
    if "word/document.xml" not in names:
        raise PresskitError("this zip file is not a Word document (no word/document.xml)", path=source, hint=hint)
    total = sum(m.file_size for m in members)
    if len(members) > MAX_MEMBERS or total > MAX_TOTAL or any(
            m.file_size > MAX_MEMBER or m.file_size > MAX_RATIO * max(m.compress_size, 1) + 2**20
            for m in members):
        raise PresskitError("this DOCX file unpacks to far more data than a press release holds "
                            "(a zip bomb?)", path=source, hint="check where the file comes from")
    _check_no_dtd(archive, [m for m in members if m.filename.endswith((".xml", ".rels"))], source)


def _check_no_dtd(archive: zipfile.ZipFile, members: list[zipfile.ZipInfo], source: str) -> None:
    """Refuse XML parts that declare a DTD (entities are how XML bombs and file reads start)."""
    for member in members:
        try:
            with archive.open(member) as handle:
                doctype = _doctype(handle)
        except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError, RuntimeError,
                etree.XMLSyntaxError) as exc:
            raise PresskitError(f"this DOCX file is damaged ({member.filename}: {exc})", path=source,
                                hint="open it in Word or LibreOffice and save it again as .docx") from None
        if doctype:
            raise PresskitError(f"this DOCX file declares a DTD or XML entities in {member.filename}, "
                                "which Word never writes", path=source, hint="check where the file comes from")


def _doctype(handle) -> bool:
    """Whether the XML read from `handle` has a DOCTYPE before its root element, in any encoding.

    The XML is parsed (no DTD loaded, no entity resolved, no network) only up to its first element:
    whatever comes before it (a long comment, UTF-16 text) cannot hide a declaration.
    """
    parser = etree.XMLPullParser(events=("start",), resolve_entities=False, load_dtd=False,
                                 no_network=True)
    while chunk := handle.read(65536):
        parser.feed(chunk)
        for _, element in parser.read_events():
            info = element.getroottree().docinfo
            return bool(info.doctype) or info.internalDTD is not None
    return False


def read_docx(data: bytes, source: str = "") -> Document:
    """Build the Document of a French press release saved as DOCX."""
    check_archive(data, source)
    import docx  # imported here: only DOCX input needs it

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # noqa: BLE001 — python-docx raises many kinds of errors on damaged files
        raise PresskitError(f"this DOCX file cannot be opened ({type(exc).__name__})", path=source,
                            hint="open it in Word or LibreOffice and save it again as .docx") from None
    text, layout = to_text(document)
    return plain.parse(check_shape(text, source), source, layout)


def to_text(document) -> tuple[str, Layout]:
    """The release as plain text in the text reader's shape, and what the styles said."""
    state = _State()
    rels = document.part.rels
    for element in document.element.body.iterchildren():
        if element.tag == f"{W}p":
            _paragraph(state, element, rels, _style_name(document, element))
        elif element.tag == f"{W}tbl":
            for cell_paragraph in element.iter(f"{W}p"):
                _paragraph(state, cell_paragraph, rels, _style_name(document, cell_paragraph))
    footnotes = _footnotes(document, state)
    return "\n".join(state.lines), Layout(hints=state.hints, links=tuple(state.links), footnotes=footnotes,
                                          structured=True, marks=tuple(state.marks))


def _style_name(document, paragraph) -> str:
    """The name of a paragraph's style ("Heading 1"), or ""."""
    style_id = paragraph.find(f"{W}pPr/{W}pStyle")
    if style_id is None:
        return ""
    try:
        style = document.styles.get_by_id(style_id.get(f"{W}val"), 1)  # 1: WD_STYLE_TYPE.PARAGRAPH
        return style.name or "" if style is not None else ""
    except Exception:  # noqa: BLE001 — an odd styles part: fall back to the style's id
        return style_id.get(f"{W}val") or ""


def _hint_of(style: str) -> str:
    """The hint a paragraph style gives: title, subtitle, heading, quote, or ""."""
    return next((hint for pattern, hint in _STYLE_HINTS if pattern.search(style)), "")


def _paragraph(state: _State, paragraph, rels, style: str) -> None:
    """Append one paragraph: its lines (soft breaks kept), a blank line, its hint and its marks."""
    hrefs: list[str] = []
    whole, found = take(_runs_text(state, paragraph, rels, hrefs), hrefs)
    text = whole.strip()
    if not text.strip():
        return
    shift = -(len(whole) - len(whole.lstrip()))
    listed = paragraph.find(f"{W}pPr/{W}numPr") is not None or bool(_LIST_STYLE.match(style))
    if listed and not is_bullet(text):
        text, shift = "- " + text, shift + 2
    hint = "" if listed else _hint_of(style)
    if hint:
        state.hints[len(state.lines)] = hint
    state.marks += source_marks(text, [(k, max(0, a + shift), max(0, b + shift), h) for k, a, b, h in found],
                                len(state.lines))
    state.lines += text.split("\n") + [""]


def _runs_text(state: _State, element, rels, hrefs: list[str] | None = None) -> str:
    """The text of a paragraph (or footnote) in reading order, with its links and note calls; with
    `hrefs`, its bold, italics and hyperlinks as `readers.marks` characters (addresses to `hrefs`)."""
    out: list[str] = []
    marks = _Marks(rels, hrefs) if hrefs is not None else None
    for node in element.iter():
        tag = node.tag
        if tag == f"{W}t":
            if marks is not None:
                out.append(marks.turn(node))
            out.append(node.text or "")
        elif tag in (f"{W}tab", f"{W}noBreakHyphen"):
            out.append(" " if tag == f"{W}tab" else "-")
        elif tag in (f"{W}br", f"{W}cr"):
            out.append("\n")
        elif tag == f"{W}hyperlink" and node.get(R_ID) in rels:
            rel = rels[node.get(R_ID)]
            if rel.is_external:
                state.links.append(rel.target_ref)
        elif tag == f"{W}instrText":
            state.links += _HYPERLINK_FIELD.findall(node.text or "")
        elif tag == f"{W}footnoteReference":
            note_id = node.get(f"{W}id") or ""
            out.append(note_marker(state.notes.setdefault(note_id, len(state.notes) + 1)))
    if marks is not None:
        out.append(marks.close())
    return "".join(out)


class _Marks:
    """Which marks the text met so far is under; `turn` gives the characters that change them."""

    def __init__(self, rels, hrefs: list[str]) -> None:
        self.rels, self.hrefs = rels, hrefs
        self.link: object = None  # the w:hyperlink element of the current text, if any
        self.on: dict[str, bool] = {"strong": False, "em": False}

    def turn(self, text_node) -> str:
        """The mark characters to write before the text of a `w:t`: links and emphasis it changes."""
        run = text_node.getparent()
        link = _hyperlink_of(run)
        wanted = _emphasis_of(run)
        out = [self._end(kind) for kind, on in self.on.items() if on and not wanted[kind]]
        if link is not self.link:
            out.append(self._close_link())
            href = _external_target(link, self.rels) if link is not None else ""
            if href:
                out.append(opener("link", self.hrefs, href))
                self.link = link
        out += [self._start(kind) for kind, on in wanted.items() if on and not self.on[kind]]
        return "".join(out)

    def close(self) -> str:
        """The characters that close every mark still open at the end of the paragraph."""
        return "".join(self._end(kind) for kind, on in self.on.items() if on) + self._close_link()

    def _start(self, kind: str) -> str:
        """Open an emphasis."""
        self.on[kind] = True
        return opener(kind)

    def _end(self, kind: str) -> str:
        """Close an emphasis."""
        self.on[kind] = False
        return closer(kind)

    def _close_link(self) -> str:
        """Close the current link, if one is open."""
        if self.link is None:
            return ""
        self.link = None
        return closer("link")


def _hyperlink_of(run):
    """The `w:hyperlink` element a run is in (a few levels up at most), or None."""
    node = run
    for _ in range(3):
        node = node.getparent() if node is not None else None
        if node is None or node.tag == f"{W}p":
            return None
        if node.tag == f"{W}hyperlink":
            return node
    return None


def _external_target(link, rels) -> str:
    """The web address a `w:hyperlink` points at ("" for a bookmark in the document)."""
    r_id = link.get(R_ID)
    if not r_id or r_id not in rels:
        return ""
    rel = rels[r_id]
    return rel.target_ref if rel.is_external else ""


def _emphasis_of(run) -> dict[str, bool]:
    """Whether a run is bold and italic by its own formatting or a Strong/Emphasis character style."""
    found = {"strong": False, "em": False}
    props = run.find(f"{W}rPr") if run is not None and run.tag == f"{W}r" else None
    if props is None:
        return found
    for tag, kind in (("b", "strong"), ("i", "em")):
        element = props.find(f"{W}{tag}")
        found[kind] = element is not None and (element.get(f"{W}val") or "true").lower() not in _OFF
    style = props.find(f"{W}rStyle")
    if style is not None and style.get(f"{W}val") in _CHARACTER_STYLES:
        found[_CHARACTER_STYLES[style.get(f"{W}val")]] = True
    return found


def _footnotes(document, state: _State) -> tuple[Footnote, ...]:
    """The footnotes called in the text, numbered in order of their calls, from word/footnotes.xml."""
    part = next((rel.target_part for rel in document.part.rels.values()
                 if rel.reltype.endswith("/footnotes") and not rel.is_external), None)
    if part is None or not state.notes:
        return ()
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False)
    try:
        root = etree.fromstring(part.blob, parser)
    except etree.XMLSyntaxError:
        return ()
    texts = {}
    for note in root.iter(f"{W}footnote"):
        paragraphs = [_runs_text(state, p, part.rels).strip() for p in note.iter(f"{W}p")]
        texts[note.get(f"{W}id")] = " ".join(p for p in paragraphs if p)
    notes = []
    for note_id, number in state.notes.items():
        text = texts.get(note_id, "")
        urls = find_urls(text)
        notes.append(Footnote(id=str(number), text=text, url=urls[0][2] if urls else ""))
    return tuple(notes)
