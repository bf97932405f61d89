"""French dates and times as written in releases ("mardi 12 mars 2024 à 8 h 30", "12/03/2024, 08:00")."""
from __future__ import annotations

import datetime
import re

MONTHS = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
          "octobre", "novembre", "décembre")
MONTH_NUMBER = {name: i for i, name in enumerate(MONTHS, start=1)} | {
    "fevrier": 2, "aout": 8, "decembre": 12, "janv": 1, "févr": 2, "fevr": 2, "avr": 4, "juil": 7,
    "sept": 9, "oct": 10, "nov": 11, "déc": 12, "dec": 12}
_WEEKDAY = r"(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\s+"
_MONTH_NAMES = "|".join(sorted(MONTH_NUMBER, key=len, reverse=True))
WORD_DATE = (rf"(?i:{_WEEKDAY})?(?P<day>1er|1ᵉʳ|\d{{1,2}})\s+(?P<month>(?i:{_MONTH_NAMES}))\.?\s+"
             r"(?P<year>\d{4})")
NUMERIC_DATE = r"(?P<nday>\d{1,2})[/.](?P<nmonth>\d{1,2})[/.](?P<nyear>\d{4}|\d{2})(?!\d)"
DATE = re.compile(rf"(?:{WORD_DATE}|{NUMERIC_DATE})")
# In a dateline the year may be left out ("Berlin, le 20 juin -").
_DAY_MONTH = (rf"(?i:{_WEEKDAY})?(?P<day>1er|1ᵉʳ|\d{{1,2}})\s+(?P<month>(?i:{_MONTH_NAMES}))\.?"
              r"(?:\s+(?P<year>\d{4}))?")
DATELINE_DATE = re.compile(rf"(?:{_DAY_MONTH}|{NUMERIC_DATE})")
_TIME = re.compile(
    r"(?i:\b(?:à|a|,|dès)?\s*)(?P<hour>[01]?\d|2[0-3])\s*(?:h|heures?|:)\s*(?P<minute>[0-5]\d)?(?!\d)"
    r"|(?P<word>\bmidi\b|\bminuit\b)", re.IGNORECASE)


def iso_date(match: re.Match[str]) -> str:
    """The ISO date of a DATE match, or "" when it names no real day."""
    if match["day"] and not match["year"]:
        return ""
    if match["day"]:
        day = 1 if match["day"].lower().startswith("1") and not match["day"][1:].isdigit() else int(match["day"])
        month, year = MONTH_NUMBER[match["month"].lower()], int(match["year"])
    else:
        day, month, year = int(match["nday"]), int(match["nmonth"]), int(match["nyear"])
        year += 2000 if year < 100 else 0
    try:
        return datetime.date(year, month, day).isoformat()
    except ValueError:
        return ""


def find_date(text: str) -> tuple[str, int] | None:
    """The first date of the text as (ISO date, index just after it), or None."""
    match = DATE.search(text)
    if not match:
        return None
    return iso_date(match), match.end()


def iso_datetime(text: str) -> str:
    """"12 mars 2024 à 8 h" → "2024-03-12T08:00"; the date alone when no time follows; "" if none."""
    found = find_date(text)
    if not found or not found[0]:
        return ""
    date, end = found
    time = _TIME.search(text, end)
    if not time or time.start() - end > 12:
        return date
    if time["word"]:
        hour, minute = (12, 0) if time["word"].lower() == "midi" else (0, 0)
    else:
        hour, minute = int(time["hour"]), int(time["minute"] or 0)
    return f"{date}T{hour:02d}:{minute:02d}"
