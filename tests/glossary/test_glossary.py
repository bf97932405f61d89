"""Glossary matching, English forms, annotate on the sample release."""
from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from presskit.document import Block, Document, TermUse
from presskit.glossary.glossary import Entry, Glossary, load_glossary
from presskit.transforms.annotate_terms import annotate_terms

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "sources" / "congres-france-bioproduction-2021.fr.txt"


@pytest.fixture(scope="module")
def glossary() -> Glossary:
    return load_glossary(ROOT / "glossary")


def found(glossary: Glossary, text: str) -> list[tuple[str, str, bool]]:
    return [(m.surface, m.entry.fr, m.plural) for m in glossary.find(text)]


# --- French side: inflections, capitals, elision, whole words ------------------------------------

def test_singular_and_plural(glossary):
    assert found(glossary, "un biomédicament, des biomédicaments") == [
        ("biomédicament", "biomédicament", False), ("biomédicaments", "biomédicament", True)]


def test_plural_found_by_lemma_without_a_variant():
    glossary = Glossary([Entry("intégrateur industriel", "industrial integrator")])
    assert found(glossary, "six intégrateurs industriels") == [
        ("intégrateurs industriels", "intégrateur industriel", True)]


@pytest.mark.parametrize("text", ["BIOMÉDICAMENTS", "Biomédicaments", "BIOMEDICAMENTS",
                                  "biome\u0301dicaments"])
def test_any_capitalisation_and_decomposed_accents(glossary, text):
    assert found(glossary, f"les {text} !") == [(text, "biomédicament", True)]


def test_accents_are_ignored_only_in_capitals(glossary):
    assert found(glossary, "les biomedicaments") == []


@pytest.mark.parametrize("apostrophe", ["'", "\u2019"])
def test_elision(glossary, apostrophe):
    text = f"capacité d{apostrophe}anticorps monoclonaux, l{apostrophe}Alliance France Bioproduction"
    assert found(glossary, text) == [
        ("anticorps monoclonaux", "anticorps monoclonal", True),
        ("Alliance France Bioproduction", "Alliance France Bioproduction", False)]


def test_whole_words_only(glossary):
    assert found(glossary, "superfilière, filièrement, Medicenter") == []


def test_footnote_call_glued_to_a_word(glossary):
    assert found(glossary, "des biomédicaments1.") == [("biomédicaments", "biomédicament", True)]


def test_web_and_mail_addresses_are_skipped(glossary):
    text = "france-bioproduction.com, https://x.gouv.fr/biotherapies-et-bioproduction, bioproduction@x.fr"
    assert found(glossary, text) == []


# --- longest first, names, multi-word terms ---------------------------------------------------------

def test_name_hides_the_term_inside_it(glossary):
    assert found(glossary, "le Congrès France Bioproduction sur la bioproduction") == [
        ("Congrès France Bioproduction", "Congrès France Bioproduction", False),
        ("bioproduction", "bioproduction", False)]


def test_longest_name_wins(glossary):
    assert [m.entry.fr for m in glossary.find("Medicen Paris Region et Medicen")] == [
        "Medicen Paris Region", "Medicen"]


def test_longest_term_wins(glossary):
    assert found(glossary, "le Grand Défi Biomédicaments") == [
        ("Grand Défi Biomédicaments", "Grand Défi Biomédicaments", False)]


def test_punctuation_breaks_a_multi_word_term(glossary):
    assert [m.entry.fr for m in glossary.find("le Grand Défi. Biomédicaments")] == [
        "Grand Défi", "biomédicament"]


def test_term_across_a_line_break(glossary):
    assert found(glossary, "le Grand Défi \nBiomédicaments")[0][1] == "Grand Défi Biomédicaments"


def test_capitalised_term_does_not_match_common_words(glossary):
    assert found(glossary, "un grand défi national") == []
    assert found(glossary, "le GRAND DÉFI")[0][1] == "Grand Défi"


@pytest.mark.parametrize("text, plural", [
    ("anticorps monoclonaux", True), ("anticorps monoclonal", False),
    ("pôles de compétitivité", True), ("pôle de compétitivité", False),
    ("Délégués Généraux", True), ("Déléguée Générale", False)])
def test_multi_word_number(glossary, text, plural):
    [match] = glossary.find(text)
    assert (match.surface, match.plural) == (text, plural)


def test_plural_words_after_the_head_do_not_make_a_plural(glossary):
    [match] = glossary.find("Comité stratégique de filières des Industries et Technologies de Santé")
    assert not match.plural
    assert match.english == "Strategic Committee for the Health Industries and Technologies Sector"


def test_hyphen_and_space_are_the_same(glossary):
    assert [m.entry.fr for m in glossary.find("CSF-ITS, CSF ITS, sous traitance")] == [
        "CSF ITS", "CSF ITS", "sous-traitance"]


def test_variants_cell_adds_forms(tmp_path):
    (tmp_path / "g.csv").write_text("fr,en,variants\nsous-traitance,contract manufacturing,façonnage\n")
    assert found(load_glossary(tmp_path), "le façonnage") == [("façonnage", "sous-traitance", False)]


