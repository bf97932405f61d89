"""Typographic rules per language, as pure functions on plain text (no markup, no URLs inside).

French: narrow no-break spaces (U+202F) before ; : ! ? and inside « », no-break spaces inside
numbers and before units, typographic apostrophes. English: curly quotes and apostrophes, no space
before punctuation. Every function is idempotent: applying it twice changes nothing more.
"""
from __future__ import annotations

import re
from functools import lru_cache

NNBSP = "\u202f"  # narrow no-break space
NBSP = "\u00a0"  # no-break space
_SPACES = f"[ \t{NBSP}{NNBSP}\u2009]"

_FR_HIGH_PUNCT = re.compile(r"(?<=[\w»)\]’])([;:!?]+)(?=\s|$)")
_FR_HIGH_PUNCT_SPACED = re.compile(rf"(?:(?<=\S)|^){_SPACES}+([;:!?]+)")
_FR_GUILLEMET_OPEN = re.compile(rf"«{_SPACES}*")
_FR_GUILLEMET_CLOSE = re.compile(rf"{_SPACES}*»")
_FR_STRAIGHT_QUOTES = re.compile(r'"([^"\n]+)"')
_FR_CURLY_QUOTES = re.compile(r"“\s*([^”\n]+?)\s*”")
_UNIT = re.compile(rf"(\d){_SPACES}(%|‰|€|M€|Md€|k€|\$|£|°C|°)(?!\w)")
_APOSTROPHE = re.compile(r"(?<=\w)'(?=\w)")
_SCALE = (r"millions?|milliards?|billions?|trillions?|milliers?|thousands?|euros?|dollars?|"
          r"Mds€|km|kg|ha|MW|GW|kW|kWh|MWh|GWh|Go|To|GB|TB|Mo|MB")
_UNIT_WORD = re.compile(rf"(\d)[ \t]({_SCALE})(?![\w€])")  # symbols (%, M€) are _UNIT's
_CURRENCY_BEFORE = re.compile(r"([€$£])[ \t](?=\d)")
_FR_ORDINALS = ((re.compile(r"\b1(?:er)\b"), "1ᵉʳ"), (re.compile(r"\b1(?:re|ère)\b"), "1ʳᵉ"),
                (re.compile(r"\b(\d+)(?:e|è|ème|eme)\b"), "\\1ᵉ"),
                (re.compile(r"\b([IVX]{1,5})(?:e|ème)(?=\s+(?:siècle|arrondissement|République|édition))"),
                 "\\1ᵉ"))

_EN_SPACE_BEFORE = re.compile(rf"(?<=[\w”’)\]]){_SPACES}+([;:!?]+)")
_EN_GUILLEMETS = re.compile(rf"«{_SPACES}*(.+?){_SPACES}*»")
_EN_DOUBLE = re.compile(r'"([^"\n]*)"')
_EN_OPEN_SINGLE = re.compile(r"(^|[\s(\[{“‘—–-])'")


def french(text: str) -> str:
    """Apply French typography: narrow no-break spaces, « » quotes, grouped numbers.

    >>> french("Objectif : la France ! Vraiment ?") == "Objectif\u202f: la France\u202f! Vraiment\u202f?"
    True
    >>> french("« ensemble »") == "«\u202fensemble\u202f»"
    True
    >>> french("10 000 emplois, 85 %, 25,3 milliards") == "10\u202f000 emplois, 85\u202f%, 25,3\u00a0milliards"
    True
    >>> french("l'objectif et \\"bioréacteurs\\"") == "l’objectif et «\u202fbioréacteurs\u202f»"
    True
    >>> french("à 10:30 et 3:0") == "à 10:30 et 3:0"
    True
    >>> french("Note: oui") == "Note\u202f: oui"
    True
    >>> french(french("Quoi ?! « x »")) == french("Quoi ?! « x »")
    True
    """
    text = _APOSTROPHE.sub("’", text)
    text = _FR_STRAIGHT_QUOTES.sub(r"« \1 »", text)
    text = _FR_CURLY_QUOTES.sub(r"« \1 »", text)
    text = _FR_GUILLEMET_OPEN.sub("«" + NNBSP, text)
    text = _FR_GUILLEMET_CLOSE.sub(NNBSP + "»", text)
    text = _FR_HIGH_PUNCT_SPACED.sub(lambda m: NNBSP + m.group(1), text)
    text = _FR_HIGH_PUNCT.sub(lambda m: NNBSP + m.group(1), text)
    text = group_digits(text, NNBSP)
    text = _UNIT.sub(lambda m: f"{m.group(1)}{NNBSP}{m.group(2)}", text)
    return french_ordinals(keep_amounts(text))


