"""Newswire plain text: "PARIS, June 3, 2025 –" dateline, body, "About X", "Media contact", end mark.

Paragraphs stay on one line each: wire systems reflow text, and hard line breaks would survive as
broken lines on their pages.
"""
from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from babel.dates import format_date

from presskit.document import Block, Document, marks_of
from presskit.errors import PresskitError
from presskit.runtime.atomic import write_output
from presskit.typesetting import labels, typography
from presskit.typesetting.inline import paragraphs, with_addresses

END_MARKS = ("###", "ENDS")
DATE_PATTERNS = {"en_US": "MMMM d, y", "en_GB": "d MMMM y"}


def dateline(place: str, day: date | None, locale: str = "en_GB") -> str:
    """The wire dateline: the place in capitals, the date the locale's way, an en dash.

    >>> dateline("Paris", date(2025, 6, 3), "en_US")
    'PARIS, June 3, 2025 –'
    >>> dateline("Paris", date(2025, 6, 3), "en_GB")
    'PARIS, 3 June 2025 –'
    >>> dateline("", date(2025, 6, 3)), dateline("Lyon", None)
    ('3 June 2025 –', 'LYON –')
    """
    when = format_date(day, DATE_PATTERNS.get(locale, DATE_PATTERNS["en_GB"]), locale=locale) if day else ""
    return ", ".join(p for p in (place.strip().upper(), when) if p) + " –"


def release_day(document: Document) -> date | None:
    """The release's date, when it has one.

    >>> release_day(Document("en", meta=(("date", "2025-06-03"),)))
    datetime.date(2025, 6, 3)
    """
    try:
        return date.fromisoformat(labels.release_date(document)[:10])
    except ValueError:
        return None


def _flat(text: str) -> str:
    """One line of English text with its typography."""
    return typography.apply(re.sub(r"[ \t\r\n]+", " ", text).strip(), "en")


def _block(block: Block) -> list[str]:
    """A block as wire paragraphs: a quote with its attribution, a list as dashed lines."""
    if block.kind == "list":
        return ["\n".join(f"- {_flat(with_addresses(item, marks_of(block.marks, f'items[{j}]')))}"
                          for j, item in enumerate(block.items))]
    text = with_addresses(block.text, marks_of(block.marks))  # a link's address after its words
    if block.kind == "quote":
        opening, closing = labels.quote_marks("en")
        line = labels.attribution_line(block)
        return [_flat(f"{opening}{text.strip()}{closing}") + (f" {line}" if line else "")]
    found = [_flat(part) for part, _ in paragraphs(text)]
    if block.kind == "closing" and block.url and _bare(block.url) not in block.text:
        found.append(block.url)
    return found


def wire_text(document: Document, *, locale: str = "en_GB", end_mark: str = "###",
              today: date | None = None) -> str:
    """The whole wire copy; `today` dates a release that gives no date of its own."""
    if end_mark not in END_MARKS:
        raise PresskitError(f"the wire end mark {end_mark!r} is not one of {', '.join(END_MARKS)}",
                            hint='set [wire] end_mark = "###" or "ENDS" in presskit.toml')
    parts = []
    if document.embargo:
        parts.append(_flat(document.embargo).upper())
    parts += [_flat(item).upper() for item in document.labels]  # "FOR IMMEDIATE RELEASE"
    parts.append(_flat(document.title))
    if document.subtitle:
        parts.append(_flat(document.subtitle))
    place = document.dateline.place if document.dateline else ""
    body = [p for block in document.blocks for p in _block(block)]
    opening = dateline(place, release_day(document) or today, locale)
    parts += [f"{opening} {body[0]}" if body else opening, *body[1:]]
    if document.footnotes:
        parts.append("\n".join(f"[{n.id}] {n.url or _flat(n.text)}" for n in document.footnotes))
    for about in document.about:
        parts.append(labels.label("en", "about", org=about.organization.strip()))
        parts += [_flat(text) for text, _ in paragraphs(with_addresses(about.text, about.marks))]
    if document.contacts:
        parts.append("Media contact" if len(document.contacts) == 1 else "Media contacts")
        parts += ["\n".join(v for v in (c.name, c.role, c.organization, c.email, c.phone, c.text) if v.strip())
                  for c in document.contacts]
    parts.append(end_mark)
    return "\n\n".join(parts) + "\n"


def render_wire(document: Document, path: Path, *, locale: str = "en_GB", end_mark: str = "###",
                today: date | None = None) -> Path:
    """Write the wire copy of the English `document` at `path` (UTF-8, atomically)."""
    text = wire_text(document, locale=locale, end_mark=end_mark, today=today)
    return write_output(Path(path), text.encode("utf-8"), what="wire copy")


def _bare(url: str) -> str:
    """A web address without its scheme and final slash, as releases write it.

    >>> _bare("http://france-bioproduction.com/")
    'france-bioproduction.com'
    """
    return url.split("//", 1)[-1].rstrip("/")
