"""Inline marks of a structured source (bold, italics, links), put back on the reader's plain words.

The Markdown and Word readers write their lines as plain text, so every stage of the text reader
sees words only (titles, datelines, quotes and sections are found as in a .txt). Each mark is kept
aside as a `SourceMark`: its words, a few characters on each side, its kind and its address. Once
the document is built, `attach` finds each mark's words in the block and About texts, in reading
order, and records it there as a `Mark` on character offsets. A mark whose words went elsewhere
(the title, a contact) or were rewritten is left out: its words are in the document all the same.

Within one line, a walker wraps marked words in private-use characters (`wrap`), and `take` reads
them out again in one linear pass, so that marks never cross a line nor a paragraph.
"""
from __future__ import annotations

import re
from dataclasses import replace

from presskit.document import Block, Document, Mark
from presskit.readers.decode import normalise
from presskit.readers.layout import SourceMark

_OPEN = {"strong": "\ue101", "em": "\ue103"}
_CLOSE = {"\ue102": "strong", "\ue104": "em", "\ue106": "link"}
_LINK_CLOSE = "\ue106"
_LINK_BASE = 0xF0000  # a link opens with chr(_LINK_BASE + n): the n-th address of the line
_SENTINEL = re.compile("[\ue101-\ue106\U000f0000-\U000ffffd]")
_CONTEXT = 16  # characters kept on each side of a mark to tell its words from the same words elsewhere
_REACH = 20_000  # characters searched from the previous mark: the time stays linear in the marks


def wrap(kind: str, text: str, hrefs: list[str] | None = None, href: str = "") -> str:
    """`text` between the characters that open and close a mark of `kind` (a link's address to `hrefs`).

    >>> take(wrap("strong", "vite") + " et " + wrap("link", "ici", h := [], "https://a.fr"), h)[1]
    [('strong', 0, 4, ''), ('link', 8, 11, 'https://a.fr')]
    """
    if kind != "link":
        return _OPEN[kind] + text + chr(ord(_OPEN[kind]) + 1)
    assert hrefs is not None
    hrefs.append(href)
    return chr(_LINK_BASE + len(hrefs) - 1) + text + _LINK_CLOSE


def opener(kind: str, hrefs: list[str] | None = None, href: str = "") -> str:
    """The character that opens a mark of `kind` (a link's address appended to `hrefs`).

    >>> take(opener("em") + "ici" + closer("em"))
    ('ici', [('em', 0, 3, '')])
    """
    return wrap(kind, "", hrefs, href)[:-1]


def closer(kind: str) -> str:
    """The character that closes a mark of `kind`."""
    return _LINK_CLOSE if kind == "link" else chr(ord(_OPEN[kind]) + 1)


def take(text: str, hrefs: list[str] = ()) -> tuple[str, list[tuple[str, int, int, str]]]:  # type: ignore[assignment]
    """The plain text, and its (kind, start, end, href) marks; a mark left open or unmatched goes.

    >>> take("a \ue101b\ue102 \ue103c")
    ('a b c', [('strong', 2, 3, '')])
    """
    pieces: list[str] = []
    opened: dict[str, list[tuple[int, str]]] = {}
    found: list[tuple[str, int, int, str]] = []
    length, last = 0, 0
    for match in _SENTINEL.finditer(text):
        pieces.append(text[last:match.start()])
        length += match.start() - last
        last = match.end()
        char = match.group()
        if char in _CLOSE:
            stack = opened.get(_CLOSE[char])
            if stack:
                start, href = stack.pop()
                if length > start:
                    found.append((_CLOSE[char], start, length, href))
        elif ord(char) >= _LINK_BASE:
            index = ord(char) - _LINK_BASE
            opened.setdefault("link", []).append((length, hrefs[index] if index < len(hrefs) else ""))
        else:
            opened.setdefault("strong" if char == "\ue101" else "em", []).append((length, ""))
    pieces.append(text[last:])
    return "".join(pieces), sorted(found, key=lambda m: (m[1], -m[2]))


def strip(text: str) -> str:
    """The text without its mark characters.

    >>> strip("\ue101Lyon\ue102")
    'Lyon'
    """
    return _SENTINEL.sub("", text)


