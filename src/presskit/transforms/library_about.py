"""Transform: the approved About text of each issuing organisation the release lacks, in its language.

The texts come from the kit's `boilerplate/` library (read once per build) and have their own
approved English, so this step runs after translation, on each language's document.
"""
from __future__ import annotations

from typing import Iterable

from presskit.document import Document
from presskit.kit.boilerplate import Boilerplate, with_boilerplate


class AddLibraryAbout:
    """Add, in the document's language, the library's About of each issuer the document lacks."""

    def __init__(self, library: dict[str, Boilerplate], issuers: Iterable[str]) -> None:
        self.library, self.issuers = library, list(issuers)

    def __call__(self, document: Document) -> Document:
        """Return the document with the library's About sections added."""
        return with_boilerplate(document, self.library, document.lang, self.issuers)
