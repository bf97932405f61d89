"""French quantities (numbers, amounts, dates, ordinals) and their English forms, via Babel.

One regular expression per way of writing a quantity in French (``PATTERNS``) serves twice:
``localize.find_quantities`` searches text with it, and ``Quantity.english`` matches it again on
the quantity's own source to read the values.  Spaces inside French numbers may be ordinary,
no-break (U+00A0) or narrow no-break (U+202F) spaces.

>>> Quantity(0, 5, "25,3", "number").english()
'25.3'
>>> Quantity(0, 5, "2ème", "ordinal").english()
'2nd'
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from babel import Locale
from babel.dates import format_date, get_date_format
from babel.numbers import (
    format_currency,
    format_decimal,
    format_percent,
    get_currency_symbol,
)

from presskit.patterns import FRENCH_MONTHS, FRENCH_MONTHS_ABBREVIATED

SP = "[ \u00a0\u202f]"  # a space inside or around a French number
# At most 8 groups (10^27): a run of thousands of groups is then matched in linear time, not tried
# again in full from each of its groups.
NUM = rf"(?:\d{{1,3}}(?:{SP}\d{{3}}){{1,8}}|\d{{1,30}})(?:,\d{{1,30}})?(?!\d|,\d)"
START = r"(?<![\w.,/])"  # a quantity never starts glued to a word, a decimal point or a slash
END = r"(?!\w)"

_SCALES = {"milliard": 9, "md": 9, "mrd": 9, "million": 6, "mio": 6, "m": 6, "k": 3}
SCALE_WORD = r"(?:milliards?|millions?|Mrds?|Mds?|Mio)(?![^\W\d_])"
SCALE_ANY = r"(?:milliards?|millions?|Mrds?|Mds?|Mio|M|k|K)(?![^\W\d_])"

_CURRENCIES = {"€": "EUR", "euro": "EUR", "eur": "EUR", "$": "USD", "dollar": "USD", "usd": "USD",
               "£": "GBP", "gbp": "GBP", "chf": "CHF"}
CURRENCY_AFTER = (rf"(?:{SP}?[€$£]|{SP}+(?:d['’]{SP}?)?(?P<word>euros?|dollars?)(?!\w)"
                  rf"|{SP}+(?:EUR|USD|GBP|CHF)(?!\w))")
JOIN = rf"(?:{SP}+(?:ou|et|à){SP}+|{SP}?[-–]{SP}?)"
_JOINS = {"ou": "or", "et": "and", "à": "to", "-": "–", "–": "–"}


# French month names, full and abbreviated (`presskit.patterns`): reading a release needs no French
# locale data from Babel
FRENCH_MONTH_NAMES = {"wide": FRENCH_MONTHS, "abbreviated": FRENCH_MONTHS_ABBREVIATED}


def _month_table() -> dict[str, int]:
    """Map French month names (full, abbreviated, with or without accents) to 1–12."""
    table: dict[str, int] = {}
    for names in FRENCH_MONTH_NAMES.values():
        for number, name in enumerate(names, start=1):
            table[name] = number
            table[_strip_accents(name)] = number
    return table


def _strip_accents(text: str) -> str:
    """Remove the accents of a string ("août" → "aout")."""
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


MONTHS = _month_table()
MONTH = "(?i:" + "|".join(re.escape(m) for m in sorted(MONTHS, key=len, reverse=True)) + r")(?!\w)"
DAY = r"(?:1er|1ᵉʳ|[12]\d|3[01]|0?[1-9])"
YEAR = r"\d{4}(?!\d)"
ORDINAL_SUFFIX = "(?:ème|ième|eme|ère|ere|er|re|nde|nd|e|ᵉʳ|ʳᵉ|ᵉ)"

PATTERNS: list[tuple[str, re.Pattern[str]]] = [  # in order of priority
    ("date_range", re.compile(
        rf"(?<!\w)[Dd]u{SP}+(?P<d1>{DAY})(?:{SP}+(?P<m1>{MONTH})(?:{SP}+(?P<y1>{YEAR}))?)?"
        rf"{SP}+au{SP}+(?P<d2>{DAY}){SP}+(?P<m2>{MONTH})(?:{SP}+(?P<y2>{YEAR}))?")),
    ("date", re.compile(rf"{START}(?P<d>{DAY}){SP}+(?P<m>{MONTH})(?:{SP}+(?P<y>{YEAR}))?")),
    ("date", re.compile(rf"{START}(?P<d>[12]\d|3[01]|0?[1-9])/(?P<m>0[1-9]|1[0-2])"
                        rf"(?:/(?P<y>\d{{4}}|\d{{2}}))?(?![\w/]|[.,]\d)")),
    ("amount", re.compile(rf"{START}{NUM}(?:{SP}?{SCALE_ANY})?(?:{JOIN}{NUM}(?:{SP}?{SCALE_ANY})?)?"
                          rf"{CURRENCY_AFTER}")),
    ("amount", re.compile(rf"(?<!\w)[€$£]{SP}?{NUM}(?:{SP}+{SCALE_WORD})?{END}")),
    ("percent", re.compile(rf"{START}{NUM}{SP}?(?:%|pour{SP}?cents?{END})")),
    ("ordinal", re.compile(rf"{START}(?<!\d{SP})(?P<n>[1-9]\d*){ORDINAL_SUFFIX}{END}")),
    ("number", re.compile(
        rf"{START}{NUM}(?:{SP}+(?P<scale>{SCALE_WORD})(?:{SP}+de(?={SP}))?)?{END}")),
]


@dataclass(frozen=True)
class Quantity:
    """A quantity found in French text: where it is, how it is written, and what kind it is."""

    start: int
    end: int
    source: str
    kind: str  # "number", "percent", "amount", "date", "date_range" or "ordinal"

    def english(self, locale: str = "en_GB") -> str:
        """Write this quantity the English way for ``locale`` (en_GB, en_US…)."""
        return _FORMATTERS[self.kind](self.source, Locale.parse(locale.replace("-", "_")))


def _match(kind: str, source: str) -> re.Match[str]:
    """Match a quantity's source again with the first pattern of its kind that fits it whole."""
    for name, pattern in PATTERNS:
        if name == kind and (found := pattern.fullmatch(source)):
            return found
    raise ValueError(f"not a French {kind}: {source!r}")


