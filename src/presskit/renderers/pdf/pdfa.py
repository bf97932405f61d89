"""PDF/A-2b: the archival variant of a kit's PDF (XMP metadata, sRGB output intent, printable links)."""
from __future__ import annotations

import io
import tempfile
from pathlib import Path

import pikepdf

from presskit.typesetting import labels
from presskit.runtime.atomic import write_bytes
from presskit.document import Document
from presskit.renderers.pdf.writer import render

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
        pdf.Root.MarkInfo = pikepdf.Dictionary(Marked=False)
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
    """XMP from the info dictionary, plus dc:language and the PDF/A-2b identification."""
    with pdf.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False) as meta:
        if "/Trapped" in pdf.docinfo:
            del pdf.docinfo["/Trapped"]  # no XMP equivalent
        meta.load_from_docinfo(pdf.docinfo)
        meta["dc:language"] = [labels.lang_tag(document.lang)]
        meta["pdfaid:part"] = "2"
        meta["pdfaid:conformance"] = "B"


def render_pdfa(document: Document, theme, path: Path) -> Path:
    """Write the PDF/A-2b copy of the document's PDF at `path` (rendered afresh, then made archival)."""
    with tempfile.TemporaryDirectory(dir=Path(path).parent) as scratch:
        return to_pdfa(render(document, theme, Path(scratch) / "document.pdf"), Path(path), document)
