"""The structure tree of the tagged PDF, written into reportlab's document as it is saved.

From the canvas's log of marked content it writes StructTreeRoot (with ParentTree and RoleMap),
`/StructParents` and `/Tabs /S` on every page, a `/Link` element with `/StructParent` and
`/Contents` for every link annotation, MarkInfo, DisplayDocTitle, and an XMP packet mirroring the
info dictionary (with the PDF/UA-1 identification and presskit's provenance property).
Written with reportlab's own objects: no second pass over the file, no pikepdf on this path.
"""
from __future__ import annotations

from typing import Any

from reportlab.pdfbase.pdfdoc import (
    LinkAnnotation,
    PDFArray,
    PDFDictionary,
    PDFName,
    PDFPage,
    PDFStream,
    PDFString,
)

from presskit.renderers.pdf.tags import ROLE_MAP, Group, Mark, Tag
from presskit.typesetting.inline import escape as xml_escape  # not xml.sax.saxutils: it imports urllib.request

PROVENANCE_NS = "urn:presskit:xmp:1.0/"  # presskit's own XMP namespace (prefix "presskit")
_PAGE_KEYS = PDFPage.__NoDefault__ + ["StructParents", "Tabs"]


def write_structure(canvas: Any, marks: list[Mark], lang: str) -> None:
    """Add the structure tree of `marks` (in drawing order) to the canvas's document."""
    doc = canvas._doc
    tree = _Tree(doc, lang)
    for mark in marks:
        tree.add(mark)
    tree.finish()
    doc.Catalog.MarkInfo = PDFDictionary({"Marked": "true"})
    canvas.setViewerPreference("DisplayDocTitle", "true")


def write_xmp(canvas: Any, info: Any, day: str) -> None:
    """The XMP packet of `info` (a FileInfo), dated `day` ("" for reportlab's fixed date)."""
    stamp = f"{day[:10] or '2000-01-01'}T00:00:00+00:00"
    packet = xmp_packet(info, canvas._doc.info.producer, stamp)
    stream = PDFStream(PDFDictionary({"Type": PDFName("Metadata"), "Subtype": PDFName("XML")}),
                       packet.encode("utf-8"), filters=[])
    canvas._doc.Catalog.Metadata = stream


def xmp_packet(info: Any, producer: str, stamp: str) -> str:
    """An XMP packet mirroring the info dictionary (empty fields too), namespaces on rdf:Description.

    >>> from types import SimpleNamespace as N
    >>> x = xmp_packet(N(title="R&D", author="A", subject="", keywords="", lang="fr-FR",
    ...                  provenance=""), "P", "2023-09-07T00:00:00+00:00")
    >>> "<rdf:li xml:lang=\\"x-default\\">R&amp;D</rdf:li>" in x and "<pdf:Keywords></pdf:Keywords>" in x
    True
    """
    def alt(value: str) -> str:
        return f'<rdf:Alt><rdf:li xml:lang="x-default">{xml_escape(value)}</rdf:li></rdf:Alt>'

    fields = [f"<dc:title>{alt(info.title)}</dc:title>",
              f"<dc:creator><rdf:Seq><rdf:li>{xml_escape(info.author)}</rdf:li></rdf:Seq></dc:creator>",
              f"<dc:description>{alt(info.subject)}</dc:description>",
              f"<dc:language><rdf:Bag><rdf:li>{xml_escape(info.lang)}</rdf:li></rdf:Bag></dc:language>",
              f"<pdf:Keywords>{xml_escape(info.keywords)}</pdf:Keywords>",
              f"<pdf:Producer>{xml_escape(producer)}</pdf:Producer>",
              "<xmp:CreatorTool>presskit</xmp:CreatorTool>",
              f"<xmp:CreateDate>{stamp}</xmp:CreateDate>", f"<xmp:ModifyDate>{stamp}</xmp:ModifyDate>",
              "<pdfuaid:part>1</pdfuaid:part>"]
    if info.provenance:
        fields.append(f"<presskit:provenance>{xml_escape(info.provenance)}</presskit:provenance>")
    namespaces = ('xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:pdf="http://ns.adobe.com/pdf/1.3/" '
                  'xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/" '
                  f'xmlns:presskit="{PROVENANCE_NS}"')
    return ('<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>\n'
            '<x:xmpmeta xmlns:x="adobe:ns:meta/">'
            '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
            f'<rdf:Description rdf:about="" {namespaces}>{"".join(fields)}</rdf:Description>'
            '</rdf:RDF></x:xmpmeta>\n<?xpacket end="w"?>')


