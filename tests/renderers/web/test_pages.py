"""The press room's pages read back as HTML: structure, metadata, links, escaping, brand."""
from __future__ import annotations

import re

import pytest
from PIL import Image

from presskit.document import Block, Contact, Footnote, NoteRef, Speaker
from presskit.renderers.web import Release

from .conftest import build_site, json_ld, meta, page, parse_html, write_downloads

LANGS = {"fr": "fr-FR", "en": "en-GB"}
SVG = "{http://www.w3.org/2000/svg}"


def text_of(element) -> str:
    """All the text inside an element."""
    return "".join(element.itertext())


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_each_page_parses_strictly_and_says_its_language(site, lang):
    tree = parse_html(page(site, lang))
    assert tree.get("lang") == LANGS[lang]
    assert tree.find(".//h1") is not None


def test_index_parses_strictly(site):
    tree = parse_html(site / "index.html")
    assert tree.get("lang") == "fr-FR"


def test_title_dateline_lede_body_quotes_and_notes(site, document_fr):
    tree = parse_html(page(site, "fr"))
    assert text_of(tree.find(".//h1")) == document_fr.title
    assert text_of(tree.find(".//p[@class='subtitle']")) == document_fr.subtitle
    assert text_of(tree.find(".//p[@class='dateline']")) == "Paris, le 7 septembre 2023"
    assert tree.find(".//p[@class='dateline']/time").get("datetime") == "2023-09-07"
    lede = text_of(tree.find(".//p[@class='lede']"))
    assert lede.startswith("La crise Covid a montré")
    quotes = tree.findall(".//figure[@class='quote']")
    assert len(quotes) == 2
    assert text_of(quotes[0].find("blockquote")).startswith("«\u202fIl faut assurer")
    assert text_of(quotes[0].find("figcaption")) == "— Jessica Leygues, Déléguée Générale, Medicen Paris Region"
    call = tree.find(".//sup[@class='call']/a")
    assert call.get("href") == "#note-1" and call.get("id") == "call-1"
    note = tree.find(".//li[@id='note-1']")
    assert note.find("a").get("href").startswith("https://www.example.org/rapport")
    assert note.findall("a")[-1].get("href") == "#call-1"
    headings = [text_of(h) for h in tree.findall(".//h2")]
    assert "Une filière qui se structure" in headings
    assert "À propos de Medicen Paris Region" in headings and "À propos de Polepharma" in headings


def test_contacts_have_mailto_and_tel_links(site):
    tree = parse_html(page(site, "en"))
    hrefs = {a.get("href") for a in tree.findall(".//section[@class='contacts']//a")}
    assert hrefs == {"mailto:marie.dupont@medicen.org", "tel:+33123456789"}
    body_links = {a.get("href") for a in tree.findall(".//article//a")}
    assert {"mailto:presse@medicen.org", "https://medicen.org/agenda",
            "https://www.france-bioproduction.fr"} <= body_links


def test_download_links_name_the_four_documents_with_their_sizes(site):
    tree = parse_html(page(site, "fr"))
    links = tree.findall(".//section[@class='downloads']//a")
    web = page(site, "fr").parent
    assert [(web / a.get("href")).resolve().name for a in links] == [
        "congres-2023.fr.docx", "congres-2023.fr.pdf", "congres-2023.en.docx", "congres-2023.en.pdf"]
    assert all((web / a.get("href")).is_file() for a in links)
    assert [text_of(a) for a in links] == ["Word · Français (10 Ko)", "PDF · Français (20 Ko)",
                                           "Word · English (30 Ko)", "PDF · English (40 Ko)"]


def test_hreflang_alternates_with_x_default(site):
    for lang in ("fr", "en"):
        tree = parse_html(page(site, lang))
        alternates = {link.get("hreflang"): link.get("href") for link in tree.iter("link") if link.get("hreflang")}
        assert alternates == {"fr-FR": "index.fr.html", "en-GB": "index.en.html", "x-default": "index.fr.html"}
        switcher = tree.findall(".//nav[@class='switcher']//a")
        assert [(a.get("hreflang"), a.get("aria-current")) for a in switcher] == [
            ("fr-FR", "page" if lang == "fr" else None), ("en-GB", "page" if lang == "en" else None)]