def source_marks(line: str, found: list[tuple[str, int, int, str]], number: int) -> list[SourceMark]:
    """The marks `take` found in one plain line, with their context; marks on no word are left out.

    >>> source_marks("Voir la Métropole de Lyon ici", [("link", 8, 25, "https://a.fr")], 3)[0].before
    'Voir la '
    """
    marks = []
    for kind, start, end, href in found:
        while start < end and line[start].isspace():
            start += 1
        while end > start and line[end - 1].isspace():
            end -= 1
        label = line[start:end]
        if not any(char.isalnum() for char in label) or kind == "link" and not href:
            continue
        marks.append(SourceMark(kind, _clean(label), _clean(line[max(0, start - _CONTEXT):start]),
                                _clean(line[end:end + _CONTEXT]), href, (number, start)))
    return marks


def _clean(text: str) -> str:
    """Text as the text reader normalises it, the spaces at its ends kept (one each).

    >>> _clean("  a\u2003 b "), _clean("")
    (' a b ', '')
    """
    inner = normalise(" ".join(text.split()))
    head = " " if text[:1].isspace() and inner else ""
    tail = " " if text[-1:].isspace() and inner else ""
    return head + inner + tail if inner else (" " if text and text.isspace() else "")


def attach(document: Document, marks: tuple[SourceMark, ...] | list[SourceMark]) -> Document:
    """The document with each source mark placed on its words in the block and About texts."""
    if not marks:
        return document
    slots = _slots(document)
    placed: dict[tuple[str, int], list[Mark]] = {}
    cursor, previous = (0, 0), (-1, -1)
    for mark in marks:
        start = cursor if mark.at == previous else (cursor[0], cursor[1] + 1)
        spot = _find(slots, mark, start)
        if spot is not None:
            slot, begin = spot
            owner, index, part, _ = slots[slot]
            placed.setdefault((owner, index), []).append(
                Mark(mark.kind, begin, begin + len(mark.label), mark.href, part))
            cursor, previous = (slot, begin), mark.at
    return _placed(document, placed)


def _slots(document: Document) -> list[tuple[str, int, str, str]]:
    """(owner, index, part, text) of every text that carries marks, in reading order."""
    slots = []
    for i, block in enumerate(document.blocks):
        slots.append(("block", i, "text", block.text))
        slots += [("block", i, f"items[{j}]", item) for j, item in enumerate(block.items)]
    slots += [("about", i, "text", about.text) for i, about in enumerate(document.about)]
    return slots


def _keys(mark: SourceMark) -> list[tuple[str, int]]:
    """The strings to look for, most telling first, each with where the mark's words start in it."""
    keys = [(mark.before + mark.label + mark.after, len(mark.before)), (mark.before + mark.label, len(mark.before)),
            (mark.label + mark.after, 0)]
    if not mark.before.strip() and not mark.after.strip() or len(mark.label.split()) > 1:
        keys.append((mark.label, 0))
    return [(key, offset) for key, offset in dict.fromkeys(keys) if key]


def _find(slots: list[tuple[str, int, str, str]], mark: SourceMark,
          start: tuple[int, int]) -> tuple[int, int] | None:
    """(slot, offset) of the mark's words at or after `start`, within `_REACH` characters."""
    for key, offset in _keys(mark):
        budget, slot, position = _REACH, start[0], max(0, start[1] - offset)
        while slot < len(slots) and budget > 0:
            text = slots[slot][3]
            at = text.find(key, position, position + budget + len(key))
            if at >= 0:
                return slot, at + offset
            budget -= max(len(text) - position, 1)
            slot, position = slot + 1, 0
    return None


def _placed(document: Document, placed: dict[tuple[str, int], list[Mark]]) -> Document:
    """The document with the marks found, sorted, on their blocks and About sections."""
    def ordered(found: list[Mark]) -> tuple[Mark, ...]:
        return tuple(sorted(found, key=lambda m: (m.part, m.start, -m.end)))

    blocks: list[Block] = [replace(block, marks=ordered(placed[("block", i)])) if ("block", i) in placed else block
                           for i, block in enumerate(document.blocks)]
    about = tuple(replace(a, marks=ordered(placed[("about", i)])) if ("about", i) in placed else a
                  for i, a in enumerate(document.about))
    return document.evolve(blocks=tuple(blocks), about=about)
