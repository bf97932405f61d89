"""The same release as .txt, .md, .docx and .pdf gives the same document.

The .md versions are fixtures; the .docx (real styles, lists, hyperlinks, footnotes) and .pdf
(reportlab, wrapped text, link annotations) versions are built from them for each test session.
"""
from __future__ import annotations

from pathlib import Path

import pytest
from release_files import write_docx, write_pdf

from presskit.document import Document, to_dict
from presskit.readers import read

RELEASES = sorted((Path(__file__).parents[1] / "fixtures" / "releases").glob("*.txt"))


@pytest.fixture(scope="session")
def versions(tmp_path_factory) -> dict[str, dict[str, Document]]:
    """Every fixture release read from each of its four formats."""
    folder = tmp_path_factory.mktemp("formats")
    found: dict[str, dict[str, Document]] = {}
    for txt in RELEASES:
        md = txt.with_suffix(".md")
        markdown = md.read_text(encoding="utf-8")
        stem = txt.name.removesuffix(".txt")
        found[stem] = {".txt": read(txt), ".md": read(md),
                       ".docx": read(write_docx(markdown, folder / f"{stem}.docx")),
                       ".pdf": read(write_pdf(markdown, folder / f"{stem}.pdf"))}
    return found


def everything(doc: Document) -> dict:
    """The whole model but where it came from, the links (a file's hyperlinks add addresses) and the
    marks (a .txt has none: its words are compared)."""
    data = to_dict(doc)
    del data["source"], data["links"]
    for part in data["blocks"] + data["about"]:
        part.pop("marks", None)
    return data


def marks(doc: Document) -> list:
    """Every mark of the document with the words it covers."""
    found = []
    for i, block in enumerate(doc.blocks):
        texts = {"text": block.text, **{f"items[{j}]": item for j, item in enumerate(block.items)}}
        found += [(i, m.part, m.kind, m.href, texts[m.part][m.start:m.end]) for m in block.marks]
    found += [(f"about{i}", m.kind, m.href, a.text[m.start:m.end]) for i, a in enumerate(doc.about) for m in a.marks]
    return found


def essentials(doc: Document) -> dict:
    """What must survive any format: front, quotes and speakers, About organisations, contacts."""
    return {
        "front": (doc.title, doc.subtitle, doc.dateline, doc.labels, doc.embargo),
        "quotes": [(b.speaker, b.text[:40]) for b in doc.blocks if b.kind == "quote"],
        "about": [a.organization for a in doc.about],
        "contacts": [(c.name, c.organization, c.email, c.phone, c.role) for c in doc.contacts],
        "date": doc.meta_value("date"), "embargo": doc.meta_value("embargo"),
    }


@pytest.mark.parametrize("stem", [p.name.removesuffix(".txt") for p in RELEASES])
@pytest.mark.parametrize("fmt", [".md", ".docx"])
def test_markdown_and_word_give_exactly_the_text_document(versions, stem: str, fmt: str) -> None:
    assert everything(versions[stem][fmt]) == everything(versions[stem][".txt"])


@pytest.mark.parametrize("stem", [p.name.removesuffix(".txt") for p in RELEASES])
def test_markdown_and_word_give_the_same_marks_and_text_none(versions, stem: str) -> None:
    assert marks(versions[stem][".docx"]) == marks(versions[stem][".md"])
    assert marks(versions[stem][".txt"]) == marks(versions[stem][".pdf"]) == []


def test_the_marks_of_the_fixtures_are_on_their_words(versions) -> None:
    found = marks(versions["09_festival-jazz-sorgues-2024.fr"][".md"])
    assert (3, "items[2]", "strong", "", "Billetterie") in found
    assert (3, "items[2]", "link", "https://www.jazzensorgues.fr/", "www.jazzensorgues.fr") in found


@pytest.mark.parametrize("stem", [p.name.removesuffix(".txt") for p in RELEASES])
def test_pdf_gives_the_same_front_quotes_about_and_contacts(versions, stem: str) -> None:
    assert essentials(versions[stem][".pdf"]) == essentials(versions[stem][".txt"])


@pytest.mark.parametrize("stem", [p.name.removesuffix(".txt") for p in RELEASES])
def test_pdf_gives_the_same_lists(versions, stem: str) -> None:
    def lists(doc: Document) -> list[int]:
        return [len(b.items) for b in doc.blocks if b.items]
    assert lists(versions[stem][".pdf"]) == lists(versions[stem][".txt"])


def test_hyperlinks_and_footnotes_of_the_files_reach_the_model(versions, tmp_path: Path) -> None:
    markdown = ("# Titre du communiqué\n\nAcme publie [son rapport annuel](https://www.acme.fr/rapport/) "
                "sur le site.\n\nLe texte continue ici.\n")
    (tmp_path / "r.md").write_text(markdown, encoding="utf-8")
    (tmp_path / "r.txt").write_text(markdown.replace("# ", "").replace("[", "").replace(
        "](https://www.acme.fr/rapport/)", ""), encoding="utf-8")
    for path in (tmp_path / "r.md", write_docx(markdown, tmp_path / "r.docx"), write_pdf(markdown, tmp_path / "r.pdf")):
        assert "https://www.acme.fr/rapport/" in read(path).links, path.suffix
    assert "https://www.acme.fr/rapport/" not in read(tmp_path / "r.txt").links
    sample = versions["01_congres-france-bioproduction-2021.fr"]
    for fmt in (".md", ".docx"):
        assert sample[fmt].footnotes == sample[".txt"].footnotes
        assert sample[fmt].blocks[4].notes == sample[".txt"].blocks[4].notes
