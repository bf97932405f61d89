"""Bad input never crashes the reader: each case is a PresskitError naming the file and what to do,
or a document that keeps the text as written (issue 7, reader part)."""
from __future__ import annotations

import importlib
import io
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from presskit.document import Document
from presskit.errors import PresskitError
from presskit.readers import parse_text, read
from presskit.readers.language import guess_language

decode_module = importlib.import_module("presskit.readers.decode")

FRENCH = ("Titre du communiqué\n\nLe conseil régional a adopté hier un plan pour les entreprises de la "
          "filière, qui sera présenté aux élus dans les prochains jours. Il prévoit des aides pour les "
          "petites entreprises et un soutien aux projets des communes rurales.\n")
ENGLISH = ("Title of the release\n\nThe regional council adopted a plan for the companies of the sector "
           "yesterday, which will be presented to the elected members in the coming days. It has been "
           "designed with the help of the industry and it provides support for the small firms that are "
           "in need of it, as well as for the projects of rural towns.\n")


def error_for(path: Path) -> PresskitError:
    """The error reading `path` raises (the test fails if it reads)."""
    with pytest.raises(PresskitError) as caught:
        read(path)
    assert caught.value.path == str(path) and caught.value.hint
    return caught.value


def test_a_file_over_the_size_limit_is_refused_before_it_is_read(tmp_path, monkeypatch) -> None:
    path = tmp_path / "enorme.txt"
    with path.open("wb") as handle:  # sparse: 51 MB on paper, nothing on disk
        handle.truncate(51 * 2**20)
    monkeypatch.setattr(Path, "open", lambda *a, **k: pytest.fail("the file was opened"))
    assert "50 MB" in error_for(path).message


def test_the_limit_holds_when_the_size_is_not_known_in_advance(tmp_path, monkeypatch) -> None:
    path = tmp_path / "flux.txt"
    path.write_bytes(FRENCH.encode() * 20)
    monkeypatch.setattr(decode_module, "MAX_BYTES", 100)
    monkeypatch.setattr(decode_module, "check_size", lambda path: None)
    assert "limit" in error_for(path).message


@pytest.mark.parametrize("data, what", [(b"%PDF-1.7\n\x00\x01binary", "PDF"), (b"PK\x03\x04\x14\x00", "zip"),
                                        (bytes(range(256)) * 4, "text file")])
def test_binary_content_in_a_text_file_is_named(tmp_path, data: bytes, what: str) -> None:
    path = tmp_path / "communique.txt"
    path.write_bytes(data)
    assert what in error_for(path).message


def test_a_release_in_another_language_is_refused(tmp_path) -> None:
    path = tmp_path / "release.txt"
    path.write_text(ENGLISH * 2, encoding="utf-8")
    error = error_for(path)
    assert "English" in error.message and "French" in error.hint


@pytest.mark.parametrize("text", [
    ("Jean Dupont, Marie Curie, Pierre Martin, Sophie Bernard, Lucas Petit, Emma Durand, Hugo Leroy, "
     "Chloé Moreau, Louis Simon, Léa Laurent, Gabriel Michel, Manon Garcia, Arthur David, Jules Roux, "
     "Inès Vincent, Adam Fournier, Jade Morel, Paul Girard, Lina André, Zoé Mercier"),
    "Succès du Congrès\n\nParis, le 7 juin 2021 – Acme lance Acme Cloud.",
])
def test_short_or_name_heavy_french_is_accepted(tmp_path, text: str) -> None:
    path = tmp_path / "court.txt"
    path.write_text(text, encoding="utf-8")
    assert isinstance(read(path), Document)


def test_language_guess_on_the_fixtures_and_other_languages() -> None:
    releases = Path(__file__).parents[1] / "fixtures" / "releases"
    assert {guess_language(p.read_text(encoding="utf-8")) for p in releases.glob("*.txt")} == {"fr"}
    assert guess_language(ENGLISH * 2) == "en"
    assert guess_language("Die Regierung hat heute in Berlin eine Erklärung unterzeichnet, die auch von den "
                          "anderen Staaten der Union genutzt werden kann. Wir freuen uns auf die nächsten "
                          "Schritte und die Zusammenarbeit mit unseren Partnern, die sich auch für das "
                          "Projekt einsetzen und die Ergebnisse nicht nur in Deutschland sehen wollen.") == "de"


