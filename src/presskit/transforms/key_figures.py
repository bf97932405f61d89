"""Key figures: the striking numbers of a French release (and those listed in presskit.toml).

`extract_figures` reads the lede, paragraphs and lists (not quotes, not About sections) and keeps:
percentages, amounts in euros, counts of people or things ("500 participants"), and comparisons
("5 en France contre 21 en Allemagne, ou encore 12 en Italie") as one series of figures.
"""
from __future__ import annotations

import re
from typing import Iterable

from presskit.document import Document, Figure
from presskit.typesetting.figures import figure_number

MAX_FIGURES = 9
# Every pattern below is linear in the length of the text: numbers are atomic (a run of digit groups
# is one number, matched once, from its first group only), and what a pattern reads around a number
# is bounded, so a sentence of thousands of numbers costs thousands of short matches, not a search
# back and forth over the whole sentence for each of them.
_SP = "[ \u00a0\u202f]"
_NUM = rf"(?<!\d{_SP})(?>\d{{1,3}}(?:{_SP}\d{{3}})++(?!\d)|\d++(?:,\d++)?)"
_AROUND = 160  # characters read after a number for its label, or before it for a money noun
_QUAL = r"(?:(?:plus|près|moins) d[e’']\s?|environ |quelque |au moins )?"
_STOP = set("en dans pour par sur avec à au aux ces ce cet cette qui que dont ou de des du le la les un "
            "une seront sont est ont sera a était soit selon contre d’ici d'ici".split())
_AUXILIARIES = set("ont été sont a est sera seront ont avaient avait ne n’ pas".split())
_VERBS = set("seront sont est ont sera était a représente représentent soit selon".split())
_MONTHS = ("janvier février mars avril mai juin juillet août septembre octobre novembre décembre "
           "ans années mois jours semaines heures fois").split()
_PERCENT = re.compile(rf"(?<![\w,])(?P<qual>{_QUAL})(?P<num>{_NUM}){_SP}?%(?=(?P<after>[^.;:!?]{{0,{_AROUND}}}))")
_AMOUNT = re.compile(rf"(?<![\w,])(?P<qual>{_QUAL})(?P<num>{_NUM}){_SP}(?P<unit>millions?|milliards?)"
                     rf"{_SP}d[’']euros")
_COUNT = re.compile(rf"(?<![\w,.])(?P<qual>{_QUAL})(?P<num>{_NUM}){_SP}"
                    rf"(?=(?P<after>[a-zà-ÿœ][^.;:!?]{{0,{_AROUND}}}))")
_COMPARE = re.compile(rf"(?<![\w,])(?P<num>{_NUM}){_SP}(?P<verb>[^.;,\d]{{0,80}}?)\ben{_SP}"
                      rf"(?P<place>[A-ZÉ][\w-]{{0,40}})"
                      rf"(?P<rest>(?:,?{_SP}(?:contre|ou encore|et|face à|comme){_SP}(?:{_NUM}){_SP}"
                      rf"en{_SP}[A-ZÉ][\w-]{{0,40}})++)")
_MORE = re.compile(rf"(?P<num>{_NUM}){_SP}en{_SP}(?P<place>[A-ZÉ][\w-]+)")
_TOTAL = re.compile(rf"\b[Ss]ur{_SP}(?:les|des){_SP}(?:{_NUM}){_SP}(?P<noun>[\w-]+)")
_MONEY_NOUNS = re.compile(r"\b(investissements?|projets?|financements?|levée|budget|chiffre "
                          r"d[’']affaires|subventions?|contrats?|fonds)\b", re.IGNORECASE)
_SUBJECT = re.compile(r"\b(?:le|la|l[’'])\s*((?:taux|part|proportion|nombre)\b[^,.;]*?)\s+"
                      r"(?:est|était|atteint|représente)\b", re.IGNORECASE)




