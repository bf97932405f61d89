"""A LibreTranslate-compatible server on 127.0.0.1 that translates badly: the English still carries the
approved terms, untouched names and no forbidden term, or the QA gate names each offending segment."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Response

from presskit.document import Block, Document
from presskit.engines import RetryPolicy, get_engine
from presskit.glossary.glossary import load_glossary
from presskit.qa.gate import gate
from presskit.transforms.check_terms import check_terms
from presskit.transforms.translate import translate
from presskit.translation.memory import TranslationMemory
from presskit.translation.protection import protect

ROOT = Path(__file__).resolve().parents[2]
GLOSSARY = load_glossary(ROOT / "glossary")

# French sentence → what the bad engine answers for its protected form (see the comments).
BAD = {
    # drops the term's token and writes the forbidden "biomedicines" instead
    "Les biomédicaments sont produits par Medicen.": "The biomedicines are produced by ⟦2⟧.",
    # writes the forbidden "subcontracting", adds spaces inside the percentage's token
    "La sous-traitance progresse de 85 % en France.": "Subcontracting grows by ⟦ 2 ⟧ in France.",
    # square brackets for the term, another digit for the number
    "Le Grand Défi Biomédicaments finance 10 000 emplois.": "The [1] funds ⟦7⟧ jobs.",
    # drops both brackets of the term and one of the name
    "Les filières de Polepharma.": "The 1 of ⟦2.",
    # elision written in full before the token; the engine keeps it
    "Une capacité d’anticorps monoclonaux inédite.": "An unprecedented capacity of ⟦1⟧.",
    # drops the term's token, with no known wrong form to repair: the term is missing
    "Les anticorps monoclonaux de Polepharma sont prêts.": "The antibodies of ⟦2⟧ are ready.",
    # translates the name: it is gone
    "L'Alliance France Bioproduction est née.": "The France Bioproduction Alliance was born.",
    # changes a number
    "Le congrès a réuni 500 participants le 17 juin 2021.":
        "The congress brought together 600 participants on ⟦1⟧.",
    # drops a URL
    "Voir https://medicen.org/fr/ pour les détails.": "See the details.",
    # renumbers two tokens: they cannot be paired safely, so they stay and the terms are missing
    "La bioproduction et la filière progressent.": "⟦5⟧ and the ⟦6⟧ are growing.",
    # leaves the sentence in French
    "Le salon ouvre ses portes demain à Paris !": "Le salon ouvre ses portes demain à Paris !",
}
GOOD = list(BAD)[:5]


@pytest.fixture(scope="module")
def server():
    """The bad LibreTranslate stand-in, on 127.0.0.1 only."""
    srv = HTTPServer(host="127.0.0.1", port=0)
    srv.start()
    answers = {protect(french, GLOSSARY).text: english for french, english in BAD.items()}

    def handler(request):
        text = request.args["q"]
        return Response(json.dumps({"translatedText": answers.get(text, f"UNEXPECTED {text}")}),
                        content_type="application/json")

    srv.expect_request("/translate", method="POST").respond_with_handler(handler)
    yield srv
    srv.clear()
    srv.stop()


@pytest.fixture(scope="module")
def english(server):
    """The release translated by the bad engine, terms checked."""
    engine = get_engine("libre", url=server.url_for("/"), retry=RetryPolicy(attempts=1))
    blocks = tuple(Block("paragraph", french) for french in BAD)
    memory = TranslationMemory([("Le salon ouvre ses portes demain.", "The show opens tomorrow.")])
    french = Document("fr", title="BIOMÉDICAMENTS", blocks=blocks)
    result = check_terms(translate(french, memory, lambda: engine, glossary=GLOSSARY), GLOSSARY)
    return french, result


def segment(english, french_sentence):
    return next(s for s in english.segments if s.source == french_sentence)


def test_every_sentence_reached_the_engine_protected(server, english):
    sent = {request.args["q"] for request, _ in server.log}
    assert sent >= {protect(french, GLOSSARY).text for french in BAD}
    assert not any("biomédicament" in text.lower() or "Medicen" in text for text in sent)


@pytest.mark.parametrize("french, expected", [
    (GOOD[0], "The biopharmaceuticals are produced by Medicen."),
    (GOOD[1], "Contract manufacturing grows by 85% in France."),
    (GOOD[2], "The Biopharmaceuticals Grand Challenge funds 10,000 jobs."),
    (GOOD[3], "The sectors of Polepharma."),
    (GOOD[4], "An unprecedented capacity of monoclonal antibodies."),
])
def test_approved_terms_names_and_numbers_survive_a_bad_engine(english, french, expected):
    assert segment(english[1], french).target == expected


def test_the_english_title_carries_the_term_in_the_plural(english):
    assert english[1].title == "BIOPHARMACEUTICALS"  # a title of terms only: from the glossary
    assert english[1].segments[0].origin == "glossary"


def test_no_forbidden_term_is_left(english):
    text = " ".join(s.target for s in english[1].segments).lower()
    assert "biomedicine" not in text and "subcontracting" not in text


def test_term_statuses_per_segment(english):
    by_path = {}
    for use in english[1].terms:
        by_path.setdefault(use.path, []).append((use.surface, use.status))
    assert by_path["blocks[0].text#0"] == [("biomédicaments", "repaired"), ("Medicen", "applied")]
    assert by_path["blocks[1].text#0"] == [("sous-traitance", "repaired")]
    assert by_path["blocks[2].text#0"] == [("Grand Défi Biomédicaments", "repaired")]
    assert by_path["blocks[3].text#0"] == [("filières", "repaired"), ("Polepharma", "repaired")]
    assert by_path["blocks[4].text#0"] == [("anticorps monoclonaux", "applied")]
    assert by_path["blocks[5].text#0"] == [("anticorps monoclonaux", "missing"), ("Polepharma", "applied")]
    assert by_path["blocks[6].text#0"] == [("Alliance France Bioproduction", "missing")]
    assert by_path["blocks[9].text#0"] == [("bioproduction", "missing"), ("filière", "missing")]


def test_the_gate_names_each_offending_segment(english):
    french, result = english
    errors = {(f.path, f.message.split(" ")[0]) for f in gate(french, result, GLOSSARY)
              if f.severity == "error"}
    assert errors == {
        ("blocks[5].text#0", "term"),        # monoclonal antibodies lost
        ("blocks[6].text#0", "name"),        # Alliance France Bioproduction translated
        ("blocks[7].text#0", "number"),      # 500 became 600
        ("blocks[8].text#0", "address"),     # the URL dropped
        ("blocks[9].text#0", "a"),           # a placeholder left…
        ("blocks[9].text#0", "term"),        # …and both terms missing
        ("blocks[10].text#0", "left"),       # left in French
    }


def test_error_messages_say_what_is_wrong(english):
    french, result = english
    messages = {f.message for f in gate(french, result, GLOSSARY) if f.severity == "error"}
    assert "number 500 of the French is missing in English, in “Le congrès a réuni 500 participants " \
           "le 17 juin 2021.”" in messages
    assert "term 'anticorps monoclonal' should read 'monoclonal antibodies' in English " \
           "('anticorps monoclonaux')" in messages
    assert "name 'Alliance France Bioproduction' must stay as written" in messages
    assert any(m.startswith("address medicen.org/fr is missing") for m in messages)


def test_repairs_and_an_added_number_are_warnings(english):
    french, result = english
    warnings = {(f.path, f.message.split(" ")[0]) for f in gate(french, result, GLOSSARY)
                if f.severity == "warning"}
    assert ("blocks[0].text#0", "term") in warnings and ("blocks[7].text#0", "number") in warnings


def test_a_fuzzy_memory_match_is_noted_never_used(english):
    fuzzy = segment(english[1], "Le salon ouvre ses portes demain à Paris !")
    assert fuzzy.origin == "engine:libre" and fuzzy.target != "The show opens tomorrow."
    assert fuzzy.note.startswith("fuzzy memory match") and fuzzy.note.endswith(": The show opens tomorrow.")
    assert 0.85 <= fuzzy.score < 1
