"""The central document model: small frozen dataclasses shared by readers, transforms and renderers."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field, replace
from enum import StrEnum
from typing import Any, Callable, Iterator

BLOCK_KINDS = ("lede", "paragraph", "heading", "list", "quote", "closing")


@dataclass(frozen=True)
class NoteRef:
    """A footnote reference: footnote `id` is called right after character `offset` of its text."""

    id: str
    offset: int


@dataclass(frozen=True)
class Mark:
    """Inline emphasis or a link on characters [`start`, `end`) of one text of its block or About.

    `kind` is "strong", "em" or "link" (then `href` is the address, never translated); `part` names
    the text: "text", or "items[2]" for a list's third entry. The text itself stays plain words.
    """

    kind: str
    start: int
    end: int
    href: str = ""
    part: str = "text"


def marks_of(marks: tuple[Mark, ...], part: str = "text") -> tuple[Mark, ...]:
    """The marks on one part of a block ("text", "items[0]"…).

    >>> marks_of((Mark("em", 0, 2), Mark("strong", 1, 3, part="items[0]")), "items[0]")
    (Mark(kind='strong', start=1, end=3, href='', part='items[0]'),)
    """
    return tuple(mark for mark in marks if mark.part == part)


@dataclass(frozen=True)
class Speaker:
    """Who is quoted, as far as the attribution gives it."""

    name: str
    role: str = ""
    organization: str = ""


@dataclass(frozen=True)
class Block:
    """One block of the body: lede, paragraph, heading, list, quote or closing.

    `text` is plain text (no markup); a list keeps its entries in `items`. A quote's `text` is what
    is inside the quotation marks; `attribution` keeps the attribution words as written
    ("a souligné Jessica Leygues, Déléguée Générale, Medicen Paris Region."), `speaker` what they say.
    `url` is set on a closing web address; `notes` place footnote calls in `text`; `marks` put the
    source's bold, italics and links on characters of `text` or of an item (never inside the words).
    """

    kind: str
    text: str = ""
    items: tuple[str, ...] = ()
    speaker: Speaker | None = None
    attribution: str = ""
    url: str = ""
    notes: tuple[NoteRef, ...] = ()
    marks: tuple[Mark, ...] = ()


@dataclass(frozen=True)
class Footnote:
    """A footnote: its number, its text and, when the text is a web address, that URL."""

    id: str
    text: str
    url: str = ""


@dataclass(frozen=True)
class About:
    """An "À propos de X" boilerplate: the organisation and its text (paragraphs joined by blank lines)."""

    organization: str
    text: str
    heading: str = ""
    marks: tuple[Mark, ...] = ()  # bold, italics and links of `text`, as on a Block


@dataclass(frozen=True)
class Contact:
    """A press contact; `heading` keeps the section title as written ("Contact presse :")."""

    name: str = ""
    organization: str = ""
    email: str = ""
    phone: str = ""
    text: str = ""
    role: str = ""
    heading: str = ""


@dataclass(frozen=True)
class Figure:
    """A key figure: its value as written ("85 %") and what it counts; figures of one `series` compare."""

    value: str
    label: str
    series: str = ""


@dataclass(frozen=True)
class Dateline:
    """"Paris, le 7 septembre 2023": the place, the ISO date and the words as written."""

    text: str
    place: str = ""
    date: str = ""


class Origin(StrEnum):
    """Where an English segment came from; an engine's segments say which engine ("engine:deepl")."""

    MEMORY = "memory"  # an approved translation of the memory (TMX)
    GLOSSARY = "glossary"  # only names, terms and quantities: written from the glossary
    KEPT = "kept"  # nothing to translate: numbers, punctuation, addresses
    ENGINE = "engine"  # machine translation
    UNTRANSLATED = "untranslated"  # no translation yet

    def __repr__(self) -> str:
        """Shown as its value, like the string it stands for."""
        return repr(self.value)


