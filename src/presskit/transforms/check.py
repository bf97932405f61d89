"""Check an English document against its French source: terms, names, numbers, links, untranslated text."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from typing import Protocol

from presskit.document import Document, Segment, TermUse, iter_texts

_URL = re.compile(r"(?:https?://|www\.)[^\s<>«»\"“”]+[^\s<>«»\"“”.,;:!?)]")
_NUMBER = re.compile(r"\d(?:[\d\u00a0\u202f ,.]*\d)?")


class TermChecker(Protocol):
    """What the check needs of a glossary."""

    def term_found(self, use: TermUse, english: str) -> bool: ...


@dataclass(frozen=True)
class Finding:
    """One problem found in the English text: where, what, and whether it stops a final build."""

    path: str
    message: str
    severity: str = "error"


def check_terms(target: Document, glossary: TermChecker) -> Document:
    """Return the English document with `found` set on every term use carried over from the source."""
    english = dict(iter_texts(target))
    english.update(_untranslated_fields(target))
    terms = tuple(replace(use, found=glossary.term_found(use, english.get(use.path, "")))
                  for use in target.terms)
    return target.evolve(terms=terms)


def _untranslated_fields(target: Document) -> dict[str, str]:
    """Fields kept as they are in English (names, web addresses) that terms may still be checked in."""
    return {f"blocks[{i}].speaker.organization": b.speaker.organization
            for i, b in enumerate(target.blocks) if b.speaker}


def findings(source: Document, target: Document) -> list[Finding]:
    """List what is wrong with the English: untranslated segments, missing terms, numbers, links."""
    found = [Finding(s.path, f"untranslated: {s.source}") for s in untranslated(target)]
    found += [Finding(u.path, f"term {u.fr!r} should read {u.en!r} in English ({u.surface!r})")
              for u in target.terms if u.found is False]
    found += [Finding("document", f"number {n!r} of the French is missing in English", "warning")
              for n in missing_numbers(source, target)]
    found += [Finding("document", f"link {url} of the French is missing in English")
              for url in missing_links(source, target)]
    return found


def untranslated(target: Document) -> list[Segment]:
    """Return the segments left in French."""
    return [s for s in target.segments if s.origin == "untranslated"]


def numbers_in(text: str) -> Counter[str]:
    """Count the numbers of a text by their digits, whatever the separators.

    >>> sorted(numbers_in("10 000 emplois, 25,3 milliards, 50 %").elements())
    ['10000', '253', '50']
    """
    return Counter(re.sub(r"\D", "", match) for match in _NUMBER.findall(text))


def missing_numbers(source: Document, target: Document) -> list[str]:
    """Return the numbers of the French text that the English lacks."""
    french = numbers_in(_all_text(source))
    english = numbers_in(_all_text(target))
    return sorted((french - english).elements())


def links_in(text: str) -> set[str]:
    """Return the web addresses in a text, without their scheme or trailing slash.

    >>> sorted(links_in("Voir https://medicen.org/fr/ et www.cnll.fr."))
    ['cnll.fr', 'medicen.org/fr']
    """
    return {re.sub(r"^(?:https?://)?(?:www\.)?", "", url).rstrip("/") for url in _URL.findall(text)}


def missing_links(source: Document, target: Document) -> list[str]:
    """Return the web addresses of the French text that the English lacks."""
    return sorted(links_in(_all_text(source)) - links_in(_all_text(target)))


def _all_text(document: Document) -> str:
    """Join every text of the document, footnote URLs and links included."""
    parts = [text for _, text in iter_texts(document)]
    parts += [note.url for note in document.footnotes]
    parts += [block.url for block in document.blocks]
    return "\n".join(parts)
