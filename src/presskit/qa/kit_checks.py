"""Warnings about the kit a release is built in: no press contact, example settings left in place."""
from __future__ import annotations

from presskit.document import Document
from presskit.qa.findings import Finding, Severity


def kit_findings(placeholders: tuple[str, ...], french: Document) -> list[Finding]:
    """Warn when the release has no press contact, or presskit.toml still holds the example's entries.

    >>> [f.message[:40] for f in kit_findings(("Marie Dupont",), Document("fr"))]
    ['presskit.toml still holds the example en', 'no press contact: the release names none']
    """
    found = []
    if placeholders:
        found.append(Finding("presskit.toml", "presskit.toml still holds the example entries of "
                             f"`presskit init` ({', '.join(placeholders)}); they were left out of the "
                             "release: write your own brand, organisation and press contact there",
                             Severity.WARNING, "presskit.toml"))
    if not french.contacts:
        found.append(Finding("contacts", "no press contact: the release names none and presskit.toml "
                             "lists none; add a [[contacts]] entry (name, email, phone) to presskit.toml",
                             Severity.WARNING, "the press contacts"))
    return found