def test_invalid_utf8_falls_back_to_windows_1252_byte_by_byte(tmp_path) -> None:
    path = tmp_path / "mixte.txt"
    path.write_bytes("Titre réussi\n\nL’équipe ".encode() + "présente ses résultats – 5 €.".encode("cp1252"))
    doc = read(path)
    assert doc.title == "Titre réussi" and doc.blocks[0].text == "L’équipe présente ses résultats – 5 €."


def test_latin1_and_utf16_without_bom(tmp_path) -> None:
    for name, data in [("latin.txt", FRENCH.encode("latin-1")), ("utf16.txt", FRENCH.encode("utf-16-le"))]:
        (tmp_path / name).write_bytes(data)
        assert read(tmp_path / name).title == "Titre du communiqué", name


def test_control_characters_are_dropped_and_spaces_kept_as_meant() -> None:
    doc = parse_text("Titre\x07 du\x1b communiqué\n\nLe prix\u00a0: 5\u202f€ et 10\u2009% de\u00adplus\x00.\n")
    assert doc.title == "Titre du communiqué"
    assert doc.blocks[0].text == "Le prix\u00a0: 5\u202f€ et 10\u202f% deplus."


def test_markup_characters_stay_literal() -> None:
    text = "Titre <b>& co</b>\n\nLe texte ]]> contient </para> et &amp; <script>alert(1)</script> tel quel.\n"
    doc = parse_text(text)
    assert doc.title == "Titre <b>& co</b>"
    assert doc.blocks[0].text == "Le texte ]]> contient </para> et &amp; <script>alert(1)</script> tel quel."


def test_a_very_long_word_or_address_is_kept_whole() -> None:
    word = "anticonstitutionnellement" * 20
    url = "https://exemple.fr/" + "a" * 500
    doc = parse_text(f"Titre\n\nUn mot {word} et une adresse {url} dans le texte.\n")
    assert word in doc.blocks[0].text and url in doc.links


@pytest.mark.parametrize("body", ["Début " + "x." * 50_000, "mot1 et\n1 note\n" * 5000, "une ligne\n" * 20_000,
                                  "Une phrase.\n\n" * 20_000, "Jean Dupont a dit\n\n" * 5000])
def test_large_inputs_are_read_whole(body: str) -> None:
    """Large, repetitive inputs (their timing is in bench/adversarial.py) keep every word."""
    doc = parse_text("Titre\n\n" + body)
    text = " ".join(b.text for b in doc.blocks) + " " + " ".join(i for b in doc.blocks for i in b.items)
    assert doc.blocks and len(text.split()) >= len(body.split()) * 0.99


def docx_bytes(members: dict[str, bytes]) -> bytes:
    """A zip with these members."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def test_a_docx_zip_bomb_is_refused(tmp_path) -> None:
    path = tmp_path / "bombe.docx"
    path.write_bytes(docx_bytes({"word/document.xml": b"<a/>", "word/media/x.bin": b"\0" * (80 * 2**20)}))
    assert "zip bomb" in error_for(path).message


def test_a_docx_with_xml_entities_is_refused(tmp_path) -> None:
    path = tmp_path / "entites.docx"
    xml = b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY e SYSTEM "file:///etc/passwd">]><d>&e;</d>'
    path.write_bytes(docx_bytes({"[Content_Types].xml": b"<Types/>", "word/document.xml": xml}))
    assert "entities" in error_for(path).message


@pytest.mark.parametrize("name, data", [("casse.docx", b"PK\x03\x04 not really a zip"),
                                        ("autre.docx", docx_bytes({"content.xml": b"<office/>"})),
                                        ("vide.docx", docx_bytes({"[Content_Types].xml": b"<Types/>",
                                                                  "word/document.xml": b"<w:document/>"})),
                                        ("casse.pdf", b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF"),
                                        ("texte.pdf", b"ceci n'est pas un PDF")])
def test_a_damaged_docx_or_pdf_is_a_clear_error(tmp_path, name: str, data: bytes) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    error = error_for(path)
    assert "could not read" not in error.message  # a diagnosed problem, not a reader bug


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=3000), extension=st.sampled_from([".txt", ".md", ".docx", ".pdf"]))
def test_any_bytes_give_a_document_or_a_presskit_error(tmp_path, data: bytes, extension: str) -> None:
    path = tmp_path / f"hasard{extension}"
    path.write_bytes(data)
    try:
        assert isinstance(read(path), Document)
    except PresskitError as error:
        assert "could not read" not in error.message, error.message


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=400))
def test_any_unicode_gives_a_document_or_a_presskit_error(text: str) -> None:
    try:
        assert isinstance(parse_text(text), Document)
    except PresskitError as error:
        assert "could not read" not in error.message, error.message
