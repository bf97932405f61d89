"""The web press room: a page per language of each release, a kit index and an Atom feed per language."""
from __future__ import annotations

import functools
import json
import os
import re
import shutil
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Sequence

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from presskit import labels
from presskit.atomic import write_bytes
from presskit.document import Document
from presskit.errors import PresskitError
from presskit.renderers.web.cache import bytecode_cache
from presskit.renderers.web.card import render_card
from presskit.renderers.web.chart import bar_chart
from presskit.renderers.web.colours import readable
from presskit.renderers.web.content import content
from presskit.renderers.web.embargo import aware, embargo_end, under_embargo, utc_now
from presskit.renderers.web.feed import atom_feed, write_feed
from presskit.renderers.web.metadata import description, news_article
from presskit.renderers.web.words import file_size, words
from presskit.theme import Theme

TEMPLATES = Path(__file__).parent / "templates"
ENTRY = "release.json"  # what the index and the feeds know of a release, beside its pages


@dataclass(frozen=True)
class Release:
    """One release of the press room: its slug, its documents (the original first) and the files to download."""

    slug: str
    documents: tuple[Document, ...]
    files: tuple[Path, ...] = ()


@functools.cache
def environment() -> Environment:
    """The Jinja2 environment of the template folder, autoescaping HTML, XML and SVG (one per process:
    it keeps the compiled templates)."""
    return Environment(loader=FileSystemLoader(TEMPLATES), undefined=StrictUndefined,
                       autoescape=select_autoescape(["html", "xml", "svg"]),
                       trim_blocks=True, lstrip_blocks=True, bytecode_cache=bytecode_cache("web"))


def render_site(releases: Sequence[Release], theme: Theme, folder: Path, *, now: datetime | None = None,
                base_url: str = "", english_tag: str = "en-GB") -> list[Path]:
    """Write every release's pages, then the index and the feeds of everything in `folder`."""
    written: list[Path] = []
    for release in releases:
        written += render_release_pages(release, theme, folder, now=now, base_url=base_url,
                                        english_tag=english_tag)
    return written + render_index(folder, theme, now=now, base_url=base_url)


def tag_of(lang: str, english_tag: str = "en-GB") -> str:
    """The BCP 47 tag of a page's language.

    >>> tag_of("fr"), tag_of("en", "en-US")
    ('fr-FR', 'en-US')
    """
    return english_tag if lang == "en" else labels.lang_tag(lang)


def page_name(lang: str) -> str:
    """The file name of a release's page in `lang`.

    >>> page_name("fr")
    'index.fr.html'
    """
    return f"index.{lang}.html"


def render_release_pages(release: Release, theme: Theme, folder: Path, *, now: datetime | None = None,
                         base_url: str = "", english_tag: str = "en-GB") -> list[Path]:
    """Write `<folder>/<slug>/web/`: a page and a social card per language, and the index entry."""
    now = aware(now or utc_now())
    web = Path(folder) / release.slug / "web"
    _mkdir(web)
    assets = _assets(theme, Path(folder))
    published = _published(release.documents[0], now)
    tags = {d.lang: tag_of(d.lang, english_tag) for d in release.documents}
    urls = {d.lang: _url(base_url, f"{release.slug}/web/{page_name(d.lang)}", page_name(d.lang))
            for d in release.documents}
    template = environment().get_template("page.html")
    written = []
    for document in release.documents:
        card = render_card(document.title, labels.label(document.lang, "press_release"), theme,
                           web / f"card.{document.lang}.png")
        others = [d for d in release.documents if d is not document]
        page = _page(document, theme, release, web, tags, urls, published, now, base_url, assets, others)
        html = template.render(page=page, theme=_theme(theme), words=words(document.lang))
        written += [card, write_bytes(web / page_name(document.lang), html.encode("utf-8"), what="web page")]
    entry = _entry(release, tags, published)
    written.append(write_bytes(web / ENTRY, json.dumps(entry, ensure_ascii=False, indent=1).encode(),
                               what="web index entry"))
    return written


