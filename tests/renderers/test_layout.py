"""Layout faults read back from the PDFs: long quotes split, long URLs wrap, amounts stay whole."""
from __future__ import annotations

import re

import pytest
from pypdf import PdfReader
from reportlab.platypus import Paragraph

from presskit.document import Block, Speaker
from presskit.renderers.pdf import parts
from presskit.renderers.pdf import writer as pdf
from presskit.renderers.pdf.bilingual import render_bilingual
from presskit.renderers.pdf.setup import rendering
from presskit.typesetting import typography

LONG_URL = ("http://lecercle.lesechos.fr/economie-societe/politique-eco-conjoncture/"
            "politique-economique/221179553/open-source-nouveau-modele")
SENTENCE = "Nous devons renforcer notre souveraineté numérique et réduire les dépendances. "


def _long_quote(document, lang="fr"):
    """The release with a quote of about a page and a half before its contacts."""
    text = "\n\n".join(SENTENCE * 9 for _ in range(5))
    quote = Block("quote", text, speaker=Speaker("Stéphanie Schaer", "directrice", "DINUM"),
                  attribution="a déclaré Stéphanie Schaer, directrice, DINUM.")
    return document.evolve(blocks=document.blocks[:2] + (quote,) + document.blocks[2:], lang=lang)


def _typeset(paragraph, width):
    """The (width, text) of each line of `paragraph` wrapped at `width`."""
    paragraph.wrap(width, 1000)
    out = []
    for line in paragraph.blPara.lines:
        if isinstance(line, tuple):
            out.append((width - line[0], " ".join(line[1])))
        else:
            out.append((line.maxWidth - line.extraSpace, "".join(w.text for w in line.words)))
    return out


def _lines(path):
    """Each page's text lines."""
    return [p.extract_text().splitlines() for p in PdfReader(path).pages]


def test_long_quote_splits_with_two_lines_at_least_and_the_attribution_at_its_end(document_fr, theme,
                                                                                   tmp_path):
    pages = _lines(pdf.render(_long_quote(document_fr), theme, tmp_path / "kit.pdf"))
    holding = [i for i, lines in enumerate(pages) if any("souveraineté numérique" in s for s in lines)]
    assert len(holding) >= 2  # the quote runs over a page break instead of leaving a page empty
    for index in holding:
        assert sum("souveraineté" in s or "dépendances" in s for s in pages[index]) >= 2
    end = next(i for i, lines in enumerate(pages) if any(s.rstrip().endswith("»") and "dépendances" in s
                                                         for s in lines))
    assert any("Stéphanie Schaer" in s for s in pages[end])  # the attribution is with the end
    body_pages = pages[1:-1]
    assert all(len(lines) > 12 for lines in body_pages[:-1])  # no page left mostly empty


def test_bilingual_edition_builds_with_a_long_quote(document_fr, document_en, theme, tmp_path):
    french, english = _long_quote(document_fr), _long_quote(document_en, "en")
    path = render_bilingual(french, english, theme, tmp_path / "bi.pdf")
    pages = _lines(path)
    assert sum(any("souveraineté" in s for s in lines) for lines in pages) >= 2
    assert len([s for s in pages[0] if s.strip()]) >= 3 and "Français" not in " ".join(pages[0])
    footer = " ".join(pages[1])
    assert "Page 2 sur" in footer and "Page 2 of" in footer


@pytest.mark.parametrize("width", [140, 180, 226, 300])
def test_long_url_breaks_after_slashes_and_stays_within_the_column(document_fr, theme, width):
    ctx = pdf.context(document_fr, theme)
    with rendering(ctx.fonts["regular"]):
        lines = _typeset(parts.para(ctx, f"Tribune (2013) {LONG_URL}", "small"), width)
    widths, texts = [w for w, _ in lines], [t.strip() for _, t in lines]
    assert max(widths) <= width + 0.01
    assert "".join(texts).replace("Tribune (2013) ", "").replace(" ", "") == LONG_URL
    assert all(t.endswith(("/", "(2013)")) or texts[i + 1].startswith("-")
               for i, t in enumerate(texts[:-1]))