def test_open_graph_and_twitter_card(site, document_en, theme):
    tree = parse_html(page(site, "en"))
    assert meta(tree, "og:title") == meta(tree, "twitter:title") == document_en.title
    assert meta(tree, "og:description").startswith("La crise Covid") and meta(tree, "description")
    assert meta(tree, "og:locale") == "en_GB" and meta(tree, "og:locale:alternate") == "fr_FR"
    assert meta(tree, "twitter:card") == "summary_large_image"
    assert not [m for m in tree.iter("meta") if m.get("property") == "og:url"]  # relative: needs [web] base_url
    card = page(site, "en").parent / meta(tree, "og:image")
    assert meta(tree, "twitter:image") == meta(tree, "og:image") == "card.en.jpg"
    with Image.open(card) as image:
        assert image.format == "JPEG" and image.size == (1200, 630)
        primary = tuple(int(theme.primary[i:i + 2], 16) for i in (1, 3, 5))
        accent = tuple(int(theme.accent[i:i + 2], 16) for i in (1, 3, 5))
        for spot, colour in (((5, 5), primary), ((600, 625), accent)):  # JPEG: within a few levels
            assert max(abs(a - b) for a, b in zip(image.convert("RGB").getpixel(spot), colour)) <= 12
        assert len(image.convert("RGB").getcolors(100_000)) > 50  # the title is drawn on it


def test_json_ld_news_article_links_the_two_versions(site, document_fr, document_en, theme):
    french, english = (json_ld(parse_html(page(site, lang))) for lang in ("fr", "en"))
    for data, doc, tag in ((french, document_fr, "fr-FR"), (english, document_en, "en-GB")):
        assert data["@context"] == "https://schema.org" and data["@type"] == "NewsArticle"
        assert data["headline"] == doc.title and data["inLanguage"] == tag
        assert data["datePublished"] == "2023-09-07"
        assert data["image"] == [f"card.{doc.lang}.jpg"]
        assert data["publisher"] == {"@type": "Organization", "name": theme.name}
        assert data["author"][0]["@type"] == "Organization"
    assert english["translationOfWork"] == {"@type": "NewsArticle", "url": "index.fr.html",
                                            "inLanguage": "fr-FR", "headline": document_fr.title}
    assert french["workTranslation"] == [{"@type": "NewsArticle", "url": "index.en.html",
                                          "inLanguage": "en-GB", "headline": document_en.title}]


def test_key_figures_as_cards_and_an_inline_svg_chart(site):
    tree = parse_html(page(site, "fr"))
    cards = tree.findall(".//ul[@class='figures']/li")
    assert [text_of(c.find("span[@class='number']")) for c in cards] == ["85\u202f%", "500"]
    assert text_of(cards[0].find("span[@class='qualifier']")) == "plus de"
    (svg,) = tree.findall(f".//section[@class='key-figures']//{SVG}svg")
    bars = svg.findall(f"{SVG}rect")
    assert [float(b.get("height")) for b in bars] == pytest.approx([216 * v / 25 for v in (5, 21, 12)], abs=0.1)
    assert text_of(svg.find(f"{SVG}title")) == "biothérapies produites en 2020"
    assert "France 5; Allemagne 21; Italie 12" in text_of(svg.find(f"{SVG}desc"))


def test_self_contained_with_brand_colours_and_a_print_stylesheet(site, theme):
    html = page(site, "fr").read_text(encoding="utf-8")
    tree = parse_html(page(site, "fr"))
    assert not [s for s in tree.iter("script") if s.get("src") or s.get("type") != "application/ld+json"]
    assert not [link for link in tree.iter("link") if link.get("rel") == "stylesheet"]
    assert not tree.findall(".//img")
    style = text_of(tree.find(".//style"))
    assert f"--primary: {theme.primary};" in style and f"--accent: {theme.accent};" in style
    assert "@media print" in style
    fonts = re.findall(r'url\("([^"]+)"\)', style)
    assert len(fonts) == 3 and all((page(site, "fr").parent / f).is_file() for f in fonts)
    assert not re.search(r"(src|href)=\"(https?:)?//", html.replace('href="https://www.example.org', "")
                         .replace('href="https://medicen.org', "").replace('href="https://www.france-bio', ""))


HOSTILE = "<script>alert('x')</script> & <img src=x onerror=alert(1)> R&D &amp; \"quoted\""


