"""Transform: the kit's press contacts (presskit.toml) for a release that names none."""
from __future__ import annotations

from typing import Iterable

from presskit.document import Contact, Document


class AddKitContacts:
    """Add the kit's press contacts when the release names none."""

    def __init__(self, contacts: Iterable[Contact]) -> None:
        self.contacts = tuple(contacts)

    def __call__(self, document: Document) -> Document:
        """Return the document, with the kit's contacts when it had none."""
        if document.contacts or not self.contacts:
            return document
        return document.evolve(contacts=self.contacts)
