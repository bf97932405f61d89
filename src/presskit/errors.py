"""The project's own errors: each names the file, the line when there is one, and what to do."""
from __future__ import annotations

from pathlib import Path


class PresskitError(Exception):
    """A problem the user can fix; the CLI prints it as one paragraph and exits with `exit_code`."""

    exit_code = 2

    def __init__(self, message: str, *, path: str | Path | None = None, line: int | None = None,
                 hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.path = str(path) if path is not None else None
        self.line = line
        self.hint = hint

    def __reduce__(self):
        """Pickle with the file, line and hint (errors cross process boundaries in batch builds)."""
        return (_rebuild, (type(self), self.message, self.path, self.line, self.hint))

    def __str__(self) -> str:
        where = ""
        if self.path:
            where = f"{self.path}:{self.line}: " if self.line else f"{self.path}: "
        text = f"{where}{self.message}"
        return f"{text}\n  → {self.hint}" if self.hint else text


class IncompleteTranslation(PresskitError):
    """The English kit cannot be final: segments are untranslated or terms are missing."""

    exit_code = 1


def _rebuild(cls: type, message: str, path: str | None, line: int | None, hint: str) -> PresskitError:
    """Recreate an error from its pickled parts."""
    return cls(message, path=path, line=line, hint=hint)
