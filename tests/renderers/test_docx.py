"""The DOCX renderer, checked by reading the produced file back with python-docx."""
from __future__ import annotations

import zipfile
from datetime import datetime, timezone
from pathlib import Path

import docx
import pytest
from docx.enum.style import WD_STYLE_TYPE
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn

from presskit.document import Document
from presskit.errors import PresskitError
from presskit.kit.theme import Theme
from presskit.renderers.docx import writer as docx_renderer
from presskit.typesetting import typography

from .conftest import EXPECTED_URIS, FOOTNOTE_URL, HOSTILE, NNBSP


def _render(document: Document, theme: Theme, folder: Path, name: str = "kit.docx"):
    """Render and open the DOCX."""
    out = docx_renderer.render(document, theme, folder / name)
    assert out == folder / name
    return docx.Document(str(out))


def _by_style(doc, style: str) -> list[str]:
    """Texts of the body paragraphs in `style` (hyperlink text included)."""
    return [p.text for p in doc.paragraphs if p.style.name == style]


def test_blocks_use_named_styles(document_fr, theme, tmp_path):
    doc = _render(document_fr, theme, tmp_path)
    assert _by_style(doc, "Title") == [document_fr.title]
    assert _by_style(doc, "Subtitle") == [document_fr.subtitle]
    assert _by_style(doc, "Dateline") == ["Paris, le 7 septembre 2023"]
    assert _by_style(doc, "Lede") == [document_fr.blocks[0].text]
    assert _by_style(doc, "List Bullet") == ["500 participants", "1000 messages échangés", "12 pôles – 2021"]
    assert _by_style(doc, "Heading 1") == ["Une filière qui se structure", "À propos de Medicen Paris Region",
                                           "À propos de Polepharma", "Contact presse"]
    assert _by_style(doc, "About Text") == ["Medicen est le pôle de compétitivité santé.",
                                            "Il fédère 500 adhérents en Île-de-France.",
                                            "Polepharma est le premier cluster de production pharmaceutique."]
    assert _by_style(doc, "Closing") == ["Plus d’informations sur le congrès"]


def test_quotes_and_speakers(document_fr, document_en, theme, tmp_path):
    doc = _render(document_fr, theme, tmp_path)
    assert _by_style(doc, "Quote")[0] == (
        f"«{NNBSP}Il faut assurer le continuum de la recherche à la production.{NNBSP}»")
    assert _by_style(doc, "Quote Attribution") == [
        "— Jessica Leygues, Déléguée Générale, Medicen Paris Region",
        "— a ajouté Fabien Riolet, Délégué Général, Polepharma"]
    english = _render(document_en, theme, tmp_path, "en.docx")
    assert _by_style(english, "Quote")[1].startswith("“La dynamique")


def test_hostile_text_and_typography_are_literal(document_fr, theme, tmp_path):
    texts = [p.text for p in _render(document_fr, theme, tmp_path).paragraphs]
    assert typography.french(HOSTILE) in texts
    body = next(t for t in texts if t.startswith("En 2020"))
    assert f"6,6{NNBSP}%" in body and f"Œuvrer «{NNBSP}ensemble{NNBSP}» c’est" in body
    assert "800\u202fM€" in body
    assert "Écrire à presse@medicen.org ou voir https://medicen.org/agenda." in texts


def test_every_run_and_style_carries_the_language(document_fr, document_en, theme, tmp_path):
    for document, tag in ((document_fr, "fr-FR"), (document_en, "en-GB")):
        doc = _render(document, theme, tmp_path, f"{tag}.docx")
        runs = doc.element.body.iter(qn("w:r"))
        langs = {r.find(qn("w:rPr")).find(qn("w:lang")).get(qn("w:val")) for r in runs
                 if r.find(qn("w:t")) is not None}
        assert langs == {tag}
        normal = doc.styles["Normal"].element.rPr.find(qn("w:lang"))
        assert normal.get(qn("w:val")) == tag


def test_styles_use_the_theme_font(document_fr, theme, tmp_path):
    doc = _render(document_fr, theme, tmp_path)
    for name in ("Normal", "Title", "Heading 1", "Lede", "Quote", "Footnote Text"):
        fonts = doc.styles[name].element.rPr.find(qn("w:rFonts"))
        assert fonts.get(qn("w:ascii")) == fonts.get(qn("w:hAnsi")) == "Lato"
        assert fonts.get(qn("w:asciiTheme")) is None


