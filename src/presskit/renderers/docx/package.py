"""The parts of one DOCX package and their relationships, saved as a zip (Open Packaging Conventions)."""
from __future__ import annotations

import hashlib

from lxml import etree

from presskit.renderers.docx.archive import Entry, deflated, stored, write_zip
from presskit.renderers.docx.oxml import DECLARATION, attr

RELS_CT = "application/vnd.openxmlformats-package.relationships+xml"
RELS_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
TYPES_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
OFFICE_RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
HYPERLINK_RT = OFFICE_RT + "hyperlink"
IMAGE_RT = OFFICE_RT + "image"


class Rels:
    """The relationships of one part: r:ids given in order, an external address related once."""

    def __init__(self, existing: list[tuple[str, str, str, bool]] | None = None) -> None:
        """Start from `existing` (r:id, type, target, external) relationships, as a template holds them."""
        self.items = list(existing or [])
        self.ids = {(kind, target, external): r_id for r_id, kind, target, external in self.items}
        self.next = 1 + max((int(r_id[3:]) for r_id, *_ in self.items if r_id[3:].isdigit()), default=0)

    def relate(self, kind: str, target: str, external: bool = False) -> str:
        """The r:id of a relationship of type `kind` to `target` (made on first need).

        >>> rels = Rels([("rId3", "x", "a.xml", False)])
        >>> rels.relate(HYPERLINK_RT, "https://a.fr", True), rels.relate(HYPERLINK_RT, "https://a.fr", True)
        ('rId4', 'rId4')
        """
        key = (kind, target, external)
        if key not in self.ids:
            self.ids[key] = r_id = f"rId{self.next}"
            self.next += 1
            self.items.append((r_id, kind, target, external))
        return self.ids[key]

    def link(self, address: str) -> str:
        """The r:id of an external hyperlink to `address`."""
        return self.relate(HYPERLINK_RT, address, True)

    def xml(self) -> bytes:
        """The .rels part."""
        items = "".join(f'<Relationship Id="{r_id}" Type="{kind}" Target="{attr(target)}"'
                        + (' TargetMode="External"/>' if external else "/>")
                        for r_id, kind, target, external in self.items)
        return f'{DECLARATION}<Relationships xmlns="{RELS_NS}">{items}</Relationships>'.encode()


def parse_rels(xml: bytes) -> list[tuple[str, str, str, bool]]:
    """The relationships of a .rels part: (r:id, type, target, external).

    >>> parse_rels(Rels([("rId1", "t", "a&b.xml", False)]).xml())
    [('rId1', 't', 'a&b.xml', False)]
    """
    return [(item.get("Id"), item.get("Type"), item.get("Target"), item.get("TargetMode") == "External")
            for item in etree.fromstring(xml).iterchildren(f"{{{RELS_NS}}}Relationship")]


def rels_name(part: str) -> str:
    """The name of a part's relationships in the zip.

    >>> rels_name("word/document.xml"), rels_name("")
    ('word/_rels/document.xml.rels', '_rels/.rels')
    """
    folder, _, name = part.rpartition("/")
    return f"{folder}/_rels/{name}.rels" if folder else f"_rels/{name}.rels"


class Package:
    """The entries of a DOCX being written, their content types, and the drawings' and media's numbers."""

    def __init__(self, defaults: dict[str, str], overrides: dict[str, str]) -> None:
        """Start with the content types of the template's parts (by extension, and by part name)."""
        self.entries: dict[str, Entry] = {}
        self.defaults, self.overrides = dict(defaults), dict(overrides)
        self.media: dict[bytes, str] = {}
        self.drawings = 0

    def add(self, entry: Entry, content_type: str = "") -> None:
        """Put an entry in the package (a part of `content_type` when given)."""
        self.entries[entry.name] = entry
        if content_type:
            self.overrides["/" + entry.name] = content_type

    def add_xml(self, name: str, xml: str | bytes, content_type: str, rels: Rels | None = None) -> None:
        """Put an XML part (deflated) and its relationships in the package."""
        self.add(deflated(name, xml.encode() if isinstance(xml, str) else xml), content_type)
        if rels is not None and rels.items:
            self.entries[rels_name(name)] = deflated(rels_name(name), rels.xml())

    def add_media(self, data: bytes, extension: str, content_type: str) -> str:
        """The zip name of a picture in word/media (the same bytes are stored once, as they are)."""
        digest = hashlib.sha1(data).digest() + extension.encode()
        if digest not in self.media:
            name = f"word/media/image{len(self.media) + 1}.{extension}"
            self.media[digest] = name
            self.entries[name] = stored(name, data)
            self.defaults.setdefault(extension, content_type)
        return self.media[digest]

    def next_drawing(self) -> int:
        """A new drawing id (wp:docPr), unique across the document, its headers and footers."""
        self.drawings += 1
        return self.drawings

    def save(self, first: list[str]) -> bytes:
        """The zip: [Content_Types].xml, then the entries named in `first`, then the others in order."""
        defaults = "".join(f'<Default Extension="{ext}" ContentType="{kind}"/>'
                           for ext, kind in sorted(self.defaults.items()))
        overrides = "".join(f'<Override PartName="{attr(name)}" ContentType="{kind}"/>'
                            for name, kind in sorted(self.overrides.items()) if name[1:] in self.entries)
        types = deflated("[Content_Types].xml",
                         f'{DECLARATION}<Types xmlns="{TYPES_NS}">{defaults}{overrides}</Types>'.encode())
        ordered = [self.entries[name] for name in first if name in self.entries]
        ordered += [entry for name, entry in self.entries.items() if name not in first]
        return write_zip([types, *ordered])
