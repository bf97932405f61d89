"""The DOCX renderer: `writer.render(document, theme, path)`.

Holds the writer (WordprocessingML written as text, `oxml`), the package and its zip (`package`,
`archive`), the parts every document of a theme shares (`base`), the cover/figures pages, pictures,
fonts, the chart, and the styled template (`styles`; made with python-docx in `template`, which only
a miss of the template's memo imports). May import lxml, python-docx (for the template), Pillow (for
the chart and wordmarks), `presskit.document`, `presskit.kit.theme`, `presskit.typesetting` and
`presskit.runtime` (atomic, disk_memo); never another renderer.
"""
