"""The reader's rules one at a time, on small texts."""
from __future__ import annotations

import pytest

from presskit.document import Block, Dateline, NoteRef, Speaker
from presskit.readers import parse_text
from presskit.readers.quotes import organization_in_role, parse_speaker
from presskit.readers.reflow import join_lines

LONG = "Le texte de ce communiqué est assez long pour remplir une ligne entière de la page, "


def wrapped(*paragraphs: str, width: int = 60) -> str:
    """Hard-wrap paragraphs at `width` like a PDF export (blank line between paragraphs)."""
    out = []
    for para in paragraphs:
        line = ""
        for word in para.split():
            if line and len(line) + 1 + len(word) > width:
                out.append(line)
                line = word
            else:
                line = f"{line} {word}".strip()
        out += [line, ""]
    return "\n".join(out)


@pytest.mark.parametrize("lines, joined", [
    (["la bio-", "production"], "la bioproduction"),
    (["un projet co-organisé", "par eux"], "un projet co-organisé par eux"),
    (["en Île-de-", "France"], "en Île-de-France"),
    (["de l’", "industrie"], "de l’industrie"),
    (["2023 -", "Pour"], "2023 - Pour"),
    (["voir https://x.fr/a-", "b"], "voir https://x.fr/a-b"),
])
def test_lines_of_a_paragraph_join(lines, joined) -> None:
    assert join_lines(lines) == joined


def test_hard_wrapped_paragraphs_are_reflowed() -> None:
    first = LONG * 3 + "et il finit ici."
    second = "Un deuxième paragraphe commence. " + LONG * 2 + "fin."
    doc = parse_text(wrapped("Titre du communiqué", first, second))
    assert [b.text for b in doc.blocks] == [first, second]


def test_a_page_break_inside_a_paragraph_does_not_split_it() -> None:
    text = wrapped("Titre", LONG * 3 + "fin.")
    lines = text.split("\n")
    lines.insert(3, "\n \n")  # blank and whitespace-only lines of a page break, mid-sentence
    doc = parse_text("\n".join(lines))
    assert len(doc.blocks) == 1 and doc.blocks[0].text.endswith("fin.")


def test_a_blank_line_after_a_full_stop_ends_the_paragraph() -> None:
    doc = parse_text("Titre\n\nUne phrase qui se termine.\n\nune autre qui commence en minuscule.\n")
    assert [b.text for b in doc.blocks] == ["Une phrase qui se termine.", "une autre qui commence en minuscule."]


def test_unwrapped_lines_are_paragraphs_each() -> None:
    doc = parse_text("Titre\n\n" + LONG + "un.\n" + LONG + "deux.\n")
    assert [b.text for b in doc.blocks] == [LONG + "un.", LONG + "deux."]


def test_headings_and_lists() -> None:
    text = ("Titre\n\nUn chapô qui se termine par un point.\n\nContexte\n\nLes points :\n\n"
            "• premier point\n• second point\n- troisième\n1. quatrième\n\nUn paragraphe final assez long "
            "pour ne pas être une conclusion, avec deux phrases. Voici la deuxième.\n")
    doc = parse_text(text)
    assert [(b.kind, b.text) for b in doc.blocks][:3] == [
        ("lede", "Un chapô qui se termine par un point."), ("heading", "Contexte"), ("heading", "Les points :")]
    assert doc.blocks[3] == Block("list", items=("premier point", "second point", "troisième", "quatrième"))


@pytest.mark.parametrize("paragraph, quote, attribution, speaker", [
    ("« Nous sommes ravis de ce succès », commente Jean Dupont, PDG, Acme.",
     "Nous sommes ravis de ce succès", "commente Jean Dupont, PDG, Acme.", Speaker("Jean Dupont", "PDG", "Acme")),
    ("« Nous sommes ravis de ce succès » ajoute Marie Curie.",
     "Nous sommes ravis de ce succès", "ajoute Marie Curie.", Speaker("Marie Curie")),
    ("Pour Jean Dupont, « le succès est total ».", "le succès est total", "Pour Jean Dupont",
     Speaker("Jean Dupont")),
    ("Selon Anne de La Tour, directrice de l’Agence Nationale, « le succès est total ».",
     "le succès est total", "Selon Anne de La Tour, directrice de l’Agence Nationale",
     Speaker("Anne de La Tour", "directrice de l’Agence Nationale", "Agence Nationale")),
    ("\"Nous sommes ravis de ce succès\", a déclaré Paul Martin, président du Club Alpin.",
     "Nous sommes ravis de ce succès", "a déclaré Paul Martin, président du Club Alpin.",
     Speaker("Paul Martin", "président du Club Alpin", "Club Alpin")),
    ("“Nous sommes ravis de ce succès”, a dit Paul Martin, Délégué, Acme Paris.",
     "Nous sommes ravis de ce succès", "a dit Paul Martin, Délégué, Acme Paris.",
     Speaker("Paul Martin", "Délégué", "Acme Paris")),
])
def test_quote_forms(paragraph, quote, attribution, speaker) -> None:
    doc = parse_text(f"Titre\n\nUn chapô qui se termine par un point.\n\n{paragraph}\n")
    block = doc.blocks[1]
    assert (block.kind, block.text, block.attribution, block.speaker) == ("quote", quote, attribution, speaker)