def engine_origin(name: str) -> str:
    """The origin of a segment the engine `name` translated.

    >>> engine_origin("deepl"), Segment("p", "a", "b", engine_origin("deepl")).engine
    ('engine:deepl', 'deepl')
    """
    return f"{Origin.ENGINE}:{name}"


class TermStatus(StrEnum):
    """What translation did with a glossary term or name of the French."""

    EXPECTED = "expected"  # not checked yet
    APPLIED = "applied"  # protected through the engine, or found as approved
    REPAIRED = "repaired"  # the engine changed it; presskit put the approved form back
    MISSING = "missing"
    FORBIDDEN = "forbidden"

    def __repr__(self) -> str:
        """Shown as its value, like the string it stands for."""
        return repr(self.value)


@dataclass(frozen=True)
class Segment:
    """One translated sentence and where its translation came from.

    `origin` is an `Origin` ("memory", …), or "engine:<name>" (`engine_origin`); `path` names the
    field it belongs to (e.g. "blocks[3].text#2" — the third sentence of block 3's text).
    `marks` are the French sentence's marks on `source` (mark n is the n-th); `target_marks` says
    where each came back in `target`: (n, start, end), a lost mark left out.
    """

    path: str
    source: str
    target: str
    origin: str
    score: float = 1.0
    note: str = ""
    marks: tuple[Mark, ...] = ()
    target_marks: tuple[tuple[int, int, int], ...] = ()

    @property
    def kind(self) -> Origin:
        """The kind of origin, an engine's name left out."""
        return Origin(self.origin.split(":", 1)[0])

    @property
    def engine(self) -> str:
        """The name of the engine that translated the segment ("" when none did)."""
        kind, _, name = self.origin.partition(":")
        return name if kind == Origin.ENGINE else ""


@dataclass(frozen=True)
class TermUse:
    """A glossary term found in the source, and whether its approved translation is in the target.

    `status` says what translation did with it: "expected" (not yet checked), "applied" (protected
    or found as approved), "repaired", "missing" or "forbidden".
    """

    path: str
    fr: str
    en: str
    kind: str
    surface: str
    found: bool | None = None
    status: str = TermStatus.EXPECTED


@dataclass(frozen=True)
class Document:
    """A press release in one language."""

    lang: str
    title: str = ""
    subtitle: str = ""
    dateline: Dateline | None = None
    labels: tuple[str, ...] = ()
    embargo: str = ""
    blocks: tuple[Block, ...] = ()
    footnotes: tuple[Footnote, ...] = ()
    about: tuple[About, ...] = ()
    contacts: tuple[Contact, ...] = ()
    links: tuple[str, ...] = ()
    figures: tuple[Figure, ...] = ()
    source: str = ""
    segments: tuple[Segment, ...] = ()
    terms: tuple[TermUse, ...] = ()
    meta: tuple[tuple[str, str], ...] = field(default=())
    doubts: tuple[str, ...] = ()  # what the reader was unsure of ("no title found"), for the user

    def evolve(self, **changes: Any) -> "Document":
        """Return a copy with `changes` applied (the model is immutable)."""
        return replace(self, **changes)

    def meta_value(self, key: str, default: str = "") -> str:
        """Return the metadata value stored under `key`."""
        return dict(self.meta).get(key, default)


def to_dict(document: Document, *, with_provenance: bool = False) -> dict[str, Any]:
    """Return the document as plain JSON-ready data (`presskit parse --json`)."""
    data = asdict(document)
    data.pop("meta")
    if not data["doubts"]:
        data.pop("doubts")  # the JSON of a release read without doubt stays as it was
    if not with_provenance:
        data.pop("segments")
        data.pop("terms")
    for block in data["blocks"]:
        _prune_block(block)
    for about in data["about"]:
        if not about["marks"]:
            del about["marks"]
    return data


