"""PDF/A-2b: the archival variant of a kit's PDF (XMP metadata, sRGB output intent, printable links)."""
from __future__ import annotations

import io
import tempfile
from pathlib import Path

import pikepdf
from lxml import etree

from presskit.document import Document
from presskit.renderers.pdf.writer import render
from presskit.runtime.atomic import write_output
from presskit.typesetting import labels

ICC_PROFILE = Path(__file__).with_name("sRGB.icc")  # from Debian's icc-profiles-free (zlib licence)
_PRINT = 4  # annotation flag: print the annotation (PDF/A wants it on every annotation)


def to_pdfa(pdf_path: Path, out_path: Path, document: Document, *also: Document) -> Path:
    """Write a PDF/A-2b copy of `pdf_path` at `out_path` (atomically) and return `out_path`; `also`: the
    other documents the PDF holds (the bilingual edition's English), whose languages it declares too."""
    with pikepdf.open(pdf_path) as pdf:
        _output_intent(pdf)
        _metadata(pdf, [labels.lang_tag(d.lang) for d in (document, *also)])
        for page in pdf.pages:
            for annot in page.get("/Annots") or []:
                annot.F = _PRINT
        buffer = io.BytesIO()
        pdf.save(buffer, deterministic_id=True, fix_metadata_version=False)
    write_output(Path(out_path), what="PDF/A", data=buffer.getvalue())
    return Path(out_path)


def _output_intent(pdf: pikepdf.Pdf) -> None:
    """Declare the sRGB profile as the document's output intent (GTS_PDFA1)."""
    profile = pdf.make_stream(ICC_PROFILE.read_bytes())
    profile.N = 3
    intent = pikepdf.Dictionary(
        Type=pikepdf.Name.OutputIntent, S=pikepdf.Name.GTS_PDFA1,
        OutputConditionIdentifier=pikepdf.String("sRGB IEC61966-2.1"),
        Info=pikepdf.String("sRGB IEC61966-2.1"), DestOutputProfile=profile)
    pdf.Root.OutputIntents = pikepdf.Array([pdf.make_indirect(intent)])


def _metadata(pdf: pikepdf.Pdf, languages: list[str]) -> None:
    """A fresh XMP from the info dictionary, with dc:language and the PDF/A-2b identification.

    The PDF/UA identification and presskit's provenance property stay out: PDF/A-2 allows
    properties outside its predefined schemas only with an extension schema, which pikepdf's
    checker does not read.
    """
    del pdf.Root["/Metadata"]
    write_xmp(pdf, languages, {"pdfaid:part": "2", "pdfaid:conformance": "B"})


def write_xmp(pdf: pikepdf.Pdf, languages: list[str], extra: dict[str, str] | None = None) -> None:
    """XMP mirroring the info dictionary (empty fields too), dc:language (every one of `languages`),
    and `extra` properties."""
    with pdf.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False) as meta:
        if "/Trapped" in pdf.docinfo:
            del pdf.docinfo["/Trapped"]  # no XMP equivalent
        meta.load_from_docinfo(pdf.docinfo)
        for key, prop in (("/Subject", "dc:description"), ("/Keywords", "pdf:Keywords")):
            if key in pdf.docinfo and not str(pdf.docinfo[key]):
                meta[prop] = ""  # load_from_docinfo skips empty values; PDF/A wants them mirrored
        meta["dc:language"] = list(languages)
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


def render_pdfa(document: Document, theme, path: Path) -> Path:
    """Write the PDF/A-2b copy of the document's PDF at `path` (rendered afresh, then made archival)."""
    with tempfile.TemporaryDirectory(dir=Path(path).parent) as scratch:
        return to_pdfa(render(document, theme, Path(scratch) / "document.pdf"), Path(path), document)


def render_bilingual_pdfa(french: Document, english: Document, theme, path: Path) -> Path:
    """Write the PDF/A-2b copy of the bilingual edition at `path` (French its main language, both declared)."""
    from presskit.renderers.pdf.bilingual import render_bilingual

    with tempfile.TemporaryDirectory(dir=Path(path).parent) as scratch:
        edition = render_bilingual(french, english, theme, Path(scratch) / "bilingual.pdf")
        return to_pdfa(edition, Path(path), french, english)