_LABEL_WORD = re.compile(r"[^\W\d_]+(?:[-’'][^\W\d_]+)*")
_CLAUSE_WORDS = set("que qu qui dont où se s lui leur ne pas peut doit permet".split())
_UNITS = re.compile(r"^(?:millions?|milliards?|mds?|m€|k€|euros?|€)\b", re.IGNORECASE)  # an amount cut in two
_COMPLEMENTS = set("à au aux de des du d par pour en dans sur avec".split())
_PARTICIPLE = re.compile(r"(?:é|ée|és|ées|ie|ies|ue|ues|ite|ites)$")
_TARGET = re.compile(r"\bd[’']ici(?:{sp}(?:à|la fin de|fin|l[’']an))?{sp}(?P<year>(?:19|20)\d\d)\b"
                     .format(sp="[ \u00a0]"))
_PLURAL_EXCEPTIONS = {"gens", "personnel", "fois"}


def noun_phrase(label: str, following: str = "", plural: bool = False) -> bool:
    """True when a French label reads as a noun phrase: words only, no verb or clause, not cut short.

    `following` is the text after the label in its sentence (a participle cut from its complement,
    "lots cliniques destinés | à…", is not a label); `plural` asks for a plural head noun.

    >>> noun_phrase("emplois directs"), noun_phrase("apporte", plural=True)
    (True, False)
    >>> noun_phrase("lots cliniques destinés", "à la recherche")
    False
    >>> noun_phrase("biomédicaments en essai clinique en France dépendent"), noun_phrase("pages)")
    (False, False)
    >>> noun_phrase("millions d'euros"), noun_phrase("milliards")
    (False, False)
    """
    words = label.split()
    if not 1 <= len(words) <= 7 or any(not _LABEL_WORD.fullmatch(w) for w in words):
        return False
    lower = [w.lower() for w in words]
    if any(w in _CLAUSE_WORDS or re.match(r"^[sn][’']", w) for w in lower):
        return False
    if any(w.endswith("ent") and not w.endswith("ment") and len(w) > 4 for w in lower):
        return False  # a verb: "dépendent", "investissent"
    if lower[-1] in _STOP or lower[0] in _STOP or _UNITS.match(label):
        return False
    head = lower[0]
    if plural and not (head[-1] in "sxz" or head in _PLURAL_EXCEPTIONS):
        return False
    after = re.match(r"\s*([\w’']+)", following)
    next_word = after.group(1).lower() if after else ""
    if _PARTICIPLE.search(lower[-1]) and re.split(r"[’']", next_word)[0] in _COMPLEMENTS \
            and next_word not in ("d’ici", "d'ici"):
        return False
    return True


def target_year(sentence: str) -> str:
    """The year a sentence sets as a target ("d'ici 2027"), or "".

    >>> target_year("Le site créera 500 emplois d'ici 2027."), target_year("En 2027, 500 emplois.")
    ('2027', '')
    """
    match = _TARGET.search(sentence)
    return match.group("year") if match else ""


def as_target(label: str, year: str, lang: str = "fr") -> str:
    """A figure's label marked as a target for `year`.

    >>> as_target("emplois", "2027"), as_target("jobs", "2027", "en")
    ('emplois (objectif 2027)', 'jobs (target for 2027)')
    """
    return f"{label} (objectif {year})" if lang == "fr" else f"{label} (target for {year})"


def extract_figures(document: Document) -> Document:
    """Return `document` with `figures` filled from its French text (kept when already filled)."""
    if document.figures:
        return document
    found: list[Figure] = []
    for block in document.blocks:
        if block.kind in ("lede", "paragraph"):
            found.extend(figures_in(block.text))
        elif block.kind == "list":
            for item in block.items:
                found.extend(figures_in(item))
    return document.evolve(figures=_select(found))


def _select(found: list[Figure]) -> tuple[Figure, ...]:
    """Drop duplicates; keep every figure of a series and the MAX_FIGURES most striking others."""
    unique: list[Figure] = []
    for figure in found:
        if not any(_same(figure, k) for k in unique):
            unique.append(figure)
    singles = sorted((f for f in unique if not f.series), key=_weight)[:MAX_FIGURES]
    return tuple(f for f in unique if f.series or f in singles)


