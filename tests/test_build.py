"""The sample kit end to end: built offline, then every document read back."""
import json
import re
import zipfile

import docx
import pytest
from pypdf import PdfReader

from helpers import ROOT, SAMPLE, copy_kit
from presskit.build import Options, build
from presskit.kit.folder import load_kit
from presskit.readers import read
from presskit.translation.segmentation import split_sentences

ENGLISH_TERMS = ["biopharmaceuticals", "biomanufacturing", "CSF ITS", "biotherapies",
                 "monoclonal antibodies", "competitiveness cluster", "sector", "contract manufacturing",
                 "Biopharmaceuticals Grand Challenge", "industrial integrators", "Managing Director",
                 "Strategic Committee for the Health Industries and Technologies Sector"]
SPEAKERS = ["Jessica Leygues", "Fabien Riolet", "Olivier Bogillot", "Guillaume Plane"]
FOOTNOTE_URL = "https://www.entreprises.gouv.fr/fr/industrie/biotherapies-et-bioproduction-de-therapies-innovantes"


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """Build the sample kit once, offline, with every socket refused."""
    import socket

    kit_dir = copy_kit(tmp_path_factory.mktemp("kit"))
    original = socket.socket.connect

    def refuse(*args, **kwargs):
        raise AssertionError("network connection attempted")

    socket.socket.connect = refuse
    try:
        results = build(load_kit(kit_dir), options=Options(offline=True))
    finally:
        socket.socket.connect = original
    return kit_dir / "output" / SAMPLE, results


def squash(text):
    return re.sub(r"\s+", " ", text).strip()


def pdf_text(path):
    return squash(" ".join(page.extract_text() for page in PdfReader(path).pages))


def docx_text(path):
    document = docx.Document(path)
    body = " ".join(p.text for p in document.paragraphs)
    with zipfile.ZipFile(path) as archive:
        notes = archive.read("word/footnotes.xml").decode() if "word/footnotes.xml" in archive.namelist() else ""
    return squash(body + " " + re.sub(r"<[^>]+>", " ", notes))


def test_the_five_files_are_written(built):
    folder, results = built
    names = sorted(p.name for p in folder.iterdir())
    assert names == sorted([f"{SAMPLE}.fr.docx", f"{SAMPLE}.fr.pdf", f"{SAMPLE}.en.docx",
                            f"{SAMPLE}.en.pdf", "report.json", f"{SAMPLE}.fr.eml", f"{SAMPLE}.en.eml",
                            f"{SAMPLE}.en.txt", "web"])
    assert not list(folder.glob(".*.tmp"))
    assert [r.complete for r in results] == [True]


def test_report_says_where_the_english_came_from(built):
    folder, _ = built
    report = json.loads((folder / "report.json").read_text(encoding="utf-8"))
    segments = report["segments"]
    assert segments["untranslated"] == 0 and segments["engines"] == {}
    # 46 segments (44 from memory, 2 kept): only what the documents show (issue 13; 69 before)
    assert segments["memory"] == 44 and segments["memory"] + segments["kept"] == segments["total"] == 46
    assert report["terms"]["expected"] > 40 and report["terms"]["found"] == report["terms"]["expected"]
    assert {u["en"] for u in report["terms"]["uses"]} >= {"biopharmaceuticals", "biomanufacturing", "CSF ITS"}
    assert len(report["outputs"]) == 4 and report["status"] == "final"
    assert all(s["origin"] in ("memory", "kept") for s in report["segment_provenance"])


@pytest.mark.parametrize("reader", [pdf_text, docx_text], ids=["pdf", "docx"])
def test_english_documents_carry_the_whole_release_in_english(built, reader):
    folder, _ = built
    suffix = ".pdf" if reader is pdf_text else ".docx"
    text = reader(folder / f"{SAMPLE}.en{suffix}")
    for term in ENGLISH_TERMS + SPEAKERS:
        assert term in text, term
    assert FOOTNOTE_URL in text.replace(" ", "")
    assert "About Medicen" in text and "About Polepharma" in text
    assert "The date is set for CFB 2022 in Paris." in text
    french = read(ROOT / "sources" / f"{SAMPLE}.fr.txt")
    left_in_french = [s for block in french.blocks for s in split_sentences(block.text)
                      if len(s.split()) >= 5 and squash(s) in text]
    assert left_in_french == []


