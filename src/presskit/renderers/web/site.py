"""The web press room: a page and a social card per language of each release, and its index entry."""
from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Sequence

from presskit.document import Document
from presskit.kit.theme import Theme
from presskit.renderers.web.chart import bar_chart
from presskit.renderers.web.common import (
    ENTRY,
    copy_assets,
    environment,
    logo_url,
    theme_values,
    url,
)
from presskit.renderers.web.content import content
from presskit.renderers.web.embargo import aware, embargo_end, under_embargo, utc_now
from presskit.renderers.web.index import render_index
from presskit.renderers.web.metadata import description, news_article
from presskit.renderers.web.words import file_size, words
from presskit.runtime.atomic import make_folder, write_output
from presskit.typesetting import labels


@dataclass(frozen=True)
class Release:
    """One release of the press room: its slug, its documents (the original first) and the files to download."""

    slug: str
    documents: tuple[Document, ...]
    files: tuple[Path, ...] = ()


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
                         base_url: str = "", english_tag: str = "en-GB", web: Path | None = None,
                         cards: bool = True, sizes_later: str = "") -> list[Path]:
    """Write `<folder>/<slug>/web/` (or `web`, where a build stages the release): a page and a social
    card per language (`cards=False`: the cards are written apart, `render_cards`), and the index
    entry; `folder` is the site's root.

    `sizes_later`: the release's files are still being written; their sizes are left as marks made of
    this word (unique to the build) until `fill_download_sizes` writes them in.
    """
    now = aware(now or utc_now())
    web = Path(web) if web is not None else Path(folder) / release.slug / "web"
    make_folder(web, "web folder")
    assets = copy_assets(theme, Path(folder), copy=not sizes_later)  # else `fill_download_sizes` copies them
    published = _published(release.documents[0], now)
    tags = {d.lang: tag_of(d.lang, english_tag) for d in release.documents}
    urls = {d.lang: url(base_url, f"{release.slug}/web/{page_name(d.lang)}", page_name(d.lang))
            for d in release.documents}
    template = environment().get_template("page.html")
    written = _cards(release.documents, theme, web) if cards else []
    for document in release.documents:
        others = [d for d in release.documents if d is not document]
        page = _page(document, theme, release, web, tags, urls, published, now, base_url, assets, others,
                     sizes_later=sizes_later)
        html = template.render(page=page, theme=theme_values(theme), words=words(document.lang))
        written.append(write_output(web / page_name(document.lang), html.encode("utf-8"), what="web page"))
    entry = _entry(release, tags, published)
    written.append(write_output(web / ENTRY, json.dumps(entry, ensure_ascii=False, indent=1).encode(),
                               what="web index entry"))
    return written


def _cards(documents: Sequence[Document], theme: Theme, web: Path) -> list[Path]:
    """The social cards, drawn here (Pillow loads only where cards are drawn: a build draws them apart)."""
    from presskit.renderers.web.card import render_cards

    return render_cards(documents, theme, web)


def _page(document: Document, theme: Theme, release: Release, web: Path, tags: dict, urls: dict,
          published: str, now: datetime, base_url: str, assets: dict, others: list[Document], *,
          sizes_later: str = "") -> dict:
    """Everything one page's template prints."""
    lang, slug = document.lang, release.slug
    card = url(base_url, f"{slug}/web/card.{lang}.jpg", f"card.{lang}.jpg")
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
        "downloads": _downloads(release.files, web, lang, sizes_later),
        "index": "../../index.html", "feed": f"../../feed.{lang}.atom",
        "assets": {k: os.path.relpath(v, web) for k, v in assets.items()},
        "json_ld": news_article(document, theme, tag=tags[lang], url=urls[lang], image=card,
                                published=published, logo=logo_url(base_url, assets, web),
                                other={"url": urls[other.lang], "tag": tags[other.lang],
                                       "title": other.title} if other else None),
    }


def _downloads(files: Sequence[Path], web: Path, lang: str, sizes_later: str = "") -> list[dict]:
    """The documents to download that exist (or, with `sizes_later`, will): link, format, language and size."""
    found = []
    for number, path in enumerate(map(Path, files)):
        if not sizes_later and not path.is_file():
            continue
        in_lang = re.search(r"\.(fr|en)\.", path.name)
        language = in_lang.group(1) if in_lang else ""
        kind = "pdf" if path.suffix.lower() == ".pdf" else "docx"
        size = path.stat().st_size if not sizes_later else 0
        found.append({
            "href": os.path.relpath(path, web), "name": path.name, "lang": language,
            "format": words(lang)[f"word_{kind}"] + (" (PDF/A)" if path.name.endswith(".pdfa.pdf") else ""),
            "language": labels.label(lang, "french" if language == "fr" else "english") if language
            else labels.label(lang, "bilingual"),
            "size": _size_mark(sizes_later, number, "size") if sizes_later else file_size(size, lang),
            "bytes": _size_mark(sizes_later, number, "bytes") if sizes_later else size,
        })
    return found


def _size_mark(word: str, number: int, kind: str) -> str:
    """Where the size of download `number` goes until it is known.

    >>> _size_mark("3f9a", 2, "bytes")
    'presskit-3f9a-2-bytes'
    """
    return f"presskit-{word}-{number}-{kind}"


def fill_download_sizes(web: Path, files: Sequence[Path], sizes_later: str, theme: Theme, folder: Path
                        ) -> list[Path]:
    """Write the sizes of the release's files, now written, into its pages (`render_release_pages` with
    `sizes_later`), and copy the site's assets into `folder`, the site's root (kept out of the site
    until the documents are written); the pages were listed already, so the list is empty."""
    copy_assets(theme, Path(folder))
    sizes = [Path(path).stat().st_size for path in files]
    for page in sorted(Path(web).glob(page_name("*"))):
        lang = page.name.split(".")[1]
        html = page.read_text(encoding="utf-8")
        for number, size in enumerate(sizes):
            html = html.replace(_size_mark(sizes_later, number, "size"), file_size(size, lang)) \
                       .replace(_size_mark(sizes_later, number, "bytes"), str(size))
        if f"presskit-{sizes_later}-" in html:
            raise ValueError(f"{page}: a download size was left unknown")
        write_output(page, html.encode("utf-8"), what="web page")
    return []


def _published(document: Document, now: datetime) -> str:
    """The publication date: the release's own, else the build's day (ISO)."""
    return labels.release_date(document)[:10] or now.date().isoformat()


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