def test_links_are_hyperlinks_with_the_hyperlink_style(document_fr, theme, tmp_path):
    doc = _render(document_fr, theme, tmp_path)
    assert doc.styles["Hyperlink"].type == WD_STYLE_TYPE.CHARACTER
    rels = doc.part.rels
    links = list(doc.element.body.iter(qn("w:hyperlink")))
    targets = {rels[link.get(qn("r:id"))].target_ref for link in links}
    assert targets == EXPECTED_URIS - {FOOTNOTE_URL}
    for link in links:
        assert link.find(f"{qn('w:r')}/{qn('w:rPr')}/{qn('w:rStyle')}").get(qn("w:val")) == "Hyperlink"


def test_footnote_is_a_real_footnote(document_fr, theme, tmp_path):
    doc = _render(document_fr, theme, tmp_path)
    body = next(p for p in doc.paragraphs if p.text.startswith("En 2020"))
    calls = body._p.findall(f".//{qn('w:footnoteReference')}")
    assert [c.get(qn("w:id")) for c in calls] == ["1"]
    assert body._p[-1].find(qn("w:footnoteReference")) is not None  # called at the end (offset)
    part = doc.part.part_related_by(RT.FOOTNOTES)
    assert str(part.partname) == "/word/footnotes.xml"
    from docx.oxml import parse_xml
    notes = parse_xml(part.blob)
    ids = [n.get(qn("w:id")) for n in notes.findall(qn("w:footnote"))]
    assert ids == ["-1", "0", "1"]
    assert FOOTNOTE_URL in "".join(t.text for t in notes.iter(qn("w:t")))
    assert {r.target_ref for r in part.rels.values() if r.is_external} == {FOOTNOTE_URL}


def test_header_footer_and_page_fields(document_fr, theme, tmp_path):
    section = _render(document_fr, theme, tmp_path).sections[0]
    header = "\n".join(p.text for p in section.header.paragraphs)
    assert "Medicen" in header and "Dossier de presse" in header and "Brouillon" not in header
    footer = section.footer.paragraphs[0]
    instructions = [i.text.strip() for i in footer._p.iter(qn("w:instrText"))]
    assert instructions == ["PAGE", "NUMPAGES"]
    assert footer.text.startswith("Medicen\tPage ") and " sur " in footer.text
    assert round(section.page_width.cm, 1) == 21.0


def test_draft_banner_in_english_header(document_en, theme, tmp_path):
    section = _render(document_en, theme, tmp_path).sections[0]
    texts = [p.text for p in section.header.paragraphs]
    assert "Draft — machine translation, not reviewed" in texts
    assert "Press kit" in texts[0]
    assert " of " in section.footer.paragraphs[0].text


def test_core_properties(document_fr, theme, tmp_path):
    props = _render(document_fr, theme, tmp_path).core_properties
    assert props.title == document_fr.title and props.subject == document_fr.subtitle
    assert props.author == "Medicen Paris Region; Polepharma"
    assert props.keywords == "bioproduction, santé" and props.language == "fr-FR"
    assert props.comments == ""  # provenance: a custom property, out of the visible fields
    custom = zipfile.ZipFile(tmp_path / "kit.docx").read("docProps/custom.xml").decode()
    assert 'name="presskit provenance"' in custom and "12 segments from memory" in custom
    assert props.created == props.modified == datetime(2023, 9, 7, tzinfo=timezone.utc)


