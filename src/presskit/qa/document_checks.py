"""Whole-document checks of an English document against its French: numbers, web addresses, marks."""
from __future__ import annotations

import re
from collections import Counter

from presskit.document import Document, Mark, iter_texts, marks_by_path
from presskit.patterns import url_key, urls_in

_NUMBER = re.compile(r"\d(?:[\d\u00a0\u202f ,.]*\d)?")


def numbers_in(text: str) -> Counter[str]:
    """Count the numbers of a text by their digits, whatever the separators.

    >>> sorted(numbers_in("10 000 emplois, 25,3 milliards, 50 %").elements())
    ['10000', '253', '50']
    """
    return Counter(re.sub(r"\D", "", match) for match in _NUMBER.findall(text))


def missing_numbers(source: Document, target: Document) -> list[str]:
    """Return the numbers of the French text that the English lacks."""
    french = numbers_in(all_text(source))
    english = numbers_in(all_text(target))
    return sorted((french - english).elements())


def links_in(text: str) -> set[str]:
    """Return the web addresses in a text, as `presskit.patterns.url_key` writes them.

    >>> sorted(links_in("Voir https://medicen.org/fr/ et www.cnll.fr, ou polepharma.com."))
    ['cnll.fr', 'medicen.org/fr', 'polepharma.com']
    """
    return {url_key(url) for url in urls_in(text)}


def missing_links(source: Document, target: Document) -> list[str]:
    """Return the web addresses of the French text that the English lacks."""
    return sorted(links_in(all_text(source)) - links_in(all_text(target)))


def all_text(document: Document) -> str:
    """Join every text of the document, footnote URLs and links included."""
    parts = [text for _, text in iter_texts(document)]
    parts += [note.url for note in document.footnotes]
    parts += [block.url for block in document.blocks]
    return "\n".join(parts)


def lost_marks(source: Document, target: Document) -> list[tuple[str, str]]:
    """(path, what) for each bold, italic or link of the French that its English text lacks.

    >>> from presskit.document import Block
    >>> french = Document("fr", blocks=(Block("paragraph", "la Métropole", marks=(Mark("link", 3, 12, "https://a.fr"),)),))
    >>> lost_marks(french, french.evolve(blocks=(Block("paragraph", "the Metropolis"),)))
    [('blocks[0].text', 'the link to https://a.fr on “Métropole”')]
    """
    english = marks_by_path(target)
    lost = []
    for path, marks in marks_by_path(source).items():
        text = _text_at(source, path)
        left = Counter((m.kind, m.href) for m in english.get(path, ()))
        for mark in marks:
            if left[(mark.kind, mark.href)] > 0:
                left[(mark.kind, mark.href)] -= 1
            else:
                lost.append((path, f"{_what(mark)} on “{text[mark.start:mark.end]}”"))
    return lost


def _what(mark: Mark) -> str:
    """A mark in words: "the bold", "the italics", "the link to <address>"."""
    return {"strong": "the bold", "em": "the italics"}.get(mark.kind, f"the link to {mark.href}")


def _text_at(document: Document, path: str) -> str:
    """The text a mark path names."""
    return dict(iter_texts(document)).get(path, "")