# --- numbers -----------------------------------------------------------------------------------

def french_decimal(text: str) -> Decimal:
    """Read a French number such as "10 000" or "25,3" (any kind of space between groups).

    >>> french_decimal("10\u202f000"), french_decimal("25,30"), french_decimal("1 234,5")
    (Decimal('10000'), Decimal('25.30'), Decimal('1234.5'))
    """
    return Decimal(re.sub(SP, "", text).replace(",", "."))


def _decimals(text: str) -> str:
    """The fraction part of a Babel pattern that keeps the decimals written in French."""
    digits = len(text.split(",")[1]) if "," in text else 0
    return "." + "0" * digits if digits else ""


def _number(text: str, loc: Locale) -> str:
    """Write a French number the ``loc`` way, keeping its decimals ("25,30" → "25.30")."""
    return format_decimal(french_decimal(text), format="#,##0" + _decimals(text), locale=loc)


def _scale_word(word: str, loc: Locale) -> str:
    """The English word for a French scale ("milliards", "Mrds" → "billion"), from Babel."""
    exponent = _SCALES[word.lower().rstrip("s")]
    pattern = loc.compact_decimal_formats["long"]["other"][str(10 ** exponent)].pattern
    return pattern.replace("0", "").strip()  # "0 billion" → "billion"


def _format_number(source: str, loc: Locale) -> str:
    """"4,1 milliards" → "4.1 billion"; "1 million de" → "1 million"; "10 000" → "10,000"."""
    found = re.match(rf"({NUM})(?:{SP}+({SCALE_WORD}))?", source)
    text = _number(found[1], loc)
    return f"{text} {_scale_word(found[2], loc)}" if found[2] else text


def _format_percent(source: str, loc: Locale) -> str:
    """"85 %" → "85%"; "3,5 %" → "3.5%"."""
    number = re.match(NUM, source)[0]
    pattern = f"#,##0{_decimals(number)}%"
    return format_percent(french_decimal(number) / 100, format=pattern, locale=loc)


def _format_ordinal(source: str, loc: Locale) -> str:
    """"1er" → "1st", "2ème" → "2nd", "5e" → "5th" (Babel gives the ordinal category)."""
    n = int(_match("ordinal", source)["n"])
    suffix = {"one": "st", "two": "nd", "few": "rd"}.get(loc.ordinal_form(n), "th")
    return f"{n}{suffix}"


# --- amounts -----------------------------------------------------------------------------------

def _currency(source: str) -> str:
    """The ISO code of the currency an amount is written in."""
    symbol = re.search(r"[€$£]|\b(?:euro|dollar|EUR|USD|GBP|CHF)", source, flags=re.IGNORECASE)
    return _CURRENCIES[symbol[0].lower()]


