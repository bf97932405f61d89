"""Translate a French Document into English, sentence by sentence: memory, glossary, then an engine.

Sentences (pysbd) are the unit. For each distinct sentence, in this order:

- nothing to translate (numbers, an address): "kept", its quantities localised ("85 %" → "85%");
- an exact memory match: "memory", used as approved, its terms verified against the glossary;
- only names, terms and quantities: written from the glossary alone ("glossary", or "kept");
- otherwise the engine gets it with names, terms and quantities protected by tokens, which are
  restored after (see `presskit.translation.protection`); "engine:<name>", or "untranslated" without an engine.

One rule decides what is a segment: what the English documents show, and only that (`shown`).
Labels presskit never prints ("COMMUNIQUÉ DE PRESSE", "Pour diffusion immédiate"), the section
headings it writes itself in approved wording ("About X", "Press contact"), an attribution the
renderers replace by the speaker's name and role, and key figures are not translated: nothing of
them reaches the engine. The English document carries the French figures until
`presskit.transforms.english_figures` (the next step) takes them from the English text.

Bold, italics and links travel with their words (`presskit.translation.marks`): a sentence with
marks is its own key, its marks protected as tokens through the engine and put back on the
English words; the memory is looked up by the plain sentence. A mark the engine lost leaves its
words in the English; the gate reports it.

A fuzzy memory match is never used silently: the segment goes to the engine (or stays untranslated)
with a note "fuzzy memory match 91%: <target>" and the match's score, for the reviewer.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Callable, Protocol

from presskit.document import (
    Block,
    Document,
    Mark,
    NoteRef,
    Origin,
    Segment,
    TermUse,
    engine_origin,
    map_texts,
    marks_by_path,
)
from presskit.translation import marks as marking
from presskit.translation.memory import FUZZY_THRESHOLD
from presskit.translation.protection import (
    APPLIED,
    MISSING,
    REPAIRED,
    Protected,
    Slot,
    protect,
    restore,
    verify,
)
from presskit.translation.quantities import localize
from presskit.translation.segmentation import join_like, join_offsets, needs_translation, split_spans
from presskit.typesetting.labels import label, organization_is_french_text

MEMORY, UNTRANSLATED, KEPT, GLOSSARY = Origin.MEMORY, Origin.UNTRANSLATED, Origin.KEPT, Origin.GLOSSARY

_TRAILING_PUNCT = " .!?…:;»\"”)"


class Memory(Protocol):
    """What the transform needs of a translation memory (`best`, for fuzzy matches, is optional)."""

    def lookup(self, source: str) -> str | None:
        """The approved English of `source`, or None."""


class Engine(Protocol):
    """What the transform needs of a machine-translation engine."""

    name: str

    def translate(self, texts: list[str], source: str, target: str) -> list[str]:
        """The English of each text (None for a text it has none for: the sentence stays untranslated)."""


@dataclass(frozen=True)
class Sentence:
    """The English of one French sentence, where it came from, and the status of its glossary matches."""

    target: str
    origin: str
    matches: tuple = ()
    statuses: tuple[str, ...] = ()
    score: float = 1.0
    note: str = ""



_HIDDEN = re.compile(r"^(?:labels\[\d+\]|figures\[\d+\]\..*|contacts\[\d+\]\.heading)$")


def shown(document: Document, path: str) -> bool:
    """True when the text at `path` is something the documents show, so a segment to translate.

    >>> from presskit.document import About, Speaker
    >>> french = Document("fr", labels=("COMMUNIQUÉ DE PRESSE",), about=(About("CNLL", "…", "À propos du CNLL"),),
    ...                   blocks=(Block("quote", "Oui", speaker=Speaker("Ann Lee"), attribution="a dit Ann Lee"),))
    >>> [shown(french, p) for p in ("labels[0]", "about[0].heading", "blocks[0].attribution", "blocks[0].text")]
    [False, False, False, True]
    """
    if _HIDDEN.match(path):
        return False
    about = re.fullmatch(r"about\[(\d+)\]\.heading", path)
    if about:  # "About X" is written, unless X is French words rather than a name
        organization = document.about[int(about.group(1))].organization
        return not organization or organization_is_french_text(organization)
    attribution = re.fullmatch(r"blocks\[(\d+)\]\.attribution", path)
    if attribution:
        speaker = document.blocks[int(attribution.group(1))].speaker
        return not (speaker and speaker.name)  # the renderers write "— Name, Role" instead
    return True


def map_shown(document: Document, fn: Callable[[str, str], str]) -> Document:
    """`map_texts` over the texts the documents show; the others are left as they are."""
    return map_texts(document, lambda path, text: fn(path, text) if shown(document, path) else text)


def sentences_of(document: Document) -> list[str]:
    """Return the distinct sentences of the document's translatable texts, in reading order."""
    found: dict[str, None] = {}

    def visit(_path: str, text: str) -> str:
        for start, end in split_spans(text):
            found.setdefault(text[start:end])
        return text

    map_shown(document, visit)
    return list(found)


