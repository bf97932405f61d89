"""The QA gate: each check on one segment, its severity, and the sample release passing it."""
from __future__ import annotations

from pathlib import Path

import pytest

from presskit.document import Document, Segment, TermUse
from presskit.glossary.glossary import load_glossary
from presskit.qa import gate as quality_gate
from presskit.qa.gate import excerpt

ROOT = Path(__file__).resolve().parents[2]
GLOSSARY = load_glossary(ROOT / "glossary")


def gate(source, target, origin="engine:libre", terms=(), glossary=None):
    """The findings for a one-segment English document, as (severity, first words) pairs."""
    english = Document("en", segments=(Segment("blocks[0].text#0", source, target, origin),),
                       terms=tuple(terms))
    return [(f.severity, f.message) for f in quality_gate.gate(Document("fr"), english, glossary)]


def errors(*args, **kwargs):
    return [message for severity, message in gate(*args, **kwargs) if severity == "error"]


def warnings(*args, **kwargs):
    return [message for severity, message in gate(*args, **kwargs) if severity == "warning"]


def test_a_faithful_translation_passes():
    assert gate("Plus de 10 000 emplois (soit 85 %) « dès 2030 », voir www.cnll.fr ou a@b.fr.",
                "More than 10,000 jobs (85%) “from 2030”, see www.cnll.fr or a@b.fr.") == []


@pytest.mark.parametrize("french, english", [
    ("25,3 milliards d'euros en 2021.", "€25.3 billion in 2021."),
    ("Le 17/03 et le 1er avril.", "On 17 March and 1 April."),
    ("Du 17 au 23 juin 2021.", "From 17 to 23 June 2021."),
    ("Le 5e congrès réunit 1000 personnes.", "The 5th congress brings 1,000 people together."),
])
def test_numbers_are_compared_by_value_once_localised(french, english):
    assert errors(french, english) == []


def test_a_changed_number_is_an_error_and_the_new_one_a_warning():
    assert errors("Plus de 10 000 emplois.", "More than 10,001 jobs.") == [
        "number 10000 of the French is missing in English, in “Plus de 10 000 emplois.”"]
    assert warnings("Plus de 10 000 emplois.", "More than 10,001 jobs.") == [
        "number 10001 is in the English but not in the French “Plus de 10 000 emplois.”"]


def test_a_bare_domain_that_the_reader_links_is_checked_like_any_address():
    """The reader makes "medicen.org" a link: the gate must notice when the English drops or changes it."""
    from presskit.readers.links import find_urls

    french = "Plus d’informations sur medicen.org et polepharma.com."
    assert [url for _, _, url in find_urls(french)] == ["medicen.org", "polepharma.com"]
    assert errors(french, "More information on medicen.org and polepharma.com.") == []
    assert errors(french, "More information on the website and polepharma.com.") == [
        "address medicen.org is missing or changed in English, in “Plus d’informations sur medicen.org et "
        "polepharma.com.”"]


@pytest.mark.parametrize("english", ["See www.cnll.com or a@b.fr.", "See www.cnll.fr or b@b.fr.",
                                     "See the site or a@b.fr."])
def test_a_changed_or_dropped_address_is_an_error(english):
    [message] = errors("Voir www.cnll.fr ou a@b.fr.", english)
    assert message.startswith("address ")


@pytest.mark.parametrize("english, kind", [
    ("The cluster (Medicen is growing fast.", "round brackets"),
    ("He said “it is growing fast.", "quotation marks"),
    ('He said "it is growing fast.', "quotation marks")])
def test_unpaired_brackets_and_quotes_are_errors(english, kind):
    assert errors("Il a dit « la filière (Medicen) croît vite ».", english) == [
        f"unpaired {kind} in English “{english}”"]


def test_a_quote_open_in_the_french_sentence_may_stay_open():
    assert errors("« La filière croît vite.", "“The sector is growing fast.") == []


def test_a_placeholder_left_is_an_error():
    assert errors("La filière croît vite.", "The ⟦1⟧ is growing fast.") == [
        "a placeholder is left in the English “The ⟦1⟧ is growing fast.”"]


