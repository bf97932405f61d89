"""Embed the brand font in the DOCX (obfuscated TrueType, ECMA-376 §17.8.1) so Word and LibreOffice
lay the text out in it instead of a fallback such as DejaVu.

The fonts are cut down to the characters French and English releases print (cached per font in
the user's cache: subsetting costs about half a second per font, once).
"""
from __future__ import annotations

import hashlib
import io
import uuid
from pathlib import Path
from typing import Any

from lxml import etree

from presskit.kit.theme import Theme
from presskit.renderers.docx.archive import DEFLATED, Entry, deflated
from presskit.renderers.docx.package import Rels
from presskit.runtime.disk_memo import cache_folder, disk_memo, file_stamp, store

FONT_RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/font"
OBFUSCATED = "application/vnd.openxmlformats-officedocument.obfuscatedFont"
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_ROLES = (("regular", "embedRegular"), ("bold", "embedBold"), ("italic", "embedItalic"),
          ("bold_italic", "embedBoldItalic"))


def font_key(data: bytes) -> str:
    """A stable GUID for a font file (from its bytes, so rebuilds stay byte-identical).

    >>> font_key(b"abc")
    '{77A0D30A-C748-5D6D-8357-8494FD7EAD86}'
    """
    return "{" + str(uuid.uuid5(uuid.NAMESPACE_OID, hashlib.sha256(data).hexdigest())).upper() + "}"


def obfuscate(data: bytes, key: str) -> bytes:
    """XOR the first 32 bytes of a font with its key's 16 bytes, in reverse order (the spec's way).

    >>> key = "{00000000-0000-0000-0000-0000000000FF}"
    >>> obfuscate(bytes(40), key)[:2], obfuscate(obfuscate(b"x" * 40, key), key) == b"x" * 40
    (b'\\xff\\x00', True)
    """
    secret = bytes.fromhex(key.strip("{}").replace("-", ""))[::-1]
    return bytes(b ^ secret[i % 16] for i, b in enumerate(data[:32])) + data[32:]


# What a French or English release prints: Latin-1, Latin Extended-A (œ, Œ, ł…), general
# punctuation (’ “ ” – — … and the narrow no-break space), €, ™, №, and the letters of
# superscript ordinals (ᵉ ʳ ᵈ ˢ ⁿ).
SUBSET = frozenset([*range(0x20, 0x7F), *range(0xA0, 0x180), *range(0x2000, 0x2070),
                    0x20AC, 0x2122, 0x2116, 0x02B3, 0x02E2, 0x1D48, 0x1D49, 0x207F, 0x2212])
SUBSET_VERSION = "1"


def subset_font(data: bytes) -> bytes:
    """The font cut down to SUBSET (about a tenth of Lato's size), reproducibly."""
    from fontTools import subset
    from fontTools.ttLib import TTFont

    options = subset.Options()
    options.hinting, options.name_IDs, options.notdef_outline = False, ["*"], True
    font = TTFont(io.BytesIO(data), recalcTimestamp=False)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=SUBSET)
    subsetter.subset(font)
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()


SHIPPED = Path(__file__).resolve().parents[2] / "fonts" / "subset"  # Lato's, made by subset_font


def subset_name(data: bytes) -> str:
    """The file name of a font's subset: its bytes' and the subset's fingerprint."""
    return hashlib.sha256(data + SUBSET_VERSION.encode()).hexdigest()[:24] + ".ttf"


def _embedded(path: str) -> tuple[str, bytes]:
    """A font file's key and obfuscated subset: shipped for Lato, else made once into the user's cache."""
    data = Path(path).read_bytes()
    name = subset_name(data)
    try:
        small = (SHIPPED / name).read_bytes()
    except OSError:
        cached = cache_folder() / "fonts" / name
        try:
            small = cached.read_bytes()
        except OSError:
            small = subset_font(data)
            store(cached, small)
    key = font_key(small)
    return key, obfuscate(small, key)


def font_entry(path: Path) -> tuple[str, Entry]:
    """A font file's key and its obfuscated subset as a zip entry (deflated at level 1: 3x faster than
    zipfile's default, ~5 % larger), kept in the user's cache by the file's path, size and time."""
    key, crc, size, data = _deflated_font(str(path))
    return key, Entry("", DEFLATED, crc, size, data)


@disk_memo("docx-fonts", key=file_stamp, limit=32)
def _deflated_font(path: str) -> tuple[str, int, int, bytes]:
    """The key, CRC-32, size and deflated bytes of a font file's obfuscated subset."""
    key, blob = _embedded(path)
    entry = deflated("", blob, level=1)
    return key, entry.crc, entry.size, entry.data


def embed_fonts(font_table: bytes, theme: Theme) -> tuple[bytes, Rels, list[Entry]]:
    """The font table with the theme's four font files under its font name, its relationships and the
    font parts (word/fonts/fontN.odttf)."""
    root = etree.fromstring(font_table)
    entry = _font_entry(root, theme.font_name)
    rels, parts = Rels(), []
    for n, (role, tag) in enumerate(_ROLES, start=1):
        key, part = font_entry(getattr(theme, f"font_{role}"))
        parts.append(part._replace(name=f"word/fonts/font{n}.odttf"))
        embed = etree.SubElement(entry, f"{{{_W}}}{tag}")
        embed.set(f"{{{_R}}}id", rels.relate(FONT_RT, f"fonts/font{n}.odttf"))
        embed.set(f"{{{_W}}}fontKey", key)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True), rels, parts


def embed_settings(settings: Any) -> None:
    """Tell Word to use the embedded fonts (w:embedTrueTypeFonts, w:saveSubsetFonts in the settings)."""
    if settings.find(f"{{{_W}}}embedTrueTypeFonts") is None:
        zoom = settings.find(f"{{{_W}}}zoom")
        for tag in ("saveSubsetFonts", "embedTrueTypeFonts"):  # schema order: embed…, then subset
            flag = etree.Element(f"{{{_W}}}{tag}")
            zoom.addnext(flag) if zoom is not None else settings.insert(0, flag)


def _font_entry(root: Any, name: str) -> Any:
    """The font table's entry for `name`, made fresh (sans-serif, variable pitch)."""
    for old in root.findall(f"{{{_W}}}font"):
        if old.get(f"{{{_W}}}name") == name:
            root.remove(old)
    entry = etree.SubElement(root, f"{{{_W}}}font", {f"{{{_W}}}name": name})
    etree.SubElement(entry, f"{{{_W}}}charset", {f"{{{_W}}}val": "00"})
    etree.SubElement(entry, f"{{{_W}}}family", {f"{{{_W}}}val": "swiss"})
    etree.SubElement(entry, f"{{{_W}}}pitch", {f"{{{_W}}}val": "variable"})
    return entry
