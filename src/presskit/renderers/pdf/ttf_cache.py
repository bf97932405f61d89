"""reportlab TrueType fonts whose parsed tables are kept in the user's cache (`runtime.disk_memo`).

reportlab reads every table of a TTF (character map, widths, glyph positions) each time a process
registers it: about 8 ms a file, four files a theme, in every build. The tables depend only on the
file, so the memo keeps them by the file's path and stamp, under a stamp of reportlab's font module
(another reportlab starts it afresh); the font's bytes are read from the file as usual.
"""
from __future__ import annotations

import marshal
from fnmatch import fnmatch
from weakref import WeakKeyDictionary

from reportlab import rl_config
from reportlab.pdfbase.ttfonts import TTEncoding, TTFont, TTFontFace

from presskit.runtime.disk_memo import disk_memo, file_stamp

_NOT_KEPT = ("_ttf_data", "_pdfScale")  # the file's bytes (read again) and a function (made again)


def load_ttfont(name: str, path: str) -> TTFont:
    """A reportlab TTFont named `name` for the file at `path`, its tables from the memo when kept there
    (a damaged entry: reportlab reads the file itself, and says what is wrong with it)."""
    try:
        tables = marshal.loads(face_tables(path))  # fresh objects for every font
        int(tables["unitsPerEm"])
    except (ValueError, EOFError, TypeError, KeyError):
        return TTFont(name, path)
    face = TTFontFace.__new__(TTFontFace)
    face.__dict__.update(tables)
    with open(path, "rb") as file:
        face._ttf_data = file.read()
    scale = 1000 / face.unitsPerEm
    face._pdfScale = (lambda x: x) if face.unitsPerEm == 1000 else (lambda x: x * scale)
    return _font(name, face)


@disk_memo("ttf-tables", "reportlab.pdfbase.ttfonts", limit=40,  # ~100 KB each
           key=lambda path: f"{path}|{file_stamp(path)}")
def face_tables(path: str) -> bytes:
    """What reportlab parsed of the TTF at `path`: its face's attributes (numbers, strings, bytes, lists
    and dicts of them; the file's bytes aside), marshalled (no pickle: reading them runs nothing)."""
    face = TTFontFace(path)
    return marshal.dumps({k: bytes(v) if isinstance(v, bytes) else v  # its names: a bytes subclass
                          for k, v in vars(face).items() if k not in _NOT_KEPT})


def _font(name: str, face: TTFontFace) -> TTFont:
    """A TTFont around a face already read, set up as `TTFont.__init__` sets one up."""
    font = TTFont.__new__(TTFont)
    font.fontName, font.face, font.encoding = name, face, TTEncoding()
    font.state = WeakKeyDictionary()
    font._asciiReadable = rl_config.ttfAsciiReadable
    font.shapable = not any(fnmatch(name, pattern) for pattern in rl_config.unShapedFontGlob)
    return font