def keep_amounts(text: str) -> str:
    """No line break inside an amount: no-break space between a number and its unit or scale.

    >>> keep_amounts("€ 800 million, 5 milliards d’euros, 12 km") == "€\u00a0800\u00a0million, 5\u00a0milliards d’euros, 12\u00a0km"
    True
    """
    text = _CURRENCY_BEFORE.sub(lambda m: m.group(1) + NBSP, text)
    return _UNIT_WORD.sub(lambda m: f"{m.group(1)}{NBSP}{m.group(2)}", text)


def french_ordinals(text: str) -> str:
    """French ordinals with superscript letters: 5ᵉ, 1ᵉʳ, 1ʳᵉ, XXᵉ siècle.

    >>> french_ordinals("la 5e édition, le 1er mai, la 1re fois, au XXe siècle, le 3ème")
    'la 5ᵉ édition, le 1ᵉʳ mai, la 1ʳᵉ fois, au XXᵉ siècle, le 3ᵉ'
    >>> french_ordinals("Le 5 est 5ee ou 2eme? Ve République")
    'Le 5 est 5ee ou 2ᵉ? Vᵉ République'
    """
    for pattern, replacement in _FR_ORDINALS:
        text = pattern.sub(replacement, text)
    return text


def group_digits(text: str, separator: str) -> str:
    """Join the groups of a number written with spaces ("10 000") with `separator`.

    >>> group_digits("10 000 et 1 250 000 €, en 2021 ou 12,5", "_")
    '10_000 et 1_250_000 €, en 2021 ou 12,5'
    """
    pattern = re.compile(rf"(?<![\d,.])(\d{{1,3}})((?:[ {NBSP}{NNBSP}]\d{{3}})+)(?!\d)")

    def join(match: re.Match) -> str:
        groups = re.split(f"[ {NBSP}{NNBSP}]", match.group(2))
        return separator.join([match.group(1), *[g for g in groups if g]])

    return pattern.sub(join, text)


def english(text: str) -> str:
    """Apply English typography: curly quotes and apostrophes, no space before punctuation.

    >>> english('He said "yes" : it\\'s the \\'best\\' plan !')
    'He said “yes”: it’s the ‘best’ plan!'
    >>> english("« bioreactors »")
    '“bioreactors”'
    >>> english("France’s 85 % share")
    'France’s 85 % share'
    >>> english(english('"a" \\'b\\' c\\'s')) == english('"a" \\'b\\' c\\'s')
    True
    """
    text = _EN_GUILLEMETS.sub(r"“\1”", text)
    text = _EN_DOUBLE.sub(r"“\1”", text)
    text = _EN_OPEN_SINGLE.sub(r"\1‘", text)
    text = text.replace("'", "’")
    return keep_amounts(_EN_SPACE_BEFORE.sub(r"\1", text))


@lru_cache(maxsize=8192)  # pure: every renderer of a process typesets the same texts (e-mail, wire, pages)
def apply(text: str, lang: str) -> str:
    """Apply the typography of `lang` ("fr" or "en"; other languages are left as they are).

    >>> apply("Note : x", "en"), apply("Note: x", "de")
    ('Note: x', 'Note: x')
    """
    base = lang.split("-")[0].lower()
    if base == "fr":
        return french(text)
    if base == "en":
        return english(text)
    return text
