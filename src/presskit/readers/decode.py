"""Bytes to clean text: size limit, binary detection, encoding detection, normalised lines and spaces."""
from __future__ import annotations

import codecs
import re
import unicodedata
from pathlib import Path

from presskit.errors import PresskitError
from presskit.readers.guard import check_shape

MAX_BYTES = 50 * 1024 * 1024
"""The largest source presskit reads (50 MB); a press release is a few kilobytes."""

_LINE_BREAKS = re.compile(r"\r\n|[\r\x0b\x0c\x85]")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\u200b\u200e\u200f\u2060\ufeff\ufffe\uffff]")
_SPACE_RUNS = re.compile(r"[ \xa0\u202f\u2007\u2009]{2,}")
_ODD_SPACES = str.maketrans({"\t": " ", "\u2002": " ", "\u2003": " ", "\u2004": " ", "\u2005": " ",
                             "\u2006": " ", "\u2008": " ", "\u200a": " ", "\u3000": " ", "\u2007": "\xa0",
                             "\u2009": "\u202f", "\u00ad": ""})
_MAGIC = {b"%PDF": "a PDF", b"PK\x03\x04": "a zip archive (DOCX, ODT…)", b"\xd0\xcf\x11\xe0": "an old Word (.doc) file",
          b"{\\rtf": "an RTF file", b"\x89PNG": "a PNG image", b"\xff\xd8\xff": "a JPEG image"}


def _cp1252_fallback(error: UnicodeDecodeError) -> tuple[str, int]:
    """Decode the bytes UTF-8 rejects as Windows-1252 (Latin-1 where cp1252 has no character)."""
    bad = error.object[error.start:error.end]
    return "".join(bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in bad), error.end


codecs.register_error("presskit-cp1252", _cp1252_fallback)


def check_size(path: Path) -> None:
    """Refuse a file larger than MAX_BYTES before reading it."""
    try:
        size = path.stat().st_size
    except OSError:
        return  # read_bytes reports the problem
    if size > MAX_BYTES:
        raise PresskitError(f"the file is {size / 1e6:.0f} MB, over presskit's limit of {MAX_BYTES // 2**20} MB",
                            path=path, hint="a press release is a few pages: check that this is the right file")


def read_bytes(path: Path) -> bytes:
    """Return the file's bytes (at most MAX_BYTES), or raise PresskitError saying why it cannot be read."""
    check_size(path)
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except FileNotFoundError:
        raise PresskitError("file not found", path=path, hint="check the file name") from None
    except IsADirectoryError:
        raise PresskitError("this is a folder, not a file", path=path) from None
    except OSError as exc:
        raise PresskitError(f"cannot read the file ({exc.strerror or exc})", path=path,
                            hint="check that the file exists and is readable") from None
    if len(data) > MAX_BYTES:
        raise PresskitError(f"the file is over presskit's limit of {MAX_BYTES // 2**20} MB", path=path,
                            hint="a press release is a few pages: check that this is the right file")
    return data


def _binary_error(data: bytes, source: str) -> PresskitError:
    """The error for bytes that are not text, naming the format when its signature is known."""
    kind = next((name for magic, name in _MAGIC.items() if data.startswith(magic)), "")
    what = f"this is {kind}, not a text file" if kind else "this does not look like a text file"
    return PresskitError(what, path=source or None,
                         hint="give the release as .txt, .md, .docx or .pdf, with the matching extension")


def _utf16(data: bytes) -> str | None:
    """The text of UTF-16 data (with a BOM, or ASCII-heavy without one), else None."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        encoding = "utf-16"
    elif len(data) >= 8 and data[1::2].count(0) > 0.9 * (len(data) // 2):
        encoding = "utf-16-le"
    elif len(data) >= 8 and data[0::2].count(0) > 0.9 * (len(data) // 2):
        encoding = "utf-16-be"
    else:
        return None
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return None


def decode(data: bytes, source: str = "") -> str:
    """Decode UTF-8 (with or without BOM) or UTF-16; bytes that are not UTF-8 are read as Windows-1252."""
    text = _utf16(data)
    if text is None:
        if b"\x00" in data or any(data.startswith(magic) for magic in _MAGIC):
            raise _binary_error(data, source)
        text = data.decode("utf-8-sig", errors="presskit-cp1252")
    controls = len(_CONTROL.findall(text[:65536]))
    if controls > max(8, len(text[:65536]) // 20):
        raise _binary_error(data, source)
    return check_shape(text, source)


def normalise(text: str) -> str:
    """Compose accents (NFC), unify line endings (U+2028, a line break inside a paragraph, becomes a space), drop invisible
    control characters and soft hyphens, collapse runs of spaces, strip every line."""
    text = unicodedata.normalize("NFC", text)
    text = _LINE_BREAKS.sub("\n", text).replace("\u2029", "\n\n").replace("\u2028", " ")
    text = _CONTROL.sub("", text.replace("\u00ad\n", "-\n").translate(_ODD_SPACES))
    lines = (_SPACE_RUNS.sub(_one_space, line).strip() for line in text.split("\n"))
    return "\n".join(lines)


def _one_space(match: re.Match[str]) -> str:
    """One space for a run of spaces; a run of no-break spaces keeps one no-break space."""
    return " " if " " in match.group() else match.group()[0]
