"""Protect names, terms and quantities before an engine; restore, repair and verify after."""
from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from presskit.glossary.glossary import Entry, Glossary, load_glossary
from presskit.translation.protection import protect, restore, verify

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def glossary() -> Glossary:
    return load_glossary(ROOT / "glossary")


def english(glossary, french, engine_output, locale="en_GB"):
    """What the sentence becomes when the engine answers `engine_output` (a function of the protected text)."""
    protected = protect(french, glossary, locale)
    outcome = restore(engine_output(protected.text), protected)
    return outcome.text, outcome.statuses


# --- protection ---------------------------------------------------------------------------------

def test_names_terms_and_quantities_become_tokens(glossary):
    protected = protect("Medicen vise 10 000 emplois dans la bioproduction le 17 juin 2021.", glossary)
    assert protected.text == "⟦1⟧ vise ⟦3⟧ emplois dans la ⟦2⟧ le ⟦4⟧."
    assert [(s.kind, s.english) for s in protected.slots] == [
        ("name", "Medicen"), ("term", "biomanufacturing"), ("quantity", "10,000"),
        ("quantity", "17 June 2021")]


def test_a_name_inside_a_longer_name_is_one_token(glossary):
    protected = protect("Le Congrès France Bioproduction et France Bioproduction.", glossary)
    assert protected.text == "Le ⟦1⟧ et ⟦2⟧."
    assert [s.english for s in protected.slots] == ["Congrès France Bioproduction", "France Bioproduction"]


def test_elided_articles_are_written_in_full_before_a_token(glossary):
    protected = protect("La capacité d’anticorps monoclonaux et l'Alliance France Bioproduction.", glossary)
    assert protected.text == "La capacité de ⟦1⟧ et le ⟦2⟧."


@pytest.mark.parametrize("french, expected", [
    ("des biomédicaments", "biopharmaceuticals"), ("un biomédicament", "biopharmaceutical"),
    ("deux anticorps monoclonaux", "monoclonal antibodies"), ("un anticorps monoclonal", "monoclonal antibody"),
    ("les intégrateurs industriels", "industrial integrators"),
    ("LES BIOMÉDICAMENTS", "BIOPHARMACEUTICALS"), ("les Délégués Généraux", "Managing Directors"),
    ("la bioproduction", "biomanufacturing")])
def test_terms_come_back_in_the_number_and_capitals_of_the_french(glossary, french, expected):
    text, statuses = english(glossary, french, lambda protected: "and " + protected.split(" ", 1)[1])
    assert (text, statuses) == ("and " + expected, ("applied",))


def test_a_sentence_of_terms_only_is_wordless(glossary):
    assert protect("Déléguée Générale", glossary).wordless
    assert not protect("La Déléguée Générale parle.", glossary).wordless


def test_without_a_glossary_only_quantities_are_protected():
    protected = protect("Medicen : 85 % des biomédicaments.", None)
    assert protected.text == "Medicen : ⟦1⟧ des biomédicaments." and protected.matches == ()


def test_quantities_follow_the_locale(glossary):
    text, _ = english(glossary, "Le 17 juin 2021.", lambda p: p.replace("Le", "On"), locale="en_US")
    assert text == "On June 17, 2021."


# --- restoring what engines do to tokens ------------------------------------------------------------

SENTENCE = "Les biomédicaments de Medicen : 85 % en 2021."  # ⟦1⟧ term, ⟦2⟧ name, ⟦3⟧ quantity


@pytest.mark.parametrize("output, statuses", [
    ("The ⟦1⟧ of ⟦2⟧: ⟦3⟧ in 2021.", ("applied", "applied")),
    ("The ⟦ 1 ⟧ of ⟦2 ⟧: ⟦ 3⟧ in 2021 .", ("applied", "applied")),
    ("The [1] of ⟦2⟧: ⟦3⟧ in 2021.", ("repaired", "applied")),
    ("The ⟦1 of ⟦2⟧: ⟦3⟧ in 2021.", ("repaired", "applied")),
    ("The 1⟧ of ⟦2⟧: ⟦3⟧ in 2021.", ("repaired", "applied")),
    ("The 1 of ⟦2⟧: ⟦3⟧ in 2021.", ("repaired", "applied")),
    ("The ⟦7⟧ of ⟦2⟧: ⟦3⟧ in 2021.", ("repaired", "applied")),
])
def test_mangled_tokens_are_recovered(glossary, output, statuses):
    text, found = english(glossary, SENTENCE, lambda _: output)
    assert text.replace(" .", ".") == "The biopharmaceuticals of Medicen: 85% in 2021."
    assert found == statuses


