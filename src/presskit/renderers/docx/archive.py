"""The DOCX's zip file, read and written by hand: entries copied as they were compressed, fixed dates.

A document's shared parts (styles, theme, fonts…) are compressed once, in the template or the
first document of a process, and their compressed bytes are copied into every package; every entry
is dated 1980-01-01 with mode 0644, so equal content gives equal bytes.
"""
from __future__ import annotations

import struct
import zlib
from typing import Iterable, NamedTuple

STORED, DEFLATED = 0, 8
_DOS_DATE = (1 << 5) | 1  # 1980-01-01 as an MS-DOS date (time 00:00:00 is 0)
_MADE_BY = (3 << 8) | 20  # Unix, zip 2.0
_LOCAL = struct.Struct("<IHHHHHIIIHH")
_CENTRAL = struct.Struct("<IHHHHHHIIIHHHHHII")
_END = struct.Struct("<IHHHHIIH")


class Entry(NamedTuple):
    """One file of a zip, as it is stored: name, method, CRC-32 and size of the content, stored bytes."""

    name: str
    method: int
    crc: int
    size: int
    data: bytes


def stored(name: str, content: bytes) -> Entry:
    """An entry kept as it is (pictures, which are compressed already).

    >>> stored("a.png", b"xyz").size
    3
    """
    return Entry(name, STORED, zlib.crc32(content), len(content), content)


def deflated(name: str, content: bytes, level: int = 6) -> Entry:
    """An entry compressed with deflate at `level` (1: fast, for the fonts; 6: zipfile's default).

    >>> entry = deflated("a.xml", b"<a/>" * 100)
    >>> entry.size, len(entry.data) < 40, content(entry) == b"<a/>" * 100
    (400, True, True)
    """
    packer = zlib.compressobj(level, zlib.DEFLATED, -15)
    return Entry(name, DEFLATED, zlib.crc32(content), len(content), packer.compress(content) + packer.flush())


def content(entry: Entry) -> bytes:
    """The uncompressed content of an entry."""
    return zlib.decompress(entry.data, -15) if entry.method == DEFLATED else entry.data


def read_entries(data: bytes) -> dict[str, Entry]:
    """Every entry of a zip file by name, still compressed (ValueError when it is not a whole zip).

    >>> sorted(read_entries(write_zip([stored("b", b"2"), deflated("a", b"1")])))
    ['a', 'b']
    """
    end = data.rfind(b"PK\x05\x06")
    if end < 0 or len(data) < end + _END.size:
        raise ValueError("not a zip file: no end of central directory")
    _, _, _, _, count, _, record, _ = _END.unpack_from(data, end)
    entries = {}
    for _ in range(count):
        fields = _CENTRAL.unpack_from(data, record) if len(data) >= record + _CENTRAL.size else None
        if fields is None or fields[0] != 0x02014B50:
            raise ValueError("damaged zip central directory")
        method, crc, packed, size, name_len, extra, comment, local = (fields[4], *fields[7:12], fields[12],
                                                                      fields[16])
        name = data[record + 46:record + 46 + name_len].decode("utf-8")
        if data[local:local + 4] != b"PK\x03\x04" or method not in (STORED, DEFLATED):
            raise ValueError(f"damaged or unsupported zip entry {name!r}")
        start = local + 30 + sum(struct.unpack_from("<HH", data, local + 26))
        if start + packed > len(data):
            raise ValueError(f"truncated zip entry {name!r}")
        entries[name] = Entry(name, method, crc, size, data[start:start + packed])
        record += 46 + name_len + extra + comment
    return entries


def write_zip(entries: Iterable[Entry]) -> bytes:
    """A zip file of `entries`, in their order, each dated 1980-01-01 with mode 0644.

    >>> import io, zipfile
    >>> archive = zipfile.ZipFile(io.BytesIO(write_zip([deflated("a.xml", b"<a/>"), stored("b", b"b")])))
    >>> archive.testzip(), archive.read("a.xml"), {i.date_time for i in archive.infolist()}
    (None, b'<a/>', {(1980, 1, 1, 0, 0, 0)})
    """
    chunks: list[bytes] = []
    directory: list[bytes] = []
    offset = 0
    for entry in entries:
        name = entry.name.encode("utf-8")
        flags = 0x800 if not name.isascii() else 0
        local = _LOCAL.pack(0x04034B50, 20, flags, entry.method, 0, _DOS_DATE, entry.crc, len(entry.data),
                            entry.size, len(name), 0)
        directory.append(_CENTRAL.pack(0x02014B50, _MADE_BY, 20, flags, entry.method, 0, _DOS_DATE, entry.crc,
                                       len(entry.data), entry.size, len(name), 0, 0, 0, 0, 0o644 << 16,
                                       offset) + name)
        chunks += (local, name, entry.data)
        offset += len(local) + len(name) + len(entry.data)
    central = b"".join(directory)
    chunks += (central, _END.pack(0x06054B50, 0, 0, len(directory), len(directory), len(central), offset, 0))
    return b"".join(chunks)
