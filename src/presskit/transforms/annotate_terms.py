"""Transform: list every glossary term and name found in the French texts (`Document.terms`)."""
from __future__ import annotations

from presskit.document import Document, TermUse, iter_texts
from presskit.glossary.glossary import Glossary


class AnnotateTerms:
    """Find the glossary's terms and names in every translatable text of the document."""

    def __init__(self, glossary: Glossary) -> None:
        self.glossary = glossary

    def __call__(self, document: Document) -> Document:
        """Return the document with `terms` listing every glossary match, by path."""
        return annotate_terms(document, self.glossary)


def annotate_terms(document: Document, glossary: Glossary) -> Document:
    """Return the document with `terms` listing every glossary match in its translatable texts."""
    uses = [TermUse(path, m.entry.fr, m.english, m.entry.kind, m.surface)
            for path, text in iter_texts(document) for m in glossary.find(text)]
    return document.evolve(terms=tuple(uses))
