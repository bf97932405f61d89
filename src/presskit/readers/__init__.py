"""Readers: a source file → one `Document`. Dispatch by extension; only `PresskitError` escapes."""
from __future__ import annotations

from pathlib import Path
from typing import Callable

from presskit.document import Document
from presskit.errors import PresskitError
from presskit.readers import text as _text
from presskit.readers.decode import decode, read_bytes

__all__ = ["read", "parse_text", "SUPPORTED"]

_PARSERS: dict[str, Callable[[str, str], Document]] = {".txt": _text.parse, ".md": _text.parse}
SUPPORTED = tuple(_PARSERS)


def parse_text(text: str, source: str = "") -> Document:
    """Parse a French press release given as plain text; raise PresskitError if it cannot be."""
    return _guarded(_text.parse, text, source)


def read(path: Path) -> Document:
    """Read a press release file, choosing the reader by its extension."""
    path = Path(path)
    parser = _PARSERS.get(path.suffix.lower())
    if parser is None:
        raise PresskitError(
            f"cannot read '{path.suffix or 'no extension'}' files", path=path,
            hint=f"supported extensions: {', '.join(SUPPORTED)}; save the release as plain text (.txt)")
    text = decode(read_bytes(path), str(path))
    return _guarded(parser, text, str(path))


def _guarded(parser: Callable[[str, str], Document], text: str, source: str) -> Document:
    """Run a parser; an empty text or an unexpected failure becomes a PresskitError."""
    if not text.strip():
        raise PresskitError("the press release is empty", path=source or None,
                            hint="put the release's text in the file (UTF-8 plain text)")
    try:
        return parser(text, source)
    except PresskitError:
        raise
    except Exception as exc:  # a reader bug must not show the user a traceback
        raise PresskitError(f"could not read this press release ({type(exc).__name__}: {exc})",
                            path=source or None, hint="please report this file to the presskit team") from exc
