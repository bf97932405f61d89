"""The tagged PDF (PDF/UA-1 structure) and the PDF/A-2b copies, read back with pikepdf and pypdf."""
from __future__ import annotations

from collections import Counter
from dataclasses import replace

import pikepdf
import pytest
from lxml import etree

from presskit.document import Dateline
from presskit.kit.theme import Organization, Theme
from presskit.renderers.pdf import writer as pdf
from presskit.renderers.pdf.bilingual import render_bilingual
from presskit.renderers.pdf.pdfa import to_pdfa
from presskit.typesetting import typography

from .tagged import form_calls_outside_artifacts, squash, structure, text_by_mcid, unmarked_text_operators

SVG_WITH_TEXT = ('<svg xmlns="http://www.w3.org/2000/svg" width="160" height="40">'
                 '<rect width="160" height="40" fill="#2A9D8F"/>'
                 '<text x="8" y="28" font-family="Helvetica" font-weight="bold" font-size="20">Genopole</text>'
                 '</svg>')


@pytest.fixture
def outputs(kit_fr, kit_en, branded, tmp_path):
    """The French, English and bilingual PDFs of the branded kit with key figures."""
    return {"fr": pdf.render(kit_fr, branded, tmp_path / "fr.pdf"),
            "en": pdf.render(kit_en, branded, tmp_path / "en.pdf"),
            "bilingual": render_bilingual(kit_fr, kit_en, branded, tmp_path / "bi.pdf")}


def test_every_text_operator_is_in_marked_content_or_an_artifact(outputs):
    for name, path in outputs.items():
        with pikepdf.open(path) as opened:
            assert unmarked_text_operators(opened) == [], name
            assert form_calls_outside_artifacts(opened) == 0, name  # page labels are artifacts


def test_headings_are_h1_then_h2_in_document_order(outputs, kit_fr):
    with pikepdf.open(outputs["fr"]) as opened:
        tree = structure(opened)
    headings = [e for e in tree.walk() if e.role in ("H1", "H2", "H3")]
    assert headings[0].role == "H1"
    levels = [int(e.role[1]) for e in headings]
    assert all(b <= a + 1 for a, b in zip(levels, levels[1:]))  # no level skipped
    texts, _ = text_by_mcid(outputs["fr"])
    words = [squash("".join(texts[m] for m in e.mcids)) for e in headings]
    assert words[0] == squash(kit_fr.title)
    assert words.index(squash("Une filière qui se structure")) < words.index(squash("Chiffres clés"))
    assert words[-1] == squash("Contact presse")


def test_tree_order_is_reading_order_and_its_text_is_the_page_text(outputs):
    for name in ("fr", "en"):
        with pikepdf.open(outputs[name]) as opened:
            tree = structure(opened)
        texts, pages = text_by_mcid(outputs[name])
        assert (0, None) not in texts and not any(mcid is None for _, mcid in texts)
        in_tree = "".join(texts.get(m, "") for e in tree.walk() for m in e.mcids)
        assert squash(in_tree) == squash("".join(pages)), name
    with pikepdf.open(outputs["bilingual"]) as opened:
        tree = structure(opened)
    texts, pages = text_by_mcid(outputs["bilingual"])
    marks = [m for e in tree.walk() for m in e.mcids]
    assert set(texts) <= set(marks) and len(set(marks)) == len(marks)  # each MCID, once
    figures = {m for e in tree.walk() if e.role == "Figure" for m in e.mcids}
    assert set(marks) - set(texts) <= figures  # only pictures hold no text
    assert Counter(squash("".join(texts.get(m, "") for m in marks))) == Counter(squash("".join(pages)))


def test_every_figure_has_alt_text(outputs):
    with pikepdf.open(outputs["fr"]) as opened:
        figures = [e for e in structure(opened).walk() if e.role == "Figure"]
    alts = [e.alt for e in figures]
    assert all(alts) and len(alts) == 3  # two organisation logos (PNG, SVG) and the chart
    assert "Logo de Medicen" in alts and "Logo de Polepharma" in alts
    chart = next(a for a in alts if a.startswith("Graphique"))
    assert "Biothérapies produites" in chart and "Allemagne 21" in chart and "Italie 12" in chart
    with pikepdf.open(outputs["en"]) as opened:
        alts = [e.alt for e in structure(opened).walk() if e.role == "Figure"]
    assert "Medicen logo" in alts and any("Germany 21" in a for a in alts)