class _Tree:
    """Builds the structure elements, the parent tree and the page and annotation links."""

    def __init__(self, doc: Any, lang: str) -> None:
        self.doc, self.lang = doc, lang
        self.root = PDFDictionary({"Type": PDFName("StructTreeRoot")})
        self.root_ref = doc.Reference(self.root)
        self.document = self._element("Document", self.root_ref, None)
        self.groups: dict[int, Any] = {}
        self.elements: dict[int, Any] = {}
        self.by_page: dict[int, list] = {}
        self.links: list[tuple[int, Any]] = []
        self.pages = doc.Pages.pages
        self.next_key = len(self.pages)

    def _element(self, role: str, parent_ref: Any, parent: PDFDictionary | None, lang: str | None = None,
                 alt: str | None = None) -> tuple[PDFDictionary, Any]:
        """A new structure element (and its reference) appended to `parent`'s kids."""
        element = PDFDictionary({"Type": PDFName("StructElem"), "S": PDFName(role), "P": parent_ref,
                                 "K": PDFArray([])})
        if lang and lang != self.lang:
            element["Lang"] = PDFString(lang)
        if alt is not None:
            element["Alt"] = PDFString(alt)
        ref = self.doc.Reference(element)
        if parent is not None:
            parent["K"].sequence.append(ref)
        return element, ref

    def _group(self, group: Group | None) -> tuple[PDFDictionary, Any]:
        """The element of `group` (created on first use, under its own parent group)."""
        if group is None:
            return self.document
        if id(group) not in self.groups:
            parent, parent_ref = self._group(group.parent)
            self.groups[id(group)] = self._element(group.role, parent_ref, parent, group.lang)
            if group.scope:
                self.groups[id(group)][0]["A"] = PDFDictionary({"O": PDFName("Table"),
                                                                "Scope": PDFName(group.scope)})
        return self.groups[id(group)]

    def add(self, mark: Mark) -> None:
        """Attach one marked-content sequence to its element (one element per tag, across pages)."""
        item: Tag = mark.tag
        if id(item) not in self.elements:
            parent, parent_ref = self._group(item.parent)
            self.elements[id(item)] = self._element(item.role, parent_ref, parent, item.lang, item.alt)
        element, ref = self.elements[id(item)]
        page_ref = self.doc.Reference(self.pages[mark.page])
        element["K"].sequence.append(PDFDictionary({"Type": PDFName("MCR"), "Pg": page_ref,
                                                    "MCID": mark.mcid}))
        owners = self.by_page.setdefault(mark.page, [])
        owners.extend([None] * (mark.mcid + 1 - len(owners)))
        owners[mark.mcid] = ref
        for annot in mark.annots:
            self._link(element, ref, page_ref, annot, item.lang)

    def _link(self, element: PDFDictionary, ref: Any, page_ref: Any, annot_ref: Any,
              lang: str | None) -> None:
        """A `/Link` element holding the annotation (an OBJR); the annotation gets its description."""
        link, _ = self._element("Link", ref, element)
        annot = self.doc.idToObject[annot_ref.name]
        link["K"].sequence.append(PDFDictionary({"Type": PDFName("OBJR"), "Pg": page_ref,
                                                 "Obj": annot_ref}))
        description = _describe(annot, self.next_key)
        link["Alt"] = PDFString(description)
        self.links.append((self.next_key, link))
        self.next_key += 1

    def finish(self) -> None:
        """The parent tree, role map and page keys; the root into the catalog."""
        nums = []
        for index, page in enumerate(self.pages):
            page.__NoDefault__ = _PAGE_KEYS
            page.StructParents, page.Tabs, page.Trans = index, PDFName("S"), None
            owners = PDFArray([o for o in self.by_page.get(index, []) if o is not None])
            nums += [index, self.doc.Reference(owners)]
        for key, link in self.links:
            nums += [key, self.doc.Reference(link)]
        self.root["K"] = PDFArray([self.document[1]])
        self.root["ParentTree"] = self.doc.Reference(PDFDictionary({"Nums": PDFArray(nums)}))
        self.root["ParentTreeNextKey"] = self.next_key
        self.root["RoleMap"] = PDFDictionary({k: PDFName(v) for k, v in ROLE_MAP.items()})
        self.doc.Catalog.StructTreeRoot = self.root_ref


def _describe(annot: Any, key: int) -> str:
    """Give a link annotation its /StructParent, and /Contents when it has none; return the latter."""
    if isinstance(annot, LinkAnnotation):  # an internal link: described when it was drawn
        annot.permitted = LinkAnnotation.permitted + ("StructParent",)
        annot.otherkw["StructParent"] = key
        annot.Contents = annot.Contents or "link"
        return annot.Contents
    action = annot.dict.get("A")
    uri = action.dict.get("URI") if action is not None else None
    text = uri.s if isinstance(uri, PDFString) else "link"
    annot["StructParent"] = key
    if not annot.dict.get("Contents"):
        annot["Contents"] = PDFString(text)
    return text
