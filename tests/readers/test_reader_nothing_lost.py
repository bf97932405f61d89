"""Nothing lost: every word and every web address of a release ends up somewhere in the model."""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from presskit.document import Document
from presskit.errors import PresskitError
from presskit.readers import parse_text, read
from presskit.readers.text import parse

FIXTURES = Path(__file__).parents[1] / "fixtures" / "releases"
RELEASES = sorted(FIXTURES.glob("*.txt"))
MARKDOWN = sorted(FIXTURES.glob("*.md"))
CONTACT_LABELS = {"tél", "tel", "mél", "port", "mobile", "portable", "e", "mail", "email", "courriel"}
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
    for contact in doc.contacts:
        texts += [contact.heading, contact.name, contact.role, contact.organization, contact.email,
                  contact.phone, contact.text]
    return texts


_DIGITS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")


def missing(source: str, doc: Document) -> tuple[Counter, set[str]]:
    """Words and addresses of the source that the model does not hold."""
    source = unicodedata.normalize("NFC", source)
    source = re.sub(r"(?<=[^\W\d_])-\n(?=[^\W\d_])", "", source)  # "attrac-⏎tivité" is one word
    source = re.sub(r"(?m)^\s*\d{1,2}[.)]\s+", "", source)  # a numbered list's numbers are its order
    for note in doc.footnotes:  # the marker glued to a word ("…ments1", "…ments[1]") is the footnote's id
        marker = note.id.translate(str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹"))
        explicit = rf"(?<=\S) ?\[{note.id}\]|(?<=\S) \({note.id}\)"
        if re.search(explicit, source):
            source = re.sub(explicit, "", source, count=1)
        else:
            source = re.sub(rf"(?<=[^\W\d_]){note.id}(?!\d)|{marker}", "", source, count=1)
    source = re.sub("[⁰¹²³⁴⁵⁶⁷⁸⁹]+", lambda m: " " + m.group().translate(_DIGITS), source)
    source_words, source_urls = words_and_urls(source)
    model_words, model_urls = words_and_urls("\n".join(model_texts(doc)))
    lost = Counter({w: n for w, n in (source_words - model_words).items() if w.lower() not in CONTACT_LABELS})
    return lost, source_urls - model_urls


@pytest.mark.parametrize("path", RELEASES, ids=lambda p: p.stem)
def test_every_word_of_the_release_is_in_the_model(path: Path) -> None:
    lost_words, lost_urls = missing(path.read_text(encoding="utf-8"), read(path))
    assert not lost_words, f"words lost: {dict(lost_words)}"
    assert not lost_urls, f"addresses lost: {lost_urls}"


@pytest.mark.parametrize("path", MARKDOWN, ids=lambda p: p.stem)
def test_every_word_of_the_markdown_version_is_in_its_model(path: Path) -> None:
    doc = read(path)
    lost_words, lost_urls = missing(path.with_suffix(".txt").read_text(encoding="utf-8"), doc)
    assert not lost_words, f"words lost: {dict(lost_words)}"
    assert not lost_urls, f"addresses lost: {lost_urls}"
    written = {url_key(u) for u in re.findall(r"\]\((\S+?)\)", path.read_text(encoding="utf-8"))}
    assert written <= {url_key(link) for link in doc.links}


@pytest.mark.parametrize("fmt", [".docx", ".pdf"])
@pytest.mark.parametrize("path", MARKDOWN, ids=lambda p: p.stem)
def test_every_word_of_the_word_and_pdf_versions_is_in_their_model(tmp_path: Path, path: Path, fmt: str) -> None:
    from release_files import write_docx, write_pdf

    writer = write_docx if fmt == ".docx" else write_pdf
    doc = read(writer(path.read_text(encoding="utf-8"), tmp_path / f"release{fmt}"))
    lost_words, lost_urls = missing(path.with_suffix(".txt").read_text(encoding="utf-8"), doc)
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


from examples import VARIANTS, example_files, example_ids, variant_path  # noqa: E402


@pytest.mark.parametrize("variant", VARIANTS)
@pytest.mark.parametrize("path", example_files(), ids=example_ids)
def test_every_word_of_each_example_is_in_its_model_in_every_variant(path: Path, variant: str) -> None:
    source = variant_path(path, variant)
    doc = read(source)
    text = source.read_text(encoding="utf-8") if variant == "pdftotext" else path.read_text(encoding="utf-8")
    lost_words, lost_urls = missing(text, doc)
    assert not lost_words, f"words lost: {dict(lost_words)}"
    assert not lost_urls, f"addresses lost: {lost_urls}"
