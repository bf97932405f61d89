"""Find the quantities of a French text and write them the English way (en_GB by default, en_US).

``localize`` rewrites a French string directly:

>>> localize("plus de 85 %, 50 % et 5 % à 20 %")
'plus de 85%, 50% et 5% à 20%'
>>> localize("10 000 emplois, 60\u00a0000 emplois, 60\u202f000 emplois, 25,3 tonnes")
'10,000 emplois, 60,000 emplois, 60,000 emplois, 25.3 tonnes'
>>> localize("25,3 milliards d'euros, 25,3 milliards d’euros, 800 millions d’euros")
'€25.3 billion, €25.3 billion, €800 million'
>>> localize("50 millions d’euros, 6 Mrds d'euros, 11 M€")
'€50 million, €6 billion, €11 million'
>>> localize("3 500 ou 4 000 €, 1 000 €, € 50")
'€3,500 or €4,000, €1,000, €50'
>>> localize("1 million de litres, 4,1 milliards")
'1 million litres, 4.1 billion'
>>> localize("le 17 juin 2021, le 1er avril, le 7 septembre 2023, le 18 novembre 2015, le 17/03")
'le 17 June 2021, le 1 April, le 7 September 2023, le 18 November 2015, le 17 March'
>>> localize("du 17 au 23 juin 2021, du 30 juin au 2 juillet 2021")
'from 17 to 23 June 2021, from 30 June to 2 July 2021'
>>> localize("le 5e congrès, le 1er, la 2ème")
'le 5th congrès, le 1st, la 2nd'

The same in American English; euros stay euros:

>>> localize("le 17 juin 2021, du 17 au 23 juin 2021, 10 000 emplois", locale="en_US")
'le June 17, 2021, from June 17 to 23, 2021, 10,000 emplois'
>>> localize("du 30 juin au 2 juillet 2021, 25,3 milliards d'euros, le 1er avril", locale="en_US")
'from June 30 to July 2, 2021, €25.3 billion, le April 1'

Years, names with numbers, phone numbers and addresses are left alone:

>>> localize("en 2030, la COVID-19, le top 100, +33 1 23 45 67 89, https://ex.fr/a/10 000, v2.0.1")
'en 2030, la COVID-19, le top 100, +33 1 23 45 67 89, https://ex.fr/a/10 000, v2.0.1'

Before machine translation, ``protect`` replaces each quantity by a token ``⟦n⟧`` (mathematical
white square brackets around a number).  Engines copy such tokens as they are: they contain no word
to translate, no markup to escape, and they are not brackets any French or English text uses.
``restore`` puts the English forms back, tolerating spaces an engine adds inside a token
(``⟦ 1 ⟧``) or between it and a punctuation mark after it (``⟦1⟧ .``):

>>> protected, table = protect("Plus de 85 % des 10 000 emplois.")
>>> protected
'Plus de ⟦1⟧ des ⟦2⟧ emplois.'
>>> restore("More than ⟦ 1⟧ of the ⟦2 ⟧ jobs .", table)
'More than 85% of the 10,000 jobs .'
>>> missing_placeholders("More than ⟦1⟧ of the jobs.", table)
['⟦2⟧']
"""

from __future__ import annotations

import re

from presskit.translation.number_format import PATTERNS, SP, Quantity

__all__ = ["Quantity", "find_quantities", "localize", "missing_placeholders", "protect", "restore"]

TOKEN = re.compile(r"⟦\s*(\d+)\s*⟧")
_TOKEN_IN_CONTEXT = re.compile(r"(\(\s+)?⟦\s*(\d+)\s*⟧(\s+(?=[.,;:!?)]))?")