def missing_sentences(document: Document, memory: Memory) -> list[str]:
    """Return the distinct sentences that need translating and that the memory lacks, in reading order."""
    return [s for s in sentences_of(document) if needs_translation(s) and memory.lookup(s) is None]


def translate(document: Document, memory: Memory, engine_for: Callable[[], Engine | None], *,
              glossary=None, target: str = "en", locale: str = "en_GB",
              fuzzy_threshold: float = FUZZY_THRESHOLD) -> Document:
    """Return the English document; `engine_for()` is called only when a sentence needs an engine.

    With a `glossary`, names and terms are protected through the engine and the English document's
    `terms` list every match per segment (path "blocks[3].text#2") with its status; without one,
    the French document's `terms` are carried over for `check.check_terms`.
    """
    done: dict[str, Sentence] = {}
    pending: dict[str, Protected] = {}
    marks = marks_by_path(document)
    for sentence in _keys(document, marks):
        result = _settle(sentence, memory, glossary, locale)
        if isinstance(result, Protected):
            pending[sentence] = result
        else:
            done[sentence] = result
    done.update(_machine(pending, memory, engine_for, (document.lang, target), fuzzy_threshold,
                         lambda sentence: _protect(sentence, glossary, locale, terms=False)))
    return _assemble(document, done, target, with_terms=glossary is not None, marks=marks)


def sentence_marks(marks: tuple[Mark, ...], start: int, end: int) -> list[Mark]:
    """The marks on the sentence text[start:end], cut to it, on the sentence's offsets.

    >>> sentence_marks((Mark("em", 2, 9), Mark("em", 20, 22)), 5, 15)
    [Mark(kind='em', start=0, end=4, href='', part='text')]
    """
    return [replace(m, start=max(m.start, start) - start, end=min(m.end, end) - start)
            for m in marks if m.start < end and m.end > start]


def _key(text: str, span: tuple[int, int], marks: tuple[Mark, ...]) -> str:
    """The sentence text[span] with its marks written in (`translation.marks.embed`), or plain."""
    sentence = text[span[0]:span[1]]
    inside = sentence_marks(marks, *span)
    return marking.embed(sentence, [(m.start, m.end) for m in inside]) if inside else sentence


def _keys(document: Document, marks: dict[str, tuple[Mark, ...]]) -> list[str]:
    """The distinct sentences to translate, each with its marks, in reading order."""
    found: dict[str, None] = {}

    def visit(path: str, text: str) -> str:
        for span in split_spans(text):
            found.setdefault(_key(text, span, marks.get(path, ())))
        return text

    map_shown(document, visit)
    return list(found)


def _protect(sentence: str, glossary, locale: str, terms: bool = True) -> Protected:
    """`protect`, the sentence's mark characters then turned into tokens that come back as they were."""
    protected = protect(sentence, glossary, locale, terms=terms)
    if not marking.has_marks(protected.text):
        return protected
    text, table = marking.tokens(protected.text, sum(slot.sent for slot in protected.slots) + 1)
    slots = protected.slots + tuple(Slot(token, "mark", "", char) for token, char in table.items())
    return Protected(sentence, text, slots, protected.matches)


