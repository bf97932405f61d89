"""DOCX details read back from the package: alt text, drawing ids, header row, styles, settings, fonts."""
from __future__ import annotations

import io
import shutil
import subprocess
import zipfile

import docx
import pytest
from fontTools.ttLib import TTFont
from lxml import etree
from pypdf import PdfReader

from presskit.kit.theme import Theme
from presskit.renderers.docx import writer as docx_renderer
from presskit.renderers.docx.fonts import obfuscate

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def _xml(path, name):
    """One part of the package, parsed."""
    return etree.fromstring(zipfile.ZipFile(path).read(name))


def _drawings(path):
    """Every wp:docPr of the document and its headers and footers."""
    names = [n for n in zipfile.ZipFile(path).namelist()
             if n.startswith("word/") and n.endswith(".xml") and ("document" in n or "header" in n
                                                                  or "footer" in n)]
    return [d for n in names for d in _xml(path, n).iter(f"{{{WP}}}docPr")]


def test_every_image_has_alt_text_in_the_documents_language(kit_fr, kit_en, branded, tmp_path):
    for document, logo, chart in ((kit_fr, "Logo de Medicen", "Graphique en barres"),
                                  (kit_en, "Medicen logo", "Bar chart")):
        path = docx_renderer.render(document, branded, tmp_path / f"{document.lang}.docx")
        drawings = _drawings(path)
        assert len(drawings) >= 3  # PNG and SVG organisation logos, the chart
        assert all(d.get("descr") for d in drawings)
        alts = [d.get("descr") for d in drawings]
        assert logo in alts and any(a.startswith(chart) and "21" in a for a in alts)


def test_drawing_ids_are_unique_across_header_and_body(kit_fr, branded, logo_png, tmp_path):
    from dataclasses import replace

    path = docx_renderer.render(kit_fr, replace(branded, logo=logo_png), tmp_path / "kit.docx")
    ids = [d.get("id") for d in _drawings(path)]
    assert len(ids) >= 4 and len(set(ids)) == len(ids)


def test_key_figures_table_has_a_header_row(kit_fr, theme, tmp_path):
    doc = docx.Document(str(docx_renderer.render(kit_fr, theme, tmp_path / "kit.docx")))
    table = doc.tables[0]
    header = table.rows[0]._tr
    assert header.trPr is not None and header.trPr.find(f"{{{W}}}tblHeader") is not None
    assert table.rows[0].cells[0].text == "Chiffres clés"
    assert table.rows[0].cells[0].paragraphs[0].style.name == "Heading 1"


def test_quote_style_keeps_its_lines_and_its_attribution(kit_fr, theme, tmp_path):
    doc = docx.Document(str(docx_renderer.render(kit_fr, theme, tmp_path / "kit.docx")))
    quote, attribution = doc.styles["Quote"].paragraph_format, doc.styles["Quote Attribution"].paragraph_format
    assert quote.keep_together and quote.keep_with_next and attribution.keep_together


def test_french_docx_settings_are_french(kit_fr, kit_en, theme, tmp_path):
    for document, expected in ((kit_fr, ("fr-FR", ",", ";")), (kit_en, ("en-GB", ".", ","))):
        settings = _xml(docx_renderer.render(document, theme, tmp_path / f"{document.lang}.docx"),
                        "word/settings.xml")
        values = tuple(settings.find(f"{{{W}}}{n}").get(f"{{{W}}}val")
                       for n in ("themeFontLang", "decimalSymbol", "listSeparator"))
        assert values == expected


def test_brand_font_is_embedded_and_readable(kit_fr, theme, tmp_path):
    path = docx_renderer.render(kit_fr, theme, tmp_path / "kit.docx")
    package = zipfile.ZipFile(path)
    table = _xml(path, "word/fontTable.xml")
    lato = next(f for f in table.iter(f"{{{W}}}font") if f.get(f"{{{W}}}name") == "Lato")
    rels = _xml(path, "word/_rels/fontTable.xml.rels")
    targets = {r.get("Id"): r.get("Target") for r in rels}
    styles = set()
    for tag in ("embedRegular", "embedBold", "embedItalic", "embedBoldItalic"):
        embed = lato.find(f"{{{W}}}{tag}")
        data = package.read("word/" + targets[embed.get(f"{{{R}}}id")])
        font = TTFont(io.BytesIO(obfuscate(data, embed.get(f"{{{W}}}fontKey"))))
        assert font["name"].getDebugName(1) == "Lato"
        styles.add(font["name"].getDebugName(2))
    assert styles == {"Regular", "Bold", "Italic", "Bold Italic"}
    assert _xml(path, "word/settings.xml").find(f"{{{W}}}embedTrueTypeFonts") is not None
    assert "obfuscatedFont" in package.read("[Content_Types].xml").decode()


def test_neutral_brand_has_no_wordmark(kit_fr, tmp_path):
    path = docx_renderer.render(kit_fr.evolve(meta=()), Theme(), tmp_path / "kit.docx")
    doc = docx.Document(str(path))
    header = " ".join(p.text for p in doc.sections[0].header.paragraphs)
    assert "presskit" not in header.lower() and doc.core_properties.author == ""
    assert "presskit" not in doc.paragraphs[0].text.lower()


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_long_title_keeps_the_cover_on_one_page(kit_fr, branded, tmp_path):
    title = ("La France et l’Allemagne renforcent ensemble la souveraineté numérique de "
             "l’administration publique en signant une déclaration d’intention commune à Berlin")
    document = kit_fr.evolve(title=title, subtitle="Un accord inédit pour des outils libres partagés "
                                                   "entre les deux administrations d’ici 2026")
    path = docx_renderer.render(document, branded, tmp_path / "kit.docx")
    subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(path)],
                   check=True, capture_output=True, timeout=120)
    pages = [p.extract_text() for p in PdfReader(tmp_path / "kit.pdf").pages]
    assert "7 septembre 2023" in pages[0] and "Genopole" in pages[0]  # date and footer together
    fonts = {str(f.get_object()["/BaseFont"]) for p in PdfReader(tmp_path / "kit.pdf").pages
             for f in (p["/Resources"].get("/Font") or {}).values()}
    text_fonts = {f for f in fonts if "OpenSymbol" not in f}  # bullets come from LibreOffice's symbols
    assert text_fonts and all("Lato" in f for f in text_fonts)  # laid out in the embedded font


def test_shipped_lato_subsets_are_current():
    from presskit.kit.theme import FONT_DIR
    from presskit.renderers.docx.fonts import SHIPPED, subset_font, subset_name

    for face in ("Regular", "Bold", "Italic", "BoldItalic"):
        assert (SHIPPED / subset_name((FONT_DIR / f"Lato-{face}.ttf").read_bytes())).is_file(), face
    regular = (FONT_DIR / "Lato-Regular.ttf").read_bytes()
    assert (SHIPPED / subset_name(regular)).read_bytes() == subset_font(regular)  # made by this code
