"""A sentence's bold, italics and links through translation, as pairs of tokens the engines keep.

The marks of a sentence (`document.Mark`, cut to the sentence) are numbered in order. `embed` writes
each mark's ends into the French as two private-use characters, so the sentence with its marks is
one distinct key; `tokens` turns those characters, once names and terms are protected, into ordinary
``⟦n⟧`` tokens (DeepL gets them as ``<x id="n"/>``, like every protected piece), and `restore` in
`translation.protection` gives the characters back in the English, where `extract` reads the marks
out. A mark whose two ends did not both come back, in order, is lost: its words stay, and the gate
reports the loss. The addresses of links never go to an engine; they are put back from the French.
A memory entry may store its English marks (`remap` renumbers them for the sentence); otherwise
`carry` finds each mark's words in the approved English when the words are the same in English (a
name, an address), and loses the others the same way.
"""
from __future__ import annotations

import re

_BASE = 0xE200
MAX_MARKS = 64  # marks of one sentence that travel; more are lost (and reported)
_BOUNDARY = re.compile(f"[{chr(_BASE)}-{chr(_BASE + 2 * MAX_MARKS - 1)}]")


def embed(sentence: str, spans: list[tuple[int, int]]) -> str:
    """The sentence with the two ends of the n-th (start, end) span written as characters.

    >>> key = embed("la Métropole de Lyon vote", [(3, 20)])
    >>> extract(key)
    ('la Métropole de Lyon vote', {0: (3, 20)})
    """
    cuts: list[tuple[int, int, str]] = []
    for index, (start, end) in enumerate(spans[:MAX_MARKS]):
        cuts += [(start, 1, chr(_BASE + 2 * index)), (end, 0, chr(_BASE + 2 * index + 1))]
    out, last = [], 0
    for at, _, char in sorted(cuts):
        out += [sentence[last:at], char]
        last = at
    return "".join(out) + sentence[last:]


def has_marks(text: str) -> bool:
    """True when the text carries mark characters.

    >>> has_marks("Lyon"), has_marks(embed("Lyon", [(0, 4)]))
    (False, True)
    """
    return _BOUNDARY.search(text) is not None


def plain(text: str) -> str:
    """The text without its mark characters."""
    return _BOUNDARY.sub("", text)


def extract(text: str) -> tuple[str, dict[int, tuple[int, int]]]:
    """The plain text and the (start, end) of each mark whose two ends are there, in order.

    Spaces an engine left just inside a mark are not part of it.

    >>> extract(embed("a b c", [(2, 3)]).replace(chr(0xE201), ""))
    ('a b c', {})
    >>> extract(chr(0xE200) + " Lyon " + chr(0xE201) + "!")
    (' Lyon !', {0: (1, 5)})
    """
    pieces: list[str] = []
    opened: dict[int, int] = {}
    found: dict[int, tuple[int, int]] = {}
    length, last = 0, 0
    for match in _BOUNDARY.finditer(text):
        pieces.append(text[last:match.start()])
        length += match.start() - last
        last = match.end()
        index, closing = divmod(ord(match.group()) - _BASE, 2)
        if not closing:
            opened.setdefault(index, length)
        elif index in opened and index not in found:
            found[index] = (opened[index], length)
    pieces.append(text[last:])
    joined = "".join(pieces)
    return joined, {i: span for i, (a, b) in found.items() if (span := _trimmed(joined, a, b))}


def _trimmed(text: str, start: int, end: int) -> tuple[int, int] | None:
    """A span without the spaces at its ends; None when no word is left in it."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None


def tokens(text: str, first: int) -> tuple[str, dict[str, str]]:
    """Each mark character of a protected text as a token ``⟦n⟧`` from `first` on, and what each stands for.

    >>> tokens(embed("la Lyon", [(3, 7)]), 4)[0]
    'la ⟦4⟧Lyon⟦5⟧'
    """
    table: dict[str, str] = {}

    def token(match: re.Match[str]) -> str:
        name = f"⟦{first + len(table)}⟧"
        table[name] = match.group()
        return name
    return _BOUNDARY.sub(token, text), table


def carry(source: str, target: str) -> str:
    """An English sentence with the marks of its French (`source`, with mark characters) where the
    marked words are written the same; the other marks are lost.

    >>> extract(carry(embed("Voir www.a.fr et la Métropole", [(5, 13), (20, 29)]), "See www.a.fr and the Metropolis"))
    ('See www.a.fr and the Metropolis', {0: (4, 12)})
    """
    french, spans = extract(source)
    found: list[tuple[int, int]] = []
    ends: list[tuple[int, int]] = []
    cursor = 0
    for index in sorted(spans):
        words = french[spans[index][0]:spans[index][1]]
        at = target.find(words, cursor)
        if at < 0:
            at = target.find(words)
        if at >= 0:
            found.append((index, at))
            ends.append((at, at + len(words)))
            cursor = at + 1
    if not found:
        return target
    cuts = sorted([(a, 1, chr(_BASE + 2 * i)) for (i, _), (a, _) in zip(found, ends)]
                  + [(b, 0, chr(_BASE + 2 * i + 1)) for (i, _), (_, b) in zip(found, ends)])
    out, last = [], 0
    for at, _, char in cuts:
        out += [target[last:at], char]
        last = at
    return "".join(out) + target[last:]


def char(index: int, closing: bool) -> str:
    """The mark character of the start (or, `closing`, the end) of mark `index`.

    >>> extract(char(0, False) + "Lyon" + char(0, True))
    ('Lyon', {0: (0, 4)})
    """
    return chr(_BASE + 2 * index + int(closing))


def pieces(text: str) -> list[str | tuple[int, bool]]:
    """The text as words and (mark index, closing) ends, in order.

    >>> pieces(embed("a Lyon", [(2, 6)]))
    ['a ', (0, False), 'Lyon', (0, True)]
    """
    out: list[str | tuple[int, bool]] = []
    last = 0
    for match in _BOUNDARY.finditer(text):
        if match.start() > last:
            out.append(text[last:match.start()])
        index, closing = divmod(ord(match.group()) - _BASE, 2)
        out.append((index, bool(closing)))
        last = match.end()
    if last < len(text):
        out.append(text[last:])
    return out


def remap(stored_source: str, stored_target: str, key: str) -> str | None:
    """A memory's marked English renumbered for the sentence `key`: each stored mark goes to the key's
    mark on the same French words; None when a mark of the key has none (the stored marks differ).

    >>> stored = embed("Voir la Métropole", [(0, 4), (8, 17)])
    >>> english = "See the " + char(1, False) + "Metropolis" + char(1, True)
    >>> extract(remap(stored, english, embed("Voir la Métropole", [(8, 17)])))
    ('See the Metropolis', {0: (8, 18)})
    """
    _, stored = extract(stored_source)
    _, wanted = extract(key)
    by_span = {span: index for index, span in wanted.items()}
    order = {index: by_span[span] for index, span in stored.items() if span in by_span}
    if set(order.values()) != set(wanted):
        return None
    out = [piece if isinstance(piece, str) else char(order[piece[0]], piece[1])
           for piece in pieces(stored_target) if isinstance(piece, str) or piece[0] in order]
    return "".join(out)
