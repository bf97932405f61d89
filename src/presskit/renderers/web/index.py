"""The kit's index page and its Atom feed per language, from the entries the release pages left."""
from __future__ import annotations

import json
import os
from datetime import datetime
from pathlib import Path

from presskit.errors import PresskitError
from presskit.kit.theme import Theme
from presskit.renderers.web.common import ENTRY, copy_assets, environment, theme_values, url
from presskit.renderers.web.embargo import aware, utc_now
from presskit.renderers.web.feed import atom_feed, write_feed
from presskit.renderers.web.words import words
from presskit.runtime.atomic import write_output
from presskit.typesetting import labels


def render_index(folder: Path, theme: Theme, *, now: datetime | None = None, base_url: str = "") -> list[Path]:
    """Write `<folder>/index.html` and `feed.<lang>.atom` from every release page in `folder`, newest first.

    A release under embargo at `now` stays out of both.
    """
    now = aware(now or utc_now())
    folder = Path(folder)
    entries = [e for e in _read_entries(folder) if _public(e, now)]
    entries.sort(key=lambda e: (e["published"], e["slug"]), reverse=True)
    assets = copy_assets(theme, folder)
    langs = list(dict.fromkeys(v["lang"] for e in entries for v in e["versions"])) or ["fr", "en"]
    page_lang = langs[0]
    html = environment().get_template("index.html").render(
        page={"lang": page_lang, "tag": labels.lang_tag(page_lang), "entries": entries,
              "feeds": [(lang, f"feed.{lang}.atom", labels.label(lang, "french" if lang == "fr" else "english"))
                        for lang in langs],
              "assets": {k: os.path.relpath(v, folder) for k, v in assets.items()},
              "dates": {e["slug"]: {lang: labels.long_date(e["published"], lang) for lang in langs}
                        for e in entries}},
        theme=theme_values(theme), words_of=words)
    written = [write_output(folder / "index.html", html.encode("utf-8"), what="web index")]
    for lang in langs:
        written.append(write_feed(folder / f"feed.{lang}.atom", _feed(entries, lang, theme, now, base_url)))
    return written


def _feed(entries: list[dict], lang: str, theme: Theme, now: datetime, base_url: str) -> bytes:
    """The Atom feed of one language."""
    items = []
    for entry in entries:
        for version in (v for v in entry["versions"] if v["lang"] == lang):
            stamp = _entry_time(entry)
            items.append({"id": url(base_url, version["href"], f"urn:presskit:{entry['slug']}:{lang}"),
                          "title": version["title"], "updated": stamp, "published": stamp,
                          "href": url(base_url, version["href"], version["href"]),
                          "tag": version["tag"], "summary": version["summary"]})
    updated = max((i["updated"] for i in items), key=datetime.fromisoformat,
                  default=now.isoformat(timespec="seconds"))
    return atom_feed(feed_id=url(base_url, f"feed.{lang}.atom", f"urn:presskit:feed:{lang}"),
                     title=f"{theme.name} — {words(lang)['press_room']}", lang=labels.lang_tag(lang),
                     updated=updated, author=theme.name,
                     self_href=url(base_url, f"feed.{lang}.atom", f"feed.{lang}.atom"),
                     home_href=url(base_url, "index.html", "index.html"), entries=items)


def _entry_time(entry: dict) -> str:
    """When an entry became public: its day, or its embargo's end when that is later.

    >>> _entry_time({"published": "2025-06-03", "embargo_end": "2025-06-03T08:00:00+02:00"})
    '2025-06-03T08:00:00+02:00'
    >>> _entry_time({"published": "2025-06-03", "embargo_end": ""})
    '2025-06-03T00:00:00+00:00'
    """
    day = datetime.fromisoformat(f"{entry['published']}T00:00:00+00:00")
    end = datetime.fromisoformat(entry["embargo_end"]) if entry.get("embargo_end") else day
    return max(day, end).isoformat(timespec="seconds")


def _read_entries(folder: Path) -> list[dict]:
    """The index entries of the releases whose pages are in `folder`."""
    found = []
    for path in sorted(folder.glob(f"*/web/{ENTRY}")):
        try:
            found.append(json.loads(path.read_text(encoding="utf-8")))
        except (OSError, ValueError) as error:
            raise PresskitError(f"cannot read the web index entry ({error})", path=path,
                                hint="delete the release's web/ folder and build it again") from None
    return found


def _public(entry: dict, now: datetime) -> bool:
    """True when an entry may be listed: no embargo, or its end has passed."""
    if not entry.get("embargo"):
        return True
    return bool(entry.get("embargo_end")) and now >= datetime.fromisoformat(entry["embargo_end"])