def test_a_term_at_the_start_is_capitalised(glossary):
    text, _ = english(glossary, "Les biomédicaments progressent.", lambda _: "⟦1⟧ are growing.")
    assert text == "Biopharmaceuticals are growing."


def test_a_lost_term_written_by_the_engine_is_applied(glossary):
    _, statuses = english(glossary, SENTENCE, lambda _: "The biopharmaceuticals of ⟦2⟧: ⟦3⟧ in 2021.")
    assert statuses == ("applied", "applied")


@pytest.mark.parametrize("output, expected", [
    ("The biomedicines of ⟦2⟧: ⟦3⟧ in 2021.", "The biopharmaceuticals of Medicen: 85% in 2021."),
    ("Biomedicine of ⟦2⟧: ⟦3⟧ in 2021.", "Biopharmaceuticals of Medicen: 85% in 2021."),
])
def test_a_forbidden_translation_instead_of_a_token_is_repaired_in_the_frenchs_number(
        glossary, output, expected):
    text, statuses = english(glossary, SENTENCE, lambda _: output)
    assert (text, statuses) == (expected, ("repaired", "applied"))


def test_a_forbidden_translation_next_to_the_token_is_replaced_too(glossary):
    text, statuses = english(glossary, "La sous-traitance.", lambda _: "The ⟦1⟧ (subcontracting).")
    assert text == "The contract manufacturing (contract manufacturing)."
    assert statuses == ("repaired",)


def test_a_lost_term_without_a_known_wrong_form_is_missing(glossary):
    text, statuses = english(glossary, SENTENCE, lambda _: "The medicines of ⟦2⟧: ⟦3⟧ in 2021.")
    assert (text, statuses) == ("The medicines of Medicen: 85% in 2021.", ("missing", "applied"))


def test_a_lost_name_is_missing_unless_written_as_is(glossary):
    assert english(glossary, SENTENCE, lambda _: "The ⟦1⟧ of Medicen: ⟦3⟧.")[1] == ("applied", "applied")
    assert english(glossary, SENTENCE, lambda _: "The ⟦1⟧ of Médicen: ⟦3⟧.")[1] == ("applied", "missing")


def test_two_uses_of_one_term_count_separately(glossary):
    french = "Un biomédicament et des biomédicaments."
    _, statuses = english(glossary, french, lambda _: "A biopharmaceutical and some ⟦2⟧.")
    assert statuses == ("applied", "applied")
    _, statuses = english(glossary, french, lambda _: "A drug and some ⟦2⟧.")
    assert statuses == ("missing", "applied")


def test_unpairable_changed_tokens_stay_and_their_terms_are_missing(glossary):
    text, statuses = english(glossary, "La bioproduction et la filière.", lambda _: "⟦5⟧ and the ⟦6⟧.")
    assert text == "⟦5⟧ and the ⟦6⟧." and statuses == ("missing", "missing")


def test_a_bare_number_the_french_has_is_not_taken_for_a_token(glossary):
    _, statuses = english(glossary, "Les 2 biomédicaments.", lambda _: "The 2 drugs.")
    assert protect("Les 2 biomédicaments.", glossary).text == "Les 2 ⟦1⟧."
    assert statuses == ("missing",)


# --- verifying approved translations (memory) ---------------------------------------------------------

def test_verify_an_approved_translation(glossary):
    matches = glossary.find("Les biomédicaments de Medicen et la sous-traitance.")
    assert verify("Medicen's biopharmaceuticals and contract manufacturing.", matches) == (
        "applied", "applied", "applied")
    assert verify("MEDICEN's biomedicines and outsourcing.", matches) == ("forbidden", "missing", "missing")


def test_verify_accepts_the_glossary_spelling_of_a_name_in_capitals():
    glossary = Glossary([Entry("Medicen", "Medicen", "name")])
    assert verify("About Medicen", glossary.find("A PROPOS DE MEDICEN")) == ("applied",)


# --- properties -----------------------------------------------------------------------------------------

PIECES = ["Les", "biomédicaments", "de", "Medicen", "d’", "anticorps monoclonaux", "85 %", "10 000",
          "le 17 juin 2021", "la", "sous-traitance", "Congrès France Bioproduction", ",", ".", "et",
          "BIOMÉDICAMENTS", "filières", "5", "2021", "(", ")", "«", "»"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(PIECES), min_size=1, max_size=12).map(" ".join))
def test_an_engine_that_keeps_tokens_gets_every_term_applied(glossary, text):
    protected = protect(text, glossary)
    outcome = restore(protected.text, protected)
    assert "⟦" not in outcome.text and "⟧" not in outcome.text
    assert set(outcome.statuses) <= {"applied"}
    assert len(outcome.statuses) == len(protected.matches)
