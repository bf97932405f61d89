"""A draft says so on its cover, on every page and in its title metadata, in the PDF and the DOCX."""
import docx
from pypdf import PdfReader

from presskit.renderers.docx import writer as docx_renderer
from presskit.renderers.pdf import writer as pdf_renderer

DRAFT = "Draft — machine translation, not reviewed"


def with_status(document, status):
    """The document with its `status` metadata set."""
    return document.evolve(meta=tuple((k, v) for k, v in document.meta if k != "status") + (("status", status),))


def test_a_draft_pdf_is_marked_on_its_cover_every_page_and_its_title(kit_en, theme, tmp_path):
    draft = with_status(kit_en, "draft")
    reader = PdfReader(pdf_renderer.render(draft, theme, tmp_path / "kit.en.draft.pdf"))
    pages = [" ".join(page.extract_text().split()) for page in reader.pages]
    assert all(DRAFT in page for page in pages), pages[0][:200]
    assert reader.metadata.title.startswith(DRAFT)
    final = PdfReader(pdf_renderer.render(with_status(kit_en, "final"), theme, tmp_path / "kit.en.pdf"))
    assert not any(DRAFT in page.extract_text() for page in final.pages)


def test_a_draft_docx_is_marked_on_its_cover_in_its_header_and_its_title(kit_en, theme, tmp_path):
    draft = with_status(kit_en, "draft")
    document = docx.Document(docx_renderer.render(draft, theme, tmp_path / "kit.en.draft.docx"))
    cover = [p.text for p in document.paragraphs[:6]]
    assert DRAFT in cover
    assert any(DRAFT in p.text for section in document.sections for p in section.header.paragraphs)
    assert document.core_properties.title.startswith(DRAFT)
