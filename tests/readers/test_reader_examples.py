"""Real releases of ../shared/examples (read where they are, never copied): the structures each shows."""
from __future__ import annotations

import pytest
from examples import EXAMPLES

from presskit.document import Dateline, Speaker
from presskit.readers import read


def load(prefix: str):
    """The example release whose name starts with `prefix`, read (the test skips without it)."""
    found = sorted(EXAMPLES.glob(f"{prefix}_*.fr.txt"))
    if not found:
        pytest.skip(f"no example {prefix} in {EXAMPLES}")
    return read(found[0])


def test_dinum_quotes_followed_by_a_name_line_and_contact() -> None:
    doc = load("02")
    quotes = [b for b in doc.blocks if b.kind == "quote"]
    assert [q.speaker.name for q in quotes] == ["Dr Markus Richter", "Stéphanie Schaer"]
    assert quotes[0].attribution == "Dr Markus Richter, secrétaire d’État, CIO du gouvernement fédéral allemand"
    assert quotes[1].speaker.organization == "DINUM"
    assert [a.organization for a in doc.about] == [
        "ministère de l’Intérieur et du Territoire de la République fédérale d’Allemagne", "DINUM"]
    assert doc.about[1].heading == "À propos de la DINUM :"
    (contact,) = doc.contacts
    assert (contact.name, contact.email, contact.phone) == (
        "Maximilian KALL", "presse@bmi.bund.de", "+49 30 18 681- 22222")
    assert contact.heading.startswith("Contact presse du secrétariat")
    assert (contact.role, contact.organization) == (
        "responsable", "secrétariat d’État, CIO du gouvernement fédéral allemand")
    assert contact.text == "Alt-Moabit 140 10557 Berlin\nwww.bmi.bund.de"
    assert doc.links == ("https://www.bmi.bund.de", "mailto:presse@bmi.bund.de")


def test_cnll_cra_dateline_label_headings_and_lists() -> None:
    doc = load("04")
    assert doc.dateline == Dateline("Paris, le 7 septembre 2023", "Paris", "2023-09-07")
    assert doc.labels == ("Pour diffusion immédiate",)
    assert doc.blocks[0].kind == "lede" and doc.blocks[0].text.startswith("Les institutions européennes")
    headings = [b.text for b in doc.blocks if b.kind == "heading"]
    assert headings == ["Contexte", "Constats", "Recommandations", "Références et documents complémentaires"]
    lists = [b for b in doc.blocks if b.kind == "list"]
    assert [len(b.items) for b in lists] == [4, 4, 4]
    assert lists[0].items[0].startswith("Surréglementation: Le CRA")
    assert [a.organization for a in doc.about] == ["CNLL"]
    assert doc.about[0].text.endswith("Plus d'info : https://www.cnll.fr/")
    assert not any(b.kind == "closing" for b in doc.blocks)


def test_cnll_presidency_intro_quotes_and_biographies() -> None:
    doc = load("05")
    assert doc.dateline.date == "2015-06-17"
    assert doc.subtitle.startswith("Le CNLL nomme Stefane Fermigier")
    quotes = [b for b in doc.blocks if b.kind == "quote"]
    assert [(q.attribution, q.speaker) for q in quotes] == [
        ("Pour Philippe Montargès", Speaker("Philippe Montargès")),
        ("Selon Stefane Fermigier", Speaker("Stefane Fermigier"))]
    assert quotes[0].text.startswith("le Logiciel Libre") and quotes[0].text.endswith("économiques.")
    assert "entière de la French Tech" in quotes[0].text
    assert ["Micro-biographies", "Stefane Fermigier", "Philippe Montargès"] == [
        b.text for b in doc.blocks if b.kind == "heading"]
    assert "(2013), Livre blanc de l’April" in doc.blocks[-1].text
    assert doc.about[0].text.count("\n- ") == 7


def test_cnll_study_dateline_after_the_lede_and_quotes_after_guillemets() -> None:
    doc = load("06")
    assert doc.blocks[0].kind == "lede" and doc.blocks[0].text.startswith("Une étude de marché")
    assert doc.dateline.text == "Paris, le 18 novembre 2015"
    assert doc.blocks[1].text.startswith("Un panel de plus de 100 entreprises")
    quotes = [b for b in doc.blocks if b.kind == "quote"]
    assert [q.speaker.name for q in quotes] == ["Philippe Montargès", "Stéfane Fermigier", "Michel Isnard"]
    assert quotes[1].attribution.startswith("complète Stéfane Fermigier, coprésident du CNLL")
    assert quotes[2].speaker.organization == "Red Hat"
    assert [len(b.items) for b in doc.blocks if b.kind == "list"] == [6, 1]
    assert doc.about == () and doc.links == ()
