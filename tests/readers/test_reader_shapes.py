"""The shapes of French releases beyond the fixtures, one at a time on small texts."""
from __future__ import annotations

import pytest

from presskit.document import Block, Dateline, Speaker
from presskit.readers import parse_text
from presskit.readers.dates import iso_datetime
from presskit.readers.markdown import to_text

LEDE = "Un chapô qui se termine par un point.\n\n"


@pytest.mark.parametrize("line, dateline", [
    ("Paris, le 7 septembre 2023 – Acme annonce un résultat.", Dateline("Paris, le 7 septembre 2023", "Paris", "2023-09-07")),
    ("PARIS – 7 SEPTEMBRE 2023 – Acme annonce un résultat.", Dateline("PARIS – 7 SEPTEMBRE 2023", "PARIS", "2023-09-07")),
    ("Saint-Étienne, le mardi 1er octobre 2024. Acme annonce un résultat.",
     Dateline("Saint-Étienne, le mardi 1er octobre 2024", "Saint-Étienne", "2024-10-01")),
    ("Lyon (France), le 03/04/2024 – Acme annonce un résultat.",
     Dateline("Lyon (France), le 03/04/2024", "Lyon (France)", "2024-04-03")),
])
def test_dateline_forms(line: str, dateline: Dateline) -> None:
    doc = parse_text(f"Titre du jour\n\n{line}\n")
    assert doc.dateline == dateline and doc.blocks[0].text == "Acme annonce un résultat."


def test_labels_and_dateline_on_one_line() -> None:
    doc = parse_text("Communiqué de presse – Avignon, le 14 février 2024 | Pour diffusion immédiate\n\nTitre\n\n" + LEDE)
    assert doc.labels == ("Communiqué de presse", "Pour diffusion immédiate")
    assert doc.dateline.place == "Avignon" and doc.title == "Titre"


@pytest.mark.parametrize("text, iso", [
    ("Sous embargo jusqu'au 12 mars 2024 à 8 h", "2024-03-12T08:00"),
    ("EMBARGO : mardi 12 mars 2024, 08:30", "2024-03-12T08:30"),
    ("Sous embargo jusqu’au 12/03/2024 à 18h15", "2024-03-12T18:15"),
    ("Embargo jusqu'au 1er avril 2024 midi", "2024-04-01T12:00"),
    ("Sous embargo jusqu'au 5 mai 2024", "2024-05-05"),
    ("Sous embargo jusqu'à nouvel ordre", ""),
])
def test_embargo_date_and_time(text: str, iso: str) -> None:
    assert iso_datetime(text) == iso
    doc = parse_text(f"{text}\n\nTitre\n\n{LEDE}")
    assert doc.embargo == text and doc.meta_value("embargo") == iso


def test_a_chapo_that_is_a_bullet_list() -> None:
    doc = parse_text("Titre\n\n- premier point\n- second point\n\nNantes, le 2 mai 2024 – Le texte commence.\n")
    assert doc.blocks[0] == Block("lede", items=("premier point", "second point"))
    assert doc.dateline.place == "Nantes" and doc.blocks[1].text == "Le texte commence."


@pytest.mark.parametrize("paragraph, quote, speaker", [
    ("Jean Dupont, PDG d’Acme, déclare : « Nous sommes ravis de ce succès. »", "Nous sommes ravis de ce succès.",
     Speaker("Jean Dupont", "PDG d’Acme", "Acme")),
    ("Marie Curie a déclaré : \"Nous sommes ravis de ce succès.\"", "Nous sommes ravis de ce succès.",
     Speaker("Marie Curie")),
    ("Selon Anne Roy, « nous sommes ravis de ce succès ».", "nous sommes ravis de ce succès", Speaker("Anne Roy")),
])
def test_quotes_introduced_before_the_guillemets(paragraph: str, quote: str, speaker: Speaker) -> None:
    block = parse_text(f"Titre\n\n{LEDE}{paragraph}\n").blocks[1]
    assert (block.kind, block.text, block.speaker) == ("quote", quote, speaker)