def _page(document: Document, theme: Theme, release: Release, web: Path, tags: dict, urls: dict,
          published: str, now: datetime, base_url: str, assets: dict, others: list[Document]) -> dict:
    """Everything one page's template prints."""
    lang, slug = document.lang, release.slug
    card = _url(base_url, f"{slug}/web/card.{lang}.png", f"card.{lang}.png")
    other = others[0] if others else None
    body = content(document)
    return {
        "lang": lang, "tag": tags[lang], "document": document, "content": body,
        "title": document.title, "subtitle": document.subtitle,
        "dateline": document.dateline.text if document.dateline else labels.long_date(published, lang),
        "published": published, "embargo": document.embargo,
        "noindex": under_embargo(document, now),
        "draft": document.meta_value("status") == "draft",
        "description": description(document), "url": urls[lang], "card": card,
        "press_release": labels.label(lang, "press_release"),
        "key_figures": labels.label(lang, "key_figures"),
        "contact_heading": labels.label(lang, "contacts" if len(document.contacts) > 1 else "contact"),
        "charts": [bar_chart(title, items, lang) for title, items in body.series],
        "alternates": [{"lang": d.lang, "tag": tags[d.lang], "href": urls[d.lang], "title": d.title,
                        "name": labels.label(lang, "french" if d.lang == "fr" else "english"),
                        "current": d is document}
                       for d in release.documents],
        "x_default": urls[release.documents[0].lang],
        "downloads": _downloads(release.files, web, lang),
        "index": "../../index.html", "feed": f"../../feed.{lang}.atom",
        "fonts": {k: os.path.relpath(v, web) for k, v in assets.items()},
        "json_ld": news_article(document, theme, tag=tags[lang], url=urls[lang], image=card,
                                published=published, logo=_logo_url(base_url, assets, web),
                                other={"url": urls[other.lang], "tag": tags[other.lang],
                                       "title": other.title} if other else None),
    }


def _downloads(files: Sequence[Path], web: Path, lang: str) -> list[dict]:
    """The documents to download that exist: link, format, language and size."""
    found = []
    for path in files:
        path = Path(path)
        if not path.is_file():
            continue
        in_lang = re.search(r"\.(fr|en)\.", path.name)
        language = in_lang.group(1) if in_lang else ""
        kind = "pdf" if path.suffix.lower() == ".pdf" else "docx"
        found.append({
            "href": os.path.relpath(path, web), "name": path.name, "lang": language,
            "format": words(lang)[f"word_{kind}"] + (" (PDF/A)" if path.name.endswith(".pdfa.pdf") else ""),
            "language": labels.label(lang, "french" if language == "fr" else "english") if language else "",
            "size": file_size(path.stat().st_size, lang), "bytes": path.stat().st_size,
        })
    return found


def _published(document: Document, now: datetime) -> str:
    """The publication date: the release's own, else the build's day (ISO)."""
    return labels.release_date(document)[:10] or now.date().isoformat()


def _url(base_url: str, from_root: str, relative: str) -> str:
    """An absolute address under `base_url` when the kit sets one, else the relative one.

    >>> _url("https://press.example.org", "a/web/index.fr.html", "index.fr.html")
    'https://press.example.org/a/web/index.fr.html'
    >>> _url("", "a/web/index.fr.html", "index.fr.html")
    'index.fr.html'
    """
    return f"{base_url.rstrip('/')}/{from_root}" if base_url else relative


def _entry(release: Release, tags: dict, published: str) -> dict:
    """What the index and the feeds need of a release."""
    first = release.documents[0]
    end = embargo_end(first)
    return {
        "slug": release.slug, "published": published,
        "embargo": first.embargo, "embargo_end": end.isoformat() if end else "",
        "versions": [{"lang": d.lang, "tag": tags[d.lang], "title": d.title, "summary": description(d),
                      "href": f"{release.slug}/web/{page_name(d.lang)}"} for d in release.documents],
    }


def _theme(theme: Theme) -> dict:
    """The brand settings the templates use (the font name kept to safe characters for CSS)."""
    return {"name": theme.name, "primary": readable(theme.primary), "accent": theme.accent,
            "accent_text": readable(theme.accent), "text": readable(theme.text), "muted": readable(theme.muted),
            "brand_primary": theme.primary, "font": re.sub(r"[^\w \-]", "", theme.font_name) or "presskit"}