def _settle(sentence: str, memory: Memory, glossary, locale: str) -> Sentence | Protected:
    """Translate a sentence without an engine when possible; otherwise return it protected."""
    words = marking.plain(sentence)
    if not needs_translation(words):
        return Sentence(marking.carry(sentence, localize(words, locale)), KEPT)
    approved = memory.lookup(words)
    if approved is not None:
        matches = tuple(glossary.find(words)) if glossary is not None else ()
        return Sentence(_memory_english(memory, sentence, approved), MEMORY, matches,
                        verify(approved, matches))
    protected = _protect(sentence, glossary, locale)
    if not protected.wordless:
        return protected
    outcome = restore(protected.text, protected)
    origin = GLOSSARY if protected.has_terms else KEPT
    return Sentence(outcome.text, origin, protected.matches, outcome.statuses)


def _memory_english(memory: Memory, sentence: str, approved: str) -> str:
    """The memory's English of a sentence with its marks: those the memory stored with the entry when
    they are on the same French words (`marked`, optional), else those whose words are unchanged."""
    if not marking.has_marks(sentence):
        return approved
    marked = getattr(memory, "marked", None)
    entry = marked(marking.plain(sentence)) if marked is not None else None
    if entry is not None and marking.plain(entry[1]) == approved:
        english = marking.remap(entry[0], entry[1], sentence)
        if english is not None:
            return english
    return marking.carry(sentence, approved)


def _machine(pending: dict[str, Protected], memory: Memory, engine_for, languages: tuple[str, str],
             threshold: float, terms_left_in: Callable[[str], Protected]) -> dict[str, Sentence]:
    """Translate the protected sentences with the engine (or leave them untranslated), fuzzy notes on.

    An engine whose service applies presskit's glossary (`applies_terms`) gets the terms as words,
    not tokens (`terms_left_in`); its English is checked for them after, as any engine's is.
    """
    if not pending:
        return {}
    fuzzy = {sentence: _fuzzy(memory, marking.plain(sentence), threshold) for sentence in pending}
    engine = engine_for()
    if engine is None:
        return {sentence: Sentence(sentence, UNTRANSLATED, p.matches, (MISSING,) * len(p.matches),
                                   *fuzzy[sentence])
                for sentence, p in pending.items()}
    if getattr(engine, "applies_terms", False):  # engines from outside presskit.engines may lack it
        pending = {sentence: terms_left_in(sentence) for sentence in pending}
    outputs = engine.translate([p.text for p in pending.values()], *languages)
    results = {}
    for (sentence, protected), output in zip(pending.items(), outputs):
        if output is None:  # an engine that only reads a cache (the review export) has no English for it
            results[sentence] = Sentence(sentence, UNTRANSLATED, protected.matches,
                                         (MISSING,) * len(protected.matches), *fuzzy[sentence])
            continue
        outcome = restore(output, protected)
        results[sentence] = Sentence(outcome.text, engine_origin(engine.name), protected.matches,
                                     outcome.statuses, *fuzzy[sentence])
    return results


def _fuzzy(memory: Memory, sentence: str, threshold: float) -> tuple[float, str]:
    """(score 0–1, note) of the memory's closest inexact match, or (1.0, "") when there is none."""
    best = getattr(memory, "best", None)
    hit = best(sentence, threshold) if best is not None else None
    if hit is None:
        return 1.0, ""
    score, _source, english = hit
    return round(score / 100, 3), f"fuzzy memory match {score:.0f}%: {english}"


def _assemble(document: Document, done: dict[str, Sentence], target: str, with_terms: bool,
              marks: dict[str, tuple[Mark, ...]] | None = None) -> Document:
    """Build the English document from the sentences' translations: segments, term uses, notes, marks."""
    segments: list[Segment] = []
    uses: list[TermUse] = []
    targets_by_path: dict[str, list[str]] = {}
    marks = marks or {}
    english_marks: dict[str, list[Mark]] = {}

    def translate_text(path: str, text: str) -> str:
        targets, placed = [], []
        spans = split_spans(text)
        for index, (start, end) in enumerate(spans):
            sentence, where = text[start:end], f"{path}#{index}"
            result = done[_key(text, (start, end), marks.get(path, ()))]
            english, found = marking.extract(result.target)
            inside = sentence_marks(marks.get(path, ()), start, end)
            segments.append(Segment(where, sentence, english, result.origin, result.score, result.note,
                                    tuple(inside[:marking.MAX_MARKS]),
                                    tuple((i, *span) for i, span in sorted(found.items()))))
            uses.extend(_term_uses(where, result))
            targets.append(english)
            placed.append((inside, found))
        targets_by_path[path] = targets
        if path in marks:
            english_marks[path] = _english_marks(join_offsets(text, spans, targets), placed)
        return join_like(text, spans, targets)

    english = _approved_headings(map_shown(document, translate_text), target)
    blocks = tuple(_move_notes(f"blocks[{i}]", src, dst, targets_by_path)
                   for i, (src, dst) in enumerate(zip(document.blocks, english.blocks)))
    terms = tuple(uses) if with_terms else document.terms
    english = english.evolve(lang=target, blocks=blocks, segments=tuple(segments), terms=terms)
    return _with_marks(english, english_marks)  # texts not translated keep the marks they had


