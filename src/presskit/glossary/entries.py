"""A glossary entry and its English side: number, plural forms, and finding them in an English text."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

KINDS = ("term", "name", "forbidden")
_EN_PREPOSITIONS = frozenset("of for in on at to from with by".split())
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u02bc": "'"})
_IRREGULAR = {"child": "children", "person": "people", "criterion": "criteria", "medium": "media",
              "man": "men", "woman": "women"}
# Words in -ing are mostly uncountable activities ("biomanufacturing", "contract manufacturing");
# these few are countable.
_COUNTABLE_ING = frozenset("building meeting finding setting holding listing opening ending being "
                           "drawing painting ring king thing string wing spring saving warning "
                           "recording offering hearing filing ranking rating booking".split())


@dataclass(frozen=True)
class Entry:
    """One glossary row: approved English for a French term, a name kept as is, or a forbidden English.

    `variants` are extra French forms to recognise; `forbidden` holds the English translations
    the glossary forbids for this French term (gathered from the `forbidden` rows).
    """

    fr: str
    en: str
    kind: str = "term"
    variants: tuple[str, ...] = ()
    en_plural: str = ""
    note: str = ""
    forbidden: tuple[str, ...] = ()
    file: str = ""
    line: int = 0

    def french_forms(self) -> tuple[str, ...]:
        """The French forms to look for: `fr` then the variants, without repeats."""
        forms: dict[str, str] = {}
        for form in (self.fr, *self.variants):
            forms.setdefault(form.casefold(), form)
        return tuple(forms.values())

    def english(self, plural: bool = False) -> str:
        """The approved English, in the plural when `plural` (names never change)."""
        if not plural or self.kind == "name":
            return self.en
        return self.en_plural or pluralize(self.en)

    def english_forms(self) -> set[str]:
        """The approved English in both numbers (one form for a name)."""
        return {self.english(False), self.english(True)}

    @property
    def where(self) -> str:
        """`file:line` of the row, for messages."""
        return f"{self.file}:{self.line}" if self.file else ""


def pluralize(phrase: str) -> str:
    """Pluralize an English noun phrase on its head noun (the last word before "of", "for"…).

    >>> pluralize("monoclonal antibody")
    'monoclonal antibodies'
    >>> pluralize("Strategic Committee for the Health Industries and Technologies Sector")
    'Strategic Committees for the Health Industries and Technologies Sector'
    >>> pluralize("competitiveness cluster")
    'competitiveness clusters'
    """
    words = phrase.split(" ")
    head = len(words) - 1
    for i, word in enumerate(words[1:], start=1):
        if word.lower() in _EN_PREPOSITIONS:
            head = i - 1
            break
    words[head] = pluralize_word(words[head])
    return " ".join(words)


def pluralize_word(word: str) -> str:
    """Regular English plural of one word (irregular ones belong in the `en_plural` column).

    >>> [pluralize_word(w) for w in ("biotherapy", "day", "process", "match", "SME", "sector")]
    ['biotherapies', 'days', 'processes', 'matches', 'SMEs', 'sectors']
    >>> [pluralize_word(w) for w in ("biomanufacturing", "building", "analysis", "Child")]
    ['biomanufacturing', 'buildings', 'analyses', 'Children']
    """
    lower = word.lower()
    if len(word) > 1 and word.isupper():
        return word + "s"
    if lower in _IRREGULAR:
        plural = _IRREGULAR[lower]
        return plural.capitalize() if word[0].isupper() else plural
    if lower.endswith("ing") and lower not in _COUNTABLE_ING:
        return word
    if lower.endswith("sis"):
        return word[:-3] + "ses"
    if lower.endswith("y") and len(lower) > 1 and lower[-2] not in "aeiou":
        return word[:-1] + "ies"
    if lower.endswith(("s", "x", "z", "ch", "sh")):
        return word + "es"
    return word + "s"


def contains_english(text: str, forms: set[str] | tuple[str, ...]) -> bool:
    """True if one of `forms` is in `text` as whole words, ignoring case, hyphens and apostrophe style.

    >>> contains_english("Two monoclonal-antibodies plants", {"monoclonal antibodies"})
    True
    >>> contains_english("biopharmaceuticals", {"biopharmaceutical"})
    False
    """
    text = normalize(text).translate(_APOSTROPHES)
    return any(_english_regex(form).search(text) for form in forms if form.strip())


def english_spans(text: str, forms: set[str] | tuple[str, ...]) -> list[tuple[int, int, str]]:
    """(start, end, form) of each whole-word occurrence of `forms` in NFC `text`, longest form first.

    >>> english_spans("Biomedicines and one biomedicine", ("biomedicine", "biomedicines"))
    [(0, 12, 'biomedicines'), (21, 32, 'biomedicine')]
    """
    text = normalize(text).translate(_APOSTROPHES)
    spans: list[tuple[int, int, str]] = []
    taken = bytearray(len(text))  # 1 under a form already found: each match costs its own length
    for form in sorted((f for f in forms if f.strip()), key=len, reverse=True):
        for match in _english_regex(form).finditer(text):
            if 1 not in taken[match.start():match.end()]:
                taken[match.start():match.end()] = b"\1" * (match.end() - match.start())
                spans.append((match.start(), match.end(), form))
    return sorted(spans)


@lru_cache(maxsize=4096)
def _english_regex(form: str) -> re.Pattern[str]:
    """A case-insensitive whole-word regex for an English form; words may be split by spaces or hyphens."""
    words = normalize(form).translate(_APOSTROPHES).split()
    body = r"[\s\-\u2010\u2011]+".join(re.escape(w) for w in words)
    return re.compile(rf"(?<!\w){body}(?!\w)", re.IGNORECASE)


def normalize(text: str) -> str:
    """Unicode NFC (accents composed), the form every comparison uses."""
    return unicodedata.normalize("NFC", text)
