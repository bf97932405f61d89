"""The PDF renderer with reportlab: `writer.render(document, theme, path)`, the bilingual edition
(`bilingual.render_bilingual`) and the PDF/A-2b copy (`pdfa.render_pdfa`).

May import reportlab, svglib, pikepdf, `presskit.document`, `presskit.kit.theme`,
`presskit.typesetting` and `presskit.runtime.atomic`; never another renderer.
"""
