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
    """Return the English document with `found` (and `status`) set on every term use not yet checked.

    Uses that translation already judged (status other than "expected") are kept as they are.
    """
    english = dict(iter_texts(target))
    english.update(_untranslated_fields(target))
    english.update((s.path, s.target) for s in target.segments)
    terms = tuple(use if use.status != "expected" else _checked(use, glossary, english.get(use.path, ""))
                  for use in target.terms)
    return target.evolve(terms=terms)


def _checked(use: TermUse, glossary: TermChecker, english: str) -> TermUse:
    """A term use with `found` and its status from the English text of its path."""
    found = glossary.term_found(use, english)
    return replace(use, found=found, status="applied" if found else "missing")


def _untranslated_fields(target: Document) -> dict[str, str]:
    """Fields kept as they are in English (names, web addresses) that terms may still be checked in."""
    return {f"blocks[{i}].speaker.organization": b.speaker.organization
            for i, b in enumerate(target.blocks) if b.speaker}


def findings(source: Document, target: Document, glossary=None) -> list[Finding]:
    """List what is wrong with the English, segment by segment (see `presskit.transforms.gate`).

    Errors stop a final build: untranslated or French segments, a term missing or forbidden, a name
    changed, a number, address or bracket lost, a placeholder left. Warnings go to the report.
    """
    from presskit.transforms import gate  # gate builds on this module's Finding

    if not target.segments:
        return gate.document_findings(source, target) + gate.term_findings(target)
    return gate.segment_findings(target, glossary) + gate.term_findings(target)


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
