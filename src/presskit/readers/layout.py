"""What a structured source (Markdown, DOCX, PDF) tells the text reader beyond its plain text."""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from presskit.document import Footnote

HINTS = ("title", "subtitle", "heading", "quote")


@dataclass(frozen=True)
class Layout:
    """Hints for the text reader.

    `hints` maps a line index of the text (0-based) to the role its markup gives it (one of HINTS);
    `links` are web addresses found behind link texts; `footnotes` are the file's own footnotes,
    called in the text by superscript digits; `structured` says a blank line always ends a paragraph;
    `typeset` says the lines were wrapped by a word processor, which breaks a line at a hyphen of the
    text but never hyphenates a word itself (a PDF's text layer).
    """

    hints: Mapping[int, str] = field(default_factory=dict)
    links: tuple[str, ...] = ()
    footnotes: tuple[Footnote, ...] = ()
    structured: bool = False
    typeset: bool = False


SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


def note_marker(number: int) -> str:
    """The superscript marker that calls footnote `number` in the text ("¹²" for 12)."""
    return str(number).translate(SUPERSCRIPT)


@dataclass
class Collected:
    """What a format's walker collects for the text reader: lines, hints by line, links, note numbers."""

    lines: list[str] = field(default_factory=list)
    hints: dict[int, str] = field(default_factory=dict)
    links: list[str] = field(default_factory=list)
    notes: dict[str, int] = field(default_factory=dict)
