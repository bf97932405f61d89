"""Write organisation names as the glossary spells them ("A PROPOS DE MEDICEN" → About Medicen)."""
from __future__ import annotations

from dataclasses import replace
from typing import Iterable

from presskit.document import Document


def spelled_as(name: str, spellings: Iterable[str]) -> str:
    """Return the glossary's spelling of a name written in capitals, or the name as it is.

    >>> spelled_as("MEDICEN", ["Medicen", "Polepharma"]), spelled_as("CNLL", ["Medicen"])
    ('Medicen', 'CNLL')
    >>> spelled_as("Medicen Paris Region", ["Medicen"])
    'Medicen Paris Region'
    """
    if not name.isupper():
        return name
    by_key = {spelling.casefold(): spelling for spelling in spellings}
    return by_key.get(name.casefold(), name)


def about_names(document: Document, spellings: Iterable[str]) -> Document:
    """Return the document with each About section's organisation in the glossary's spelling."""
    spellings = list(spellings)
    about = tuple(replace(a, organization=spelled_as(a.organization, spellings)) for a in document.about)
    return document.evolve(about=about)


class SpellAboutNames:
    """Transform: each About section's organisation in the glossary's spelling (`about_names`)."""

    def __init__(self, spellings: Iterable[str]) -> None:
        self.spellings = list(spellings)

    def __call__(self, document: Document) -> Document:
        """Return the document with its About organisations respelled."""
        return about_names(document, self.spellings)
