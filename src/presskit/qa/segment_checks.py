"""Pure checks of one translated segment against its French source (the QA gate's building blocks).

Each function compares a French sentence and its English translation and returns what is wrong, as
short messages; `presskit.qa.gate` turns them into findings with the segment's path and a severity.
"""
from __future__ import annotations

import re
from collections import Counter
from decimal import Decimal, InvalidOperation

from presskit.patterns import EMAIL, url_key, urls_in
from presskit.translation.quantities import localize

_EN_NUMBER = re.compile(r"(?<![\d.,])\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d,]\d)|(?<![\d.,])\d+(?:\.\d+)?")
_PLACEHOLDER = re.compile(r"[⟦⟧]")  # a token, or a piece of one
_PAIRS = {"round brackets": ("(", ")"), "square brackets": ("[", "]"),
          "quotation marks": ("«“", "»”")}


def english_numbers(text: str) -> Counter[Decimal]:
    """Count the numbers of an English text by value ("10,000" and "10000" are one value).

    >>> sorted(english_numbers("10,000 jobs, €25.3 billion, 85% and 1.5").elements())
    [Decimal('1.5'), Decimal('25.3'), Decimal('85'), Decimal('10000')]
    """
    values: Counter[Decimal] = Counter()
    for match in _EN_NUMBER.findall(text):
        try:
            values[Decimal(match.replace(",", ""))] += 1
        except InvalidOperation:  # pragma: no cover - the regex only yields digits
            continue
    return values


def expected_numbers(french: str) -> Counter[Decimal]:
    """The numbers a faithful English translation of `french` carries (its quantities localised).

    >>> [str(n) for n in sorted(expected_numbers("10 000 emplois, 25,3 milliards d'euros, le 17/03").elements())]
    ['17', '25.3', '10000']
    """
    return english_numbers(localize(french))


def number_problems(french: str, english: str) -> tuple[list[str], list[str]]:
    """(missing, extra): numbers of the French the English lacks, and numbers it added.

    >>> number_problems("Plus de 10 000 emplois et 85 %.", "More than 10,001 jobs and 85%.")
    (['10000'], ['10001'])
    """
    expected, found = expected_numbers(french), english_numbers(english)
    missing = [str(n) for n in sorted((expected - found).elements())]
    extra = [str(n) for n in sorted((found - expected).elements())]
    return missing, extra


def links(text: str) -> set[str]:
    """The web addresses of a text, without scheme, "www." or trailing slash.

    >>> sorted(links("Voir https://medicen.org/fr/ et www.cnll.fr."))
    ['cnll.fr', 'medicen.org/fr']
    """
    return {url_key(url) for url in urls_in(text)}


def emails(text: str) -> set[str]:
    """The e-mail addresses of a text.

    >>> emails("Écrire à presse@medicen.org.")
    {'presse@medicen.org'}
    """
    return set(EMAIL.findall(text))


def lost_addresses(french: str, english: str) -> list[str]:
    """The web and e-mail addresses of the French that the English does not carry identically.

    >>> lost_addresses("Voir www.cnll.fr ou a@b.fr.", "See www.cnll.com or a@b.fr.")
    ['cnll.fr']
    """
    return sorted((links(french) - links(english)) | (emails(french) - emails(english)))


def unbalanced(text: str) -> list[str]:
    """The kinds of brackets and quotation marks that do not pair up in a text.

    >>> unbalanced("« Oui » (dit-il"), unbalanced('He said "yes" (twice).')
    (['round brackets'], [])
    """
    wrong = []
    for name, (opening, closing) in _PAIRS.items():
        opens = sum(text.count(c) for c in opening)
        closes = sum(text.count(c) for c in closing)
        straight = text.count('"') if name == "quotation marks" else 0
        if opens != closes or straight % 2:
            wrong.append(name)
    return wrong


def new_imbalance(french: str, english: str) -> list[str]:
    """Brackets or quotation marks the English leaves unpaired although the French pairs them."""
    return [name for name in unbalanced(english) if name not in unbalanced(french)]


def placeholders_left(english: str) -> bool:
    """True if a protection token (or a piece of one) is still in the English.

    >>> placeholders_left("More than ⟦1⟧ jobs"), placeholders_left("More than 85% of jobs")
    (True, False)
    """
    return bool(_PLACEHOLDER.search(english))


def french_left(english: str, names: tuple[str, ...] = ()) -> list[str]:
    """What is French in an English segment: all of it (lingua), or a share of its words (mixed).

    Names, glossary terms, numbers and addresses are masked first, so a segment that holds only
    those, or reads as English although it is the same in French ("Innovation"), passes. French:
    every word a French-only word; or lingua sure of French (≥ 0.9, "Liens utiles"); or a
    French-only word and lingua leaning French (≥ 0.6); or four words or more and lingua ≥ 0.7.

    >>> french_left("Innovation"), french_left("Lyon, le 12 March 2026", ("Lyon",))
    ([], ['left in French: “Lyon, le 12 March 2026”'])
    >>> [message] = french_left("The new plants of the sector will create des emplois directs et "
    ...                         "indirects in the region.")
    >>> message[:70]
    'half French (4 of 16 words read as French: des, et, emplois, directs):'
    """
    from presskit.language_id import (
        FRENCH_CONFIDENCE,
        MARKED_FRENCH,
        SURELY_FRENCH,
        confidence,
        french_runs,
        french_words,
        mask,
    )

    masked = mask(english, names)
    words = masked.split()
    if not words:
        return []
    marked = french_words(masked)
    quoted = _excerpt(english)
    sure = confidence(masked.lower())
    if len(marked) == len(words) or sure >= SURELY_FRENCH or (marked and sure >= MARKED_FRENCH) \
            or (len(words) >= 4 and sure >= FRENCH_CONFIDENCE):
        return [f"left in French: {quoted}"]
    if len(words) >= 4:
        marked = list(dict.fromkeys(marked + french_runs(masked)))
    if len(marked) >= 2 and len(marked) / len(words) >= 0.15:
        return [f"half French ({len(marked)} of {len(words)} words read as French: "
                f"{', '.join(marked)}): {quoted}"]
    return []


def _excerpt(text: str, width: int = 60) -> str:
    """A short quotation of a segment."""
    text = " ".join(text.split())
    if len(text) > width:
        text = text[:width].rsplit(" ", 1)[0] + "…"
    return f"“{text}”"


def length_ratio(french: str, english: str) -> float | None:
    """English length over French length, or None when the French is too short to judge.

    >>> length_ratio("Rendez-vous est pris pour le CFB 2022 à Paris.", "See you in Paris.")
    0.37
    """
    if len(french.strip()) < 20:
        return None
    return round(len(english.strip()) / len(french.strip()), 2)
