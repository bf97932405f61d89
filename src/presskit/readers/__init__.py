"""Readers: a source file → one `Document`. Dispatch by extension; only `PresskitError` escapes.

`.txt` and `.md` are decoded (UTF-8 with or without BOM, UTF-16, else Windows-1252); `.docx` and
`.pdf` are unpacked first. Every format ends in the same plain-text reader (`readers.text`), so the
same release gives the same document whatever its format.
"""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from presskit.document import Document, iter_texts
from presskit.errors import PresskitError
from presskit.readers import markdown as _markdown
from presskit.readers import text as _text
from presskit.readers.decode import decode, read_bytes
from presskit.readers.language import check_french

__all__ = ["SUPPORTED", "parse_text", "read"]


def _read_txt(data: bytes, source: str) -> Document:
    """A plain-text release."""
    return _guarded(_text.parse, decode(data, source), source)


def _read_md(data: bytes, source: str) -> Document:
    """A Markdown release."""
    return _guarded(_markdown.parse, decode(data, source), source)


def _read_docx(data: bytes, source: str) -> Document:
    """A Word release."""
    from presskit.readers.word import read_docx

    return _guarded_binary(read_docx, data, source)


def _read_pdf(data: bytes, source: str) -> Document:
    """A PDF release (its text layer)."""
    from presskit.readers.pdf import read_pdf

    return _guarded_binary(read_pdf, data, source)


_READERS: dict[str, Callable[[bytes, str], Document]] = {
    ".txt": _read_txt, ".text": _read_txt, ".md": _read_md, ".markdown": _read_md,
    ".docx": _read_docx, ".pdf": _read_pdf}
SUPPORTED = (".txt", ".md", ".docx", ".pdf")


def parse_text(text: str, source: str = "") -> Document:
    """Parse a French press release given as plain text; raise PresskitError if it cannot be."""
    return _guarded(_text.parse, text, source)


def read(path: Path) -> Document:
    """Read a press release file, choosing the reader by its extension; refuse one not in French."""
    path = Path(path)
    reader = _READERS.get(path.suffix.lower())
    if reader is None:
        raise PresskitError(
            f"cannot read '{path.suffix or 'no extension'}' files", path=path,
            hint=f"supported extensions: {', '.join(SUPPORTED)}; save the release in one of these formats")
    document = reader(read_bytes(path), str(path))
    check_french(" ".join(text for _, text in iter_texts(document)), str(path))
    return document


def _guarded(parser: Callable[[str, str], Document], text: str, source: str) -> Document:
    """Run a text parser; an empty text or an unexpected failure becomes a PresskitError."""
    if not text.strip():
        raise PresskitError("the press release is empty", path=source or None,
                            hint="put the release's text in the file (UTF-8 plain text)")
    try:
        document = parser(text, source)
    except PresskitError:
        raise
    except Exception as exc:  # a reader bug must not show the user a traceback
        raise _bug(exc, source) from exc
    return _not_empty(document, source)


def _guarded_binary(reader: Callable[[bytes, str], Document], data: bytes, source: str) -> Document:
    """Run a DOCX or PDF reader; an unexpected failure becomes a PresskitError."""
    try:
        document = reader(data, source)
    except PresskitError as error:
        if "empty" in error.message or not error.path:
            error.path = source
        raise
    except RecursionError as exc:
        raise PresskitError("this file is nested too deeply to read", path=source,
                            hint="open it and save it again, or give presskit the release as .txt") from exc
    except Exception as exc:
        raise _bug(exc, source) from exc
    return _not_empty(document, source)


def _not_empty(document: Document, source: str) -> Document:
    """The document, unless it holds no text at all."""
    if not any(text.strip() for _, text in iter_texts(document)) and not document.contacts:
        raise PresskitError("the press release is empty", path=source or None,
                            hint="put the release's text in the file")
    return document


def _bug(exc: Exception, source: str) -> PresskitError:
    """The error shown for a failure of the reader itself (never a traceback)."""
    return PresskitError(f"could not read this press release ({type(exc).__name__}: {exc})",
                         path=source or None, hint="please report this file to the presskit team")