def _weight(figure: Figure) -> tuple[int, float]:
    """Sort key: percentages, amounts and "more than" figures first, then the larger numbers."""
    striking = any(mark in figure.value for mark in ("%", "€", "plus", "près"))
    return (0 if striking else 1, -(figure_number(figure.value) or 0))


def _same(a: Figure, b: Figure) -> bool:
    """Two figures say the same when their numbers and labels match."""
    return figure_number(a.value) == figure_number(b.value) and (
        a.label.casefold() == b.label.casefold() or not a.label or not b.label)


def figures_in(text: str) -> list[Figure]:
    """Return the key figures of one French text, in reading order.

    >>> [(f.value, f.label) for f in figures_in("Avec plus de 500 participants, et 1000 messages "
    ...                                           "échangés, 10 000 emplois directs.")]
    [('plus de 500', 'participants'), ('1000', 'messages échangés'), ('10 000', 'emplois directs')]
    >>> [(f.value, f.label) for f in figures_in("Or 50 % des molécules les plus prescrites seront "
    ...      "des biomédicaments. Le taux de produits importés est de plus de 85 %.")]
    [('50 %', 'molécules les plus prescrites'), ('plus de 85 %', 'taux de produits importés')]
    """
    found: list[tuple[int, Figure]] = []
    taken = bytearray(len(text) + 1)  # 1 where a figure already took the character
    for offset, sentence in _sentences(text):
        finders = (_comparisons, _percentages, _amounts, _counts)
        year = target_year(sentence)
        for start, end, figure in (hit for finder in finders for hit in finder(sentence)):
            at = sentence.find(figure.label, start) if figure.label else -1
            following = sentence[at + len(figure.label):at + len(figure.label) + 40] if at >= 0 else ""
            if not figure.series and not noun_phrase(figure.label, following, plural=_plural(figure)):
                continue
            if year and not figure.series:
                figure = Figure(figure.value, as_target(figure.label, year))
            start, end = offset + start, offset + end
            if any(taken[start:max(end, start + 1)]):
                continue
            taken[start:end] = b"\1" * (end - start)
            found.append((start, figure))
    return [figure for _, figure in sorted(found, key=lambda item: item[0])]


def _plural(figure: Figure) -> bool:
    """A count above one names a plural noun ("500 participants"); percentages and amounts need not."""
    value = figure_number(figure.value) or 0
    return value >= 2 and "%" not in figure.value and "€" not in figure.value


def _sentences(text: str) -> list[tuple[int, str]]:
    """Cut a text into (offset, sentence)."""
    return [(m.start(), m.group()) for m in re.finditer(r"[^.!?]+(?:[.!?]+|$)", text)]


def _comparisons(sentence: str) -> list[tuple[int, int, Figure]]:
    """ "5 ont été produites en France contre 21 en Allemagne" → one series of figures.

    >>> hits = _comparisons("Sur les 76 biothérapies autorisées, seules 5 ont été produites en France "
    ...                     "contre 21 en Allemagne, ou encore 12 en Italie.")
    >>> [(f.value, f.label) for _, _, f in hits], {f.series for _, _, f in hits}
    ([('5', 'France'), ('21', 'Allemagne'), ('12', 'Italie')], {'Biothérapies produites'})
    """
    hits = []
    for match in _COMPARE.finditer(sentence):
        series = _series_name(sentence[max(0, match.start() - _AROUND):match.start()], match.group("verb"))
        hits.append((match.start(), match.start("rest"),
                     Figure(match.group("num"), match.group("place"), series)))
        base = match.start("rest")
        for more in _MORE.finditer(match.group("rest")):
            hits.append((base + more.start(), base + more.end(),
                         Figure(more.group("num"), more.group("place"), series)))
    return hits


def _series_name(before: str, verb: str) -> str:
    """Name a compared series from "sur les 76 biothérapies" and "ont été produites"."""
    total = list(_TOTAL.finditer(before))
    noun = total[-1].group("noun") if total else ""
    words = [w for w in re.findall(r"[\w’']+", verb) if w.lower() not in _AUXILIARIES]
    name = " ".join(p for p in (noun, words[-1] if words else "") if p) or "comparaison"
    return name[:1].upper() + name[1:]


