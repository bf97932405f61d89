"""Bold, italics and links of a .md and a .docx release, built end to end and read back from every output."""
import email
import re
import zipfile
from email import policy

import docx
import pikepdf
import pytest
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from pypdf import PdfReader

from presskit.build import Options, build
from presskit.kit.folder import load_kit

URL = "https://www.grandlyon.com/"
LABEL = "Métropole de Lyon"
MARKDOWN = f"""# Lyon lance son plan pour le vélo

Lyon, le 3 mars 2024 – La ville annonce un nouveau plan pour les transports publics de la région.

Le plan est porté par la [{LABEL}]({URL}) et sera **voté en juin** par le conseil, *sans délai*.

Le programme R&D <vélo> sera présenté aux habitants le 30 avril.
"""


def word_release(path):
    """The same release as a Word file: a hyperlink, a bold run and an italic run."""
    document = docx.Document()
    document.add_paragraph("Lyon lance son plan pour le vélo", style="Title")
    document.add_paragraph("Lyon, le 3 mars 2024 – La ville annonce un nouveau plan pour les transports "
                           "publics de la région.")
    paragraph = document.add_paragraph("Le plan est porté par la ")
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), paragraph.part.relate_to(URL, RT.HYPERLINK, is_external=True))
    link.append(paragraph.add_run(LABEL)._r)
    paragraph._p.append(link)
    paragraph.add_run(" et sera ")
    paragraph.add_run("voté en juin").bold = True
    paragraph.add_run(" par le conseil, ")
    paragraph.add_run("sans délai").italic = True
    paragraph.add_run(".")
    document.add_paragraph("Le programme R&D <vélo> sera présenté aux habitants le 30 avril.")
    document.save(path)
    return path


@pytest.fixture(scope="module")
def folders(tmp_path_factory):
    """The kit's outputs for the .md and the .docx release, machine-translated by the fake engine."""
    from helpers import copy_kit

    kit_dir = copy_kit(tmp_path_factory.mktemp("kit"))
    sources = kit_dir / "sources"
    for old in sources.iterdir():
        old.unlink()
    (sources / "velo-md.fr.md").write_text(MARKDOWN, encoding="utf-8")
    word_release(sources / "velo-docx.fr.docx")
    results = build(load_kit(kit_dir), options=Options(engine="fake", draft=True))
    return {result.folder.name.removeprefix("velo-"): result for result in results}


@pytest.fixture(params=["md", "docx"])
def result(request, folders):
    return folders[request.param]


def output(result, suffix):
    (path,) = [p for p in result.folder.glob(f"*{suffix}")]
    return path


def test_the_docx_has_the_hyperlink_and_the_bold_run(result):
    for suffix in (".fr.docx", ".en.draft.docx"):
        path = output(result, suffix)
        with zipfile.ZipFile(path) as archive:
            body = archive.read("word/document.xml").decode()
            rels = archive.read("word/_rels/document.xml.rels").decode()
        (r_id,) = re.findall(rf'Id="(rId\d+)"[^>]*Target="{re.escape(URL)}"', rels) or re.findall(
            rf'Target="{re.escape(URL)}"[^>]*Id="(rId\d+)"', rels)
        assert re.search(rf'<w:hyperlink[^>]*r:id="{r_id}"[^>]*>.*?{LABEL}.*?</w:hyperlink>', body)
        bold = [run.text for p in docx.Document(path).paragraphs for run in p.runs if run.bold]
        italic = [run.text for p in docx.Document(path).paragraphs for run in p.runs if run.italic]
        assert "voté en juin" in bold and "sans délai" in italic


def test_the_pdf_shows_the_label_and_links_it(result):
    for suffix in (".fr.pdf", ".en.draft.pdf"):
        path = output(result, suffix)
        text = " ".join(page.extract_text() for page in PdfReader(path).pages)
        assert LABEL in " ".join(text.split()) and "R&D <vélo>" in text
        with pikepdf.open(path) as pdf:
            uris = [str(annot.A.URI) for page in pdf.pages for annot in page.get("/Annots", [])
                    if annot.get("/Subtype") == "/Link" and "/A" in annot and "/URI" in annot.A]
        assert URL in uris


def test_the_pdf_structure_tree_holds_the_link(result):
    with pikepdf.open(output(result, ".en.draft.pdf")) as pdf:
        found = []

        def walk(element):
            if element.get("/S") == "/Link":
                found.append(element)
            kids = element.get("/K")
            for kid in kids if isinstance(kids, pikepdf.Array) else [kids]:
                if isinstance(kid, pikepdf.Dictionary) and "/S" in kid:
                    walk(kid)
        walk(pdf.Root.StructTreeRoot)
        assert any(str(link.get("/Alt", "")) == URL for link in found)


def test_the_web_page_and_the_email_link_and_embolden(result):
    message = email.message_from_bytes(output(result, ".en.eml").read_bytes(), policy=policy.default)
    pages = [(result.folder / "web" / "index.en.html").read_text(encoding="utf-8"),
             message.get_body(("html",)).get_content()]
    for html in pages:
        assert re.search(rf'<a href="{re.escape(URL)}"[^>]*>{LABEL}</a>', html)
        assert "<strong>voté en juin</strong>" in html and "<em>sans délai</em>" in html
        assert "R&amp;D &lt;vélo&gt;" in html


def test_the_wire_copy_gives_the_address_after_the_label(result):
    wire = output(result, ".en.txt").read_text(encoding="utf-8")
    assert f"{LABEL} ({URL})" in wire and "**" not in wire


def test_the_fake_engine_kept_every_mark(result):
    problems = result.report["problems"]
    assert problems and not [p for p in problems if "lost in translation" in p["message"]]
