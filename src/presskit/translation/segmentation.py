"""Sentence segmentation: sentences are the unit of translation memory and machine translation."""
from __future__ import annotations

import re
from functools import lru_cache

from presskit.patterns import EMAIL, URL
from presskit.runtime.disk_memo import disk_memo

_WORDLESS = re.compile(rf"^(?:[\W\d_]+|(?:{EMAIL.pattern})|(?:{URL.pattern}))[.,;:!?]*$")  # nothing to translate
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")
_SENTENCE_END_INSIDE = re.compile(r"[.!?…][^\s.!?…]*\s")  # a full stop followed by more text (linear)
# Abbreviations after which a full stop does not end a French sentence (pysbd splits after them).
_ABBREVIATIONS = re.compile(
    r"(?:^|\s)(?:Dr|Pr|Me|Mme|Mlle|Mgr|M|MM|St|Ste|Cie|etc|cf|env|av|apr|J\.-C|[A-Z])\.\s*$"
)


@lru_cache(maxsize=1)
def _segmenter():
    """Return pysbd's French segmenter (built once)."""
    import pysbd

    return pysbd.Segmenter(language="fr", clean=False)


def split_spans(text: str) -> list[tuple[int, int]]:
    r"""Return (start, end) spans of the sentences of `text`, stripped; no sentence crosses a blank line.

    >>> text = "Le Dr. Markus Richter signe. Et si 2021 signait l’accélération ? Oui !"
    >>> [text[a:b] for a, b in split_spans(text)]
    ['Le Dr. Markus Richter signe.', 'Et si 2021 signait l’accélération ?', 'Oui !']
    >>> text = "Premier paragraphe sans point\n\nSecond paragraphe."
    >>> [text[a:b] for a, b in split_spans(text)]
    ['Premier paragraphe sans point', 'Second paragraphe.']
    """
    spans: list[tuple[int, int]] = []
    start = 0
    for gap in [*_PARAGRAPH_BREAK.finditer(text), None]:
        end = gap.start() if gap else len(text)
        spans += [(start + a, start + b) for a, b in _paragraph_spans(text[start:end])]
        start = gap.end() if gap else end
    return spans


def join_like(source: str, spans: list[tuple[int, int]], targets: list[str]) -> str:
    r"""Join translated sentences as their sources were: a blank line where one separated them.

    >>> source = "Un. Deux.\n\nTrois."
    >>> join_like(source, split_spans(source), ["One.", "Two.", "Three."])
    'One. Two.\n\nThree.'
    """
    parts: list[str] = []
    for index, target in enumerate(targets):
        if index:
            gap = source[spans[index - 1][1]:spans[index][0]]
            parts.append("\n\n" if _PARAGRAPH_BREAK.search(gap) else " ")
        parts.append(target)
    return "".join(parts)


def join_offsets(source: str, spans: list[tuple[int, int]], targets: list[str]) -> list[int]:
    r"""Where each translated sentence starts in `join_like`'s text.

    >>> join_offsets("Un. Deux.\n\nTrois.", [(0, 3), (4, 9), (11, 17)], ["One.", "Two.", "Three."])
    [0, 5, 11]
    """
    starts, position = [], 0
    for index, target in enumerate(targets):
        if index:
            gap = source[spans[index - 1][1]:spans[index][0]]
            position += 2 if _PARAGRAPH_BREAK.search(gap) else 1
        starts.append(position)
        position += len(target)
    return starts


@lru_cache(maxsize=4096)
@disk_memo("sentences", "pysbd")
def _paragraph_spans(text: str) -> tuple[tuple[int, int], ...]:
    """Sentence spans of one paragraph: pysbd, with French abbreviations mended (remembered between runs)."""
    if not text.strip():
        return ()
    if not _SENTENCE_END_INSIDE.search(text.strip()):  # a title, a role, a label: one sentence
        start = len(text) - len(text.lstrip())
        return ((start, len(text.rstrip())),)
    spans: list[list[int]] = []
    cursor = 0
    for piece in _pysbd_sentences(text):
        start = text.find(piece.strip(), cursor)
        if start < 0 or not piece.strip():
            continue
        end = start + len(piece.strip())
        cursor = end
        if spans and _ABBREVIATIONS.search(text[spans[-1][0]:spans[-1][1]]):
            spans[-1][1] = end
        else:
            spans.append([start, end])
    return tuple(_cover_rest(text, [(a, b) for a, b in spans]))


def _pysbd_sentences(text: str) -> list[str]:
    """pysbd's sentences of `text`, without `Segmenter.segment`'s span step, which searches the whole
    text again for each sentence (quadratic when sentences repeat): the caller finds the spans."""
    return list(_segmenter().processor(text).process())


def _cover_rest(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Make sure no word of `text` falls outside the spans (pysbd may drop odd characters)."""
    if not spans:
        stripped = text.strip()
        start = text.find(stripped)
        return [(start, start + len(stripped))]
    first, last = spans[0], spans[-1]
    lead = len(text) - len(text.lstrip())
    trail = len(text.rstrip())
    spans[0] = (min(first[0], lead), first[1])
    spans[-1] = (spans[-1][0], max(last[1], trail))
    return spans


def split_sentences(text: str) -> list[str]:
    """Return the sentences of `text`.

    >>> split_sentences("Rendez-vous est pris. À Paris !")
    ['Rendez-vous est pris.', 'À Paris !']
    """
    return [text[a:b] for a, b in split_spans(text)]


def needs_translation(sentence: str) -> bool:
    """Tell whether a sentence has words to translate (not just numbers, signs or an address).

    >>> needs_translation("2021"), needs_translation("france-bioproduction.com"), needs_translation("Oui.")
    (False, False, True)
    """
    return not _WORDLESS.match(sentence.strip())
