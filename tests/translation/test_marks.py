"""Marks through translation: protected as tokens, restored on the English words, losses reported."""
from __future__ import annotations

from presskit.document import Block, Document, Mark
from presskit.engines.fake import FakeEngine
from presskit.qa.gate import gate
from presskit.transforms.translate import translate
from presskit.translation import marks as marking

URL = "https://www.grandlyon.com/"
TEXT = "Le plan est porté par la Métropole de Lyon. Il sera voté en juin par le conseil."


class Memory:
    """A memory with the given approved translations."""

    def __init__(self, approved=None):
        self.approved = approved or {}

    def lookup(self, source):
        return self.approved.get(source)


class Dropping(FakeEngine):
    """An engine that loses the tokens closing the link and the bold."""

    def translate(self, texts, source, target):
        self.calls.append(list(texts))
        return [text.replace("⟦2⟧", "") for text in texts]


def french() -> Document:
    link = TEXT.index("Métropole")
    vote = TEXT.index("voté en juin")
    return Document("fr", title="Titre", blocks=(Block("paragraph", TEXT, marks=(
        Mark("link", link, link + len("Métropole de Lyon"), URL), Mark("strong", vote, vote + len("voté en juin")))),))


def words(block: Block) -> list[tuple[str, str, str]]:
    return [(m.kind, block.text[m.start:m.end], m.href) for m in block.marks]


def test_the_fake_engine_carries_every_mark_and_never_sees_an_address() -> None:
    engine = FakeEngine()
    english = translate(french(), Memory(), lambda: engine)
    assert words(english.blocks[0]) == [("link", "Métropole de Lyon", URL), ("strong", "voté en juin", "")]
    sent = " ".join(text for batch in engine.calls for text in batch)
    assert "grandlyon" not in sent and "⟦1⟧Métropole de Lyon⟦2⟧" in sent
    assert all(not marking.has_marks(s.target) and "⟦" not in s.target for s in english.segments)
    assert not [f for f in gate(french(), english) if "lost in translation" in f.message]


def test_a_mark_the_engine_drops_leaves_its_words_and_a_warning() -> None:
    english = translate(french(), Memory(), lambda: Dropping())
    block = english.blocks[0]
    assert "Métropole de Lyon" in block.text and "voté en juin" in block.text
    assert words(block) == []
    lost = [f for f in gate(french(), english) if "lost in translation" in f.message]
    assert [f.severity for f in lost] == ["warning", "warning"]
    assert URL in lost[0].message and "voté en juin" in lost[1].message


def test_the_memory_is_looked_up_by_the_plain_sentence_and_names_keep_their_marks() -> None:
    memory = Memory({"Le plan est porté par la Métropole de Lyon.": "The plan is led by the Métropole de Lyon.",
                     "Il sera voté en juin par le conseil.": "The council will vote on it in June."})
    english = translate(french(), memory, lambda: None)
    assert [s.origin for s in english.segments[1:]] == ["memory", "memory"]
    assert english.blocks[0].text == "The plan is led by the Métropole de Lyon. The council will vote on it in June."
    assert words(english.blocks[0]) == [("link", "Métropole de Lyon", URL)]
    assert [f.message for f in gate(french(), english) if "lost" in f.message] == [
        "the bold on “voté en juin” was lost in translation; the English keeps the words"]


def test_an_untranslated_sentence_keeps_its_marks_on_the_french() -> None:
    english = translate(french(), Memory(), lambda: None)
    assert english.blocks[0].text == TEXT and words(english.blocks[0]) == words(french().blocks[0])


def test_embed_and_extract_round_trip() -> None:
    key = marking.embed("un plan fort", [(3, 12), (3, 7)])
    assert marking.plain(key) == "un plan fort"
    assert marking.extract(key) == ("un plan fort", {0: (3, 12), 1: (3, 7)})
    reversed_ends = key.replace(chr(0xE200), "").replace(chr(0xE201), chr(0xE200))
    assert marking.extract(reversed_ends)[1] == {1: (3, 7)}
