"""render_tree: the outline `presskit parse FILE` prints."""
from __future__ import annotations

from presskit.cli.tree import render_tree, shorten
from presskit.document import (
    About,
    Block,
    Contact,
    Dateline,
    Document,
    Footnote,
    NoteRef,
    Speaker,
)


def test_tree_shows_every_part_indented() -> None:
    doc = Document(
        lang="fr", title="Titre", subtitle="Sous-titre", dateline=Dateline("Paris, le 7 juin 2021", "Paris",
                                                                           "2021-06-07"),
        labels=("Communiqué de presse",),
        blocks=(Block("lede", "Le chapô.", notes=(NoteRef("1", 8),)), Block("heading", "Contexte"),
                Block("list", items=("un", "deux")),
                Block("quote", "Nous y sommes", attribution="a dit Jean Dupont, PDG, Acme.",
                      speaker=Speaker("Jean Dupont", "PDG", "Acme")),
                Block("closing", "acme.fr", url="https://acme.fr")),
        footnotes=(Footnote("1", "https://x.fr", "https://x.fr"),),
        about=(About("Acme", "Acme fait des choses.", "À propos d’Acme"),),
        contacts=(Contact(name="Jeanne Martin", email="j@acme.fr"),), links=("https://acme.fr",),
        source="x.fr.txt")
    assert render_tree(doc) == """\
Document (fr) x.fr.txt
  title: Titre
  subtitle: Sous-titre
  dateline: Paris, le 7 juin 2021 [Paris, 2021-06-07]
  labels: Communiqué de presse
  blocks (5)
    [0] lede: Le chapô.
      notes: [1]@8
    [1] heading: Contexte
    [2] list (2 items)
      - un
      - deux
    [3] quote: « Nous y sommes »
      speaker: Jean Dupont, PDG, Acme
    [4] closing: acme.fr
      url: https://acme.fr
  footnotes (1)
    [1] https://x.fr
  about (1)
    Acme: À propos d’Acme
      Acme fait des choses.
  contacts (1)
    Jeanne Martin | j@acme.fr
  links (1)
    https://acme.fr
"""


def test_empty_document_and_long_text() -> None:
    assert render_tree(Document(lang="en")) == "Document (en)\n"
    line = shorten("mot " * 40, 20)
    assert len(line) == 20 and line.endswith("…") and "\n" not in shorten("a\nb")


def test_the_readers_doubts_are_shown_not_hidden():
    from presskit.document import Document

    tree = render_tree(Document("fr", doubts=("no title found", "a quote without a speaker")))
    assert "doubts (2)" in tree and "unsure: no title found" in tree and "unsure: a quote without a speaker" in tree
    assert "doubts" not in render_tree(Document("fr"))