def test_a_quote_over_several_paragraphs() -> None:
    text = (f"Titre\n\n{LEDE}« Le premier paragraphe de la citation.\n\n« Le deuxième paragraphe.\n\n"
            "« Et le dernier », conclut Paul Roux, président d’Acme.\n\nLa suite.\n")
    doc = parse_text(text)
    assert [b.kind for b in doc.blocks] == ["lede", "quote", "paragraph"]
    assert doc.blocks[1].text == ("Le premier paragraphe de la citation.\n\nLe deuxième paragraphe.\n\n"
                                  "Et le dernier")
    assert doc.blocks[1].speaker == Speaker("Paul Roux", "président d’Acme", "Acme")


def test_closed_quotes_in_a_row_join_the_attributed_one() -> None:
    doc = parse_text(f"Titre\n\n{LEDE}« Une première phrase citée. »\n\n« Une seconde phrase », dit Léa Roy.\n")
    assert [b.kind for b in doc.blocks] == ["lede", "quote"]
    assert doc.blocks[1].text == "Une première phrase citée.\n\nUne seconde phrase"


def test_an_unclosed_guillemet_stays_a_paragraph() -> None:
    doc = parse_text(f"Titre\n\n{LEDE}« Une citation jamais fermée.\n\nUn autre paragraphe.\n")
    assert [b.kind for b in doc.blocks] == ["lede", "paragraph", "paragraph"]


def test_label_text_lines_are_a_list_and_link_lines_close() -> None:
    doc = parse_text(f"Titre\n\n{LEDE}Date : 12 mars 2024\nLieu : Paris\nTarif : gratuit\n\n"
                     "Plus d'info : https://www.acme.fr/evenement\n")
    assert doc.blocks[1] == Block("list", items=("Date : 12 mars 2024", "Lieu : Paris", "Tarif : gratuit"))
    assert doc.blocks[2] == Block("closing", text="Plus d'info : https://www.acme.fr/evenement",
                                  url="https://www.acme.fr/evenement")


def test_about_on_one_line_and_a_common_noun_about_ends_the_section() -> None:
    doc = parse_text(f"Titre\n\n{LEDE}À propos d’Acme : Acme fabrique des choses.\n\n"
                     "À propos de la brochure\n\nElle est gratuite.\n")
    assert [(a.organization, a.heading, a.text) for a in doc.about] == [
        ("Acme", "À propos d’Acme :", "Acme fabrique des choses.")]
    assert [(b.kind, b.text) for b in doc.blocks[1:]] == [("heading", "À propos de la brochure"),
                                                           ("paragraph", "Elle est gratuite.")]


def test_contacts_inline_with_role_organisation_and_two_phones() -> None:
    doc = parse_text(f"Titre\n\n{LEDE}Relations presse : Jeanne Martin, attachée de presse, Agence Sud – "
                     "jeanne@sud.fr – Tél. : 04 90 00 00 00 – Port. : 06 00 00 00 01\n\n"
                     "Paul Roux\nAcme\n\npaul@acme.fr\n")
    first, second = doc.contacts
    assert (first.heading, first.name, first.role, first.organization, first.email, first.phone) == (
        "Relations presse :", "Jeanne Martin", "attachée de presse", "Agence Sud", "jeanne@sud.fr",
        "04 90 00 00 00 / 06 00 00 00 01")
    assert (second.name, second.organization, second.email, second.heading) == ("Paul Roux", "Acme", "paul@acme.fr", "")
    assert doc.links == ("mailto:jeanne@sud.fr", "mailto:paul@acme.fr")


def test_markdown_markup_becomes_plain_text_and_links() -> None:
    text, layout = to_text("# Le **titre**\n\nVoir [le site](https://a.fr/x_y) et *ceci*[^n], \\*pas\\* "
                           "https://b.fr/a_b_c.\n\n> « Cité »\n\n[^n]: La note.\n")
    assert text.split("\n")[0] == "Le titre"
    assert "Voir le site et ceci¹, *pas* https://b.fr/a_b_c." in text
    assert layout.links == ("https://a.fr/x_y",) and layout.footnotes[0].text == "La note."
    assert set(layout.hints.values()) == {"title", "quote"}
