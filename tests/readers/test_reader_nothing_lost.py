"""Nothing lost: every word and every web address of a release ends up somewhere in the model."""
from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from presskit.document import Document
from presskit.errors import PresskitError
from presskit.readers import parse_text, read
from presskit.readers.text import parse

RELEASES = sorted((Path(__file__).parents[1] / "fixtures" / "releases").glob("*.txt"))
URL = re.compile(r"https?://\S+|www\.\S+|\b[\w-]+(?:\.[\w-]+)*\.(?:com|fr|org|de|eu|net)\b/?\S*")


def url_key(url: str) -> str:
    """An address compared loosely: no scheme, no www., no trailing punctuation or slash."""
    url = re.sub(r"^https?://", "", url.lower()).removeprefix("www.")
    return url.rstrip(".,;:!?)").rstrip("/")


def words_and_urls(text: str) -> tuple[Counter, set[str]]:
    """Word counts of the text outside web addresses, and the set of addresses."""
    urls = {url_key(m) for m in URL.findall(text)}
    return Counter(re.findall(r"[^\W_]+", URL.sub(" ", text))), urls


def model_texts(doc: Document) -> list[str]:
    """Every text the model holds, footnote numbers included."""
    texts = [doc.title, doc.subtitle, doc.embargo, *doc.labels, *doc.links]
    if doc.dateline:
        texts.append(doc.dateline.text)
    for block in doc.blocks:
        texts += [block.text, *block.items, block.attribution, block.url]
    for note in doc.footnotes:
        texts += [note.id, note.text, note.url]
    for about in doc.about:
        texts += [about.heading, about.text]
    texts += [contact.text for contact in doc.contacts]
    return texts


def missing(source: str, doc: Document) -> tuple[Counter, set[str]]:
    """Words and addresses of the source that the model does not hold."""
    for note in doc.footnotes:  # the marker glued to a word is the footnote's id, not a word
        source = re.sub(rf"(?<=[^\W\d_]){note.id}(?!\d)", "", source, count=1)
    source_words, source_urls = words_and_urls(source)
    model_words, model_urls = words_and_urls("\n".join(model_texts(doc)))
    return source_words - model_words, source_urls - model_urls


@pytest.mark.parametrize("path", RELEASES, ids=lambda p: p.stem)
def test_every_word_of_the_release_is_in_the_model(path: Path) -> None:
    lost_words, lost_urls = missing(path.read_text(encoding="utf-8"), read(path))
    assert not lost_words, f"words lost: {dict(lost_words)}"
    assert not lost_urls, f"addresses lost: {lost_urls}"


def test_the_check_itself_sees_a_lost_word() -> None:
    doc = parse_text("Titre\n\nUn paragraphe assez long pour être un paragraphe.\n")
    assert missing("Titre\n\nUn paragraphe assez long pour être un paragraphe.\n", doc) == (Counter(), set())
    lost_words, _ = missing("Titre\n\nUn paragraphe disparu.\n", doc)
    assert lost_words == Counter({"disparu": 1})


def test_the_same_address_written_twice_counts_once() -> None:
    doc = parse_text("Titre\n\nLe texte du communiqué.\n\nexemple.fr\n\nhttp://exemple.fr/\n")
    assert [b.url for b in doc.blocks if b.url] == ["http://exemple.fr/"]
    assert missing("exemple.fr\n\nhttp://exemple.fr/\n", doc)[1] == set()


_FRENCH_BITS = st.sampled_from([
    "«", "»", "“", "”", '"', "-", "•", "1.", "1", "2", "\n", "\n\n", " ", ",", ".", ":", "À propos de X",
    "Contact presse", "Paris, le 7 septembre 2023", "a souligné", "Jean Dupont", "https://x.fr/", "mot",
    "Mot", "é", "’", "(", ")", "\u2028", "\r", "\t", "\xa0", "Pour", "1er", "embargo", "bio-",
])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(_FRENCH_BITS, st.text(max_size=8)), max_size=60).map("".join))
def test_any_text_gives_a_document_or_a_presskit_error(text: str) -> None:
    try:
        doc = parse_text(text)
    except PresskitError:
        assert not text.strip() or not any(c.isprintable() and not c.isspace() for c in text)
        return
    assert isinstance(doc, Document)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(_FRENCH_BITS, st.text(max_size=8)), max_size=60).map("".join))
def test_the_parser_itself_never_fails_on_text(text: str) -> None:
    if text.strip():
        assert isinstance(parse(text), Document)
