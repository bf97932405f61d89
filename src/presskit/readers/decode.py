"""Bytes to clean text: encoding detection and normalisation of line endings and spaces."""
from __future__ import annotations

import re
from pathlib import Path

from presskit.errors import PresskitError

_LINE_BREAKS = re.compile(r"\r\n|[\r\x0b\x0c\x85]")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f\u200b\u200e\u200f\ufeff]")
_SPACE_RUNS = re.compile(r"[ \xa0\u202f]{2,}")


def read_bytes(path: Path) -> bytes:
    """Return the file's bytes, or raise PresskitError saying why it cannot be read."""
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise PresskitError("file not found", path=path, hint="check the file name") from None
    except IsADirectoryError:
        raise PresskitError("this is a folder, not a file", path=path) from None
    except OSError as exc:
        raise PresskitError(f"cannot read the file ({exc.strerror or exc})", path=path,
                            hint="check that the file exists and is readable") from None


def decode(data: bytes, source: str = "") -> str:
    """Decode UTF-8 (with or without BOM) or UTF-16 with BOM, else Windows-1252."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            pass
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    if b"\x00" in data:
        raise PresskitError("this does not look like a text file (it contains NUL bytes)",
                            path=source or None, hint="export the press release as plain text (.txt)")
    return data.decode("cp1252", errors="replace")


def normalise(text: str) -> str:
    """Unify line endings (U+2028, a line break inside a paragraph, becomes a space), drop invisible
    control characters, collapse runs of spaces, strip every line."""
    text = _LINE_BREAKS.sub("\n", text).replace("\u2029", "\n\n").replace("\u2028", " ")
    text = text.replace("\t", " ")
    text = _CONTROL.sub("", text)
    lines = (_SPACE_RUNS.sub(_one_space, line).strip() for line in text.split("\n"))
    return "\n".join(lines)


def _one_space(match: re.Match[str]) -> str:
    """One space for a run of spaces; a run of no-break spaces keeps one no-break space."""
    return " " if " " in match.group() else match.group()[0]
