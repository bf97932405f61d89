"""Where a segment is, in words the user knows: "paragraph 3, sentence 2 (line 14 of the source)".

A segment's path ("blocks[2].text#1") names a field of the model; messages name the part of the
release instead, counted as a reader counts them, and the line of the source file that holds the
sentence when the source is a text file (the reader keeps no line numbers, so the sentence's first
words are looked up in the file).
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from presskit.document import Document

_KINDS = {"lede": "the lede", "paragraph": "paragraph", "heading": "heading", "list": "list",
          "quote": "quote", "closing": "the closing line"}
_PATH = re.compile(r"^(?P<field>[a-z_]+)(?:\[(?P<index>\d+)\])?(?:\.(?P<rest>[a-z_.]+(?:\[\d+\])?))?"
                   r"(?:#(?P<sentence>\d+))?$")


def place_of(path: str, document: Document, sentence_text: str = "") -> str:
    """Name the place of a segment path in the release (`document` is the French one).

    >>> from presskit.document import Block
    >>> french = Document("fr", blocks=(Block("heading", "Titre"), Block("paragraph", "A. B."),
    ...                                 Block("paragraph", "C. D. E.")))
    >>> place_of("blocks[2].text#1", french), place_of("title#0", french), place_of("blocks[0].text#0", french)
    ('paragraph 2, sentence 2', 'the title', 'heading 1')
    """
    match = _PATH.match(path)
    if not match:
        return path
    field, index, rest = match.group("field"), match.group("index"), match.group("rest") or ""
    sentence = int(match.group("sentence") or 0)
    place = _name(document, field, int(index) if index is not None else None, rest, sentence)
    line = line_in_source(document.source, sentence_text) if sentence_text else None
    return f"{place} (line {line} of the source)" if line else place


def _name(document: Document, field: str, index: int | None, rest: str, sentence: int) -> str:
    """The words for one field of the model."""
    nth = f", sentence {sentence + 1}" if sentence else ""
    if field in ("title", "subtitle", "embargo"):
        return f"the {field}{nth}"
    if field == "dateline":
        return "the dateline"
    if field == "blocks" and index is not None and index < len(document.blocks):
        block = document.blocks[index]
        kind = _KINDS.get(block.kind, block.kind)
        if kind.startswith("the "):
            where = kind
        else:
            where = f"{kind} {sum(1 for b in document.blocks[:index + 1] if b.kind == block.kind)}"
        item = re.match(r"items\[(\d+)\]", rest)
        if item:
            return f"{where}, item {int(item.group(1)) + 1}{nth}"
        if rest == "speaker.role":
            return f"{where}, the speaker's role"
        if rest == "attribution":
            return f"{where}, its attribution"
        return f"{where}, sentence {sentence + 1}" if sentence or _many(block.text) else where
    if field == "about" and index is not None and index < len(document.about):
        return f"About {document.about[index].organization or index + 1}, sentence {sentence + 1}"
    if field == "contacts" and index is not None and index < len(document.contacts):
        contact = document.contacts[index]
        return f"the press contact {contact.name or index + 1}, {rest or 'text'}"
    if field == "footnotes" and index is not None and index < len(document.footnotes):
        return f"footnote {document.footnotes[index].id}{nth}"
    return f"{field} {index + 1 if index is not None else ''}".strip() + nth


def _many(text: str) -> bool:
    """True when a text has more than one sentence (then the sentence is named)."""
    from presskit.translation.segmentation import split_spans

    return len(split_spans(text)) > 1


def line_in_source(source: str, sentence: str) -> int | None:
    """The line of a text source file where `sentence` starts (None for other files or when not found)."""
    lines = _source_lines(source)
    words = " ".join(sentence.split()[:6])
    if not lines or not words:
        return None
    for number, line in enumerate(lines, start=1):
        if words in " ".join(line.split()):
            return number
    head = " ".join(sentence.split()[:3])
    return next((n for n, line in enumerate(lines, start=1) if head and head in " ".join(line.split())), None)


@lru_cache(maxsize=8)
def _source_lines(source: str) -> tuple[str, ...]:
    """The lines of a .txt or .md source file ((), for other files or when it cannot be read)."""
    path = Path(source) if source else None
    if path is None or path.suffix.lower() not in (".txt", ".md") or not path.is_file():
        return ()
    try:
        return tuple(path.read_text(encoding="utf-8", errors="replace").splitlines())
    except OSError:
        return ()
