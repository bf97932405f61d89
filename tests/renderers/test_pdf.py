"""The PDF renderer, checked by reading the produced file back with pypdf."""
from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pikepdf
import pytest
from pypdf import PdfReader

from presskit.document import Document
from presskit.errors import PresskitError
from presskit.kit.theme import Theme
from presskit.renderers.pdf import writer as pdf
from presskit.typesetting import typography

from .conftest import EXPECTED_URIS, FOOTNOTE_URL, HOSTILE, NNBSP


def _render(document: Document, theme: Theme, folder: Path, name: str = "kit.pdf") -> PdfReader:
    """Render and open the PDF."""
    out = pdf.render(document, theme, folder / name)
    assert out == folder / name
    return PdfReader(out)


def _text(reader: PdfReader) -> str:
    """All pages' text, with line breaks and runs of spaces made single spaces."""
    return re.sub(r"[ \n]+", " ", "\n".join(page.extract_text() for page in reader.pages))


def _uris(reader: PdfReader) -> set[str]:
    """The URIs of every link annotation."""
    uris = set()
    for page in reader.pages:
        for annot in page.get("/Annots") or []:
            action = annot.get_object().get("/A")
            if action and "/URI" in action:
                uris.add(str(action["/URI"]))
    return uris


def test_text_comes_out_literally(document_fr, theme, tmp_path):
    text = _text(_render(document_fr, theme, tmp_path))
    for expected in (document_fr.title, document_fr.subtitle, "Paris, le 7 septembre 2023",
                     typography.french(HOSTILE), "Une filière qui se structure", "1000 messages échangés",
                     "Il faut assurer le continuum de la recherche à la production.",
                     "— Jessica Leygues, Déléguée Générale, Medicen Paris Region",
                     "— a ajouté Fabien Riolet, Délégué Général, Polepharma",
                     FOOTNOTE_URL, "Plus d’informations sur le congrès",
                     "À propos de Medicen Paris Region", "Il fédère 500 adhérents en Île-de-France.",
                     "À propos de Polepharma", "Contact presse", "Marie Dupont",
                     f"6,6{NNBSP}%", "800\u202fM€", f"Œuvrer «{NNBSP}ensemble{NNBSP}» c’est",
                     "12 pôles – 2021"):
        assert expected in text


def test_quotes_are_in_french_marks(document_fr, theme, tmp_path):
    text = _text(_render(document_fr, theme, tmp_path))
    assert f"«{NNBSP}Il faut assurer" in text


def test_header_label_and_page_numbers(document_fr, theme, tmp_path):
    reader = _render(document_fr, theme, tmp_path)
    total = len(reader.pages)
    assert total >= 3
    assert "Page 1" not in reader.pages[0].extract_text()  # the cover has no furniture
    for number, page in enumerate(reader.pages[1:], start=2):
        text = page.extract_text()
        assert f"Page {number} sur {total}" in text
        assert "Dossier de presse" in text and "Medicen" in text
    assert "Brouillon" not in _text(reader)


def test_english_draft_has_english_labels_and_banner(document_en, theme, tmp_path):
    reader = _render(document_en, theme, tmp_path)
    total = len(reader.pages)
    for number, page in enumerate(reader.pages[1:], start=2):
        text = page.extract_text()
        assert "Draft — machine translation, not reviewed" in text
        assert f"Page {number} of {total}" in text
    text = _text(reader)
    assert "About Medicen Paris Region" in text and "Press contact" in text
    assert "“Il faut assurer" in text


