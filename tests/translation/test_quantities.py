"""French quantities → English conventions: recognition, formatting, placeholders for MT."""

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from presskit.translation.quantities import (
    Quantity,
    find_quantities,
    localize,
    missing_placeholders,
    protect,
    restore,
)

NBSP, NNBSP = "\u00a0", "\u202f"

EN_GB = [
    ("85 %", "85%"),
    ("85%", "85%"),
    (f"85{NNBSP}%", "85%"),
    ("3,5 %", "3.5%"),
    ("+5 % en 2021", "+5% en 2021"),
    ("3 pour cent", "3%"),
    ("10 000", "10,000"),
    (f"10{NBSP}000", "10,000"),
    (f"10{NNBSP}000", "10,000"),
    ("60 000 emplois", "60,000 emplois"),
    ("1 000 000 de doses", "1,000,000 de doses"),
    ("25,3", "25.3"),
    ("2,50 tonnes", "2.50 tonnes"),
    ("10 000,5 tonnes", "10,000.5 tonnes"),
    ("1000 participants", "1,000 participants"),
    ("25,3 milliards d'euros", "€25.3 billion"),
    ("25,3 milliards d’euros", "€25.3 billion"),
    ("800 millions d’euros", "€800 million"),
    ("50 millions d’euros", "€50 million"),
    ("6 Mrds d'euros", "€6 billion"),
    ("5 Mds€", "€5 billion"),
    ("11 M€", "€11 million"),
    ("11M€", "€11 million"),
    ("500 k€", "€500,000"),
    ("3 500 ou 4 000 €", "€3,500 or €4,000"),
    ("entre 3 et 4 millions d'euros", "entre €3 million and €4 million"),
    ("de 5 à 10 €", "de €5 to €10"),
    ("1 000 €", "€1,000"),
    ("1 000 euros", "€1,000"),
    ("2,50 €", "€2.50"),
    ("€ 50", "€50"),
    ("1 million de litres", "1 million litres"),
    ("4,1 milliards", "4.1 billion"),
    ("25,3 milliards de chiffre d’affaires", "25.3 billion chiffre d’affaires"),
    ("17 juin 2021", "17 June 2021"),
    ("Le 17 Juin 2021", "Le 17 June 2021"),
    ("le 1er avril", "le 1 April"),
    ("7 septembre 2023", "7 September 2023"),
    ("18 novembre 2015", "18 November 2015"),
    ("17 sept. 2021", "17 September 2021"),
    ("15 aout 2021", "15 August 2021"),
    ("17/03", "17 March"),
    ("17/03/2021", "17 March 2021"),
    ("29/02", "29 February"),
    ("du 17 au 23 juin 2021", "from 17 to 23 June 2021"),
    ("du 30 juin au 2 juillet 2021", "from 30 June to 2 July 2021"),
    ("du 30 décembre 2020 au 2 janvier 2021", "from 30 December 2020 to 2 January 2021"),
    ("du 1er au 3 mars", "from 1 to 3 March"),
    ("du 23 au 17 juin 2021", "du 23 au 17 June 2021"),  # backwards: only the date is read
    ("5e", "5th"),
    ("1er", "1st"),
    ("1re", "1st"),
    ("2ème", "2nd"),
    ("3e", "3rd"),
    ("11e", "11th"),
    ("12e", "12th"),
    ("21e", "21st"),
    ("5ᵉ", "5th"),
    ("le 5e Congrès", "le 5th Congrès"),
]

EN_US = [
    ("17 juin 2021", "June 17, 2021"),
    ("le 1er avril", "le April 1"),
    ("17/03", "March 17"),
    ("du 17 au 23 juin 2021", "from June 17 to 23, 2021"),
    ("du 30 juin au 2 juillet 2021", "from June 30 to July 2, 2021"),
    ("du 30 décembre 2020 au 2 janvier 2021", "from December 30, 2020 to January 2, 2021"),
    ("10 000", "10,000"),
    ("25,3 milliards d'euros", "€25.3 billion"),
    ("3 500 ou 4 000 €", "€3,500 or €4,000"),
    ("85 %", "85%"),
    ("2ème", "2nd"),
]

UNTOUCHED = [
    "en 2021",
    "Cap sur un leadership européen en 2030",
    "la crise COVID-19",
    "SARS-CoV-2",
    "les molécules du top 100",
    "+33 1 23 45 67 89",
    "+33 (0)1 23 45 67 89",
    "Tél. : 01 23 45 67 89",
    "https://www.entreprises.gouv.fr/fr/industrie/10 000",
    "www.example.fr/2021/06/17",
    "contact@presse2021.fr",
    "version 2.0.1",
    "v3.1",
    "biomédicaments1",
    "A380 et H2O",
    "3D et 5G",
    "14h30",
    "75013 Paris",
    "1,2,3",
    "24/7",
    "31 juin 2021",
    "12 pôles et 76 biothérapies",
    "des millions de personnes",
]


@pytest.mark.parametrize(("french", "english"), EN_GB)
def test_en_gb(french, english):
    assert localize(french) == english


@pytest.mark.parametrize(("french", "english"), EN_US)
def test_en_us(french, english):
    assert localize(french, locale="en_US") == english


def test_locale_with_a_hyphen():
    assert localize("17 juin 2021", locale="en-US") == "June 17, 2021"


@pytest.mark.parametrize("french", UNTOUCHED)
def test_untouched(french):
    assert localize(french) == french