def _percentages(sentence: str) -> list[tuple[int, int, Figure]]:
    """Percentages, labelled by what follows ("50 % des molécules…") or the subject before."""
    hits = []
    for match in _PERCENT.finditer(sentence):
        after = match.group("after").strip()
        if re.match(r"^(à|au|et)\b", after):
            continue  # "de 5 % à 20 %": the figure is the second one
        label = ""
        lead = re.match(r"^(?:des|du|de la|de|d[’'])\s*(.*)", after)
        if lead:
            label = _words(lead.group(1), 8, _VERBS)
        elif not after:
            subject = list(_SUBJECT.finditer(sentence[max(0, match.start() - _AROUND):match.start()]))
            label = subject[-1].group(1) if subject else ""
        if label:
            hits.append((match.start(), match.end(), Figure(_value(match, " %"), label)))
    return hits


def _amounts(sentence: str) -> list[tuple[int, int, Figure]]:
    """Amounts in euros, labelled by the first money noun of the sentence ("investissements…")."""
    hits = []
    for match in _AMOUNT.finditer(sentence):
        window = sentence[max(0, match.start() - _AROUND):match.start()]
        noun = _MONEY_NOUNS.search(window)
        if not noun:
            continue
        tail = window[noun.start():]
        label = _words(re.split(r"[(,]", tail)[0], 6, {"pour", "dans", "ces", "sur", "par"})
        unit = " M€" if match.group("unit").startswith("million") else " Md€"
        hits.append((match.start(), match.end(), Figure(_value(match, unit), label)))
    return hits


def _counts(sentence: str) -> list[tuple[int, int, Figure]]:
    """Counts of people or things: "500 participants", "10 000 emplois directs"."""
    hits = []
    for match in _COUNT.finditer(sentence):
        number = match.group("num")
        before = sentence[max(0, match.start() - 12):match.start()]
        if re.fullmatch(r"(19|20)\d\d", number) or re.search(r"\b(top|facteur|n°)\s*$", before, re.I):
            continue
        word = re.match(r"[\w’']+", match.group("after"))
        first = word.group() if word else ""
        if first in _STOP or first in _MONTHS or len(first) < 3 or re.match(r"^[dl][’']", first):
            continue
        label = _words(re.split(r"[(,]", match.group("after"))[0], 4, _STOP)
        hits.append((match.start(), match.start("after") + len(label), Figure(_value(match), label)))
    return hits


def _value(match: re.Match, unit: str = "") -> str:
    """The figure's value as written: qualifier, number, unit ("plus de 85 %")."""
    return f"{match.group('qual')}{match.group('num')}{unit}".strip()


def _words(text: str, limit: int, stop: set[str]) -> str:
    """The first words of `text`, up to `limit` and before a stop word; no stop word at the end."""
    words: list[str] = []
    for word in text.split():
        if word.lower() in stop and not (word.lower() == "et" and words):
            break
        words.append(word)
        if len(words) == limit:
            break
    while words and words[-1].lower() in _STOP | {"et"}:
        words.pop()
    return " ".join(words)








def merge_figures(document: Document, listed: Iterable[Figure]) -> Document:
    """Put the figures listed in presskit.toml first, then the extracted ones whose number they lack."""
    listed = tuple(listed)
    numbers = {figure_number(k.value) for k in listed}
    extra = tuple(f for f in document.figures if figure_number(f.value) not in numbers)
    return document.evolve(figures=listed + extra)


class ExtractFigures:
    """Transform: fill `figures` from the French text (`extract_figures`), unless `auto` is off."""

    def __init__(self, auto: bool = True) -> None:
        self.auto = auto

    def __call__(self, document: Document) -> Document:
        """Return the document with its key figures."""
        return extract_figures(document) if self.auto else document


class MergeKitFigures:
    """Transform: the figures listed in presskit.toml first, then the extracted ones (`merge_figures`)."""

    def __init__(self, listed: Iterable[Figure]) -> None:
        self.listed = tuple(listed)

    def __call__(self, document: Document) -> Document:
        """Return the document with the kit's figures merged in."""
        return merge_figures(document, self.listed)
