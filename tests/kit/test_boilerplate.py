"""The boilerplate library: approved About texts added when a release lacks them."""
import pytest

from presskit.document import About, Document
from presskit.errors import PresskitError
from presskit.kit.boilerplate import load_boilerplate, with_boilerplate


@pytest.fixture
def library(tmp_path):
    folder = tmp_path / "boilerplate"
    folder.mkdir()
    (folder / "polepharma.fr.md").write_text("# Polepharma\n\nPremier cluster.\n\nDeux.", encoding="utf-8")
    (folder / "polepharma.en.md").write_text("Leading cluster.\n", encoding="utf-8")
    (folder / "notes.txt").write_text("ignored", encoding="utf-8")
    return load_boilerplate(tmp_path)


def test_library_reads_both_languages(library):
    entry = library["polepharma"]
    assert entry.name == "Polepharma"
    assert entry.texts == {"fr": "Premier cluster.\n\nDeux.", "en": "Leading cluster."}


def test_missing_about_is_added_in_the_document_language(library):
    doc = Document("en", about=(About("MEDICEN", "Hub."),),
                   meta=(("author", "Medicen Paris Region, Polepharma"),))
    about = with_boilerplate(doc, library, "en").about
    assert [(a.organization, a.text) for a in about] == [("MEDICEN", "Hub."),
                                                         ("Polepharma", "Leading cluster.")]


def test_about_already_in_the_release_is_kept(library):
    doc = Document("fr", about=(About("POLEPHARMA", "Texte du communiqué."),))
    assert with_boilerplate(doc, library, "fr", ["Polepharma"]).about == doc.about


def test_no_folder_is_an_empty_library(tmp_path):
    assert load_boilerplate(tmp_path) == {}


def test_empty_text_is_named(tmp_path):
    (tmp_path / "boilerplate").mkdir()
    (tmp_path / "boilerplate" / "x.fr.md").write_text("# X\n", encoding="utf-8")
    with pytest.raises(PresskitError) as caught:
        load_boilerplate(tmp_path)
    assert "x.fr.md" in str(caught.value)
