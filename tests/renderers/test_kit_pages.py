"""Press-kit pages read back: cover, key figures and chart, bilingual edition, PDF/A, logos."""
from __future__ import annotations

import re
import zipfile

import docx
import pikepdf
from pypdf import PdfReader

from presskit.renderers.docx import writer as docx_renderer
from presskit.renderers.pdf import writer as pdf
from presskit.renderers.pdf.bilingual import render_bilingual
from presskit.renderers.pdf.pdfa import to_pdfa
from presskit.typesetting import labels

from .conftest import NNBSP


def _pages(path):
    return [re.sub(r"[ \n]+", " ", p.extract_text()) for p in PdfReader(path).pages]


def _figures_page(pages, heading):
    return next(p for p in pages if heading in p)


def test_pdf_cover_and_key_figures_page(kit_fr, branded, tmp_path):
    pages = _pages(pdf.render(kit_fr, branded, tmp_path / "kit.pdf"))
    assert "Dossier de presse" in pages[0] and kit_fr.title in pages[0]
    assert "7 septembre 2023" in pages[0] and "Genopole" in pages[0]
    page = _figures_page(pages, "Chiffres clés")
    assert f"85{NNBSP}%" in page and f"10{NNBSP}000" in page and "emplois directs" in page
    assert "Biothérapies produites" in page and "Allemagne" in page and "Italie" in page


def test_pdf_chart_is_a_drawing_and_logos_are_embedded(kit_fr, branded, tmp_path):
    reader = PdfReader(pdf.render(kit_fr, branded, tmp_path / "kit.pdf"))
    cover = reader.pages[0]
    images = [x for x in cover["/Resources"]["/XObject"].values()
              if x.get_object()["/Subtype"] == "/Image"]
    assert images  # the PNG logo; the SVG one is vector drawing
    index = next(i for i, p in enumerate(reader.pages) if "Chiffres clés" in p.extract_text())
    content = reader.pages[index].get_contents().get_data()
    assert content.count(b" re") >= 3  # three bars drawn as rectangles, not an image
    xobjects = reader.pages[index]["/Resources"].get("/XObject", {})
    assert all(x.get_object()["/Subtype"] == "/Form" for x in xobjects.values())  # page label only


def test_english_pdf_has_curly_quotes_and_french_has_narrow_spaces(kit_fr, kit_en, theme, tmp_path):
    english = " ".join(_pages(pdf.render(kit_en, theme, tmp_path / "en.pdf")))
    assert "The “France Bioproduction” congress: it’s a success" in english
    french = " ".join(_pages(pdf.render(kit_fr, theme, tmp_path / "fr.pdf")))
    assert f"stay literal{NNBSP}:" in french and "literal :" not in french


def test_pdf_outline_has_cover_and_key_figures(kit_fr, theme, tmp_path):
    outline = str(PdfReader(pdf.render(kit_fr, theme, tmp_path / "kit.pdf")).outline)
    for title in ("Dossier de presse", kit_fr.title, "Chiffres clés", "Contact presse"):
        assert title in outline


def test_release_date_is_the_file_date(kit_fr, theme, tmp_path):
    info = PdfReader(pdf.render(kit_fr, theme, tmp_path / "kit.pdf")).metadata
    assert info["/CreationDate"].startswith("D:20230907")


def test_docx_cover_figures_and_chart_image(kit_fr, branded, tmp_path):
    path = docx_renderer.render(kit_fr, branded, tmp_path / "kit.docx")
    doc = docx.Document(str(path))
    styles = {p.style.name: p.text for p in doc.paragraphs}
    assert styles["Cover Kicker"] == "Dossier de presse" and styles["Cover Title"] == kit_fr.title
    assert styles["Cover Date"] == "7 septembre 2023"
    assert doc.sections[0].different_first_page_header_footer
    cells = [c.text for row in doc.tables[0].rows for c in row.cells]
    assert any(f"10{NNBSP}000" in c and "emplois directs" in c for c in cells)
    assert "Biothérapies produites" in [p.text for p in doc.paragraphs if p.style.name == "Chart Title"]
    names = zipfile.ZipFile(path).namelist()
    assert sum(n.startswith("word/media/") and n.endswith(".png") for n in names) >= 3  # logo, svg fallback, chart
    assert "word/media/logo1.svg" in names
    package = zipfile.ZipFile(path)
    parts = [n for n in names if n.startswith("word/footer") or n == "word/document.xml"]
    assert any("svgBlip" in package.read(n).decode() for n in parts)  # organisations: cover footer


def test_kit_rebuilds_are_byte_identical(kit_fr, kit_en, branded, tmp_path):
    for name, make in (("a.pdf", lambda p: pdf.render(kit_fr, branded, p)),
                       ("a.docx", lambda p: docx_renderer.render(kit_fr, branded, p)),
                       ("bi.pdf", lambda p: render_bilingual(kit_fr, kit_en, branded, p))):
        first = make(tmp_path / name).read_bytes()
        second = make(tmp_path / f"again-{name}").read_bytes()
        assert first == second, name


def test_bilingual_edition_has_both_languages_side_by_side(kit_fr, kit_en, theme, tmp_path):
    path = render_bilingual(kit_fr, kit_en, theme, tmp_path / "bi.pdf")
    reader = PdfReader(path)
    text = " ".join(re.sub(r"[ \n]+", " ", p.extract_text()) for p in reader.pages)
    for expected in ("Dossier de presse · Press kit", "Français", "English",
                     "Une filière qui se structure", "À propos de Polepharma", "About Polepharma",
                     f"«{NNBSP}Il faut assurer", "“Il faut assurer"):
        assert expected in text
    page = reader.pages[1].extract_text()
    assert kit_fr.subtitle.split()[0] in page and "Heading for European" in page  # one page, both
    assert reader.trailer["/Root"]["/Lang"] == "fr-FR"


def test_pdfa_has_xmp_and_output_intent(kit_en, theme, tmp_path):
    source = pdf.render(kit_en, theme, tmp_path / "kit.pdf")
    out = to_pdfa(source, tmp_path / "kit.pdfa.pdf", kit_en)
    with pikepdf.open(out) as archived:
        meta = archived.open_metadata()
        assert meta["pdfaid:part"] == "2" and meta["pdfaid:conformance"] == "B"
        assert meta["dc:title"] == labels.file_title(kit_en) and set(meta["dc:language"]) == {"en-GB"}
        assert "Medicen" in str(meta["dc:creator"])
        intent = archived.Root.OutputIntents[0]
        assert intent.S == "/GTS_PDFA1" and len(intent.DestOutputProfile.read_bytes()) > 1000
        for page in archived.pages:
            for annot in page.get("/Annots") or []:
                assert int(annot.F) & 4
    again = to_pdfa(source, tmp_path / "again.pdf", kit_en)
    assert out.read_bytes() == again.read_bytes()
