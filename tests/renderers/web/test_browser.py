"""The press room in a real headless Chromium (Debian's, driven by Playwright): layout, axe, links, JSON-LD.

Set PRESSKIT_SCREENSHOTS=docs to also copy the screenshots into that folder (the README shows them).
"""
from __future__ import annotations

import functools
import http.server
import json
import os
import shutil
import threading
from pathlib import Path

import pytest

from .conftest import HOSTILE_TEXT, build_site

CHROMIUM = Path(os.environ.get("PRESSKIT_CHROMIUM", "/usr/bin/chromium"))  # Debian's
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
SIZES = {"desktop": (1280, 900), "phone": (390, 844)}

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(),
                                reason=f"needs Debian's chromium ({CHROMIUM} is absent): apt-get install chromium")
sync_api = pytest.importorskip("playwright.sync_api", reason="needs playwright (pip install playwright)")


@pytest.fixture(scope="module")
def browser():
    """One headless Chromium for the module."""
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def served(site):
    """The built press room served over HTTP on 127.0.0.1 (a random port)."""
    handler = functools.partial(_QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", site
    server.shutdown()
    server.server_close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    """A static file server that keeps the test output clean."""

    def log_message(self, *args) -> None:
        pass


@pytest.fixture
def open_page(browser):
    """Open a URL in a fresh page of a given width; every request the page makes is recorded."""
    contexts = []

    def opener(url: str, size: str = "desktop"):
        width, height = SIZES[size]
        context = browser.new_context(viewport={"width": width, "height": height})
        contexts.append(context)
        page = context.new_page()
        page.requests = []
        page.on("request", lambda request: page.requests.append(request.url))
        page.dialogs = []
        page.on("dialog", lambda dialog: (page.dialogs.append(dialog.message), dialog.dismiss()))
        page.goto(url, wait_until="load")
        return page

    yield opener
    for context in contexts:
        context.close()


URLS = {"fr": "/congres-2023/web/index.fr.html", "en": "/congres-2023/web/index.en.html"}


@pytest.mark.parametrize("size", ["desktop", "phone"])
@pytest.mark.parametrize("lang", ["fr", "en"])
def test_screenshots_fit_the_width_and_load_nothing_from_elsewhere(served, open_page, tmp_path, lang, size):
    base, _ = served
    page = open_page(base + URLS[lang], size)
    assert page.evaluate("document.documentElement.scrollWidth") <= SIZES[size][0]
    assert page.evaluate("document.fonts.check('16px Lato')")
    assert page.evaluate("[...document.fonts].filter(f => f.status === 'loaded').length") >= 2
    assert all(url.startswith(base) for url in page.requests), page.requests
    shot = tmp_path / f"web-{lang}-{size}.png"
    page.screenshot(path=str(shot), full_page=size == "desktop")
    assert shot.stat().st_size > 20_000
    target = os.environ.get("PRESSKIT_SCREENSHOTS")
    if target:
        shutil.copy(shot, Path(target) / shot.name)


@pytest.mark.parametrize("path", [URLS["fr"], URLS["en"], "/index.html"])
@pytest.mark.parametrize("size", ["desktop", "phone"])
def test_axe_finds_no_serious_or_critical_violation(served, open_page, path, size):
    from axe_playwright_python.sync_playwright import Axe

    base, _ = served
    results = Axe().run(open_page(base + path, size))
    bad = [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3])
           for v in results.response["violations"] if v["impact"] in ("serious", "critical")]
    assert bad == []


def test_the_language_switcher_goes_both_ways(served, open_page):
    base, _ = served
    page = open_page(base + URLS["fr"])
    assert page.evaluate("document.documentElement.lang") == "fr-FR"
    page.get_by_role("navigation", name="Langue").get_by_role("link", name="English").click()
    page.wait_for_url(base + URLS["en"])
    assert page.evaluate("document.documentElement.lang") == "en-GB"
    assert page.locator("nav.switcher a[aria-current=page]").inner_text() == "English"
    page.get_by_role("navigation", name="Language").get_by_role("link", name="Français").click()
    page.wait_for_url(base + URLS["fr"])
    assert page.locator("h1").inner_text().startswith("Succès du Congrès")


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_every_download_link_serves_its_file(served, open_page, lang):
    base, site = served
    page = open_page(base + URLS[lang])
    links = page.eval_on_selector_all(".downloads a", "as => as.map(a => [a.href, +a.dataset.bytes])")
    assert len(links) == 4
    for href, size in links:
        response = page.request.get(href)
        assert response.status == 200 and len(response.body()) == size
        assert (site / href[len(base) + 1:]).read_bytes() == response.body()
    with page.expect_download() as download:
        page.locator(".downloads a").first.click()
    assert download.value.suggested_filename == "congres-2023.fr.docx"


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_every_link_of_the_page_that_stays_on_the_site_works(served, open_page, lang):
    base, _ = served
    page = open_page(base + URLS[lang])
    hrefs = page.eval_on_selector_all("a[href], link[href]", "as => as.map(a => a.href)")
    local = {h.split("#")[0] for h in hrefs if h.startswith(base)}
    assert len(local) >= 8
    for href in sorted(local):
        assert page.request.get(href).status == 200, href
    anchors = page.eval_on_selector_all("a[href^='#']", "as => as.map(a => a.getAttribute('href').slice(1))")
    assert anchors and all(page.locator(f"[id='{a}']").count() == 1 for a in anchors)


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_json_ld_has_news_article_required_properties(served, open_page, lang):
    base, _ = served
    page = open_page(base + URLS[lang])
    data = json.loads(page.locator("script[type='application/ld+json']").text_content())
    assert data["@type"] == "NewsArticle"
    for key in ("headline", "image", "datePublished", "author", "publisher", "inLanguage"):
        assert data[key], key
    assert data["publisher"]["@type"] == "Organization" and data["publisher"]["name"]
    assert ("translationOfWork" if lang == "en" else "workTranslation") in data
    assert page.request.get(page.url.rsplit("/", 1)[0] + "/" + data["image"][0]).status == 200


def test_markup_in_the_release_shows_as_text_and_never_runs(tmp_path, browser, document_fr, document_en, theme):
    site = build_site(tmp_path / "hostile", document_fr.evolve(title=HOSTILE_TEXT, subtitle=HOSTILE_TEXT),
                      document_en.evolve(title=HOSTILE_TEXT, subtitle=HOSTILE_TEXT), theme)
    context = browser.new_context()
    page = context.new_page()
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto((site / "congres-2023" / "web" / "index.en.html").as_uri())
    assert page.locator("h1").inner_text() == HOSTILE_TEXT
    assert page.locator("p.subtitle").inner_text() == HOSTILE_TEXT
    assert page.evaluate("document.querySelectorAll('script:not([type=\"application/ld+json\"]), img').length") == 0
    assert page.title().startswith(HOSTILE_TEXT)
    assert dialogs == []
    context.close()
