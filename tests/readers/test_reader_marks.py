"""Bold, italics and links of Markdown and Word sources reach the model as marks on plain words."""
from __future__ import annotations

import docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from presskit.document import Document, to_dict
from presskit.readers import read

BODY = "Le conseil régional a adopté hier un plan pour les entreprises de la filière."


def marked(document: Document) -> list[tuple[str, str, str]]:
    """(kind, words, href) of every mark of the body blocks."""
    found = []
    for block in document.blocks:
        texts = {"text": block.text, **{f"items[{j}]": item for j, item in enumerate(block.items)}}
        found += [(m.kind, texts[m.part][m.start:m.end], m.href) for m in block.marks]
    return found


def markdown(tmp_path, body: str) -> Document:
    path = tmp_path / "r.md"
    path.write_text(f"# Titre du communiqué\n\n{BODY}\n\n{body}\n", encoding="utf-8")
    return read(path)


def test_markdown_emphasis_of_each_spelling_is_kept_on_plain_words(tmp_path) -> None:
    document = markdown(tmp_path, "Un **plan fort**, un __vote__, un *choix* et un _débat_ publics.")
    assert document.blocks[-1].text == "Un plan fort, un vote, un choix et un débat publics."
    assert marked(document) == [("strong", "plan fort", ""), ("strong", "vote", ""), ("em", "choix", ""),
                                ("em", "débat", "")]


def test_markdown_links_inline_reference_and_automatic(tmp_path) -> None:
    document = markdown(tmp_path, "Voir la [Métropole](https://a.fr/m), le [site][s] et <https://b.fr/x>.\n\n"
                                  "[s]: https://c.fr/site")
    assert document.blocks[-1].text == "Voir la Métropole, le site et https://b.fr/x."
    assert marked(document) == [("link", "Métropole", "https://a.fr/m"), ("link", "site", "https://c.fr/site"),
                                ("link", "https://b.fr/x", "https://b.fr/x")]


def test_a_mark_in_a_list_item_and_a_bold_link(tmp_path) -> None:
    document = markdown(tmp_path, "- **[Billetterie](https://t.fr)** : dès le 1er mars\n- Deux")
    assert ("link", "Billetterie", "https://t.fr") in marked(document)
    assert ("strong", "Billetterie", "") in marked(document)
    assert {m.part for b in document.blocks for m in b.marks} == {"items[0]"}


def test_unclosed_and_escaped_marks_stay_words(tmp_path) -> None:
    document = markdown(tmp_path, "Un **plan\n\nsans fin** et \\*pas\\* _de_lien et 5 * 3.")
    assert marked(document) == []
    assert "*pas*" in document.blocks[-1].text and "**" in " ".join(b.text for b in document.blocks)


def test_the_same_words_elsewhere_do_not_take_the_mark(tmp_path) -> None:
    document = markdown(tmp_path, "Lyon vote pour **Lyon** et Lyon.")
    (mark,) = document.blocks[-1].marks
    assert (mark.start, mark.end) == (15, 19)


def test_a_plain_text_release_has_no_marks(tmp_path) -> None:
    path = tmp_path / "r.txt"
    path.write_text(f"Titre du communiqué\n\n{BODY}\n\nUn **plan** et la [Métropole](https://a.fr).\n", encoding="utf-8")
    document = read(path)
    assert all(not b.marks for b in document.blocks) and "marks" not in str(to_dict(document))


def word(tmp_path, fill) -> Document:
    document = docx.Document()
    document.add_paragraph("Titre du communiqué", style="Title")
    document.add_paragraph(BODY)
    fill(document.add_paragraph())
    document.save(tmp_path / "r.docx")
    return read(tmp_path / "r.docx")


def hyperlink(paragraph, text: str, url: str) -> None:
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), paragraph.part.relate_to(url, RT.HYPERLINK, is_external=True))
    link.append(paragraph.add_run(text)._r)
    paragraph._p.append(link)


def test_word_bold_italic_runs_and_hyperlinks(tmp_path) -> None:
    def fill(paragraph):
        paragraph.add_run("La ")
        hyperlink(paragraph, "Métropole de Lyon", "https://www.grandlyon.com/")
        paragraph.add_run(" a ")
        paragraph.add_run("voté").bold = True
        paragraph.add_run(" le ").bold = True
        paragraph.add_run("plan").italic = True
        paragraph.add_run(" hier.")
    document = word(tmp_path, fill)
    assert document.blocks[-1].text == "La Métropole de Lyon a voté le plan hier."
    assert marked(document) == [("link", "Métropole de Lyon", "https://www.grandlyon.com/"),
                                ("strong", "voté le", ""), ("em", "plan", "")]


def test_word_bold_turned_off_and_a_bookmark_link_are_no_marks(tmp_path) -> None:
    def fill(paragraph):
        run = paragraph.add_run("Pas gras")
        run.bold = False
        link = OxmlElement("w:hyperlink")
        link.set(qn("w:anchor"), "ailleurs")
        link.append(paragraph.add_run(" ni lien.")._r)
        paragraph._p.append(link)
    document = word(tmp_path, fill)
    assert document.blocks[-1].text == "Pas gras ni lien." and marked(document) == []


def test_a_word_mark_never_crosses_a_paragraph(tmp_path) -> None:
    def fill(paragraph):
        paragraph.add_run("Fin en gras").bold = True
    document = word(tmp_path, fill)
    (mark,) = document.blocks[-1].marks
    assert document.blocks[-1].text[mark.start:mark.end] == "Fin en gras"
    assert not document.blocks[0].marks