def _money(number: str, scale: str | None, currency: str, loc: Locale) -> str:
    """One amount: Babel's currency format, or symbol + number + scale word ("€6 billion")."""
    value, decimals = french_decimal(number), _decimals(number)
    if scale and _SCALES[scale.lower().rstrip("s")] == 3:  # "500 k€" → "€500,000"
        value, decimals, scale = value * 1000, "", None
    if scale:
        # Babel has no long currency form: format_compact_currency gives "€800M", so
        # "€25.3 billion" is assembled from the symbol, the number and the scale word.
        symbol = get_currency_symbol(currency, loc)
        return f"{symbol}{_number(number, loc)} {_scale_word(scale, loc)}"
    pattern = re.sub(r"\.0+", decimals, loc.currency_formats["standard"].pattern)
    return format_currency(value, currency, format=pattern, locale=loc, currency_digits=False)


def _format_amount(source: str, loc: Locale) -> str:
    """"800 millions d'euros" → "€800 million"; "3 500 ou 4 000 €" → "€3,500 or €4,000"."""
    parts = re.findall(rf"({NUM})(?:{SP}?({SCALE_ANY}))?", source)
    last_scale = parts[-1][1] or None
    currency = _currency(source)
    texts = [_money(number, scale or last_scale, currency, loc) for number, scale in parts]
    if len(texts) == 1:
        return texts[0]
    join = re.search(rf"{SP}(ou|et|à){SP}|([-–])", source)
    word = _JOINS[join[1] or join[2]]
    return f"{texts[0]}{word}{texts[1]}" if word == "–" else f"{texts[0]} {word} {texts[1]}"


# --- dates -------------------------------------------------------------------------------------

def _day(text: str) -> int:
    """"1er" → 1, "07" → 7."""
    return int(re.match(r"\d+", text)[0])


def _month(text: str) -> int:
    """A French month name or number → 1–12."""
    return int(text) if text.isdigit() else MONTHS[_strip_accents(text.lower())]


def _year(text: str | None) -> int | None:
    """A four- or two-digit year ("21" → 2021), or None."""
    if not text:
        return None
    return int(text) + 2000 if len(text) == 2 else int(text)


def _long(loc: Locale) -> str:
    """The locale's long date pattern: "d MMMM y" (en_GB), "MMMM d, y" (en_US)."""
    return get_date_format("long", locale=loc).pattern


def _day_month(loc: Locale) -> str:
    """The locale's day-and-month pattern: "d MMMM" (en_GB), "MMMM d" (en_US)."""
    return loc.datetime_skeletons["MMMMd"].pattern


def _without_month(pattern: str) -> str:
    """Drop the month from a month-first pattern: "MMMM d, y" → "d, y"."""
    return re.sub(r"M+\s*", "", pattern).strip()


def _format_date(source: str, loc: Locale) -> str:
    """"17 juin 2021" → "17 June 2021" / "June 17, 2021"; "1er avril" → "1 April"."""
    found = _match("date", source)
    year = _year(found["y"])
    day = date(year or 2000, _month(found["m"]), _day(found["d"]))  # 2000: a leap year, for 29/02
    return format_date(day, _long(loc) if year else _day_month(loc), locale=loc)


def _range_patterns(first: date, last: date, has_year: bool, loc: Locale) -> tuple[str, str]:
    """The two patterns of a range: shared month and year are written once."""
    full = _long(loc) if has_year else _day_month(loc)
    if has_year and first.year != last.year:
        return full, full
    if first.month != last.month:
        return _day_month(loc), full
    if _day_month(loc).startswith("M"):
        return _day_month(loc), _without_month(full)
    return "d", full


def _format_range(source: str, loc: Locale) -> str:
    """"du 17 au 23 juin 2021" → "from 17 to 23 June 2021" / "from June 17 to 23, 2021"."""
    found = _match("date_range", source)
    y1, y2 = _year(found["y1"]), _year(found["y2"])
    last = date(y2 or y1 or 2000, _month(found["m2"]), _day(found["d2"]))
    first = date(y1 or last.year, _month(found["m1"] or found["m2"]), _day(found["d1"]))
    if first > last:
        raise ValueError(f"a range that ends before it starts: {source!r}")
    one, two = _range_patterns(first, last, bool(y1 or y2), loc)
    return f"from {format_date(first, one, locale=loc)} to {format_date(last, two, locale=loc)}"


_FORMATTERS = {"number": _format_number, "percent": _format_percent, "amount": _format_amount,
               "ordinal": _format_ordinal, "date": _format_date, "date_range": _format_range}
