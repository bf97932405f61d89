"""Transform: mark each glossary term use of the English as found ("applied") or "missing"."""
from __future__ import annotations

from dataclasses import replace
from typing import Protocol

from presskit.document import Document, TermStatus, TermUse, iter_texts


class TermChecker(Protocol):
    """What the check needs of a glossary."""

    def term_found(self, use: TermUse, english: str) -> bool:
        """Whether the approved English of the term `use` is in `english`."""


class CheckTerms:
    """Set `found` (and `status`) on every term use that translation has not judged yet."""

    def __init__(self, glossary: TermChecker) -> None:
        self.glossary = glossary

    def __call__(self, document: Document) -> Document:
        """Return the English document with its term uses checked."""
        return check_terms(document, self.glossary)


def check_terms(target: Document, glossary: TermChecker) -> Document:
    """Return the English document with `found` (and `status`) set on every term use not yet checked.

    Uses that translation already judged (status other than "expected") are kept as they are.
    """
    english = dict(iter_texts(target))
    english.update(_untranslated_fields(target))
    english.update((s.path, s.target) for s in target.segments)
    terms = tuple(use if use.status != TermStatus.EXPECTED
                  else _checked(use, glossary, english.get(use.path, "")) for use in target.terms)
    return target.evolve(terms=terms)


def _checked(use: TermUse, glossary: TermChecker, english: str) -> TermUse:
    """A term use with `found` and its status from the English text of its path."""
    found = glossary.term_found(use, english)
    return replace(use, found=found, status=TermStatus.APPLIED if found else TermStatus.MISSING)


def _untranslated_fields(target: Document) -> dict[str, str]:
    """Fields kept as they are in English (names, web addresses) that terms may still be checked in."""
    return {f"blocks[{i}].speaker.organization": b.speaker.organization
            for i, b in enumerate(target.blocks) if b.speaker}
