"""The shapes of real releases the reader must read on a release it has never seen (issue 12)."""
from __future__ import annotations

import pytest

from presskit.document import Speaker, to_dict
from presskit.readers import parse_text
from presskit.readers.contacts import spelled_emails
from presskit.readers.reflow import keep_line_end_hyphens

BODY = "Le texte du communiqué commence ici et se termine par un point.\n"


@pytest.mark.parametrize("title", [
    "PostgreSQL 14 Released!",
    "Les SSLL deviennent les ENL !",
    "Une certification PostgreSQL ?",
    "Les grandes associations forment ensemble le Conseil National du Logiciel Libre (CNLL).",
    "Le CNLL publie : Entreprises du Numérique Libre",
    "temboard v2.0 introduit les Alertes",
])
def test_the_first_line_is_the_title_whatever_it_ends_with(title: str) -> None:
    doc = parse_text(f"{title}\n\n{BODY}")
    assert doc.title == title and doc.blocks[0].text == BODY.strip() and not doc.doubts


@pytest.mark.parametrize("text, labels", [
    ("COMMUNIQUÉ DE PRESSE\n\nLe titre du jour\n\n", ("COMMUNIQUÉ DE PRESSE",)),
    ("FRAMASOFT\n\nLe titre du jour\n\n", ("FRAMASOFT",)),
    ("Le titre du jour\n\nCommuniqué de presse\nFramasoft\n— 3 octobre 2016\n\n", ("Communiqué de presse", "Framasoft")),
])
def test_kickers_are_labels_not_the_title(text: str, labels: tuple[str, ...]) -> None:
    doc = parse_text(text + BODY)
    assert doc.title == "Le titre du jour" and doc.labels == labels


@pytest.mark.parametrize("line, words, iso", [
    ("Bordeaux, Lyon, Toulouse le 23 octobre 2013 – Pour diffusion immédiate.",
     "Bordeaux, Lyon, Toulouse le 23 octobre 2013", "2013-10-23"),
    ("Metz, Paris - le 15 mai 2014 – Pour diffusion immédiate.", "Metz, Paris - le 15 mai 2014", "2014-05-15"),
    ("Berlin, le 20 juin - Le texte commence.", "Berlin, le 20 juin", ""),
    ("Forest Hill, MD - 18 Octobre 2012 - Le texte commence.", "Forest Hill, MD - 18 Octobre 2012", "2012-10-18"),
    ("Paris, le 7 novembre 2013. Communiqué de presse.", "Paris, le 7 novembre 2013", "2013-11-07"),
    ("29 septembre 2016 : le groupe publie sa version.", "29 septembre 2016", "2016-09-29"),
    ("— 3 octobre 2016", "3 octobre 2016", "2016-10-03"),
])
def test_dateline_forms_of_real_releases(line: str, words: str, iso: str) -> None:
    doc = parse_text(f"Le titre du jour\n\n{line}\n\n{BODY}")
    assert (doc.dateline.text, doc.dateline.date) == (words, iso)


@pytest.mark.parametrize("paragraph, speaker", [
    ("« Cette version apporte beaucoup à nos utilisateurs », déclare Magnus Hagander, membre de la Core Team. "
     "« Elle témoigne de l'engagement de la communauté. »", Speaker("Magnus Hagander", "membre de la Core Team", "Core Team")),
    ("Stefane Fermigier, Vice-Président du CNLL, rappelle pour sa part « La place du logiciel libre est un enjeu "
     "majeur pour notre économie. »", Speaker("Stefane Fermigier", "Vice-Président du CNLL", "CNLL")),
    ("Le Président de la FSFE Matthias Kirschner déclare : « Nous demandons du code public sous licence libre. »",
     Speaker("Matthias Kirschner", "Le Président de la FSFE", "FSFE")),
])
def test_attribution_positions_and_names_without_commas(paragraph: str, speaker: Speaker) -> None:
    quotes = [b for b in parse_text(f"Le titre\n\n{BODY}\n{paragraph}\n").blocks if b.kind == "quote"]
    assert [q.speaker for q in quotes] == [speaker]


