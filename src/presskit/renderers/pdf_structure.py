"""The structure tree of the tagged PDF, written with pikepdf from the canvas's log of marked content.

Writes StructTreeRoot (with ParentTree, RoleMap), `/StructParents` and `/Tabs /S` on every page,
`/StructParent` and `/Contents` on link annotations (each one in a `/Link` element), MarkInfo,
DisplayDocTitle, and an XMP packet mirroring the info dictionary.
"""
from __future__ import annotations

import io

import pikepdf
from lxml import etree
from pikepdf import Array, Dictionary, Name, String

from presskit.renderers.pdf_tags import ROLE_MAP, Group, Mark, Tag


PROVENANCE_NS = "urn:presskit:xmp:1.0/"  # presskit's own XMP namespace (prefix "presskit")
etree.register_namespace("presskit", PROVENANCE_NS)


def add_structure(data: bytes, marks: list[Mark], lang: str, provenance: str = "") -> bytes:
    """Return the PDF `data` with a structure tree built from `marks` (in drawing order).

    The XMP declares PDF/UA-1 and carries the translation's `provenance` in a presskit property.
    """
    with pikepdf.open(io.BytesIO(data)) as pdf:
        _Tree(pdf, lang).build(marks)
        pdf.Root.MarkInfo = Dictionary(Marked=True)
        pdf.Root.ViewerPreferences = Dictionary(DisplayDocTitle=True)
        for page in pdf.pages:
            page.obj.Tabs = Name.S
            if "/Trans" in page.obj:
                del page.obj["/Trans"]  # reportlab's empty transition dictionary
        extra = {"pdfuaid:part": "1"}
        if provenance:
            extra[f"{{{PROVENANCE_NS}}}provenance"] = provenance
        write_xmp(pdf, lang, extra)
        out = io.BytesIO()
        pdf.save(out, deterministic_id=True, fix_metadata_version=False)
    return out.getvalue()


def write_xmp(pdf: pikepdf.Pdf, lang: str, extra: dict[str, str] | None = None) -> None:
    """XMP mirroring the info dictionary (empty fields too), dc:language, and `extra` properties."""
    with pdf.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False) as meta:
        if "/Trapped" in pdf.docinfo:
            del pdf.docinfo["/Trapped"]  # no XMP equivalent
        meta.load_from_docinfo(pdf.docinfo)
        for key, prop in (("/Subject", "dc:description"), ("/Keywords", "pdf:Keywords")):
            if key in pdf.docinfo and not str(pdf.docinfo[key]):
                meta[prop] = ""  # load_from_docinfo skips empty values; PDF/A wants them mirrored
        meta["dc:language"] = [lang]
        for prop, value in (extra or {}).items():
            meta[prop] = value
    _declare_on_description(pdf)


_RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"


def _declare_on_description(pdf: pikepdf.Pdf) -> None:
    """Rewrite the XMP packet with every namespace declared once, on its rdf:Description."""
    stream = pdf.Root.Metadata
    data = stream.read_bytes()
    start, end = data.index(b"<x:xmpmeta"), data.index(b"</x:xmpmeta>") + len(b"</x:xmpmeta>")
    root = etree.fromstring(data[start:end])
    for old in root.iter(f"{{{_RDF}}}Description"):
        used = {el.prefix: el.nsmap[el.prefix] for el in old.iter() if el.prefix and el.prefix != "rdf"}
        new = etree.Element(old.tag, attrib=dict(old.attrib), nsmap={"rdf": _RDF, **used})
        new.extend(list(old))
        old.getparent().replace(old, new)
        etree.cleanup_namespaces(new, top_nsmap=new.nsmap)
        break
    body = etree.tostring(root, encoding="utf-8")
    stream.write(data[:start] + body + data[end:])


def link_description(annot: pikepdf.Dictionary) -> str:
    """What a link annotation leads to: its address (internal links are described when drawn)."""
    action = annot.get("/A")
    target = action.get("/URI") if action is not None else None
    return str(target) if target is not None else "link"


class _Tree:
    """Builds the structure elements, the parent tree and the page and annotation links."""

    def __init__(self, pdf: pikepdf.Pdf, lang: str) -> None:
        self.pdf, self.lang = pdf, lang
        self.root = pdf.make_indirect(Dictionary(Type=Name.StructTreeRoot))
        self.document = self._element("Document", self.root, lang)
        self.groups: dict[int, pikepdf.Object] = {}
        self.elements: dict[int, pikepdf.Object] = {}
        self.by_page: dict[int, list] = {}
        self.next_key = len(pdf.pages)

    def build(self, marks: list[Mark]) -> None:
        """Add every mark, then the parent tree, role map and page keys."""
        for mark in marks:
            self._add(mark)
        nums = Array()
        for index, page in enumerate(self.pdf.pages):
            page.obj.StructParents = index
            owners = self.by_page.get(index, [])
            nums.extend([index, self.pdf.make_indirect(Array(owners))])
        for key, link in getattr(self, "links", []):
            nums.extend([key, link])
        self.root.K = Array([self.document])
        self.root.ParentTree = self.pdf.make_indirect(Dictionary(Nums=nums))
        self.root.ParentTreeNextKey = self.next_key
        self.root.RoleMap = Dictionary({f"/{k}": Name(f"/{v}") for k, v in ROLE_MAP.items()})
        self.pdf.Root.StructTreeRoot = self.root

    def _element(self, role: str, parent: pikepdf.Object, lang: str | None = None,
                 alt: str | None = None) -> pikepdf.Object:
        """A new structure element under `parent` (appended to its kids)."""
        element = self.pdf.make_indirect(Dictionary(Type=Name.StructElem, S=Name(f"/{role}"), P=parent,
                                                    K=Array()))
        if lang and lang != self.lang:
            element.Lang = String(lang)
        if alt is not None:
            element.Alt = String(alt)
        if parent.get("/Type") == Name.StructElem:
            parent.K.append(element)
        return element

    def _group(self, group: Group | None) -> pikepdf.Object:
        """The element of `group` (created on first use, under its own parent group)."""
        if group is None:
            return self.document
        if id(group) not in self.groups:
            self.groups[id(group)] = self._element(group.role, self._group(group.parent), group.lang)
        return self.groups[id(group)]

    def _add(self, mark: Mark) -> None:
        """Attach one marked-content sequence to its element (one element per tag, across pages)."""
        item: Tag = mark.tag
        if id(item) not in self.elements:
            self.elements[id(item)] = self._element(item.role, self._group(item.parent), item.lang,
                                                    item.alt)
        element = self.elements[id(item)]
        page = self.pdf.pages[mark.page].obj
        element.K.append(Dictionary(Type=Name.MCR, Pg=page, MCID=mark.mcid))
        owners = self.by_page.setdefault(mark.page, [])
        owners.extend([None] * (mark.mcid + 1 - len(owners)))
        owners[mark.mcid] = element
        annots = page.get("/Annots") or Array()
        for index in mark.annots:
            self._link(element, page, annots[index])

    def _link(self, element: pikepdf.Object, page: pikepdf.Object, annot: pikepdf.Object) -> None:
        """A `/Link` element holding the annotation (an OBJR), with the annotation's description."""
        link = self._element("Link", element)
        link.K.append(Dictionary(Type=Name.OBJR, Pg=page, Obj=annot))
        annot.StructParent = self.next_key
        if not str(annot.get("/Contents", "")).strip():
            annot.Contents = String(link_description(annot))
        link.Alt = annot.Contents
        self.links = [*getattr(self, "links", []), (self.next_key, link)]
        self.next_key += 1