@pytest.mark.parametrize("lang,text,whole", [
    ("en", "The region will invest €800 million in the new plant over the next five years.", "€800 million"),
    ("fr", "La région investira 800 millions d’euros et 12 M€ dans la nouvelle usine de Lyon.",
     "800 millions"),
    ("fr", "Le site couvrira 25 ha et produira 10 000 doses pour la 5e fois depuis le 1er mai.", "25 ha"),
])
def test_amounts_and_units_never_break(document_fr, theme, lang, text, whole):
    ctx = pdf.context(document_fr.evolve(lang=lang), theme)
    typeset = typography.apply(text, lang)
    for width in range(60, 320, 7):
        with rendering(ctx.fonts["regular"]):
            lines = [t for _, t in _typeset(Paragraph(typeset, ctx.styles["body"]), width)]
        flat = [re.sub("[\u00a0\u202f]", " ", s) for s in lines]
        assert any(whole in s for s in flat), (width, flat)


def test_french_ordinals_are_superscript_letters():
    assert typography.apply("la 5e édition, le 1er mai", "fr") == "la 5ᵉ édition, le 1ᵉʳ mai"


def test_links_and_emphasis_in_the_text_reach_the_pdf_and_the_docx(document_fr, theme, tmp_path):
    import zipfile

    import docx
    import pikepdf

    from presskit.renderers.docx import writer as docx_renderer

    text = ("La **Métropole de Lyon** soutient le projet, voir [Métropole de Lyon](https://www.grandlyon.com) "
            "et le *rapport* annuel.")
    document = document_fr.evolve(blocks=(Block("paragraph", text),))
    path = pdf.render(document, theme, tmp_path / "kit.pdf")
    page = PdfReader(path).pages[1].extract_text()
    assert "voir Métropole de Lyon et le rapport annuel" in " ".join(page.split())
    assert "**" not in page and "](" not in page
    with pikepdf.open(path) as opened:
        uris = {str(a.A.URI) for p in opened.pages for a in p.get("/Annots") or [] if "/A" in a}
        fonts = {str(f.BaseFont) for f in opened.pages[1].Resources.Font.values()}
    assert "https://www.grandlyon.com" in uris
    assert any("Lato-Bold" in f for f in fonts) and any("Lato-Italic" in f for f in fonts)
    docx_path = docx_renderer.render(document, theme, tmp_path / "kit.docx")
    xml = zipfile.ZipFile(docx_path).read("word/document.xml").decode()
    rels = zipfile.ZipFile(docx_path).read("word/_rels/document.xml.rels").decode()
    assert "https://www.grandlyon.com" in rels and "<w:hyperlink" in xml
    body = next(p for p in docx.Document(str(docx_path)).paragraphs if "soutient" in p.text)
    assert [r.text for r in body.runs if r.bold] == ["Métropole de Lyon"]
    assert [r.text for r in body.runs if r.italic] == ["rapport"]
    assert "voir Métropole de Lyon et le rapport annuel" in body.text


def test_a_wide_key_figure_shrinks_instead_of_breaking(kit_en, theme, tmp_path):
    from presskit.document import Figure

    document = kit_en.evolve(figures=(Figure("€800 million", "invested"), Figure("€50 million", "R&D"),
                                      Figure("10,000", "jobs")))
    path = render_bilingual(document.evolve(lang="fr"), document, theme, tmp_path / "bi.pdf")
    text = " ".join(p.extract_text() for p in PdfReader(path).pages)
    assert "€800\u00a0million" in text or "€800 million" in text
    assert "millio\n" not in text


def test_bilingual_bookmarks_and_key_figures_in_both_languages(kit_fr, kit_en, theme, tmp_path):
    reader = PdfReader(render_bilingual(kit_fr, kit_en, theme, tmp_path / "bi.pdf"))
    outline = str(reader.outline)
    assert "Une filière qui se structure" in outline
    assert "À propos de Polepharma / About Polepharma" in outline
    assert "Chiffres clés" in outline and "Key figures" in outline
    pages = [p.extract_text() for p in reader.pages]
    assert any("Chiffres clés" in p for p in pages) and any("Key figures" in p for p in pages)
    assert any("10,000" in p for p in pages) and any("10\u202f000" in p for p in pages)