def test_quotes_without_quotation_marks_and_the_previous_speaker() -> None:
    text = (f"Le titre\n\n{BODY}\nPhilippe Donadieu confirme :\n\nLes pharmaciens manquent de temps pour "
            "répondre à ces nouveaux enjeux administratifs.\n\nNotre centre est le premier à obtenir cette "
            "certification pour les pharmacies.\nPhilippe Donadieu, le fondateur de Kozea group\n\n"
            "« Nous continuerons à former les équipes », ajoute-t-il.\n")
    quotes = [b for b in parse_text(text).blocks if b.kind == "quote"]
    assert [q.speaker.name for q in quotes] == ["Philippe Donadieu"] * 3
    assert quotes[1].speaker.role == "le fondateur de Kozea group"


def test_a_few_quoted_words_in_prose_are_no_quote() -> None:
    doc = parse_text(f"Le titre\n\n{BODY}\nLe titre de l'étude se veut neutre : « Investissement des collectivités "
                     "à l'école ». Le dispositif de communication ne l'est pas, et bien des choses restent à dire "
                     "sur la manière dont cette étude a été préparée et présentée aux élus.\n")
    assert [b.kind for b in doc.blocks] == ["lede", "paragraph"]


def test_a_quote_without_a_speaker_is_a_doubt_and_so_is_a_missing_title() -> None:
    doc = parse_text(f"Le titre\n\n{BODY}\n« Une phrase citée sans personne pour la dire. »\n")
    assert doc.doubts == ("blocks[1]: a quote without a speaker (« Une phrase citée sans personne pour … »)",)
    assert tuple(to_dict(doc)["doubts"]) == doc.doubts
    long_start = " ".join(["Une phrase entière du corps du texte."] * 8)
    assert "no title found" in parse_text(f"{long_start}\n\n{BODY}").doubts[0]
    assert "doubts" not in to_dict(parse_text(f"Le titre\n\n{BODY}"))


def test_about_headed_by_the_name_alone_and_a_person_is_no_about() -> None:
    doc = parse_text(f"Le titre\n\n{BODY}\nFramasoft\n\nFramasoft est un réseau d’éducation populaire.\n\n"
                     "À propos de Philippe Donadieu, le dirigeant fondateur\n\nDocteur en pharmacie, il dirige.\n")
    assert [a.organization for a in doc.about] == ["Framasoft"]
    assert ("heading", "À propos de Philippe Donadieu, le dirigeant fondateur") in [(b.kind, b.text) for b in doc.blocks]


def test_press_contacts_several_people_wrapped_phone_and_spelled_email() -> None:
    doc = parse_text(f"Le titre\n\n{BODY}\nContacts presse :\n\nRémi Boulle, vice-président, rb@april.org, "
                     "06 05 03 32 30\nJeanne Tadeusz, responsable, jt@april.org +33 1 78 76\n92 82\n\n"
                     "Relations presse\n\nStéphane Martin\nfr at postgresql dot org\n\nNotes\n")
    assert [(c.name, c.email, c.phone) for c in doc.contacts] == [
        ("Rémi Boulle", "rb@april.org", "06 05 03 32 30"), ("Jeanne Tadeusz", "jt@april.org", "+33 1 78 76 92 82"),
        ("Stéphane Martin", "fr@postgresql.org", "")]
    assert ("heading", "Notes") in [(b.kind, b.text) for b in doc.blocks]
    assert spelled_emails("pyg [at] framasoft [dot] org") == ["pyg@framasoft.org"]


def test_contact_alone_is_not_a_press_contact() -> None:
    doc = parse_text(f"Le titre\n\n{BODY}\nÀ propos d’Acme\n\nAcme fait des choses.\n\nContact : info@acme.fr\n")
    assert doc.contacts == () and "info@acme.fr" in doc.about[0].text


def greedy_wrap(paragraphs: list[str], width: int = 72) -> list[str]:
    """The lines of the paragraphs wrapped at exactly `width`, with no blank line between them
    (what pdftotext gives for a fixed-pitch PDF)."""
    lines = []
    for para in paragraphs:
        line = ""
        for word in para.split():
            if line and len(line) + 1 + len(word) > width:
                lines.append(line)
                line = word
            else:
                line = f"{line} {word}".strip()
        lines.append(line)
    return lines


