"""When a release's embargo ends, and whether it is still under embargo at a given time."""
from __future__ import annotations

from datetime import datetime, timezone
from zoneinfo import ZoneInfo

from presskit.document import Document

PARIS = ZoneInfo("Europe/Paris")  # a French release's times are Paris times


def embargo_end(document: Document) -> datetime | None:
    """The end of the embargo as an aware datetime; None without an embargo or when its time is unreadable.

    >>> doc = Document("fr", embargo="Sous embargo jusqu'au 3 juin 2025 à 8 h", meta=(("embargo", "2025-06-03T08:00"),))
    >>> embargo_end(doc).isoformat()
    '2025-06-03T08:00:00+02:00'
    >>> embargo_end(Document("fr")) is None
    True
    """
    value = document.meta_value("embargo")
    if not document.embargo or not value:
        return None
    try:
        moment = datetime.fromisoformat(value if "T" in value else f"{value}T00:00")
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=PARIS)


def under_embargo(document: Document, now: datetime) -> bool:
    """True while `document` may not be published: before its embargo's end, or always when the end is unknown.

    >>> doc = Document("fr", embargo="Embargo", meta=(("embargo", "2025-06-03T08:00"),))
    >>> under_embargo(doc, aware("2025-06-03T07:59")), under_embargo(doc, aware("2025-06-03T08:00"))
    (True, False)
    >>> under_embargo(Document("fr", embargo="Sous embargo"), aware("2099-01-01T00:00"))
    True
    """
    if not document.embargo:
        return False
    end = embargo_end(document)
    return end is None or aware(now) < end


def aware(moment: datetime | str) -> datetime:
    """An aware datetime from an ISO text or a datetime; a naive one is taken as Paris time.

    >>> aware("2025-06-03T08:00").utcoffset().total_seconds()
    7200.0
    """
    if isinstance(moment, str):
        moment = datetime.fromisoformat(moment)
    return moment if moment.tzinfo else moment.replace(tzinfo=PARIS)


def utc_now() -> datetime:
    """The current time, aware, in UTC."""
    return datetime.now(timezone.utc)
