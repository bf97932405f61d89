"""The translate transform: memory first, engine for the rest, provenance per sentence."""
from presskit.document import Block, Document, Footnote, NoteRef, Speaker
from presskit.transforms.translate import translate


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


def test_quote_role_and_attribution_are_translated_names_kept():
    quote = Block("quote", "Merci.", attribution="a conclu Guillaume Plane, Président.",
                  speaker=Speaker("Guillaume Plane", "Président", "CFB"))
    memory = DictMemory({"Merci.": "Thank you.", "a conclu Guillaume Plane, Président.":
                         "concluded Guillaume Plane, President.", "Président": "President"})
    english = translate(doc(quote), memory, lambda: None)
    block = english.blocks[0]
    assert (block.text, block.attribution) == ("Thank you.", "concluded Guillaume Plane, President.")
    assert block.speaker == Speaker("Guillaume Plane", "President", "CFB")


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
