"""PDF/A-2b: the archival variant of a kit's PDF (XMP metadata, sRGB output intent, printable links)."""
from __future__ import annotations

import io
from pathlib import Path

import pikepdf

from presskit import labels
from presskit.atomic import write_bytes
from presskit.document import Document
from presskit.renderers.pdf_structure import write_xmp

ICC_PROFILE = Path(__file__).with_name("sRGB.icc")  # from Debian's icc-profiles-free (zlib licence)
_PRINT = 4  # annotation flag: print the annotation (PDF/A wants it on every annotation)


def to_pdfa(pdf_path: Path, out_path: Path, document: Document) -> Path:
    """Write a PDF/A-2b copy of `pdf_path` at `out_path` (atomically) and return `out_path`."""
    with pikepdf.open(pdf_path) as pdf:
        _output_intent(pdf)
        _metadata(pdf, document)
        for page in pdf.pages:
            for annot in page.get("/Annots") or []:
                annot.F = _PRINT
        buffer = io.BytesIO()
        pdf.save(buffer, deterministic_id=True, fix_metadata_version=False)
    write_bytes(Path(out_path), what="PDF/A", data=buffer.getvalue())
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


def _metadata(pdf: pikepdf.Pdf, document: Document) -> None:
    """A fresh XMP from the info dictionary, with dc:language and the PDF/A-2b identification.

    The PDF/UA identification and presskit's provenance property stay out: PDF/A-2 allows
    properties outside its predefined schemas only with an extension schema, which pikepdf's
    checker does not read.
    """
    del pdf.Root["/Metadata"]
    write_xmp(pdf, labels.lang_tag(document.lang), {"pdfaid:part": "2", "pdfaid:conformance": "B"})
