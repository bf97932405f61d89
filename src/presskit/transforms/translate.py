"""Translate a French Document into English, sentence by sentence: approved memory first, then an engine."""
from __future__ import annotations

import re
from dataclasses import replace
from typing import Callable, Protocol

from presskit.document import Block, Document, NoteRef, Segment, map_texts
from presskit.transforms.segment import split_spans

MEMORY = "memory"
UNTRANSLATED = "untranslated"
KEPT = "kept"  # nothing to translate: numbers, punctuation, addresses

_WORDLESS = re.compile(r"^(?:[\W\d_]+|\S+@\S+|(?:https?://|www\.)\S+|[\w.-]+\.(?:com|fr|org|eu|net))$")
_TRAILING_PUNCT = " .!?…:;»\"”)"


class Memory(Protocol):
    """What the transform needs of a translation memory."""

    def lookup(self, source: str) -> str | None: ...


class Engine(Protocol):
    """What the transform needs of a machine-translation engine."""

    name: str

    def translate(self, texts: list[str], source: str, target: str) -> list[str]: ...


def needs_translation(sentence: str) -> bool:
    """Tell whether a sentence has words to translate (not just numbers, signs or an address).

    >>> needs_translation("2021"), needs_translation("france-bioproduction.com"), needs_translation("Oui.")
    (False, False, True)
    """
    return not _WORDLESS.match(sentence.strip())


def missing_sentences(document: Document, memory: Memory) -> list[str]:
    """Return the distinct sentences that the memory lacks, in reading order."""
    missing: dict[str, None] = {}

    def visit(_path: str, text: str) -> str:
        for start, end in split_spans(text):
            sentence = text[start:end]
            if needs_translation(sentence) and memory.lookup(sentence) is None:
                missing.setdefault(sentence)
        return text

    map_texts(document, visit)
    return list(missing)


def translate(document: Document, memory: Memory, engine_for: Callable[[], Engine | None],
              *, target: str = "en") -> Document:
    """Return the English document; `engine_for()` is called only when the memory lacks a sentence."""
    missing = missing_sentences(document, memory)
    engine = engine_for() if missing else None
    machine: dict[str, str] = {}
    if engine is not None and missing:
        machine = dict(zip(missing, engine.translate(missing, document.lang, target)))
    origin_of_engine = f"engine:{engine.name}" if engine else UNTRANSLATED
    segments: list[Segment] = []
    targets_by_path: dict[str, list[str]] = {}

    def translate_text(path: str, text: str) -> str:
        targets = []
        for index, (start, end) in enumerate(split_spans(text)):
            sentence = text[start:end]
            english, origin = _translate_sentence(sentence, memory, machine, origin_of_engine)
            segments.append(Segment(f"{path}#{index}", sentence, english, origin))
            targets.append(english)
        targets_by_path[path] = targets
        return " ".join(targets)

    english = map_texts(document, translate_text)
    blocks = tuple(_move_notes(f"blocks[{i}]", src, dst, targets_by_path)
                   for i, (src, dst) in enumerate(zip(document.blocks, english.blocks)))
    return english.evolve(lang=target, blocks=blocks, segments=tuple(segments))


def _translate_sentence(sentence: str, memory: Memory, machine: dict[str, str],
                        engine_origin: str) -> tuple[str, str]:
    """Return (english, origin) for one sentence."""
    if not needs_translation(sentence):
        return sentence, KEPT
    approved = memory.lookup(sentence)
    if approved is not None:
        return approved, MEMORY
    if sentence in machine:
        return machine[sentence], engine_origin
    return sentence, UNTRANSLATED


def _move_notes(path: str, source: Block, target: Block, targets: dict[str, list[str]]) -> Block:
    """Place each footnote call at the end of the translated sentence that carried it."""
    if not source.notes:
        return target
    spans = split_spans(source.text)
    sentences = targets.get(f"{path}.text", [])
    ends, cursor = [], 0
    for sentence in sentences:
        cursor += len(sentence)
        ends.append(cursor - (len(sentence) - len(sentence.rstrip(_TRAILING_PUNCT))))
        cursor += 1  # the joining space
    notes = tuple(NoteRef(note.id, ends[_sentence_index(spans, note.offset)] if ends else 0)
                  for note in source.notes)
    return replace(target, notes=notes)


def _sentence_index(spans: list[tuple[int, int]], offset: int) -> int:
    """Return the index of the sentence span that holds `offset` (the last one if none does)."""
    for index, (start, end) in enumerate(spans):
        if start <= offset <= end:
            return index
    return max(len(spans) - 1, 0)