def test_metadata_and_language(document_fr, document_en, theme, tmp_path):
    reader = _render(document_fr, theme, tmp_path)
    info = reader.metadata
    assert info.title == document_fr.title
    assert info.author == "Medicen Paris Region; Polepharma"
    assert info.subject == document_fr.subtitle
    assert "bioproduction" in info["/Keywords"]
    assert info["/Creator"] == "presskit"  # provenance is not for the journalist's eyes
    with pikepdf.open(tmp_path / "kit.pdf") as opened:
        xmp = opened.open_metadata()
        assert xmp["{urn:presskit:xmp:1.0/}provenance"].startswith("12 segments from memory")
        assert xmp["pdfuaid:part"] == "1" and xmp["xmp:CreatorTool"] == "presskit"
    assert reader.trailer["/Root"]["/Lang"] == "fr-FR"
    english = _render(document_en, theme, tmp_path, "en.pdf")
    assert english.trailer["/Root"]["/Lang"] == "en-GB"


def test_author_falls_back_to_theme_name(document_fr, tmp_path):
    document = document_fr.evolve(meta=())
    assert _render(document, Theme(name="Polepharma"), tmp_path).metadata.author == "Polepharma"


def test_every_address_is_a_link(document_fr, theme, tmp_path):
    assert _uris(_render(document_fr, theme, tmp_path)) == EXPECTED_URIS


def test_fonts_are_embedded_lato_and_no_helvetica(document_fr, theme, tmp_path):
    reader = _render(document_fr, theme, tmp_path)
    names = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            names.add(str(font["/BaseFont"]))
            assert "/FontFile2" in font["/FontDescriptor"]
    assert names and all("Lato" in name for name in names)
    assert b"Helvetica" not in (tmp_path / "kit.pdf").read_bytes()


def test_outline_lists_title_and_sections(document_fr, theme, tmp_path):
    titles = [item.title for item in _render(document_fr, theme, tmp_path).outline
              if not isinstance(item, list)]
    assert titles[0] == "Dossier de presse"
    nested = _render(document_fr, theme, tmp_path, "nested.pdf").outline[1]
    assert nested[0].title == document_fr.title
    flat = str(_render(document_fr, theme, tmp_path, "again.pdf").outline)
    assert "Une filière qui se structure" in flat and "À propos de Polepharma" in flat


def test_rebuild_is_byte_identical(document_fr, theme, tmp_path):
    first = pdf.render(document_fr, theme, tmp_path / "a.pdf").read_bytes()
    second = pdf.render(document_fr, theme, tmp_path / "b.pdf").read_bytes()
    assert first == second


def test_replaces_old_file_and_leaves_no_temp(document_fr, theme, tmp_path):
    target = tmp_path / "kit.pdf"
    target.write_text("old")
    pdf.render(document_fr, theme, target)
    assert target.read_bytes().startswith(b"%PDF")
    assert [p.name for p in tmp_path.iterdir()] == ["kit.pdf"]


def test_missing_output_folder_is_a_presskit_error(document_fr, theme, tmp_path):
    with pytest.raises(PresskitError) as caught:
        pdf.render(document_fr, theme, tmp_path / "nope" / "kit.pdf")
    assert "nope" in str(caught.value)


def test_missing_font_is_named(document_fr, tmp_path):
    theme = Theme(font_bold=tmp_path / "Missing-Bold.ttf")
    with pytest.raises(PresskitError) as caught:
        pdf.render(document_fr, theme, tmp_path / "kit.pdf")
    assert "Missing-Bold.ttf" in str(caught.value)
    assert not (tmp_path / "kit.pdf").exists()


def test_unreadable_logo_is_named(document_fr, tmp_path):
    logo = tmp_path / "logo.png"
    logo.write_text("not a picture")
    with pytest.raises(PresskitError) as caught:
        pdf.render(document_fr, Theme(logo=logo), tmp_path / "kit.pdf")
    assert "logo.png" in str(caught.value)


def test_logo_replaces_wordmark(document_fr, logo_png, tmp_path):
    reader = _render(document_fr, replace(Theme(name="Wordmark"), logo=logo_png), tmp_path)
    page = reader.pages[1]
    images = [x for x in page["/Resources"]["/XObject"].values()
              if x.get_object()["/Subtype"] == "/Image"]
    assert images
    assert page.extract_text().count("Wordmark") == 1  # the footer's, not the header's
