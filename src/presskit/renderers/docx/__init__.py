"""The DOCX renderer with python-docx: `writer.render(document, theme, path)`.

Holds the writer, its styles, the cover/figures/About pages, the chart and raw Office XML helpers.
May import python-docx, Pillow-free PNG writing, `presskit.document`, `presskit.kit.theme`,
`presskit.typesetting` and `presskit.runtime.atomic`; never another renderer.
"""