def test_rebuild_is_byte_identical_with_fixed_zip_dates(document_fr, theme, tmp_path):
    first = docx_renderer.render(document_fr, theme, tmp_path / "a.docx")
    second = docx_renderer.render(document_fr, theme, tmp_path / "b.docx")
    assert first.read_bytes() == second.read_bytes()
    with zipfile.ZipFile(first) as archive:
        assert {i.date_time for i in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        assert "docProps/thumbnail.jpeg" not in archive.namelist()


def test_replaces_old_file_and_leaves_no_temp(document_fr, theme, tmp_path):
    target = tmp_path / "kit.docx"
    target.write_text("old")
    docx_renderer.render(document_fr, theme, target)
    assert zipfile.is_zipfile(target)
    assert [p.name for p in tmp_path.iterdir()] == ["kit.docx"]


def test_missing_output_folder_is_a_presskit_error(document_fr, theme, tmp_path):
    with pytest.raises(PresskitError) as caught:
        docx_renderer.render(document_fr, theme, tmp_path / "nope" / "kit.docx")
    assert "nope" in str(caught.value)


def test_unreadable_or_missing_logo_is_named(document_fr, tmp_path):
    bad = tmp_path / "bad-logo.png"
    bad.write_text("not a picture")
    for logo in (bad, tmp_path / "missing-logo.png"):
        with pytest.raises(PresskitError) as caught:
            docx_renderer.render(document_fr, Theme(logo=logo), tmp_path / "kit.docx")
        assert logo.name in str(caught.value)


def test_logo_in_header(document_fr, logo_png, tmp_path):
    section = _render(document_fr, Theme(name="Wordmark", logo=logo_png), tmp_path).sections[0]
    header = section.header
    assert header._element.findall(f".//{qn('w:drawing')}")
    assert "Wordmark" not in header.paragraphs[0].text


def test_zip_entries_are_dated_1980_and_copied_without_recompressing():
    import io
    import zipfile

    from presskit.renderers.docx.archive import deflated, read_entries, stored, write_zip

    def zipped(when):
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, text in (("word/document.xml", "<w:document/>" * 50), ("[Content_Types].xml", "x")):
                archive.writestr(zipfile.ZipInfo(name, date_time=when), text)
        return buffer.getvalue()

    early, late = zipped((2021, 6, 17, 9, 30, 0)), zipped((2026, 11, 26, 4, 0, 2))
    assert early != late
    copied = write_zip(read_entries(early).values())
    assert copied == write_zip(read_entries(late).values())
    assert read_entries(copied) == read_entries(early)  # the compressed bytes, as they were
    made = write_zip([deflated("word/document.xml", b"<w:document/>" * 50), stored("a.png", b"png")])
    with zipfile.ZipFile(io.BytesIO(made)) as archive:
        assert archive.testzip() is None
        assert {i.date_time for i in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        assert {i.external_attr >> 16 for i in archive.infolist()} == {0o644}
        assert archive.read("word/document.xml") == b"<w:document/>" * 50
    with pytest.raises(ValueError, match="not a zip"):
        read_entries(b"plain bytes")


def test_a_docx_is_the_same_whether_its_styled_template_was_made_or_kept(document_fr, theme, tmp_path,
                                                                          monkeypatch):
    from presskit.renderers.docx import styles

    docx_renderer.render(document_fr, theme, tmp_path / "first.docx")  # the template is now in the memo
    kept = docx_renderer.render(document_fr, theme, tmp_path / "kept.docx")
    monkeypatch.setattr(styles, "styled_template", styles.make_template)  # made afresh
    made = docx_renderer.render(document_fr, theme, tmp_path / "made.docx")
    assert made.read_bytes() == kept.read_bytes()
    monkeypatch.setattr(styles, "styled_template", lambda theme, lang: b"PK\x03\x04 damaged")  # a broken entry
    again = docx_renderer.render(document_fr, theme, tmp_path / "again.docx")
    assert again.read_bytes() == kept.read_bytes()
    assert {"Lede", "Quote", "Cover Title", "Figure Value"} <= {s.name for s in docx.Document(str(kept)).styles}


def test_the_docx_carries_no_unused_table_styles_nor_a_second_styles_part(document_fr, theme, tmp_path):
    path = docx_renderer.render(document_fr, theme, tmp_path / "kit.docx")
    with zipfile.ZipFile(path) as archive:
        names = archive.namelist()
        content_types = archive.read("[Content_Types].xml").decode()
    assert "word/stylesWithEffects.xml" not in names and "stylesWithEffects" not in content_types
    opened = docx.Document(str(path))
    tables = [s for s in opened.styles if s.type == WD_STYLE_TYPE.TABLE]
    assert [s.name for s in tables] == ["Normal Table"]  # python-docx's 99 others are gone
    assert {"Heading 1", "Quote", "Footnote Text", "Hyperlink"} <= {s.name for s in opened.styles}
