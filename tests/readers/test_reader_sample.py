"""The project's sample release (text exported from a PDF), read field by field."""
from __future__ import annotations

from pathlib import Path

import pytest

from presskit.document import Footnote, NoteRef, Speaker
from presskit.readers import read

SAMPLE = Path(__file__).parents[1] / "fixtures" / "releases" / "01_congres-france-bioproduction-2021.fr.txt"
URL = "https://www.entreprises.gouv.fr/fr/industrie/biotherapies-et-bioproduction-de-therapies-innovantes"


@pytest.fixture(scope="module")
def doc():
    """The sample, read once."""
    return read(SAMPLE)


def test_title_and_subtitle(doc) -> None:
    assert doc.title == "Succès du Congrès France Bioproduction"
    assert doc.subtitle == "Cap sur un leadership européen en 2030"


def test_body_kinds_in_order(doc) -> None:
    assert [b.kind for b in doc.blocks] == [
        "lede", "paragraph", "quote", "quote", "paragraph", "paragraph", "quote", "paragraph",
        "paragraph", "quote", "closing", "closing"]


def test_paragraphs_are_reflowed_without_hard_breaks(doc) -> None:
    lede = doc.blocks[0].text
    assert lede.startswith("La crise Covid a montré l’importance")
    assert lede.endswith("la production des futurs Biomédicaments en France.")
    assert "\n" not in lede and "  " not in lede
    assert "co-organisé au printemps 2021" in doc.blocks[1].text


def test_quotes_have_text_attribution_and_speaker(doc) -> None:
    quotes = [b for b in doc.blocks if b.kind == "quote"]
    assert [q.speaker for q in quotes] == [
        Speaker("Jessica Leygues", "Déléguée Générale", "Medicen Paris Region"),
        Speaker("Fabien Riolet", "Délégué Général", "Polepharma"),
        Speaker("Olivier Bogillot", "Président du CSF Industrie et technologies de santé et Président de "
                "la FEFIS (Fédération Française des Industries de santé)", "FEFIS"),
        Speaker("Guillaume Plane", "Président du Congrès France Bioproduction", "Congrès France Bioproduction"),
    ]
    first = quotes[0]
    assert first.attribution == "a souligné Jessica Leygues, Déléguée Générale, Medicen Paris Region."
    assert first.text.startswith("Pour parvenir à transformer")
    assert first.text.endswith("était donc naturelle")
    assert "«" not in first.text and "»" not in first.text


def test_footnote_marker_becomes_a_note_call(doc) -> None:
    block = doc.blocks[4]
    assert block.text.endswith("seront des biomédicaments.")
    assert block.notes == (NoteRef(id="1", offset=len(block.text) - 1),)
    assert block.text[:block.notes[0].offset].endswith("biomédicaments")
    assert doc.footnotes == (Footnote(id="1", text=URL, url=URL),)
    assert not any(URL in b.text for b in doc.blocks)


def test_numbers_that_are_not_markers_stay(doc) -> None:
    texts = " ".join(b.text for b in doc.blocks)
    for words in ("CFB 2022", "top 100", "COVID-19", "plus de 85 %"):
        assert words in texts


def test_closing_lines_and_one_web_address(doc) -> None:
    closing = [b for b in doc.blocks if b.kind == "closing"]
    assert closing[0].text == "Rendez-vous est pris pour le CFB 2022 à Paris." and not closing[0].url
    assert (closing[1].text, closing[1].url) == ("france-bioproduction.com", "http://france-bioproduction.com/")
    assert doc.links == (URL, "http://france-bioproduction.com/", "https://medicen.org/fr/",
                         "https://www.polepharma.com/")


def test_about_sections(doc) -> None:
    assert [(a.organization, a.heading) for a in doc.about] == [
        ("MEDICEN", "A PROPOS DE MEDICEN"), ("POLEPHARMA", "A PROPOS DE POLEPHARMA")]
    assert doc.about[0].text.startswith("MEDICEN est le hub")
    assert doc.about[0].text.endswith("https://medicen.org/fr/")
    assert doc.about[1].text.endswith("la promotion du Made in France. https://www.polepharma.com/")