def test_catalog_pages_and_parent_tree(outputs):
    with pikepdf.open(outputs["fr"]) as opened:
        root = opened.Root
        assert root.MarkInfo.Marked is True and root.ViewerPreferences.DisplayDocTitle is True
        assert root.Lang == "fr-FR" and root.StructTreeRoot.RoleMap.Lede == "/P"
        parents = dict(zip(list(root.StructTreeRoot.ParentTree.Nums)[::2],
                           list(root.StructTreeRoot.ParentTree.Nums)[1::2]))
        for page in opened.pages:
            assert page.Tabs == "/S" and "/Trans" not in page.obj
            owners = parents[int(page.StructParents)]
            for n, owner in enumerate(owners):  # the MCID n of this page belongs to `owner`
                kids = owner.K if isinstance(owner.K, pikepdf.Array) else [owner.K]
                assert any(int(k.get("/MCID", -1)) == n and k.Pg.objgen == page.objgen for k in kids)


def test_links_are_link_elements_with_descriptions(outputs):
    with pikepdf.open(outputs["fr"]) as opened:
        nums = list(opened.Root.StructTreeRoot.ParentTree.Nums)
        parents = dict(zip(nums[::2], nums[1::2]))
        annots = [a for page in opened.pages for a in page.get("/Annots") or []]
        assert annots
        for annot in annots:
            link = parents[int(annot.StructParent)]
            assert link.S == "/Link" and link.K[0].Type == "/OBJR" and link.K[0].Obj.objgen == annot.objgen
            assert str(annot.Contents) and link.Alt == annot.Contents
        descriptions = {str(a.Contents) for a in annots}
        assert "mailto:marie.dupont@medicen.org" in descriptions and "Aller à la note 1" in descriptions


def test_bilingual_edition_marks_the_language_of_each_english_element(outputs, kit_en):
    with pikepdf.open(outputs["bilingual"]) as opened:
        assert opened.Root.Lang == "fr-FR"
        tree = structure(opened)
    texts, _ = text_by_mcid(outputs["bilingual"])
    english = [e for e in tree.walk() if e.lang == "en-GB"]
    said = " ".join(squash("".join(texts[m] for m in e.mcids)) for e in english)
    assert squash(typography.apply(kit_en.title, "en")) in said and squash("About Polepharma") in said
    assert squash("À propos de Polepharma") not in said and squash("Français") not in said
    assert {e.lang for e in tree.walk()} == {None, "en-GB"}  # French inherits the catalog's /Lang


def test_pdfua_checker_finds_nothing(outputs):
    pdfua = pytest.importorskip("pdfua", reason="the pdfua checker is not installed")
    for name, path in outputs.items():
        report = pdfua.validate(str(path))
        assert [(f.rule_id, f.message) for f in report.findings] == [], name


def _fonts(path) -> dict[str, bool]:
    """Every font any page uses (in forms too), and whether its program is embedded."""
    found = {}
    with pikepdf.open(path) as opened:
        for obj in opened.objects:
            if isinstance(obj, pikepdf.Dictionary) and obj.get("/Type") == "/Font" and "/BaseFont" in obj:
                if obj.get("/Subtype") == "/Type0":
                    continue
                descriptor = obj.get("/FontDescriptor")
                found[str(obj.BaseFont)] = descriptor is not None and any(
                    k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))
    return found


@pytest.fixture
def svg_text_theme(branded, tmp_path):
    """The branded theme whose brand logo is an SVG with text in Helvetica."""
    logo = tmp_path / "genopole.svg"
    logo.write_text(SVG_WITH_TEXT, encoding="utf-8")
    return replace(branded, logo=logo, organizations=(*branded.organizations, Organization("G", logo=logo)))


def test_every_font_is_embedded_with_svg_text_and_chart(kit_fr, kit_en, svg_text_theme, tmp_path):
    paths = [pdf.render(kit_fr, svg_text_theme, tmp_path / "fr.pdf"),
             render_bilingual(kit_fr, kit_en, svg_text_theme, tmp_path / "bi.pdf")]
    paths.append(to_pdfa(paths[0], tmp_path / "fr.pdfa.pdf", kit_fr))
    for path in paths:
        fonts = _fonts(path)
        assert fonts and all(fonts.values()), (path.name, fonts)
        assert all("Lato" in name for name in fonts), fonts
        assert b"Helvetica" not in path.read_bytes()


def test_pdfa_copies_pass_pikepdfs_checker_and_keep_the_tags(kit_fr, kit_en, svg_text_theme, tmp_path):
    from pikepdf import pdfa

    sources = {"fr": pdf.render(kit_fr, svg_text_theme, tmp_path / "fr.pdf"),
               "en": pdf.render(kit_en.evolve(subtitle="", meta=()), Theme(), tmp_path / "en.pdf"),
               "bi": render_bilingual(kit_fr, kit_en, svg_text_theme, tmp_path / "bi.pdf")}
    for name, source in sources.items():
        copy = to_pdfa(source, tmp_path / f"{name}.pdfa.pdf", kit_fr if name != "en" else kit_en)
        report = pdfa.validate_written(copy, "2b")
        assert report.passed, report.summary()
        with pikepdf.open(copy) as opened:
            assert opened.Root.MarkInfo.Marked is True and "/StructTreeRoot" in opened.Root
            assert unmarked_text_operators(opened) == []