@pytest.mark.parametrize("reader", [pdf_text, docx_text], ids=["pdf", "docx"])
def test_french_documents_carry_the_release(built, reader):
    folder, _ = built
    suffix = ".pdf" if reader is pdf_text else ".docx"
    text = reader(folder / f"{SAMPLE}.fr{suffix}")
    assert "Succès du Congrès France Bioproduction" in text
    assert "À propos de Medicen" in text and "À propos de Polepharma" in text
    assert all(name in text for name in SPEAKERS)
    assert "biomédicaments" in text and FOOTNOTE_URL in text.replace(" ", "")


def test_metadata_language_and_provenance(built):
    folder, _ = built
    for lang, tag in (("fr", "fr-FR"), ("en", "en-GB")):
        reader = PdfReader(folder / f"{SAMPLE}.{lang}.pdf")
        assert reader.trailer["/Root"]["/Lang"] == tag
        assert reader.metadata.title and "Medicen Paris Region" in reader.metadata.author
        properties = docx.Document(folder / f"{SAMPLE}.{lang}.docx").core_properties
        assert properties.language == tag
    memory = json.loads((folder / "report.json").read_text(encoding="utf-8"))["segments"]["memory"]
    custom = zipfile.ZipFile(folder / f"{SAMPLE}.en.docx").read("docProps/custom.xml").decode()
    assert f"{memory} memory" in custom  # provenance: a custom property, not a visible field
    english_pdf = PdfReader(folder / f"{SAMPLE}.en.pdf")
    assert english_pdf.metadata.creator == "presskit"
    xmp = english_pdf.trailer["/Root"]["/Metadata"].get_data().decode()
    assert f"{memory} memory" in xmp and "presskit:provenance" in xmp


def test_english_links_are_clickable(built):
    folder, _ = built
    uris = set()
    for page in PdfReader(folder / f"{SAMPLE}.en.pdf").pages:
        for annotation in page.get("/Annots") or []:
            action = annotation.get_object().get("/A")
            if action and "/URI" in action:
                uris.add(action["/URI"])
    assert {FOOTNOTE_URL, "http://france-bioproduction.com/", "https://medicen.org/fr/",
            "https://www.polepharma.com/"} <= uris


def test_a_release_the_memory_lacks_is_not_final_offline(kit_dir, no_network):
    (kit_dir / "sources" / "nouveau.fr.txt").write_text(
        "Un titre inédit\n\nUne phrase que la mémoire ne connaît pas.\n", encoding="utf-8")
    from presskit.errors import IncompleteTranslation

    with pytest.raises(IncompleteTranslation) as caught:
        build(load_kit(kit_dir), [kit_dir / "sources" / "nouveau.fr.txt"], Options(offline=True))
    assert "Une phrase que la mémoire ne connaît pas." in caught.value.message
    assert caught.value.exit_code == 1
    folder = kit_dir / "output" / "nouveau"
    assert sorted(p.name for p in folder.iterdir()) == ["nouveau.fr.docx", "nouveau.fr.pdf", "report.json"]
    report = json.loads((folder / "report.json").read_text(encoding="utf-8"))
    assert report["status"] == "incomplete" and report["segments"]["untranslated"] == 2


def test_draft_builds_and_marks_the_english(kit_dir, no_network):
    source = kit_dir / "sources" / "nouveau.fr.txt"
    source.write_text("Un titre inédit\n\nUne phrase que la mémoire ne connaît pas.\n", encoding="utf-8")
    (result,) = build(load_kit(kit_dir), [source], Options(offline=True, draft=True))
    assert result.report["status"] == "draft"
    english = pdf_text(result.folder / "nouveau.en.draft.pdf")
    assert (result.folder / "nouveau.en.draft.docx").is_file()
    assert "Draft" in english and not (result.folder / "nouveau.en.pdf").exists()


def test_a_batch_is_built_over_all_cores_with_the_same_result(kit_dir, no_network):
    sample = (kit_dir / "sources" / f"{SAMPLE}.fr.txt").read_text(encoding="utf-8")
    for i in range(3):
        (kit_dir / "sources" / f"copy-{i}.fr.txt").write_text(sample, encoding="utf-8")
    results = build(load_kit(kit_dir), options=Options(offline=True))
    assert [r.source.name for r in results] == sorted(p.name for p in (kit_dir / "sources").iterdir())
    assert len({r.report["segments"]["memory"] for r in results}) == 1
    assert {r.report["segments"]["untranslated"] for r in results} == {0}
    first = (kit_dir / "output" / "copy-0" / "copy-0.en.pdf").read_bytes()
    assert first == (kit_dir / "output" / "copy-2" / "copy-2.en.pdf").read_bytes()


