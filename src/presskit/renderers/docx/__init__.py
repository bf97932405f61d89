"""The DOCX renderer: `render(document, theme, path)` with python-docx.

Holds the writer, its styles, the cover/figures/About pages, the chart and raw Office XML helpers.
May import python-docx, Pillow-free PNG writing, `presskit.document`, `presskit.kit.theme`,
`presskit.typesetting` and `presskit.runtime.atomic`; never another renderer.
"""
from presskit.renderers.docx.writer import render

__all__ = ["render"]
