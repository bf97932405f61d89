"""One problem the gate found in the English text."""
from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Severity(StrEnum):
    """An error stops a final build; a warning goes to the report."""

    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Finding:
    """One problem found in the English text: where, what, and whether it stops a final build."""

    path: str
    message: str
    severity: Severity = Severity.ERROR
    place: str = ""  # where, in words the user knows: "paragraph 3, sentence 2 (line 14 of the source)"

    @property
    def where(self) -> str:
        """The place when known, else the path."""
        return self.place or self.path

    @property
    def is_error(self) -> bool:
        """True when the finding stops a final build."""
        return self.severity == Severity.ERROR