def test_text_wrapped_without_blank_lines_gives_back_its_paragraphs() -> None:
    long = "des mots ordinaires qui remplissent les lignes de la page les unes après les autres"
    paragraphs = ["Le titre du communiqué", f"Paris, le 7 novembre 2013 – Un premier paragraphe avec {long}.",
                  f"Un second paragraphe commence ici avec {long} jusqu'au bout.", "Contexte",
                  f"Le paragraphe sous le titre avec {long}, puis la liste :", "• un premier point de la liste",
                  f"• un second point qui est bien plus long et qui continue avec {long}",
                  f"« Une citation qui arrive après la liste avec {long} », déclare Jeanne Martin, présidente.",
                  "Fin."]
    doc = parse_text("\n".join(greedy_wrap(paragraphs)) + "\n")
    assert doc.title == "Le titre du communiqué" and doc.dateline.date == "2013-11-07"
    assert [b.kind for b in doc.blocks] == ["lede", "paragraph", "heading", "paragraph", "list", "quote", "paragraph"]
    assert doc.blocks[4].items[1] == paragraphs[6].removeprefix("• ")
    assert doc.blocks[5].speaker == Speaker("Jeanne Martin", "présidente")


def test_line_end_hyphens_of_the_text_are_kept() -> None:
    assert keep_line_end_hyphens(["le tiers-", "payant est lent", "et le tiers-payant aussi"])[0] == "le tiers-payant"
    assert keep_line_end_hyphens(["un mot coupé en bio-", "production ici"]) == ["un mot coupé en bio-", "production ici"]
    assert keep_line_end_hyphens(["un mot coupé en bio-", "production ici"], typeset=True)[0] == "un mot coupé en bio-production"


def test_an_attribution_inside_the_quotation_and_a_dashed_signature() -> None:
    doc = parse_text(f"Le titre\n\n{BODY}\n« Nous sommes ravis de ce succès, explique Jean Dupont, président "
                     "d’Acme. Et ce n’est que le début. »\n\nNous avons tenu tous nos engagements cette année, et nous irons plus loin.\n\n"
                     "— Léa Roy, directrice de Beta\n")
    quotes = [b for b in doc.blocks if b.kind == "quote"]
    assert [q.speaker for q in quotes] == [Speaker("Jean Dupont", "président d’Acme", "Acme"),
                                           Speaker("Léa Roy", "directrice de Beta", "Beta")]


def test_several_press_contacts_on_one_line() -> None:
    doc = parse_text(f"Le titre\n\n{BODY}\nContacts presse : Jeanne Martin (jeanne@acme.fr, 06 12 34 56 78) "
                     "et Paul Roux (paul@acme.fr)\n")
    assert [(c.name, c.email, c.phone) for c in doc.contacts] == [
        ("Jeanne Martin", "jeanne@acme.fr", "06 12 34 56 78"), ("Paul Roux", "paul@acme.fr", "")]


def test_lettered_lists_and_footnotes_called_in_parentheses_or_brackets() -> None:
    doc = parse_text(f"Le titre\n\n{BODY}\nLe marché progresse (1) et les ventes aussi [2].\n\na) premier point\n"
                     "b) second point\n\nNotes\n(1) Source : Insee.\n[2] Source : Acme.\n")
    assert doc.blocks[1].text == "Le marché progresse et les ventes aussi."
    assert [n.id for n in doc.blocks[1].notes] == ["1", "2"]
    assert [(n.id, n.text) for n in doc.footnotes] == [("1", "Source : Insee."), ("2", "Source : Acme.")]
    assert doc.blocks[2].items == ("premier point", "second point")


def test_a_marker_without_its_note_stays_text() -> None:
    doc = parse_text(f"Le titre\n\n{BODY}\nLes 21 275 pharmacies 1 sont en première ligne (2) cette année.\n")
    assert doc.footnotes == () and doc.blocks[1].text == "Les 21 275 pharmacies 1 sont en première ligne (2) cette année."


def test_a_web_address_heading_the_page_is_a_label() -> None:
    doc = parse_text(f"www.acme.fr\n\nACME\n\nCOMMUNIQUÉ DE PRESSE\n\nAcme ouvre une usine à Lyon\n\n{BODY}")
    assert doc.title == "Acme ouvre une usine à Lyon"
    assert doc.labels == ("www.acme.fr", "ACME", "COMMUNIQUÉ DE PRESSE")
