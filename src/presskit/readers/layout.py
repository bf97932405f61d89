"""What a structured source (Markdown, DOCX, PDF) tells the text reader beyond its plain text."""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from presskit.document import Footnote

HINTS = ("title", "subtitle", "heading", "quote")


@dataclass(frozen=True)
class SourceMark:
    """A mark as the source wrote it: kind, words, the characters around them, address, place."""

    kind: str
    label: str
    before: str = ""
    after: str = ""
    href: str = ""
    at: tuple[int, int] = (0, 0)  # (line, column) in the source, to keep marks in reading order


@dataclass(frozen=True)
class Layout:
    """Hints for the text reader.

    `hints` maps a line index of the text (0-based) to the role its markup gives it (one of HINTS);
    `links` are web addresses found behind link texts; `footnotes` are the file's own footnotes,
    called in the text by superscript digits; `structured` says a blank line always ends a paragraph;
    `typeset` says the lines were wrapped by a word processor, which breaks a line at a hyphen of the
    text but never hyphenates a word itself (a PDF's text layer). `marks` are the source's bold,
    italics and links, in reading order (`readers.marks`).
    """

    hints: Mapping[int, str] = field(default_factory=dict)
    links: tuple[str, ...] = ()
    footnotes: tuple[Footnote, ...] = ()
    structured: bool = False
    typeset: bool = False
    marks: tuple[SourceMark, ...] = ()


SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


def note_marker(number: int) -> str:
    """The superscript marker that calls footnote `number` in the text ("¹²" for 12)."""
    return str(number).translate(SUPERSCRIPT)


@dataclass
class Collected:
    """What a format's walker collects for the text reader: lines, hints by line, links, note numbers, marks."""

    lines: list[str] = field(default_factory=list)
    hints: dict[int, str] = field(default_factory=dict)
    links: list[str] = field(default_factory=list)
    notes: dict[str, int] = field(default_factory=dict)
    marks: list[SourceMark] = field(default_factory=list)