def test_matches_never_overlap_and_keep_the_text(glossary):
    @settings(max_examples=60, deadline=None)
    @given(st.lists(st.sampled_from(PIECES), max_size=12))
    def check(pieces):
        text = " ".join(pieces)
        matches = glossary.find(text)
        for m in matches:
            assert text[m.start:m.end] == m.surface
        for a, b in zip(matches, matches[1:]):
            assert a.end <= b.start
    check()


PIECES = ["Grand", "Défi", "Biomédicaments", "France", "Bioproduction", "Congrès", "d’", "l'",
          "anticorps", "monoclonaux", "de", "pôles", "compétitivité", "Medicen", "Paris", "Region",
          ",", "CSF-ITS", "filière", "-", "é", "1"]


# --- English side -----------------------------------------------------------------------------------

def test_english_number(glossary):
    assert glossary.entry("biothérapie").english(True) == "biotherapies"
    assert glossary.entry("anticorps monoclonal").english(True) == "monoclonal antibodies"
    assert glossary.entry("Medicen", "name").english(True) == "Medicen"
    assert glossary.entry("biomédicament").english_forms() == {"biopharmaceutical", "biopharmaceuticals"}


def test_en_plural_column_wins():
    entry = Entry("enfant", "child", en_plural="children")
    assert (entry.english(False), entry.english(True)) == ("child", "children")


@pytest.mark.parametrize("text, ok", [
    ("Two Biopharmaceuticals were approved.", True), ("a BIOPHARMACEUTICAL", True),
    ("biopharmaceuticalsx", False), ("bio-pharmaceutical", False), ("biologics", False)])
def test_check_english(glossary, text, ok):
    assert glossary.check_english(text, glossary.entry("biomédicament")) is ok


def test_check_english_multi_word(glossary):
    entry = glossary.entry("anticorps monoclonal")
    assert glossary.check_english("monoclonal\nantibody capacity", entry)
    assert not glossary.check_english("monoclonal capacity of antibodies", entry)


def test_forbidden_translations(glossary):
    entry = glossary.entry("biomédicament")
    assert entry.forbidden == ("biomedicine",)
    assert glossary.forbidden_found("new Biomedicines", entry) == ["biomedicine"]
    assert glossary.forbidden_found("new biopharmaceuticals", entry) == []


def test_term_found_for_the_checker(glossary):
    use = TermUse("blocks[0].text", "biomédicament", "biopharmaceuticals", "term", "biomédicaments")
    assert glossary.term_found(use, "the biopharmaceuticals of tomorrow")
    assert not glossary.term_found(use, "the medicines of tomorrow")
    assert not glossary.term_found(use, "biopharmaceuticals, or biomedicines")


# --- annotate on the sample release --------------------------------------------------------------------

@pytest.fixture(scope="module")
def sample_terms(glossary) -> tuple[TermUse, ...]:
    text = SAMPLE.read_text(encoding="utf-8")
    document = Document(lang="fr", blocks=(Block(kind="paragraph", text=text),))
    return annotate_terms(document, glossary).terms


def test_annotate_finds_the_sample_terms(sample_terms):
    expected = {"biomédicament", "bioproduction", "CSF ITS", "biothérapie", "anticorps monoclonal",
                "pôle de compétitivité", "filière", "sous-traitance", "Grand Défi Biomédicaments",
                "Grand Défi", "intégrateur industriel", "Délégué Général", "produit de santé",
                "contrat stratégique de filière",
                "Comité stratégique de filière Industries et Technologies de Santé"}
    assert expected <= {u.fr for u in sample_terms if u.kind == "term"}


def test_annotate_finds_the_sample_names(sample_terms):
    names = {u.fr for u in sample_terms if u.kind == "name"}
    assert names == {"Medicen", "Medicen Paris Region", "Polepharma", "Congrès France Bioproduction",
                     "Alliance France Bioproduction", "French Bioproduction Tour", "Campus Biotech Digital",
                     "Choose France", "FEFIS", "CSIS", "bioMérieux", "Novasep", "Sanofi", "Servier",
                     "Made in France", "CFB"}


def test_annotate_term_uses(sample_terms):
    uses = {(u.surface, u.en) for u in sample_terms}
    assert ("Déléguée Générale", "Managing Director") in uses
    assert ("anticorps monoclonaux", "monoclonal antibodies") in uses
    assert ("intégrateurs industriels", "industrial integrators") in uses
    assert {u.path for u in sample_terms} == {"blocks[0].text"}
    assert all(u.found is None for u in sample_terms)


def test_annotate_skips_terms_inside_names(sample_terms):
    assert {u.surface for u in sample_terms if u.fr == "bioproduction"} == {"bioproduction"}
    assert sum(u.fr == "Congrès France Bioproduction" for u in sample_terms) == 7


def test_annotate_walks_every_text(glossary):
    document = Document(lang="fr", title="Les biothérapies", blocks=(
        Block(kind="quote", text="la filière", attribution="a dit X, Déléguée Générale, Medicen"),))
    assert [(u.path, u.fr) for u in annotate_terms(document, glossary).terms] == [
        ("title", "biothérapie"), ("blocks[0].text", "filière"),
        ("blocks[0].attribution", "Délégué Général"), ("blocks[0].attribution", "Medicen")]