def test_a_segment_left_in_french_is_an_error_but_one_the_same_in_english_passes():
    french = "La filière de la bioproduction est un enjeu pour la France."
    assert errors(french, french) == [f"left in French: {excerpt(french)}"]
    for same in ("Choose France !", "Innovation", "participants", "Medicen 2030", "Press contact"):
        assert errors(same, same) == [], same  # reads as English, or holds only names and numbers


@pytest.mark.parametrize("english", [
    "Lyon, le 12 March 2026",  # names put back and the date localised, but French
    "présidente-directrice générale de Aquélia",
    "Plus d'informations :",
    "The nouvelles usines of the sector créeront des emplois directs in the region.",
])
def test_french_left_after_names_and_numbers_are_restored_is_an_error(english):
    found = errors("La phrase française.", english)
    assert len(found) == 1 and found[0].startswith(("left in French", "half French")), found


def test_a_half_french_sentence_names_its_french_words():
    english = "The new plants of the biopharmaceutical sector will create des emplois et des jobs in the region."
    [message] = errors("Les nouvelles usines créeront des emplois.", english)
    assert message.startswith("half French (") and "emplois" in message, message


def test_names_do_not_make_an_english_sentence_french():
    use = TermUse("blocks[0].text#0", "Congrès de la Bioproduction", "Congrès de la Bioproduction", "name",
                  "Congrès de la Bioproduction", True, "applied")
    english = "Throughout the Congrès de la Bioproduction, the stakeholders met."
    assert errors("Tout au long du Congrès de la Bioproduction, les acteurs se sont réunis.", english,
                  terms=[use]) == []


def test_an_extreme_length_ratio_is_a_warning():
    french = "La filière de la bioproduction est un enjeu national majeur pour la France."
    assert warnings(french, "Yes.") == [f"length ratio 0.05 (English/French) in {excerpt(french)}"]
    assert errors(french, "Yes.") == []


def test_untranslated_segments_report_nothing_else():
    use = TermUse("blocks[0].text#0", "filière", "sector", "term", "filière", False, "missing")
    assert gate("La filière ⟦1⟧.", "La filière ⟦1⟧.", origin="untranslated", terms=[use]) == [
        ("error", "untranslated: La filière ⟦1⟧.")]


@pytest.mark.parametrize("status, origin, severity, start", [
    ("missing", "engine:libre", "error", "term 'filière' should read 'sector' in English ('filières')"),
    ("forbidden", "memory", "error", ("forbidden translation of 'filière' ('filières'): the glossary "
                                      "requires 'sector' (the translation memory disagrees")),
    ("repaired", "engine:libre", "warning", "term 'filière' repaired after machine translation"),
])
def test_term_statuses_become_findings(status, origin, severity, start):
    use = TermUse("blocks[0].text#0", "filière", "sector", "term", "filières", False, status)
    [(found_severity, message)] = gate("Les filières.", "The sectors.", origin=origin, terms=[use])
    assert found_severity == severity and message.startswith(start)


def test_a_memory_missing_a_term_says_the_memory_disagrees():
    use = TermUse("blocks[0].text#0", "filière", "sector", "term", "filières", False, "missing")
    [message] = errors("Les filières.", "The industries.", origin="memory", terms=[use])
    assert message.endswith("(the translation memory disagrees with the glossary)")


def test_a_forbidden_translation_of_a_term_absent_from_the_french_is_an_error():
    french = "Les usines travaillent pour des tiers."
    english = "The plants do subcontracting for third parties."
    assert errors(french, english, glossary=GLOSSARY) == [
        ("forbidden translation 'subcontracting' in English; the glossary translates 'sous-traitance' "
         "as 'contract manufacturing'")]
    assert errors(french, english) == []  # without the glossary the gate cannot know


def test_the_sample_release_passes_the_gate():
    from presskit.readers import read
    from presskit.transforms.annotate_terms import annotate_terms
    from presskit.transforms.translate import translate
    from presskit.translation.memory import TranslationMemory

    french = annotate_terms(read(ROOT / "sources" / "congres-france-bioproduction-2021.fr.txt"), GLOSSARY)
    english = translate(french, TranslationMemory.load(ROOT / "glossary"), lambda: None, glossary=GLOSSARY)
    assert quality_gate.gate(french, english, GLOSSARY) == []
    assert {u.status for u in english.terms} == {"applied"} and len(english.terms) >= 60  # attributions the documents replace by "— Name, Role" are no segments