def test_a_release_full_of_markup_shows_it_as_text(tmp_path, document_fr, document_en, theme):
    def hostile(doc):
        return doc.evolve(
            title=f"Titre {HOSTILE}", subtitle=HOSTILE, embargo=f"Embargo {HOSTILE}",
            blocks=(Block("lede", HOSTILE), Block("heading", HOSTILE), Block("list", items=(HOSTILE,)),
                    Block("quote", HOSTILE, speaker=Speaker("<b>Ann</b> & Co", "</figcaption>")),
                    Block("paragraph", HOSTILE, notes=(NoteRef("1", 5),))),
            footnotes=(Footnote("1", HOSTILE),), contacts=(Contact("<script>x</script>", text=HOSTILE),),
            meta=doc.meta + (("embargo", "2020-01-01T00:00"),))
    site = build_site(tmp_path / "out", hostile(document_fr), hostile(document_en), theme)
    for path in (page(site, "fr"), page(site, "en"), site / "index.html"):
        tree = parse_html(path)
        assert [s.get("type") for s in tree.iter("script")] == (
            ["application/ld+json"] if path.name != "index.html" else [])
        assert not tree.findall(".//img") and not tree.findall(".//b")
        body = text_of(tree.find(".//body"))
        assert "<script>alert(" in body and "<img src=x onerror=alert(1)> R&D &amp;" in body
    tree = parse_html(page(site, "en"))
    assert text_of(tree.find(".//h1")) == f"Titre {HOSTILE}"
    assert json_ld(tree)["headline"] == f"Titre {HOSTILE}"
    assert "</script>" not in tree.find(".//script").text


def test_the_brand_logo_is_copied_and_named_as_the_publishers(tmp_path, document_fr, document_en, logo_png):
    from presskit.kit.theme import Theme

    site = build_site(tmp_path / "out", document_fr, document_en, Theme(name="Medicen", logo=logo_png))
    publisher = json_ld(parse_html(page(site, "fr")))["publisher"]
    assert publisher["logo"] == {"@type": "ImageObject", "url": "../../assets/logo.png"}
    assert (site / "assets" / "logo.png").read_bytes() == logo_png.read_bytes()
    (img,) = parse_html(page(site, "en")).findall(".//header//img")
    assert img.get("src") == "../../assets/logo.png" and img.get("alt") == ""  # the brand's name follows


def test_a_bilingual_pdf_is_offered_as_such(tmp_path, document_fr, document_en, theme):
    site = build_site(tmp_path / "out", document_fr, document_en, theme)
    bilingual = site / "congres-2023" / "congres-2023.bilingual.pdf"
    bilingual.write_bytes(b"%PDF" * 500)
    from presskit.renderers.web import Release, render_release_pages

    files = tuple(sorted((site / "congres-2023").glob("congres-2023.*")))
    render_release_pages(Release("congres-2023", (document_fr, document_en), files), theme, site)
    links = ["".join(a.itertext()) for a in parse_html(page(site, "en")).findall(".//section[@class='downloads']//a")]
    assert "PDF · Bilingual edition (2 KB)" in links


def test_pages_made_while_the_documents_are_written_get_their_sizes_once_they_are(tmp_path, document_fr, document_en,
                                                                                  theme):
    from presskit.renderers.web import render_release_pages
    from presskit.renderers.web.site import fill_download_sizes

    slug, web = "congres-2023", tmp_path / "congres-2023" / "web"
    files = tuple(tmp_path / slug / f"{slug}.{suffix}" for suffix in ("fr.docx", "fr.pdf", "en.docx", "en.pdf"))
    render_release_pages(Release(slug, (document_fr, document_en), files), theme, tmp_path, web=web,
                         sizes_later="5eed")
    assert not (tmp_path / "assets").exists()  # the shared assets wait for the documents too
    assert "presskit-5eed-3-size" in page(tmp_path, "en").read_text(encoding="utf-8")
    with pytest.raises(FileNotFoundError):  # a document that was never written is no size of 0
        fill_download_sizes(web, files, "5eed", theme, tmp_path)
    write_downloads(tmp_path, slug)
    assert fill_download_sizes(web, files, "5eed", theme, tmp_path) == []
    for lang, unit in (("fr", "Ko"), ("en", "KB")):
        links = parse_html(web / f"index.{lang}.html").findall(".//section[@class='downloads']//a")
        assert [text_of(a).rsplit(" ", 2)[-2:] for a in links] == [[f"({n}0", f"{unit})"] for n in (1, 2, 3, 4)]
        assert [a.get("data-bytes") for a in links] == ["10000", "20000", "30000", "40000"]
        assert "presskit-5eed" not in (web / f"index.{lang}.html").read_text(encoding="utf-8")
    assert {p.name for p in (tmp_path / "assets").iterdir()} >= {"regular.ttf", "bold.ttf", "italic.ttf"}