def test_a_speaker_name_split_by_a_hard_line_break() -> None:
    quote = "« " + LONG * 2 + "et voilà », a présenté Olivier Bogillot, Président de la FEFIS."
    text = wrapped("Titre", LONG * 4 + "fin.", quote, width=70)
    text = text.replace("Olivier Bogillot", "Olivier\nBogillot")
    assert "Olivier\nBogillot" in text
    block = parse_text(text).blocks[1]
    assert block.speaker == Speaker("Olivier Bogillot", "Président de la FEFIS", "FEFIS")
    assert block.attribution == "a présenté Olivier Bogillot, Président de la FEFIS."


def test_quote_then_a_name_line() -> None:
    doc = parse_text("Titre\n\nUn chapô.\n\n« Nous avançons ensemble vers le but »\n\n"
                     "Jeanne Martin, directrice générale, Acme\n\nLa suite du texte.\n")
    quote = doc.blocks[1]
    assert quote.attribution == "Jeanne Martin, directrice générale, Acme"
    assert quote.speaker == Speaker("Jeanne Martin", "directrice générale", "Acme")
    assert [b.kind for b in doc.blocks] == ["lede", "quote", "paragraph"]


def test_words_in_guillemets_inside_a_paragraph_are_not_a_quote() -> None:
    doc = parse_text("Titre\n\nUn chapô.\n\nLa réunion des « Chief Information Officers » aura lieu.\n")
    assert doc.blocks[1].kind == "paragraph"


def test_speaker_without_a_name_is_none() -> None:
    assert parse_speaker("a-t-il ajouté.") is None
    assert organization_in_role("président du gouvernement fédéral") == ""


def test_footnote_only_when_its_line_exists() -> None:
    text = ("Titre\n\nLe marché vaut 100 millions en 2022 selon l’étude2.\n\n"
            "2 Source : rapport annuel\n\nLe COVID-19 et le top 100 restent.\n")
    doc = parse_text(text)
    assert doc.blocks[0].text == "Le marché vaut 100 millions en 2022 selon l’étude."
    assert doc.blocks[0].notes == (NoteRef("2", len("Le marché vaut 100 millions en 2022 selon l’étude")),)
    assert [(n.id, n.text) for n in doc.footnotes] == [("2", "Source : rapport annuel")]
    assert doc.blocks[1].text == "Le COVID-19 et le top 100 restent."
    assert not parse_text("Titre\n\nLe CFB 2022 aura lieu à Paris.\n").footnotes


def test_dateline_labels_embargo() -> None:
    doc = parse_text("Communiqué de presse\n\nSous embargo jusqu'au 8 mars 2024, 9 h\n\nTitre du jour\n\n"
                     "Lyon, le 1er mars 2024 – Acme annonce un résultat.\n")
    assert doc.labels == ("Communiqué de presse",)
    assert doc.embargo == "Sous embargo jusqu'au 8 mars 2024, 9 h"
    assert doc.title == "Titre du jour"
    assert doc.dateline == Dateline("Lyon, le 1er mars 2024", "Lyon", "2024-03-01")
    assert doc.blocks[0] == Block("lede", text="Acme annonce un résultat.")
    assert doc.meta_value("date") == "2024-03-01"


def test_about_sections_and_contacts() -> None:
    text = ("Titre\n\nUn chapô.\n\nÀ propos de la brochure\n\nElle est jolie.\n\nÀ propos d’Acme :\n"
            "Acme fabrique des choses.\n\nA propos du CNLL\n\nLe CNLL fédère.\n\n- un\n- deux\n\n"
            "Contacts presse :\n\nJeanne Martin\nAgence Presse+\njeanne@agence.fr\nTél. : 01 23 45 67 89\n\n"
            "Paul Durand – Acme\npaul@acme.fr\n")
    doc = parse_text(text)
    assert ("heading", "À propos de la brochure") in [(b.kind, b.text) for b in doc.blocks]
    assert [(a.organization, a.text) for a in doc.about] == [
        ("Acme", "Acme fabrique des choses."), ("CNLL", "Le CNLL fédère.\n\n- un\n- deux")]
    first, second = doc.contacts
    assert (first.name, first.organization, first.email, first.phone) == (
        "Jeanne Martin", "Agence Presse+", "jeanne@agence.fr", "01 23 45 67 89")
    assert (first.heading, first.text) == ("Contacts presse :", "")
    assert (second.name, second.organization, second.email, second.heading) == (
        "Paul Durand", "Acme", "paul@acme.fr", "")
