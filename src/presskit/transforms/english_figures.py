"""Key figures of the English document, taken from the English text itself (never translated alone).

For each French key figure, the English figure is the same number in the English of the sentence
that holds it, labelled by the noun phrase next to it there ("10,000 direct jobs" → "direct jobs");
a figure listed in presskit.toml with an approved English label (`en = "…"`) uses that label. A
figure whose English label is not a noun phrase is left out: nothing is shown rather than a fragment.
A target ("d'ici 2027") is labelled as one ("(target for 2027)").
"""
from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from typing import Iterable

from presskit.document import Document, Figure, Segment
from presskit.transforms.key_figures import as_target, target_year
from presskit.translation.quantities import localize
from presskit.typesetting.figures import figure_number

_EN_NUMBER = re.compile(r"(?<![\d.,])\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d,]\d)|(?<![\d.,])\d+(?:\.\d+)?")
_FR_NUMBER = re.compile(r"(?:(?<![\d,])\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?!\d)|(?<![\d,])\d+(?:,\d+)?)(?![^\W\d_])")
_QUALIFIERS = (("plus de ", "more than "), ("plus d’", "more than "), ("près de ", "nearly "),
               ("moins de ", "fewer than "), ("environ ", "about "), ("quelque ", "some "),
               ("au moins ", "at least "))
_UNIT = re.compile(r"^\s*(?:%|per ?cent\b|million\b|billion\b|bn\b|m\b|euros?\b)\s*", re.IGNORECASE)
_STOP = frozenset("the a an of in on at by for to from with and or but that which who whose is are was "
                  "were will would be been being has have had as than into across over under per this "
                  "these those its their our his her it they we can could should may must not do does "
                  "did there here so such also".split())
_WORD = re.compile(r"[^\W\d_]+(?:[-’'][^\W\d_]+)*")
_PLURAL_NOUNS = frozenset("people staff personnel".split())


def english_value(value: str, locale: str = "en_GB") -> str:
    """A French figure's value the English way.

    >>> english_value("plus de 800 M€"), english_value("10 000"), english_value("près de 50 %")
    ('more than €800 million', '10,000', 'nearly 50%')
    """
    for french, english in _QUALIFIERS:
        if value.startswith(french):
            return english + localize(value[len(french):], locale)
    return localize(value, locale)


def english_noun_phrase(label: str, plural: bool = False) -> bool:
    """True when an English label reads as a noun phrase (words only, no verb, no dangling word).

    >>> english_noun_phrase("direct jobs", True), english_noun_phrase("will create", True), english_noun_phrase("of")
    (True, False, False)
    """
    words = label.split()
    if not 1 <= len(words) <= 6 or any(not _WORD.fullmatch(w) for w in words):
        return False
    lower = [w.lower() for w in words]
    if lower[0] in _STOP or lower[-1] in _STOP or any(w in _STOP - {"of", "and"} for w in lower):
        return False
    return not plural or any(w.endswith("s") or w in _PLURAL_NOUNS for w in lower)


def _value_of(text: str) -> Decimal | None:
    """The value of an English number ("10,000" → 10000)."""
    try:
        return Decimal(text.replace(",", ""))
    except InvalidOperation:  # pragma: no cover - the pattern yields digits only
        return None


def _phrase_after(text: str) -> str:
    """The words after a number, past its unit and "of the", up to the first function word."""
    text = _UNIT.sub("", text, count=1)
    text = re.sub(r"^(?:of\s+(?:the\s+)?)", "", text.lstrip())
    words: list[str] = []
    for match in re.finditer(r"\S+", text):
        word = match.group()
        clean = word.strip(",;:.!?)(“”\"")
        if clean.lower() in _STOP or not _WORD.fullmatch(clean) or len(words) == 5:
            break
        words.append(clean)
        if clean != word:
            break
    return " ".join(words)


def _phrase_before(text: str) -> str:
    """The noun phrase an amount completes ("investments of €800 million"), back to the first function word."""
    text = re.sub(r"(?:more than|nearly|about|some|at least|over|€|\s)+$", "", text)
    connector = re.search(r"\s(?:of|totalling|totaling|worth|amounting to)$", text)
    if not connector:
        return ""
    text = text[:connector.start()]
    words: list[str] = []
    for word in reversed(text.split()):
        clean = word.strip(",;:.!?)(“”\"")
        if clean != word or clean.lower() in _STOP or not _WORD.fullmatch(clean) or len(words) == 4:
            break
        words.insert(0, clean)
    return " ".join(words)


