"""Random Unicode in every text of a document: both renderers write a readable file, never a crash."""
import docx
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from presskit.document import About, Block, Contact, Document, Footnote, NoteRef, Speaker
from presskit.errors import PresskitError
from presskit.kit.theme import Theme
from presskit.renderers.docx import writer as docx_renderer
from presskit.renderers.pdf import writer as pdf_renderer

TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=120)
MARKUP = st.sampled_from(["<b>", "&", "]]>", "</para>", "<a href='x'>", "&amp;", "\x00", "\u202f", "«", "\t"])


@st.composite
def documents(draw):
    """A document whose texts mix random Unicode and markup-like fragments."""
    def text():
        return draw(TEXT) + draw(MARKUP) + draw(TEXT)

    body = text()
    return Document(
        lang=draw(st.sampled_from(["fr", "en"])), title=text(), subtitle=text(),
        blocks=(Block("lede", body, notes=(NoteRef("1", len(body) // 2),)),
                Block("quote", text(), speaker=Speaker(text(), text(), text())),
                Block("list", items=(text(), text())), Block("heading", text())),
        footnotes=(Footnote("1", text()),), about=(About(text(), text()),),
        contacts=(Contact(name=text(), email="a@b.fr", phone=draw(TEXT)),))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(document=documents())
def test_random_text_renders_or_fails_cleanly(tmp_path, document):
    for renderer, suffix in ((pdf_renderer, ".pdf"), (docx_renderer, ".docx")):
        path = tmp_path / f"random{suffix}"
        try:
            renderer.render(document, Theme(), path)
        except PresskitError:
            assert not path.exists()
            continue
        if suffix == ".pdf":
            assert len(PdfReader(path).pages) >= 1
        else:
            assert docx.Document(path).paragraphs