def _assets(theme: Theme, folder: Path) -> dict[str, Path]:
    """Copy the brand's fonts (and logo) into `<folder>/assets/`, so the pages need nothing outside."""
    target = folder / "assets"
    _mkdir(target)
    copied = {}
    for role in ("regular", "bold", "italic"):
        source = Path(getattr(theme, f"font_{role}"))
        copied[role] = _copy(source, target / f"{role}{source.suffix.lower()}")
    if theme.logo:
        copied["logo"] = _copy(Path(theme.logo), target / f"logo{Path(theme.logo).suffix.lower()}")
    return copied


def _copy(source: Path, target: Path) -> Path:
    """Copy a file unless the same bytes are already there."""
    data = source.read_bytes()
    if not target.is_file() or target.read_bytes() != data:
        write_bytes(target, data, what="web asset")
    return target


def _logo_url(base_url: str, assets: dict[str, Path], web: Path) -> str:
    """The publisher logo's address, when the brand has a logo."""
    logo = assets.get("logo")
    if not logo:
        return ""
    return _url(base_url, f"assets/{logo.name}", os.path.relpath(logo, web))


def _mkdir(folder: Path) -> None:
    """Create a folder, with a clear error when it cannot be."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise PresskitError(f"cannot create the web folder: {error.strerror}", path=folder,
                            hint="choose another output folder with --out or fix its permissions") from None


def render_index(folder: Path, theme: Theme, *, now: datetime | None = None, base_url: str = "") -> list[Path]:
    """Write `<folder>/index.html` and `feed.<lang>.atom` from every release page in `folder`, newest first.

    A release under embargo at `now` stays out of both.
    """
    now = aware(now or utc_now())
    folder = Path(folder)
    entries = [e for e in _read_entries(folder) if _public(e, now)]
    entries.sort(key=lambda e: (e["published"], e["slug"]), reverse=True)
    assets = _assets(theme, folder)
    langs = list(dict.fromkeys(v["lang"] for e in entries for v in e["versions"])) or ["fr", "en"]
    page_lang = langs[0]
    html = environment().get_template("index.html").render(
        page={"lang": page_lang, "tag": labels.lang_tag(page_lang), "entries": entries,
              "feeds": [(lang, f"feed.{lang}.atom", labels.label(lang, "french" if lang == "fr" else "english"))
                        for lang in langs],
              "fonts": {k: os.path.relpath(v, folder) for k, v in assets.items()},
              "dates": {e["slug"]: {lang: labels.long_date(e["published"], lang) for lang in langs}
                        for e in entries}},
        theme=_theme(theme), words_of=words)
    written = [write_bytes(folder / "index.html", html.encode("utf-8"), what="web index")]
    for lang in langs:
        written.append(write_feed(folder / f"feed.{lang}.atom", _feed(entries, lang, theme, now, base_url)))
    return written


def _feed(entries: list[dict], lang: str, theme: Theme, now: datetime, base_url: str) -> bytes:
    """The Atom feed of one language."""
    items = []
    for entry in entries:
        for version in (v for v in entry["versions"] if v["lang"] == lang):
            stamp = _entry_time(entry)
            items.append({"id": _url(base_url, version["href"], f"urn:presskit:{entry['slug']}:{lang}"),
                          "title": version["title"], "updated": stamp, "published": stamp,
                          "href": _url(base_url, version["href"], version["href"]),
                          "tag": version["tag"], "summary": version["summary"]})
    updated = max((i["updated"] for i in items), key=datetime.fromisoformat,
                  default=now.isoformat(timespec="seconds"))
    return atom_feed(feed_id=_url(base_url, f"feed.{lang}.atom", f"urn:presskit:feed:{lang}"),
                     title=f"{theme.name} — {words(lang)['press_room']}", lang=labels.lang_tag(lang),
                     updated=updated, author=theme.name,
                     self_href=_url(base_url, f"feed.{lang}.atom", f"feed.{lang}.atom"),
                     home_href=_url(base_url, "index.html", "index.html"), entries=items)


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