def figure_in_english(figure: Figure, segment: Segment, plural: bool) -> str:
    """The English label of a figure in its segment's English, or "" when there is no noun phrase.

    >>> seg = Segment("p", "Le site créera 10 000 emplois directs.",
    ...               "The site will create 10,000 direct jobs.", "memory")
    >>> figure_in_english(Figure("10 000", "emplois directs"), seg, True)
    'direct jobs'
    >>> seg = Segment("p", "800 millions d’euros d’investissements.", "Investments of €800 million.", "memory")
    >>> figure_in_english(Figure("800 M€", "investissements"), seg, False)
    'Investments'
    """
    number = figure_number(figure.value)
    for match in _EN_NUMBER.finditer(segment.target):
        if number is None or float(_value_of(match.group()) or -1) != number:
            continue
        if figure.series:
            place = re.match(r"\s*(?:[a-z]+\s+){0,3}?in\s+(?:the\s+)?([A-Z][\w-]+(?: [A-Z][\w-]+)*)",
                             segment.target[match.end():])
            return place.group(1) if place else ""
        after = _phrase_after(segment.target[match.end():])
        if english_noun_phrase(after, plural):
            return after
        before = _phrase_before(segment.target[:match.start()])
        if english_noun_phrase(before, plural):
            return before
    return ""


def _segment_of(figure: Figure, segments: Iterable[Segment]) -> Segment | None:
    """The segment whose French holds the figure: its number, and its label's first word when it has one."""
    number = figure_number(figure.value)
    head = figure.label.split()[0].lower() if figure.label.split() else ""
    best: tuple[int, Segment] | None = None
    for segment in segments:
        for hit in (m for m in _FR_NUMBER.finditer(segment.source) if figure_number(m.group()) == number):
            after = segment.source[hit.end():hit.end() + 80].lower()
            distance = after.find(head) if head and head in after else 80  # the label follows the number
            if best is None or distance < best[0]:
                best = (distance, segment)
    return best[1] if best else None


def english_figures(french_figures: Iterable[Figure], segments: tuple[Segment, ...], locale: str = "en_GB",
                    approved: Iterable[tuple[Figure, Figure]] = ()) -> tuple[Figure, ...]:
    """The English key figures: approved English labels first, else each figure found in the English text."""
    approved_by = {(f.value, f.label): en for f, en in approved if en.label}
    found = []
    series_names: dict[str, str] = {}
    for figure in french_figures:
        value = english_value(figure.value, locale)
        if (figure.value, figure.label) in approved_by:
            en = approved_by[(figure.value, figure.label)]
            found.append(Figure(value, en.label, en.series))
            continue
        segment = _segment_of(figure, segments)
        if segment is None or segment.origin == "untranslated":
            continue
        plural = (figure_number(figure.value) or 0) >= 2 and not any(c in figure.value for c in "%€")
        label = figure_in_english(figure, segment, plural)
        if not label:
            continue
        year = target_year(segment.source)
        if year and not figure.series:
            label = as_target(label, year, "en")
        series = ""
        if figure.series:
            series = series_names.setdefault(figure.series, _series_name(segment, figure.series, figure))
        found.append(Figure(value, label, series))
    return tuple(found)


def _series_name(segment: Segment, french_name: str, first: Figure | None = None) -> str:
    """An English name for a compared series, as the French one is made: the counted noun (after the
    sentence's total, "of the 76 biotherapies") and the participle after the first figure ("5 were
    produced") — "Biotherapies produced"; the noun alone, or "Comparison", when that is all there is.

    >>> seg = Segment("p", "…", "Of the 76 biotherapies authorised, only 5 were produced in France, "
    ...               "compared with 21 in Germany.", "memory")
    >>> _series_name(seg, "Biothérapies produites", Figure("5", "France", "x"))
    'Biotherapies produced'
    """
    noun, verb = "", ""
    for match in _EN_NUMBER.finditer(segment.target):
        phrase = _phrase_after(segment.target[match.end():])
        value = float(_value_of(match.group()) or -1)
        if first is not None and value == figure_number(first.value):
            done = re.match(r"\s+(?:(?:were|was|are|is|have been|has been|had been)\s+)?([a-z]+ed)\b",
                            segment.target[match.end():])
            verb = verb or (done.group(1) if done else "")
        elif not noun and english_noun_phrase(phrase) and not phrase[:1].isupper():
            noun = phrase.split()[0]
    name = " ".join(part for part in (noun, verb) if part) or ("Comparison" if french_name else "")
    return name[:1].upper() + name[1:]


class EnglishFigures:
    """Transform: the English document's key figures, from its own text (`english_figures`)."""

    def __init__(self, listed: Iterable[Figure] = (), listed_en: Iterable[Figure] = (),
                 locale: str = "en_GB") -> None:
        self.approved = tuple(zip(tuple(listed), tuple(listed_en)))
        self.locale = locale

    def __call__(self, document: Document) -> Document:
        """Return the English document with its own key figures (the French ones it carried replaced)."""
        return document.evolve(figures=english_figures(document.figures, document.segments, self.locale,
                                                       self.approved))