def _english_marks(starts: list[int], placed: list[tuple[list[Mark], dict[int, tuple[int, int]]]]) -> list[Mark]:
    """The marks of a translated text: each sentence's marks found in its English, on the text's offsets."""
    found = []
    for offset, (french, spans) in zip(starts, placed):
        found += [replace(mark, start=offset + spans[i][0], end=offset + spans[i][1])
                  for i, mark in enumerate(french) if i in spans]
    return found


def _with_marks(english: Document, marks: dict[str, list[Mark]]) -> Document:
    """The English document with the marks of each translated text on its blocks and About sections."""
    def of(prefix: str, kept: tuple[Mark, ...]) -> tuple[Mark, ...]:
        mine = [m for m in kept if f"{prefix}{m.part}" not in marks]
        mine += [m for path, found in marks.items() if path.startswith(prefix) for m in found]
        return tuple(sorted(mine, key=lambda m: (m.part, m.start, -m.end)))

    if not marks:
        return english
    blocks = tuple(replace(b, marks=of(f"blocks[{i}].", b.marks)) for i, b in enumerate(english.blocks))
    about = tuple(replace(a, marks=of(f"about[{i}].", a.marks)) for i, a in enumerate(english.about))
    return english.evolve(blocks=blocks, about=about)


def _approved_headings(english: Document, target: str) -> Document:
    """Headings presskit writes itself in the target language's approved wording; labels it never shows left out."""
    contacts = tuple(replace(c, heading=label(target, "contact") if c.heading else "")
                     for c in english.contacts)
    about = tuple(replace(a, heading=label(target, "about", org=a.organization))
                  if a.organization and not organization_is_french_text(a.organization) else a
                  for a in english.about)
    return english.evolve(labels=(), contacts=contacts, about=about)


def _term_uses(path: str, result: Sentence) -> list[TermUse]:
    """One term use per glossary match of a segment, with its status."""
    return [TermUse(path, m.entry.fr, m.english, m.entry.kind, m.surface,
                    found=status in (APPLIED, REPAIRED), status=status)
            for m, status in zip(result.matches, result.statuses)]


def _move_notes(path: str, source: Block, target: Block, targets: dict[str, list[str]]) -> Block:
    """Place each footnote call at the end of the translated sentence that carried it."""
    if not source.notes:
        return target
    spans = split_spans(source.text)
    sentences = targets.get(f"{path}.text", [])
    ends = []
    for index, sentence in enumerate(sentences):
        cursor = len(join_like(source.text, spans, sentences[:index + 1]))
        ends.append(cursor - (len(sentence) - len(sentence.rstrip(_TRAILING_PUNCT))))
    notes = tuple(NoteRef(note.id, ends[_sentence_index(spans, note.offset)] if ends else 0)
                  for note in source.notes)
    return replace(target, notes=notes)


def _sentence_index(spans: list[tuple[int, int]], offset: int) -> int:
    """Return the index of the sentence span that holds `offset` (the last one if none does)."""
    for index, (start, end) in enumerate(spans):
        if start <= offset <= end:
            return index
    return max(len(spans) - 1, 0)


class Translate:
    """Transform: the English document of a French one (`translate`: memory, glossary, then engine)."""

    def __init__(self, memory: Memory, engine_for: Callable[[], Engine | None], glossary=None,
                 locale: str = "en_GB") -> None:
        self.memory, self.engine_for, self.glossary, self.locale = memory, engine_for, glossary, locale

    def __call__(self, document: Document) -> Document:
        """Return the English document."""
        return translate(document, self.memory, self.engine_for, glossary=self.glossary,
                         locale=self.locale)
