"""The translate transform: memory first, engine for the rest, provenance per sentence."""
from pathlib import Path
from typing import ClassVar

from presskit.document import Block, Document, Figure, Footnote, NoteRef, Speaker
from presskit.glossary.glossary import load_glossary
from presskit.transforms.translate import translate
from presskit.translation.memory import TranslationMemory


class DictMemory:
    def __init__(self, pairs):
        self.pairs = pairs

    def lookup(self, source):
        return self.pairs.get(source)


class RecordingEngine:
    name = "recorder"

    def __init__(self):
        self.calls = []

    def translate(self, texts, source, target):
        self.calls.append((list(texts), source, target))
        return [f"EN({t})" for t in texts]


def doc(*blocks, **kw):
    return Document(lang="fr", blocks=tuple(blocks), **kw)


def test_memory_first_and_engine_only_for_the_rest():
    memory = DictMemory({"Bonjour.": "Hello.", "Titre": "Title"})
    engine = RecordingEngine()
    english = translate(doc(Block("paragraph", "Bonjour. Au revoir."), title="Titre"), memory, lambda: engine)
    assert english.lang == "en"
    assert english.title == "Title"
    assert english.blocks[0].text == "Hello. EN(Au revoir.)"
    assert engine.calls == [(["Au revoir."], "fr", "en")]
    origins = {s.source: s.origin for s in english.segments}
    assert origins == {"Titre": "memory", "Bonjour.": "memory", "Au revoir.": "engine:recorder"}


def test_engine_not_even_made_when_memory_covers_everything():
    def engine_for():
        raise AssertionError("no engine should be made")

    english = translate(doc(Block("paragraph", "Bonjour.")), DictMemory({"Bonjour.": "Hello."}), engine_for)
    assert english.blocks[0].text == "Hello."


def test_without_engine_segments_are_untranslated_and_kept_in_french():
    english = translate(doc(Block("paragraph", "Bonjour.")), DictMemory({}), lambda: None)
    assert english.blocks[0].text == "Bonjour."
    assert [s.origin for s in english.segments] == ["untranslated"]


def test_numbers_and_addresses_need_no_translation():
    english = translate(doc(Block("paragraph", "2021")), DictMemory({}), lambda: None)
    assert [s.origin for s in english.segments] == ["kept"]


def test_quote_role_is_translated_and_an_attribution_the_documents_do_not_show_is_not_a_segment():
    quote = Block("quote", "Merci.", attribution="a conclu Guillaume Plane, Président.",
                  speaker=Speaker("Guillaume Plane", "Président", "CFB"))
    memory = DictMemory({"Merci.": "Thank you.", "a conclu Guillaume Plane, Président.":
                         "concluded Guillaume Plane, President.", "Président": "President"})
    english = translate(doc(quote), memory, lambda: None)
    block = english.blocks[0]
    assert block.text == "Thank you."
    assert block.speaker == Speaker("Guillaume Plane", "President", "CFB")  # shown: "— Name, Role"
    assert sorted(s.source for s in english.segments) == ["Merci.", "Président"]


def test_an_attribution_without_a_speaker_is_shown_so_translated():
    quote = Block("quote", "Merci.", attribution="a conclu Guillaume Plane, Président.")
    memory = DictMemory({"Merci.": "Thank you.", "a conclu Guillaume Plane, Président.":
                         "concluded Guillaume Plane, President."})
    assert translate(doc(quote), memory, lambda: None).blocks[0].attribution == \
        "concluded Guillaume Plane, President."


def test_labels_headings_and_figures_are_not_segments():
    from presskit.document import About, Contact

    french = doc(Block("paragraph", "Bonjour."), labels=("COMMUNIQUÉ DE PRESSE", "Pour diffusion immédiate"),
                 about=(About("CNLL", "Le CNLL fédère.", "À propos du CNLL"),),
                 contacts=(Contact("Ann Lee", heading="Contact presse :"),),
                 figures=(Figure("800", "millions d'euros"),))
    engine = RecordingEngine()
    english = translate(french, DictMemory({}), lambda: engine)
    assert engine.calls == [(["Bonjour.", "Le CNLL fédère."], "fr", "en")]
    assert [s.source for s in english.segments] == ["Bonjour.", "Le CNLL fédère."]
    assert english.labels == () and english.figures == french.figures  # for EnglishFigures, next
    assert (english.about[0].heading, english.contacts[0].heading) == ("About CNLL", "Press contact")


def test_a_closing_line_with_an_address_is_a_segment():
    closing = Block("closing", "Plus d'informations : https://e.fr/x", url="https://e.fr/x")
    memory = DictMemory({"Plus d'informations : https://e.fr/x": "More information: https://e.fr/x"})
    english = translate(doc(closing), memory, lambda: None)
    assert english.blocks[0].text == "More information: https://e.fr/x"