_UNTOUCHABLE = [re.compile(pattern) for pattern in (
    r"(?:https?://|www\.)\S+",  # URLs
    r"(?<![\w.+-])[\w.+-]++@[\w-]++(?:\.[\w-]++)++",  # e-mail addresses (from a word's start only)
    rf"\+\d[\d{SP[1:-1]}.()-]{{6,}}\d",  # international phone numbers
    rf"(?<!\d)0\d(?:[{SP[1:-1]}.-]?\d\d){{4}}(?!\d)",  # French phone numbers
    r"(?<!\w)[^\W\d_][\w]*\d\w*",  # digits glued to letters: A380, biomédicaments1
    r"(?<!\w)[^\W\d_]\w*+[-–]\d[\w.-]*",  # names with numbers: COVID-19, SARS-CoV-2
    r"(?<![\w.])v?\d+(?:\.\d+)+[\w.-]*",  # versions: 2.0, v3.1.4
    rf"(?i:\btop{SP}+\d+)",  # rankings: top 100
)]


def find_quantities(text: str) -> list[Quantity]:
    """List the numbers, percentages, amounts, dates, ranges and ordinals of a French text."""
    taken = bytearray(len(text))  # 1 where a character is already part of something found
    for pattern in _UNTOUCHABLE:
        for match in pattern.finditer(text):
            _take(taken, match.span())
    found: list[Quantity] = []
    for kind, pattern in PATTERNS:
        for match in pattern.finditer(text):
            quantity = Quantity(match.start(), match.end(), match[0], kind)
            if not _overlaps(match.span(), taken) and _worth_it(quantity):
                _take(taken, match.span())
                found.append(quantity)
    return sorted(found, key=lambda q: q.start)


def _take(taken: bytearray, span: tuple[int, int]) -> None:
    """Mark the characters of ``span`` as taken."""
    taken[span[0]:span[1]] = b"\x01" * (span[1] - span[0])


def _overlaps(span: tuple[int, int], taken: bytearray) -> bool:
    """Whether ``span`` shares a character with what is taken (time: the span's length, not the text's).

    >>> _overlaps((2, 4), bytearray([0, 0, 0, 1]))
    True
    """
    return 1 in taken[span[0]:span[1]]


def _worth_it(quantity: Quantity) -> bool:
    """Keep a candidate that reads differently in English and is a valid quantity."""
    if quantity.kind == "number" and not _changes(quantity.source):
        return False
    try:
        quantity.english()
    except (ValueError, KeyError, ArithmeticError):  # 31 juin, a range ending before it starts…
        return False
    return True


def _changes(number: str) -> bool:
    """Whether a bare French number is written differently in English (years are left alone)."""
    if re.search(rf"[,{SP[1:-1]}]|[^\W\d_]", number):  # decimals, groups, a scale word
        return True
    return len(number) == 4 and not number.startswith("0") and not 1900 <= int(number) <= 2099


def protect(text_fr: str) -> tuple[str, dict[str, Quantity]]:
    """Replace each quantity by a token ``⟦n⟧``; return the text and the token → quantity table."""
    first = max((int(n) for n in TOKEN.findall(text_fr)), default=0) + 1  # never reuse a token
    table: dict[str, Quantity] = {}
    parts, position = [], 0
    for number, quantity in enumerate(find_quantities(text_fr), start=first):
        token = f"⟦{number}⟧"
        table[token] = quantity
        parts += [text_fr[position:quantity.start], token]
        position = quantity.end
    return "".join(parts) + text_fr[position:], table


def restore(text_en: str, table: dict[str, Quantity], locale: str = "en_GB") -> str:
    """Put the English form of each quantity in place of its token; unknown tokens stay."""
    def english(match: re.Match[str]) -> str:
        quantity = table.get(f"⟦{match[2]}⟧")
        if quantity is None:
            return match[0]
        return ("(" if match[1] else "") + quantity.english(locale)
    return _TOKEN_IN_CONTEXT.sub(english, text_en)


def missing_placeholders(text_en: str, table: dict[str, Quantity]) -> list[str]:
    """List the tokens of ``table`` that a translation lost (spaces inside a token are forgiven)."""
    present = {f"⟦{n}⟧" for n in TOKEN.findall(text_en)}
    return [token for token in table if token not in present]


def localize(text_fr: str, locale: str = "en_GB") -> str:
    """Replace every quantity of a French string by its English form, leaving the words alone."""
    return restore(*protect(text_fr), locale=locale)