def test_xmp_mirrors_empty_subject_and_keywords(kit_en, tmp_path):
    document = kit_en.evolve(subtitle="", meta=(("keywords", ""),))
    path = pdf.render(document, Theme(), tmp_path / "kit.pdf")
    with pikepdf.open(path) as opened:
        assert str(opened.docinfo.Subject) == "" and str(opened.docinfo.Keywords) == ""
        packet = opened.Root.Metadata.read_bytes().decode()
        root = etree.fromstring(packet[packet.index("<x:xmpmeta"):packet.index("</x:xmpmeta>") + 12])
        ns = {"dc": "http://purl.org/dc/elements/1.1/", "pdf": "http://ns.adobe.com/pdf/1.3/",
              "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#"}
        assert (root.find(".//dc:description/rdf:Alt/rdf:li", ns).text or "") == ""
        assert (root.find(".//pdf:Keywords", ns).text or "") == ""
        description = packet[packet.index("<rdf:Description"):]
        assert 'xmlns:dc="http://purl.org/dc/elements/1.1/"' in description.split(">", 1)[0]
        assert description.count("xmlns:dc=") == 1


def test_undated_release_takes_source_date_epoch(kit_en, tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1630972800")  # 2021-09-07 UTC
    document = kit_en.evolve(dateline=None, meta=(("file_date", "2021-09-07"),))
    first = pdf.render(document, Theme(), tmp_path / "a.pdf")
    with pikepdf.open(first) as opened:
        assert str(opened.docinfo.CreationDate).startswith("D:20210907")
        assert opened.open_metadata()["xmp:CreateDate"].startswith("2021-09-07")
    assert pdf.render(document, Theme(), tmp_path / "b.pdf").read_bytes() == first.read_bytes()


def test_file_day_reads_the_epoch_then_the_source(tmp_path, monkeypatch):
    from presskit.typesetting.labels import file_day

    source = tmp_path / "release.fr.txt"
    source.write_text("x", encoding="utf-8")
    import os

    os.utime(source, (1_600_000_000, 1_600_000_000))
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    assert file_day(source) == "2020-09-13"
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1630972800")
    assert file_day(source) == "2021-09-07"


def test_neutral_brand_without_presskit_toml(document_fr, tmp_path):
    document = document_fr.evolve(meta=(), dateline=Dateline("Paris", "Paris", "2023-09-07"))
    path = pdf.render(document, Theme(), tmp_path / "kit.pdf")
    _, pages = text_by_mcid(path)
    with pikepdf.open(path) as opened:
        assert str(opened.docinfo.get("/Author", "")) == ""
        artifacts = b"".join(page.obj.Contents.read_bytes() if not isinstance(page.obj.Contents, pikepdf.Array)
                             else b"" for page in opened.pages)
    assert "presskit" not in " ".join(pages).lower()
    assert b"(presskit)" not in artifacts


def test_untitled_release_gets_a_display_title(kit_fr, theme, tmp_path):
    document = kit_fr.evolve(title="", subtitle="")
    path = pdf.render(document, theme, tmp_path / "kit.pdf")
    with pikepdf.open(path) as opened:
        title = str(opened.docinfo.Title)
        assert title and title.startswith("La crise Covid a montré")
        assert opened.Root.ViewerPreferences.DisplayDocTitle is True


def test_key_figures_are_a_table_with_row_headers(outputs):
    with pikepdf.open(outputs["fr"]) as opened:
        tree = structure(opened)
        scopes = [str(o.A.Scope) for o in opened.objects
                  if isinstance(o, pikepdf.Dictionary) and o.get("/S") == "/TH"]
    table = next(e for e in tree.walk() if e.role == "Table")
    assert [r.role for r in table.kids] == ["TR"] * 2  # the two single figures; the rest are charted
    assert all([c.role for c in r.kids] == ["TD", "TH"] for r in table.kids)
    assert scopes and set(scopes) == {"/Row"}
    texts, _ = text_by_mcid(outputs["fr"])
    header = "".join(texts[m] for p in table.kids[1].kids[1].walk() for m in p.mcids)
    assert "emplois directs" in header


def test_running_headers_and_footers_are_pagination_artifacts(outputs):
    with pikepdf.open(outputs["en"]) as opened:
        page = opened.pages[1]
        kinds = [str(operands[1].get("/Subtype")) for operands, op in pikepdf.parse_content_stream(page)
                 if str(op) == "BDC" and str(operands[0]) == "/Artifact"]
    assert kinds == ["/Header", "/Footer"]