def _prune_block(block: dict[str, Any]) -> None:
    """Drop a block's empty optional keys so the JSON shows what each kind holds."""
    for key in ("items", "speaker", "attribution", "url", "notes", "marks"):
        if not block[key]:
            del block[key]


def marks_by_path(document: Document) -> dict[str, tuple[Mark, ...]]:
    """The marks of the document by the path of their text ("blocks[3].items[0]", "about[1].text").

    >>> marks_by_path(Document("fr", blocks=(Block("paragraph", "Lyon", marks=(Mark("em", 0, 4),)),)))
    {'blocks[0].text': (Mark(kind='em', start=0, end=4, href='', part='text'),)}
    """
    found: dict[str, list[Mark]] = {}
    for i, block in enumerate(document.blocks):
        for mark in block.marks:
            found.setdefault(f"blocks[{i}].{mark.part}", []).append(mark)
    for i, about in enumerate(document.about):
        found.setdefault(f"about[{i}].text", []).extend(about.marks)
    return {path: tuple(found_marks) for path, found_marks in found.items() if found_marks}


def iter_texts(document: Document) -> Iterator[tuple[str, str]]:
    """Yield (path, text) for every non-empty translatable text of the document, in reading order."""
    found: list[tuple[str, str]] = []

    def collect(path: str, text: str) -> str:
        if text.strip():
            found.append((path, text))
        return text

    map_texts(document, collect)
    return iter(found)


def map_texts(document: Document, fn: Callable[[str, str], str]) -> Document:
    """Return a copy with every translatable text replaced by `fn(path, text)` (names and URLs kept)."""
    title, subtitle = fn("title", document.title), fn("subtitle", document.subtitle)
    dateline = document.dateline
    if dateline:
        dateline = replace(dateline, text=fn("dateline.text", dateline.text))
    return replace(
        document,
        title=title,
        subtitle=subtitle,
        dateline=dateline,
        labels=tuple(fn(f"labels[{i}]", label) for i, label in enumerate(document.labels)),
        embargo=fn("embargo", document.embargo),
        blocks=tuple(_map_block(f"blocks[{i}]", b, fn) for i, b in enumerate(document.blocks)),
        footnotes=tuple(_map_footnote(f"footnotes[{i}]", n, fn)
                        for i, n in enumerate(document.footnotes)),
        about=tuple(replace(a, heading=fn(f"about[{i}].heading", a.heading),
                            text=fn(f"about[{i}].text", a.text))
                    for i, a in enumerate(document.about)),
        contacts=tuple(replace(c, heading=fn(f"contacts[{i}].heading", c.heading),
                               role=fn(f"contacts[{i}].role", c.role),
                               text=fn(f"contacts[{i}].text", c.text))
                       for i, c in enumerate(document.contacts)),
        figures=tuple(replace(f, value=fn(f"figures[{i}].value", f.value),
                              label=fn(f"figures[{i}].label", f.label),
                              series=fn(f"figures[{i}].series", f.series))
                      for i, f in enumerate(document.figures)),
    )


def _map_footnote(prefix: str, note: Footnote, fn: Callable[[str, str], str]) -> Footnote:
    """Translate a footnote's text unless it is only its URL."""
    if note.url and note.text.strip() == note.url:
        return note
    return replace(note, text=fn(f"{prefix}.text", note.text))


def _map_block(prefix: str, block: Block, fn: Callable[[str, str], str]) -> Block:
    """Apply `fn` to the translatable texts of one block (a closing that is only a web address is kept)."""
    if block.kind == "closing" and block.url and len(block.text.split()) <= 1:
        return block
    speaker = block.speaker
    if speaker:
        speaker = replace(speaker, role=fn(f"{prefix}.speaker.role", speaker.role))
    return replace(
        block,
        text=fn(f"{prefix}.text", block.text),
        items=tuple(fn(f"{prefix}.items[{j}]", item) for j, item in enumerate(block.items)),
        attribution=fn(f"{prefix}.attribution", block.attribution),
        speaker=speaker,
    )
