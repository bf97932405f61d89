"""The front of a release: title, subtitle, dateline ("Paris, le 7 septembre 2023"), labels, embargo."""
from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field

from presskit.document import Dateline
from presskit.readers.patterns import (
    ends_sentence,
    is_bullet,
    is_section_heading,
    is_url_line,
)

MONTHS = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
          "octobre", "novembre", "décembre")
_MONTH_NUMBER = {name: i for i, name in enumerate(MONTHS, start=1)} | {"fevrier": 2, "aout": 8,
                                                                        "decembre": 12}
_DATELINE = re.compile(
    r"^(?P<place>[A-ZÀ-ÖØ-Þ][^\W\d_]*(?:[ '’-][^\W\d_]+){0,4}?)\s*,\s*(?i:le\s+)?"
    r"(?i:(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\s+)?"
    r"(?P<day>1er|\d{1,2})\s+(?P<month>(?i:" + "|".join(_MONTH_NUMBER) + r"))\s+(?P<year>\d{4})")
_LABEL = re.compile(
    r"^(?:communiqué\s+de\s+presse|communiqué|information\s+presse|invitation\s+presse|"
    r"dossier\s+de\s+presse|press\s+release|pour\s+(?:diffusion|publication)\s+immédiate)\s*[.:!]?$",
    re.IGNORECASE)
_EMBARGO = re.compile(r"^(?:sous\s+)?embargo\b", re.IGNORECASE)
_SEPARATOR = re.compile(r"^[\s.,:;–—-]+")


@dataclass
class Front:
    """What the front of the release gave."""

    title: str = ""
    subtitle: str = ""
    dateline: Dateline | None = None
    labels: list[str] = field(default_factory=list)
    embargo: str = ""


def label_of(text: str) -> str:
    """The label ("Communiqué de presse", "Pour diffusion immédiate") the text is, or ""."""
    return text.strip().rstrip(".:!").strip() if _LABEL.match(text.strip()) else ""


def is_embargo(text: str) -> bool:
    """True for "Sous embargo jusqu'au …" lines."""
    return bool(_EMBARGO.match(text.strip())) and len(text) <= 200


def parse_dateline(text: str) -> tuple[Dateline, str] | None:
    """The dateline opening the text and the rest of the text, or None."""
    match = _DATELINE.match(text)
    if not match:
        return None
    day = 1 if match["day"].lower() == "1er" else int(match["day"])
    month = _MONTH_NUMBER[match["month"].lower()]
    try:
        date = datetime.date(int(match["year"]), month, day).isoformat()
    except ValueError:
        date = ""
    dateline = Dateline(text=match.group().strip(), place=match["place"].strip(), date=date)
    return dateline, _SEPARATOR.sub("", text[match.end():])


def is_title_like(text: str) -> bool:
    """True for a short line that ends no sentence: a title, a subtitle."""
    return (len(text) <= 300 and not ends_sentence(text) and not text.endswith((",", ";", ":"))
            and not is_bullet(text) and not is_section_heading(text) and not is_url_line(text)
            and text[:1] not in "«“\"")


def take_front_item(front: Front, text: str) -> tuple[bool, str]:
    """Record a label, embargo or dateline found in `text` into `front`.

    Returns (matched, rest): `rest` is the text left after a dateline ("" when all was used).
    """
    if label_of(text):
        front.labels.append(label_of(text))
        return True, ""
    if is_embargo(text) and not front.embargo:
        front.embargo = text.strip()
        return True, ""
    found = None if front.dateline else parse_dateline(text)
    if not found:
        return False, text
    front.dateline, rest = found
    if rest and (label_of(rest) or is_embargo(rest)):
        return take_front_item(front, rest)[0], ""
    return True, rest