def test_an_offline_only_kit_sends_nothing_even_without_the_flag(kit_dir, no_network):
    settings = kit_dir / "presskit.toml"
    settings.write_text(settings.read_text(encoding="utf-8") + "offline = true\n", encoding="utf-8")
    source = kit_dir / "sources" / "nouveau.fr.txt"
    source.write_text("Un titre inédit\n\nUne phrase que la mémoire ne connaît pas.\n", encoding="utf-8")
    from presskit.errors import IncompleteTranslation

    with pytest.raises(IncompleteTranslation):
        build(load_kit(kit_dir), [source])


def test_the_boilerplate_library_gives_the_about_an_issuer_lacks(kit_dir, no_network):
    library = kit_dir / "boilerplate"
    library.mkdir()
    (library / "polepharma.fr.md").write_text("# Polepharma\n\nPolepharma est un cluster.\n", encoding="utf-8")
    (library / "polepharma.en.md").write_text("# Polepharma\n\nPolepharma is a cluster.\n", encoding="utf-8")
    source = kit_dir / "sources" / "court.fr.txt"
    source.write_text("Succès du Congrès France Bioproduction\n\nLe signal est là, saisissons-le !\n",
                      encoding="utf-8")
    (result,) = build(load_kit(kit_dir), [source], Options(offline=True))
    assert result.report["status"] == "final"
    french, english = pdf_text(result.folder / "court.fr.pdf"), pdf_text(result.folder / "court.en.pdf")
    assert "À propos de Polepharma" in french and "Polepharma est un cluster." in french
    assert "About Polepharma" in english and "Polepharma is a cluster." in english
    assert "Polepharma est un cluster." not in english


def test_bilingual_and_archival_copies_and_identical_rebuilds(kit_dir, no_network):
    options = Options(offline=True, bilingual=True, pdfa=True)
    (first,) = build(load_kit(kit_dir), options=options)
    names = sorted(p.name for p in first.outputs)
    assert names == sorted(f"{SAMPLE}.{suffix}" for suffix in (
        "fr.docx", "fr.pdf", "fr.pdfa.pdf", "en.docx", "en.pdf", "en.pdfa.pdf", "bilingual.pdf",
        "bilingual.pdfa.pdf"))
    for name in ("bilingual.pdf", "bilingual.pdfa.pdf"):
        bilingual = pdf_text(first.folder / f"{SAMPLE}.{name}")
        assert "Succès du Congrès France Bioproduction" in bilingual and "A successful Congrès" in bilingual
    assert "pdfaid" in (first.folder / f"{SAMPLE}.en.pdfa.pdf").read_bytes().decode("latin-1")
    from pikepdf import open as open_pdf
    from pikepdf import pdfa

    archival = first.folder / f"{SAMPLE}.bilingual.pdfa.pdf"
    report = pdfa.validate_written(archival, "2b")
    assert report.passed, report.summary()
    with open_pdf(archival) as opened, opened.open_metadata() as meta:
        assert set(meta["dc:language"]) == {"fr-FR", "en-GB"} and str(opened.Root.Lang) == "fr-FR"
    before = {p.name: p.read_bytes() for p in first.outputs}
    (second,) = build(load_kit(kit_dir), options=options)
    assert {p.name: p.read_bytes() for p in second.outputs} == before


def test_the_readers_doubts_reach_the_report(kit_dir):
    """A quote nobody signs is reported as a doubt of the reader, not guessed."""
    (kit_dir / "sources" / "doute.fr.txt").write_text(
        "Un titre\n\nLa filière se réunit à Lyon pour la bioproduction.\n\n"
        "« Nous devons agir ensemble pour la bioproduction en France. »\n", encoding="utf-8")
    (result,) = build(load_kit(kit_dir), [kit_dir / "sources" / "doute.fr.txt"], Options(offline=True, draft=True))
    doubts = result.report["structure"]["doubts"]
    assert doubts and all("quote without a speaker" in doubt for doubt in doubts)
