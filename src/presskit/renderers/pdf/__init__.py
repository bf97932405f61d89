"""The PDF renderer: `render(document, theme, path)` with reportlab, plus the bilingual edition and PDF/A.

May import reportlab, svglib, pikepdf, `presskit.document`, `presskit.kit.theme`,
`presskit.typesetting` and `presskit.runtime.atomic`; never another renderer.
"""
import tempfile
from pathlib import Path

from presskit.renderers.pdf.bilingual import render_bilingual
from presskit.renderers.pdf.writer import render

__all__ = ["render", "render_bilingual", "render_pdfa"]


def render_pdfa(document, theme, path):
    """Write the PDF/A-2b copy of the document's PDF at `path` (rendered afresh, then made archival)."""
    from presskit.renderers.pdf.pdfa import to_pdfa  # pikepdf, an optional step: loaded on request

    with tempfile.TemporaryDirectory(dir=Path(path).parent) as scratch:
        return to_pdfa(render(document, theme, Path(scratch) / "document.pdf"), Path(path), document)