def test_footnote_call_moves_to_the_end_of_its_translated_sentence():
    text = "Premier. Des biomédicaments. Fin."
    offset = text.index("biomédicaments") + len("biomédicaments")
    source = doc(Block("paragraph", text, notes=(NoteRef("1", offset),)),
                 footnotes=(Footnote("1", "https://e.fr/x", "https://e.fr/x"),))
    memory = DictMemory({"Premier.": "First.", "Des biomédicaments.": "Biopharmaceuticals.", "Fin.": "End."})
    english = translate(source, memory, lambda: None)
    block = english.blocks[0]
    assert block.text == "First. Biopharmaceuticals. End."
    assert block.text[: block.notes[0].offset].endswith("Biopharmaceuticals")
    assert english.footnotes == source.footnotes
    assert all(s.path != "footnotes[0].text" for s in english.segments)


def test_closing_web_address_is_not_a_segment():
    closing = Block("closing", "example.com", url="http://example.com/")
    english = translate(doc(closing), DictMemory({}), lambda: None)
    assert english.blocks[0] == closing and english.segments == ()


# --- with the glossary: localisation, protection, memory verification, fuzzy matches ----------------


GLOSSARY = load_glossary(Path(__file__).resolve().parents[2] / "glossary")


class EchoEngine(RecordingEngine):
    """Returns the protected text with the French words swapped for English ones."""

    WORDS: ClassVar[dict[str, str]] = {"Les": "The", "sont": "are", "prêts": "ready", "le": "on",
                                       "Le": "The", "en": "in"}

    def translate(self, texts, source, target):
        self.calls.append((list(texts), source, target))
        return [" ".join(self.WORDS.get(w, w) for w in t.split(" ")) for t in texts]


def test_kept_segments_are_localised():
    french = doc(Block("paragraph", "85 %"))
    english = translate(french, DictMemory({}), lambda: None, glossary=GLOSSARY)
    assert english.blocks[0].text == "85%"
    assert [s.origin for s in english.segments] == ["kept"]


def test_the_engine_gets_tokens_and_the_english_gets_localised_quantities():
    engine = EchoEngine()
    french = doc(Block("paragraph", "Les biomédicaments sont prêts le 17 juin 2021."))
    english = translate(french, DictMemory({}), lambda: engine, glossary=GLOSSARY, locale="en_US")
    assert engine.calls[0][0] == ["Les ⟦1⟧ sont prêts le ⟦2⟧."]
    assert english.blocks[0].text == "The biopharmaceuticals are ready on June 17, 2021."
    [use] = english.terms
    assert (use.path, use.status, use.found, use.en) == ("blocks[0].text#0", "applied", True,
                                                        "biopharmaceuticals")


def test_names_and_terms_alone_need_no_engine():
    def engine_for():
        raise AssertionError("no engine should be made")

    english = translate(doc(Block("paragraph", "Medicen Paris Region"), title="Délégués Généraux"),
                        DictMemory({}), engine_for, glossary=GLOSSARY)
    assert (english.title, english.blocks[0].text) == ("Managing Directors", "Medicen Paris Region")
    assert [s.origin for s in english.segments] == ["glossary", "kept"]


def test_term_uses_name_their_segment():
    memory = DictMemory({"Une phrase.": "A sentence.", "La bioproduction.": "Biomanufacturing."})
    english = translate(doc(Block("paragraph", "Une phrase. La bioproduction.")), memory, lambda: None,
                        glossary=GLOSSARY)
    assert [(u.path, u.fr, u.status) for u in english.terms] == [
        ("blocks[0].text#1", "bioproduction", "applied")]


def test_a_memory_that_disagrees_with_the_glossary_is_used_but_flagged():
    memory = DictMemory({"Des biomédicaments.": "Biomedicines.", "La bioproduction.": "Bioproduction."})
    english = translate(doc(Block("paragraph", "Des biomédicaments. La bioproduction.")), memory,
                        lambda: None, glossary=GLOSSARY)
    assert english.blocks[0].text == "Biomedicines. Bioproduction."
    assert [(u.fr, u.status, u.found) for u in english.terms] == [
        ("biomédicament", "forbidden", False), ("bioproduction", "missing", False)]


def test_a_fuzzy_match_without_an_engine_stays_french_with_a_note():
    memory = TranslationMemory([("Le salon ouvre ses portes demain.", "The show opens tomorrow.")])
    english = translate(doc(Block("paragraph", "Le salon ouvre ses portes lundi.")), memory, lambda: None,
                        glossary=GLOSSARY)
    [segment] = english.segments
    assert (segment.origin, segment.target) == ("untranslated", "Le salon ouvre ses portes lundi.")
    assert segment.note == "fuzzy memory match 89%: The show opens tomorrow." and segment.score == 0.892


def test_an_exact_match_is_not_a_fuzzy_one():
    memory = TranslationMemory([("Le salon ouvre.", "The show opens.")])
    english = translate(doc(Block("paragraph", "Le  salon ouvre.")), memory, lambda: None, glossary=GLOSSARY)
    assert [(s.origin, s.note, s.score) for s in english.segments] == [("memory", "", 1.0)]
