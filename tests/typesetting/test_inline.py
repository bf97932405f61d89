"""Tests of the inline splitter: links, e-mails and footnote calls cut out of plain text."""
from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from presskit.document import NoteRef
from presskit.typesetting.inline import footnote_runs, href_for, inline_runs, split_links, tel_href


@pytest.mark.parametrize("text, kind, found, href", [
    ("Voir https://a.fr/x?y=1&z=2.", "url", "https://a.fr/x?y=1&z=2", "https://a.fr/x?y=1&z=2"),
    ("(voir www.medicen.org)", "url", "www.medicen.org", "https://www.medicen.org"),
    ("« www.a.fr »", "url", "www.a.fr", "https://www.a.fr"),
    ("Contact : j.doe+press@medicen-paris.org.", "email", "j.doe+press@medicen-paris.org",
     "mailto:j.doe+press@medicen-paris.org"),
    ("Lien http://a.fr/wiki/Page_(x), fin", "url", "http://a.fr/wiki/Page_(x)", "http://a.fr/wiki/Page_(x)"),
])
def test_finds_the_one_link(text: str, kind: str, found: str, href: str) -> None:
    links = [r for r in split_links(text) if r.kind != "text"]
    assert [(r.kind, r.text, r.href) for r in links] == [(kind, found, href)]


def test_plain_text_has_no_link() -> None:
    assert [r.kind for r in split_links("Le taux est de 85 %. Voir p. 3.")] == ["text"]


@given(st.text(alphabet=list("ahtps .@:/w(),<&é\u202f»"), max_size=60) | st.text(max_size=60))
def test_runs_give_the_text_back(text: str) -> None:
    assert "".join(r.text for r in split_links(text)) == text


@given(st.text(max_size=40), st.lists(st.integers(min_value=-5, max_value=60), max_size=4))
def test_note_calls_do_not_lose_text(text: str, offsets: list[int]) -> None:
    notes = [NoteRef(str(i), o) for i, o in enumerate(offsets)]
    runs = inline_runs(text, notes)
    assert "".join(r.text for r in runs if r.kind != "note") == text
    assert len([r for r in runs if r.kind == "note"]) == len(notes)


def test_note_call_after_offset_with_number() -> None:
    runs = inline_runs("biomédicaments. Or", [NoteRef("n7", 15)], {"n7": 1})
    assert [(r.kind, r.text) for r in runs] == [("text", "biomédicaments."), ("note", "1"), ("text", " Or")]
    assert runs[1].href == "n7"


def test_footnote_that_is_a_url_links_to_it() -> None:
    url = "https://www.example.org/r.pdf"
    assert [(r.kind, r.href) for r in footnote_runs(url, url)] == [("url", url)]


def test_hrefs() -> None:
    assert href_for("mailto:a@b.fr") == "mailto:a@b.fr"
    assert href_for("a@b.fr") == "mailto:a@b.fr"
    assert tel_href("+33 (0)6 12 34 56 78") == "tel:+33612345678"
