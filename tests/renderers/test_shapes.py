"""Shapes the reader produces beyond plain paragraphs: a bullet-list chapô, multi-paragraph quotes, several phones."""
import re

import docx
from pypdf import PdfReader

from presskit.document import Block, Contact, Document, Speaker
from presskit.kit.theme import Theme
from presskit.renderers.docx import writer as docx_renderer
from presskit.renderers.pdf import writer as pdf_renderer

DOCUMENT = Document(
    lang="fr",
    title="Un communiqué aux formes variées",
    blocks=(
        Block("lede", "", items=("Premier point du chapô", "Second point du chapô")),
        Block("quote", "Premier paragraphe de la citation.\n\nSecond paragraphe de la citation.",
              speaker=Speaker("Anne Martin", "présidente", "Exemple")),
        Block("paragraph", "Un paragraphe.\n\nUn autre paragraphe."),
    ),
    contacts=(Contact(name="Paul Durand", phone="+33 1 23 45 67 89 / 06 12 34 56 78"),),
)


def pdf_text(tmp_path):
    path = pdf_renderer.render(DOCUMENT, Theme(), tmp_path / "x.pdf")
    reader = PdfReader(path)
    uris = {a.get_object()["/A"]["/URI"] for page in reader.pages for a in page.get("/Annots") or []
            if "/A" in a.get_object() and "/URI" in a.get_object()["/A"]}
    return re.sub(r"\s+", " ", " ".join(p.extract_text() for p in reader.pages)), uris


def test_pdf_shows_every_shape(tmp_path):
    text, uris = pdf_text(tmp_path)
    assert "Premier point du chapô" in text and "Second point du chapô" in text
    assert "Premier paragraphe de la citation." in text and "Second paragraphe de la citation." in text
    assert text.count("«") == 1 and text.count("»") == 1
    assert {"tel:+33123456789", "tel:0612345678"} <= uris


def test_docx_shows_every_shape(tmp_path):
    document = docx.Document(docx_renderer.render(DOCUMENT, Theme(), tmp_path / "x.docx"))
    by_style = [(p.style.name, p.text) for p in document.paragraphs if p.text.strip()]
    assert ("List Bullet", "Premier point du chapô") in by_style
    quotes = [text for style, text in by_style if style == "Quote"]
    assert len(quotes) == 2 and quotes[0].startswith("«") and quotes[1].endswith("»")
    assert ("Normal", "Un autre paragraphe.") in by_style
    xml = document.part.rels
    assert {"tel:+33123456789", "tel:0612345678"} <= {r.target_ref for r in xml.values() if r.is_external}
