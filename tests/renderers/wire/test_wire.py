"""Wire copy read back as text: the dateline per English variant, About, Media contact, end mark, embargo."""
from __future__ import annotations

from datetime import date

import pytest

from presskit.errors import PresskitError
from presskit.renderers.wire import render_wire, wire_text


@pytest.mark.parametrize("locale,opening", [("en_US", "PARIS, September 7, 2023 – "),
                                            ("en_GB", "PARIS, 7 September 2023 – ")])
def test_the_dateline_opens_the_lede(document_en, locale, opening):
    paragraphs = wire_text(document_en, locale=locale).split("\n\n")
    assert paragraphs[:2] == [document_en.title, document_en.subtitle]
    assert paragraphs[2] == opening + "La crise Covid a montré l’importance de la maîtrise de la production."


def test_a_release_without_a_date_takes_the_build_day(document_en):
    text = wire_text(document_en.evolve(dateline=None, meta=()), today=date(2025, 6, 3), locale="en_US")
    assert "\n\nJune 3, 2025 – La crise Covid" in text


def test_about_media_contact_and_the_end_mark(tmp_path, document_en):
    path = render_wire(document_en, tmp_path / "r.en.txt", end_mark="ENDS")
    text = path.read_text(encoding="utf-8")
    paragraphs = text.split("\n\n")
    assert "About Medicen Paris Region" in paragraphs and "About Polepharma" in paragraphs
    about = paragraphs.index("About Medicen Paris Region")
    assert paragraphs[about + 1:about + 3] == ["Medicen est le pôle de compétitivité santé.",
                                                "Il fédère 500 adhérents en Île-de-France."]
    contact = paragraphs.index("Media contact")
    assert paragraphs[contact + 1] == "Marie Dupont\nMedicen Paris Region\nmarie.dupont@medicen.org\n+33 1 23 45 67 89"
    assert text.endswith("\n\nENDS\n") and wire_text(document_en).endswith("\n\n###\n")


def test_plain_text_quotes_with_their_speakers(document_en):
    text = wire_text(document_en)
    assert "“Il faut assurer le continuum de la recherche à la production.” — Jessica Leygues, " \
           "Déléguée Générale, Medicen Paris Region" in text
    assert "Tags <b> & </para> ]]> stay literal: R&D <i>not italic</i>" in text
    assert "- 500 participants\n- 1000 messages échangés" in text
    assert "[1] https://www.example.org/rapport-bioproduction-2021.pdf" in text


def test_the_embargo_line_comes_first(document_en):
    text = wire_text(document_en.evolve(embargo="Embargoed until 3 June 2025, 8 a.m. Paris time"))
    assert text.startswith("EMBARGOED UNTIL 3 JUNE 2025, 8 A.M. PARIS TIME\n\n")


def test_an_unknown_end_mark_is_a_clear_error(document_en):
    with pytest.raises(PresskitError, match="end mark '-30-'") as caught:
        wire_text(document_en, end_mark="-30-")
    assert "[wire] end_mark" in caught.value.hint


def test_labels_such_as_for_immediate_release_head_the_copy(document_en):
    text = wire_text(document_en.evolve(labels=("For immediate release",)))
    assert text.startswith("FOR IMMEDIATE RELEASE\n\n" + document_en.title + "\n\n")
