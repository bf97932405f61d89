"""Footnotes: "N text" lines whose number is called by a marker glued to a word ("biomédicaments1.")."""
from __future__ import annotations

import re
from dataclasses import replace

from presskit.document import Block, Footnote, NoteRef
from presskit.readers.links import find_urls
from presskit.readers.patterns import ends_sentence
from presskit.readers.reflow import join_two

_SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
_NOTE_LINE = re.compile(r"^(?:(\d{1,2})|\[(\d{1,2})\]|\((\d{1,2})\)|([⁰¹²³⁴⁵⁶⁷⁸⁹]{1,2}))\s+(\S.*)$")
_MARKER = re.compile(r"(?:(?<=[^\W\d_])|(?<=[)»”\"’]))(\d{1,2})(?![^\W_])"
                     r"|(?<=\S)([⁰¹²³⁴⁵⁶⁷⁸⁹]{1,2})(?![⁰¹²³⁴⁵⁶⁷⁸⁹])|(?<=\S) ?\[(\d{1,2})\]|(?<=\S) \((\d{1,2})\)(?=[\s.,;:]|$)")


_EXPLICIT = re.compile(r"(?<=\S) ?\[(\d{1,2})\]|(?<=\S) \((\d{1,2})\)(?=[\s.,;:]|$)")


def _note_id(marker: str) -> str:
    """The footnote number a marker or a footnote line names, as ASCII digits."""
    return marker.translate(_SUPERSCRIPTS)


def _marker_id(match: re.Match[str]) -> str:
    """The footnote number a marker match calls."""
    return _note_id(next(group for group in match.groups() if group))


def _footnote(note_id: str, text: str) -> Footnote:
    """A footnote; its `url` is the first web address of its text."""
    urls = find_urls(text)
    return Footnote(id=note_id, text=text, url=urls[0][2] if urls else "")


def extract_footnotes(lines: list[str]) -> tuple[list[str], tuple[Footnote, ...]]:
    """Blank out footnote lines (keeping line numbers) and return them as footnotes: an "N text" line
    is footnote N when a marker glued to a word called N in the lines before it."""
    kept = list(lines)
    notes: list[Footnote] = []
    seen: set[str] = set()
    called: set[str] = set()
    in_note = False
    for i, line in enumerate(lines):
        match = _NOTE_LINE.match(line)
        note_id = _note_id(next(g for g in match.groups()[:4] if g)) if match else ""
        if match and note_id not in seen and note_id in called:
            seen.add(note_id)
            notes.append(_footnote(note_id, match.group(5).strip()))
            kept[i], in_note = "", True
        elif in_note and line.strip() and _goes_on(lines[i - 1], line):
            notes[-1] = _footnote(notes[-1].id, join_two(notes[-1].text, line.strip()))
            kept[i] = ""
        else:
            in_note = False
            called.update(_marker_id(m) for m in _MARKER.finditer(line))
    return kept, tuple(notes)


def _goes_on(previous: str, line: str) -> bool:
    """True when `line` continues the footnote on the line above (a wrapped note).

    >>> _goes_on("[5] Michel Pérez est le coordonnateur du rapport, 24/09/", "2013")
    True
    """
    previous, line = previous.strip(), line.strip()
    if not previous or _NOTE_LINE.match(line):
        return False
    return line[:1].islower() or line[:1].isdigit() or (len(previous) >= 50 and not ends_sentence(previous))


def _place_in_text(text: str, pending: set[str], bracketed: set[str] = frozenset()) -> tuple[str, tuple[NoteRef, ...]]:
    """Remove the markers of pending footnotes from one text; return it with its note calls. A note
    called somewhere as "[n]" is only called that way ("SavoirsCom1" is a name, not a call)."""
    out, refs, last = [], [], 0
    for match in _MARKER.finditer(text):
        note_id = _marker_id(match)
        if note_id not in pending or note_id in bracketed and not (match.group(3) or match.group(4)):
            continue
        pending.discard(note_id)
        out.append(text[last:match.start()])
        last = match.end()
        refs.append(NoteRef(id=note_id, offset=sum(map(len, out))))
    out.append(text[last:])
    return "".join(out), tuple(refs)


def place_notes(blocks: list[Block], notes: tuple[Footnote, ...]) -> list[Block]:
    """Turn the first marker of each footnote found in the blocks' text into a NoteRef."""
    pending = {note.id for note in notes}
    bracketed = {m.group(1) or m.group(2) for block in blocks for m in _EXPLICIT.finditer(block.text)} & pending
    placed = []
    for block in blocks:
        if pending and block.text:
            text, refs = _place_in_text(block.text, pending, bracketed)
            if refs:
                block = replace(block, text=text, notes=block.notes + refs)
        placed.append(block)
    return placed
