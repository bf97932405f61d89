"""Read the translators' XML files (TMX, XLIFF, TBX) safely: no DTD, no network, no entities."""
from __future__ import annotations

from pathlib import Path

from lxml import etree

from presskit.errors import PresskitError


def read_bytes(path: Path, what: str) -> bytes:
    """The bytes of a file, or a clear error naming it."""
    try:
        return Path(path).read_bytes()
    except OSError as error:
        raise PresskitError(f"cannot read this {what} ({error.strerror})", path=path,
                            hint="check the file name and its permissions") from None


def parse_xml(data: bytes, path: Path, what: str, hint: str) -> etree._Element:
    """Parse XML without loading a DTD, reaching the network or expanding entities; errors give the line."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    try:
        root = etree.fromstring(data, parser=parser)
    except etree.XMLSyntaxError as error:
        raise PresskitError(f"this {what} is not well-formed XML: {error.msg}", path=path,
                            line=error.lineno or None, hint=hint) from None
    info = root.getroottree().docinfo
    if info.internalDTD is not None and list(info.internalDTD.iterentities()):
        raise PresskitError(f"this {what} declares XML entities, which presskit does not read",
                            path=path, line=_line_of(data, "<!ENTITY", info.encoding),
                            hint="remove the <!ENTITY …> declarations (CAT tools never need them)")
    return root


def _line_of(data: bytes, text: str, encoding: str | None) -> int | None:
    """The line where `text` first stands in `data`, decoded as the XML says (UTF-16 too).

    >>> _line_of("<a>\\n<!ENTITY".encode("utf-16"), "<!ENTITY", "UTF-16")
    2
    """
    try:
        decoded = data.decode(encoding or "utf-8", errors="replace")
    except LookupError:
        decoded = data.decode("utf-8", errors="replace")
    found = decoded.find(text)
    return decoded[:found].count("\n") + 1 if found >= 0 else None


def read_xml(path: Path, what: str, hint: str) -> etree._Element:
    """Read and parse an XML file safely (see `parse_xml`)."""
    return parse_xml(read_bytes(path, what), path, what, hint)