@pytest.mark.parametrize(("french", "kind"), [
    ("85 %", "percent"), ("10 000", "number"), ("4,1 milliards", "number"),
    ("11 M€", "amount"), ("17 juin 2021", "date"), ("17/03", "date"),
    ("du 17 au 23 juin 2021", "date_range"), ("5e", "ordinal"),
])
def test_kinds(french, kind):
    [quantity] = find_quantities(f"Soit {french} en tout.")
    assert (quantity.kind, quantity.source, quantity.start) == (kind, french, 5)


def test_quantities_of_a_real_paragraph():
    text = ("qui se tenait du 17 au 23 juin 2021, avec plus de 500 participants, 10 000 emplois "
            "et du passage de 5 % à 20 % ; un montant de plus de 800 millions d’euros en 2020.")
    found = [(q.kind, q.source) for q in find_quantities(text)]
    assert found == [("date_range", "du 17 au 23 juin 2021"), ("number", "10 000"),
                     ("percent", "5 %"), ("percent", "20 %"), ("amount", "800 millions d’euros")]


def test_quantity_is_frozen():
    quantity = Quantity(0, 4, "85 %", "percent")
    with pytest.raises(AttributeError):
        quantity.source = "90 %"


def test_protect_numbers_tokens_and_keeps_the_words():
    text, table = protect("Du 17 au 23 juin 2021, 85 % des 10 000 emplois.")
    assert text == "⟦1⟧, ⟦2⟧ des ⟦3⟧ emplois."
    assert [q.source for q in table.values()] == ["Du 17 au 23 juin 2021", "85 %", "10 000"]


def test_protect_never_reuses_a_token_already_in_the_text():
    text, table = protect("⟦1⟧ et 85 %")
    assert text == "⟦1⟧ et ⟦2⟧"
    assert restore(text, table) == "⟦1⟧ et 85%"


def test_restore_forgives_spaces_an_engine_added():
    text, table = protect("Plus de 85 % des 10 000 emplois (3 500 €).")
    engine_output = "More than ⟦ 1 ⟧ of the ⟦2⟧ jobs ( ⟦3 ⟧ ) ."
    assert restore(engine_output, table) == "More than 85% of the 10,000 jobs (€3,500) ."


def test_restore_in_american_english():
    _, table = protect("le 17 juin 2021")
    assert restore("on ⟦1⟧", table, locale="en_US") == "on June 17, 2021"


def test_missing_placeholders():
    _, table = protect("85 % des 10 000 emplois, 11 M€")
    assert missing_placeholders("⟦1⟧ of jobs, ⟦ 3⟧", table) == ["⟦2⟧"]
    assert missing_placeholders("⟦1⟧ ⟦2⟧ ⟦3⟧", table) == []


def test_restore_leaves_unknown_tokens():
    assert restore("⟦7⟧ and ⟦1⟧", {}) == "⟦7⟧ and ⟦1⟧"


FRAGMENTS = st.sampled_from([
    "85 %", "10 000", f"60{NNBSP}000", "25,3", "25,3 milliards d’euros", "11 M€",
    "3 500 ou 4 000 €",
    "1 million de litres", "17 juin 2021", "le 1er avril", "17/03", "du 17 au 23 juin 2021",
    "du 30 juin au 2 juillet 2021", "5e", "2ème", "en 2021", "COVID-19", "+33 1 23 45 67 89",
    "https://ex.fr/a/1 000", " ", ", ", ". ", " (", ") ", "emplois", "d’", "1", "000", "/",
    "%", "€",
])
FRENCHISH = st.lists(st.one_of(FRAGMENTS, st.text(max_size=8)), max_size=12).map("".join)
NO_TOKENS = FRENCHISH.filter(lambda text: "⟦" not in text and "⟧" not in text)


@settings(max_examples=300, deadline=None)
@given(FRENCHISH)
def test_find_quantities_never_raises_and_spans_match(text):
    found = find_quantities(text)
    assert all(text[q.start:q.end] == q.source for q in found)
    assert all(a.end <= b.start for a, b in zip(found, found[1:]))


@settings(max_examples=300, deadline=None)
@given(NO_TOKENS, st.sampled_from(["en_GB", "en_US"]))
def test_identity_translation_gives_back_localize(text, locale):
    protected, table = protect(text)
    assert len(table) == len(find_quantities(text))
    assert missing_placeholders(protected, table) == []
    assert restore(protected, table, locale) == localize(text, locale)


@settings(max_examples=300, deadline=None)
@given(NO_TOKENS)
def test_spaces_inside_tokens_change_nothing(text):
    protected, table = protect(text)
    spaced = re.sub(r"⟦(\d+)⟧", r"⟦ \1 ⟧", protected)
    assert restore(spaced, table) == restore(protected, table)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(exclude_categories=["Nd", "Cs"])))
def test_text_without_digits_is_left_alone(text):
    assert localize(text) == text
    assert find_quantities(text) == []


def test_the_french_month_names_are_babels():
    from babel.dates import get_month_names

    from presskit.translation.number_format import FRENCH_MONTH_NAMES

    for width, names in FRENCH_MONTH_NAMES.items():
        assert names == tuple(n.lower() for n in get_month_names(width, locale="fr_FR").values()), width


def test_french_numbers_read_as_babel_reads_them():
    from babel.numbers import parse_decimal

    from presskit.translation.number_format import french_decimal

    for text in ("10\u202f000", "25,3", "0,05", "1\u00a0234\u00a0567,890", "2026"):
        assert french_decimal(text) == parse_decimal(text.replace("\u202f", "").replace("\u00a0", ""), locale="fr_FR")
