"""The front of a release: title, subtitle, dateline ("Paris, le 7 septembre 2023"), labels, embargo."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from presskit.document import Dateline
from presskit.readers.dates import DATELINE_DATE, iso_date, iso_datetime
from presskit.readers.patterns import (
    ends_sentence,
    is_bullet,
    is_section_heading,
    is_url_line,
)

_PLACE = r"[A-ZÀ-ÖØ-Þ][^\W\d_]*(?:[ '’-]+[^\W\d_]+){0,4}?(?:\s*\([^()]{2,40}\))?"
_PLACES = rf"{_PLACE}(?:\s*,\s*{_PLACE}){{0,12}}"
# "Paris, le 7 septembre 2023", "Bordeaux, Lyon, Toulouse le 23 octobre 2013", "Forest Hill, MD - 18 Octobre 2012"
_DATELINE = re.compile(rf"^(?P<place>{_PLACES})(?:\s*(?:,|[–—-]|,\s*[–—-])\s*|\s+(?=(?i:le)\s))(?i:le\s+)?"
                       rf"(?:{DATELINE_DATE.pattern})(?P<end>)")
# "29 septembre 2016 :", "— 3 octobre 2016": a date without a place, then a separator or nothing.
_BARE_DATELINE = re.compile(rf"^(?:[–—-]\s*)?(?:{DATELINE_DATE.pattern})(?=\s*(?:[:–—-]|$))")
_YEARLESS_END = re.compile(r"\s*(?:[.:–—-]|$)")
_LABEL = re.compile(
    r"^(?:communiqué(?:\s+de\s+presse|\s+conjoint|\s+commun)?|information\s+presse|invitation\s+presse|"
    r"dossier\s+de\s+presse|alerte\s+presse|avis\s+aux\s+(?:médias|rédactions)|press\s+release|"
    r"(?:pour\s+)?(?:diffusion|publication)\s+immédiate)\s*[.:!]?$",
    re.IGNORECASE)
_LABEL_OPENING = re.compile(r"^(?P<label>" + _LABEL.pattern[1:].removesuffix(r"\s*[.:!]?$") + r")\s*[.:!]\s+(?=\S)",
                            re.IGNORECASE)
_EMBARGO = re.compile(r"^(?:sous\s+)?embargo\b", re.IGNORECASE)
_SEPARATOR = re.compile(r"^[\s.,:;–—-]+")
_PARTS = re.compile(r"\s+[–—|-]\s+|\s*\|\s*")


@dataclass
class Front:
    """What the front of the release gave."""

    title: str = ""
    subtitle: str = ""
    dateline: Dateline | None = None
    labels: list[str] = field(default_factory=list)
    embargo: str = ""
    embargo_at: str = ""


def label_of(text: str) -> str:
    """The label ("Communiqué de presse", "Pour diffusion immédiate") the text is, or ""."""
    return text.strip().rstrip(".:!").strip() if _LABEL.match(text.strip()) else ""


def is_embargo(text: str) -> bool:
    """True for "Sous embargo jusqu'au …" lines."""
    return bool(_EMBARGO.match(text.strip())) and len(text) <= 200


def parse_dateline(text: str) -> tuple[Dateline, str] | None:
    """The dateline opening the text and the rest of the text, or None.

    >>> parse_dateline("Berlin, le 20 juin - Le texte.")[0].text
    'Berlin, le 20 juin'
    >>> parse_dateline("29 septembre 2016 : le groupe publie.")
    (Dateline(text='29 septembre 2016', place='', date='2016-09-29'), 'le groupe publie.')
    """
    match = _DATELINE.match(text)
    if match and not match["year"] and match["day"] and not _YEARLESS_END.match(text, match.end()):
        match = None
    match = match or _BARE_DATELINE.match(text)
    if not match:
        return None
    words = match.group().strip().lstrip("–—-").strip()
    place = (match.groupdict().get("place") or "").strip()
    dateline = Dateline(text=words, place=place, date=iso_date(match))
    return dateline, _SEPARATOR.sub("", text[match.end():])


def is_title_like(text: str) -> bool:
    """True for a short line that ends no sentence: a title, a subtitle."""
    return (len(text) <= 300 and not ends_sentence(text) and not text.endswith((",", ";", ":"))
            and not is_bullet(text) and not is_section_heading(text) and not is_url_line(text)
            and text[:1] not in "«“\"")


_TITLE_MAX = 400
_KICKER_WORDS = 3


def can_be_title(text: str) -> bool:
    """True for a first line that can be the title, whatever it ends with ("!", "?", ".", ":").

    A long paragraph of several sentences is body text, not a title.

    >>> can_be_title("PostgreSQL 14 Released!"), can_be_title("- un point")
    (True, False)
    """
    sentences = len(re.findall(r"[.!?…](?:\s|$)", text))
    return (0 < len(text) <= _TITLE_MAX and not is_bullet(text) and not is_section_heading(text)
            and not is_url_line(text) and not (len(text) > 200 and sentences > 1))


def is_kicker(text: str) -> bool:
    """True for a line of at most three capitalised words without punctuation ("Framasoft",
    "Ville de Lyon") that may stand as a label above or under a title.

    >>> is_kicker("Framasoft"), is_kicker("Les SSLL deviennent les ENL !")
    (True, False)
    """
    words = text.split()
    return (0 < len(words) <= _KICKER_WORDS and not re.search(r"[.!?:;,«»“”\"]|\d", text)
            and all(w[:1].isupper() or w.lower() in ("de", "du", "des", "la", "le", "et", "&") for w in words)
            and words[0][:1].isupper())


def _take_one(front: Front, text: str) -> tuple[bool, str]:
    """Record one label, embargo or dateline opening `text`; return (matched, rest of the text)."""
    if label_of(text):
        front.labels.append(label_of(text))
        return True, ""
    if is_embargo(text) and not front.embargo:
        front.embargo, front.embargo_at = text.strip(), iso_datetime(text)
        return True, ""
    found = None if front.dateline else parse_dateline(text)
    if not found:
        return False, text
    front.dateline, rest = found
    return True, rest


def _all_front_parts(front: Front, text: str) -> list[str]:
    """The parts of a line like "Communiqué de presse – Paris, le 3 mars 2024" when each is a
    label, an embargo or a dateline; else []."""
    parts = [p for p in _PARTS.split(text.strip()) if p]
    if len(parts) < 2:
        return []
    probe = Front(dateline=front.dateline, embargo=front.embargo)
    for part in parts:
        matched, rest = _take_one(probe, part)
        if not matched or rest.strip(" .,;:"):
            return []
    return parts


def take_front_item(front: Front, text: str) -> tuple[bool, str]:
    """Record the labels, embargo or dateline found in `text` into `front`.

    Returns (matched, rest): `rest` is the text left after a dateline ("" when all was used).
    """
    parts = _all_front_parts(front, text)
    if parts:
        for part in parts:
            _take_one(front, part)
        return True, ""
    matched, rest = _take_one(front, text)
    while matched and rest and (label_of(rest) or is_embargo(rest) or _all_front_parts(front, rest)):
        matched, rest = take_front_item(front, rest)[0], ""
    label = _LABEL_OPENING.match(rest) if matched and front.dateline else None
    if label:  # "… 15 mai 2014 – Pour diffusion immédiate. Le Conseil …" (no line break after the label)
        front.labels.append(label["label"])
        rest = rest[label.end():]
    return matched, rest
