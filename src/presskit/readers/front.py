"""The front of a release: title, subtitle, dateline ("Paris, le 7 septembre 2023"), labels, embargo."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from presskit.document import Dateline
from presskit.readers.dates import DATE, iso_date, iso_datetime
from presskit.readers.patterns import (
    ends_sentence,
    is_bullet,
    is_section_heading,
    is_url_line,
)

_PLACE = r"[A-ZÀ-ÖØ-Þ][^\W\d_]*(?:[ '’-]+[^\W\d_]+){0,4}?(?:\s*\([^()]{2,40}\))?"
_DATELINE = re.compile(rf"^(?P<place>{_PLACE})\s*(?:,|[–—-]|,\s*[–—-])\s*(?i:le\s+)?(?:{DATE.pattern})")
_LABEL = re.compile(
    r"^(?:communiqué(?:\s+de\s+presse|\s+conjoint|\s+commun)?|information\s+presse|invitation\s+presse|"
    r"dossier\s+de\s+presse|alerte\s+presse|avis\s+aux\s+(?:médias|rédactions)|press\s+release|"
    r"(?:pour\s+)?(?:diffusion|publication)\s+immédiate)\s*[.:!]?$",
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
    """The dateline opening the text and the rest of the text, or None."""
    match = _DATELINE.match(text)
    if not match:
        return None
    words = match.group().strip()
    place = (match["place"] or "").strip()
    dateline = Dateline(text=words, place=place, date=iso_date(match))
    return dateline, _SEPARATOR.sub("", text[match.end():])


def is_title_like(text: str) -> bool:
    """True for a short line that ends no sentence: a title, a subtitle."""
    return (len(text) <= 300 and not ends_sentence(text) and not text.endswith((",", ";", ":"))
            and not is_bullet(text) and not is_section_heading(text) and not is_url_line(text)
            and text[:1] not in "«“\"")


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
    return matched, rest
