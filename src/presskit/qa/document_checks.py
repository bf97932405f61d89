"""Whole-document checks of an English document against its French: numbers and web addresses."""
from __future__ import annotations

import re
from collections import Counter

from presskit.document import Document, iter_texts
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
