"""The kit index and the Atom feeds: newest first, both languages, embargoed releases kept out until their time."""
from __future__ import annotations

from datetime import datetime, timezone
from xml.etree import ElementTree as ET

import pytest

from presskit.document import Dateline
from presskit.renderers.web import render_index

from .conftest import build_site, page, parse_html

ATOM = "{http://www.w3.org/2005/Atom}"
EMBARGO_FR = "Sous embargo jusqu'au 3 juin 2025 à 8 h"
EMBARGO_EN = "Embargoed until 3 June 2025, 8 a.m."


def dated(doc, iso: str, title: str):
    """The release moved to another date, under another title."""
    return doc.evolve(title=title, dateline=Dateline(doc.dateline.text, "Paris", iso),
                      meta=tuple((k, iso if k == "date" else v) for k, v in doc.meta))


def embargoed(doc, text: str):
    """The release under an embargo that ends on 3 June 2025 at 8:00, Paris time."""
    return doc.evolve(embargo=text, meta=doc.meta + (("embargo", "2025-06-03T08:00"),))


@pytest.fixture
def two_releases(tmp_path, document_fr, document_en, theme):
    """A press room with an older and a newer release."""
    out = tmp_path / "out"
    build_site(out, dated(document_fr, "2021-06-23", "Ancien"), dated(document_en, "2021-06-23", "Old"),
               theme, slug="old")
    build_site(out, dated(document_fr, "2024-01-10", "Récent"), dated(document_en, "2024-01-10", "New"),
               theme, slug="new")
    return out


def index_titles(out) -> list[str]:
    """The titles the index links to, in order."""
    return ["".join(a.itertext()) for a in parse_html(out / "index.html").findall(".//ul[@class='releases']//h2/a")]


def feed(out, lang: str) -> ET.Element:
    """The parsed Atom feed of `lang`."""
    return ET.parse(out / f"feed.{lang}.atom").getroot()


def test_index_lists_every_release_newest_first_in_both_languages(two_releases):
    assert index_titles(two_releases) == ["Récent", "New", "Ancien", "Old"]
    links = [a.get("href") for a in parse_html(two_releases / "index.html").findall(".//ul[@class='releases']//h2/a")]
    assert links[0] == "new/web/index.fr.html" and all((two_releases / href).is_file() for href in links)
    tree = parse_html(two_releases / "index.html")
    assert [d.get("lang") for d in tree.findall(".//ul[@class='releases']/li/div")] == ["fr-FR", "en-GB"] * 2


@pytest.mark.parametrize("lang,titles", [("fr", ["Récent", "Ancien"]), ("en", ["New", "Old"])])
def test_an_atom_feed_per_language_follows_rfc_4287(two_releases, lang, titles, theme):
    root = feed(two_releases, lang)
    assert root.tag == f"{ATOM}feed"
    assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == {"fr": "fr-FR", "en": "en-GB"}[lang]
    for required in ("id", "title", "updated"):
        assert root.find(f"{ATOM}{required}").text
    assert root.find(f"{ATOM}author/{ATOM}name").text == theme.name
    assert root.find(f"{ATOM}link[@rel='self']").get("href") == f"feed.{lang}.atom"
    entries = root.findall(f"{ATOM}entry")
    assert [e.find(f"{ATOM}title").text for e in entries] == titles
    first = entries[0]
    assert first.find(f"{ATOM}updated").text.startswith("2024-01-10T")
    assert first.find(f"{ATOM}id").text == f"urn:presskit:new:{lang}"
    assert first.find(f"{ATOM}link").get("href") == f"new/web/index.{lang}.html"
    assert first.find(f"{ATOM}summary").text.startswith("La crise Covid")
    assert root.find(f"{ATOM}updated").text == first.find(f"{ATOM}updated").text


BEFORE = datetime(2025, 6, 3, 5, 59, tzinfo=timezone.utc)  # 7:59 in Paris
AFTER = datetime(2025, 6, 3, 6, 0, tzinfo=timezone.utc)  # 8:00 in Paris


def test_an_embargoed_release_is_noindex_and_out_of_index_and_feeds_until_its_time(
        two_releases, document_fr, document_en, theme):
    build_site(two_releases, embargoed(dated(document_fr, "2025-06-03", "Secret"), EMBARGO_FR),
               embargoed(dated(document_en, "2025-06-03", "Secret EN"), EMBARGO_EN), theme,
               slug="secret", now=BEFORE)
    assert "Secret" not in index_titles(two_releases)
    assert [e.find(f"{ATOM}title").text for e in feed(two_releases, "en").findall(f"{ATOM}entry")] == ["New", "Old"]
    for lang, line in (("fr", EMBARGO_FR), ("en", EMBARGO_EN)):
        tree = parse_html(page(two_releases, lang, "secret"))
        robots = [m.get("content") for m in tree.iter("meta") if m.get("name") == "robots"]
        assert robots == ["noindex, nofollow"]
        assert "".join(tree.find(".//p[@class='embargo']").itertext()) == line
    render_index(two_releases, theme, now=AFTER)
    assert index_titles(two_releases)[:2] == ["Secret", "Secret EN"]
    assert feed(two_releases, "fr").find(f"{ATOM}entry/{ATOM}title").text == "Secret"
    assert feed(two_releases, "fr").find(f"{ATOM}entry/{ATOM}updated").text == "2025-06-03T08:00:00+02:00"


def test_after_its_time_the_page_is_indexable_and_still_carries_the_embargo_line(
        tmp_path, document_fr, document_en, theme):
    out = build_site(tmp_path / "out", embargoed(document_fr, EMBARGO_FR), embargoed(document_en, EMBARGO_EN),
                     theme, now=AFTER)
    tree = parse_html(page(out, "fr"))
    assert not [m for m in tree.iter("meta") if m.get("name") == "robots"]
    assert "".join(tree.find(".//p[@class='embargo']").itertext()) == EMBARGO_FR
    assert index_titles(out) == [document_fr.title, document_en.title]


def test_an_embargo_without_a_readable_time_stays_out(tmp_path, document_fr, document_en, theme):
    out = build_site(tmp_path / "out", document_fr.evolve(embargo="Sous embargo"),
                     document_en.evolve(embargo="Under embargo"), theme, now=datetime(2099, 1, 1, tzinfo=timezone.utc))
    assert index_titles(out) == [] and feed(out, "fr").findall(f"{ATOM}entry") == []


def test_a_broken_index_entry_is_a_clear_error(two_releases, theme):
    from presskit.errors import PresskitError

    (two_releases / "old" / "web" / "release.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(PresskitError, match="cannot read the web index entry") as caught:
        render_index(two_releases, theme)
    assert "release.json" in str(caught.value) and "build it again" in caught.value.hint
