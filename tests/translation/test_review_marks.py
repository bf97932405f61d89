"""Marks through the review round trip: `<g>` elements in the XLIFF, back into the memory, rebuilt."""
import zipfile

import docx
import pytest
from lxml import etree

from presskit.build import Options, build
from presskit.kit.folder import load_kit
from presskit.review import export_review, import_review
from presskit.translation import marks as marking
from presskit.translation.memory import TranslationMemory

NS = {"x": "urn:oasis:names:tc:xliff:document:1.2"}
X = "{urn:oasis:names:tc:xliff:document:1.2}"
URL = "https://www.grandlyon.com/"
MARKDOWN = f"""# Lyon lance son plan pour le vélo

Lyon, le 3 mars 2024 – La ville annonce un nouveau plan pour les transports publics de la région.

Le plan est porté par la [Métropole de Lyon]({URL}) et sera **voté en juin** par le conseil.
"""
SENTENCE = "Le plan est porté par la Métropole de Lyon et sera voté en juin par le conseil."


@pytest.fixture
def marked_kit(kit_dir, no_network):
    """The kit with one .md release, built in draft with the fake engine, then exported for review."""
    for old in (kit_dir / "sources").iterdir():
        old.unlink()
    source = kit_dir / "sources" / "velo.fr.md"
    source.write_text(MARKDOWN, encoding="utf-8")
    build(load_kit(kit_dir), [source], Options(engine="fake", draft=True))
    path, _ = export_review(load_kit(kit_dir), source, Options())
    return kit_dir, path


def marked_unit(path):
    tree = etree.parse(str(path))
    (unit,) = [u for u in tree.iterfind(".//x:trans-unit", NS) if u.find("x:source", NS).find("x:g", NS) is not None]
    return tree, unit


def set_target(path, tree, unit, xml):
    """Replace a unit's target by `xml` (its inner XLIFF), as a CAT tool saving the reviewer's work."""
    old = unit.find("x:target", NS)
    new = etree.fromstring(f'<target xmlns="{NS["x"]}" state="translated">{xml}</target>')
    unit.replace(old, new)
    tree.write(str(path), xml_declaration=True, encoding="UTF-8")


def test_export_writes_marks_as_g_elements_and_links_addresses_in_a_note(marked_kit):
    _, path = marked_kit
    _, unit = marked_unit(path)
    source, target = unit.find("x:source", NS), unit.find("x:target", NS)
    for node in (source, target):
        assert [(g.get("id"), g.get("ctype")) for g in node.iter(f"{X}g")] == [("1", "link"), ("2", "bold")]
        assert URL not in "".join(node.itertext()) and not [a for a in node.iter() if URL in a.attrib.values()]
    assert [g.text for g in source.iter(f"{X}g")] == ["Métropole de Lyon", "voté en juin"]
    assert "".join(source.itertext()) == SENTENCE
    notes = [n.text for n in unit.iterfind("x:note", NS) if n.get("from") == "presskit-marks"]
    assert notes == [f"mark 1: link to {URL}\nmark 2: bold"]


def test_moved_elements_are_imported_and_the_rebuild_links_the_reviewers_words(marked_kit):
    kit_dir, path = marked_kit
    tree, unit = marked_unit(path)
    set_target(path, tree, unit, 'The plan is led by <g id="1" ctype="link">Lyon Metropolis</g> and the '
                                 'council will <g id="2" ctype="bold">vote on it in June</g>.')
    result = import_review(load_kit(kit_dir), path)
    assert result.findings == [] and result.refused == []
    assert [entry[2] for entry in result.added] == ["The plan is led by Lyon Metropolis and the council will "
                                                    "vote on it in June."]
    assert "<bpt" in (kit_dir / "glossary" / "memory.tmx").read_text(encoding="utf-8")
    (done,) = build(load_kit(kit_dir), options=Options(engine="fake", draft=True))  # the fake English elsewhere is a draft
    english = docx.Document(next(done.folder.glob("*.en*.docx")))
    assert "vote on it in June" in [run.text for p in english.paragraphs for run in p.runs if run.bold]
    with zipfile.ZipFile(next(done.folder.glob("*.en*.docx"))) as archive:
        body = archive.read("word/document.xml").decode()
    assert "Lyon Metropolis</w:t></w:r></w:hyperlink>" in body
    html = (done.folder / "web" / "index.en.html").read_text(encoding="utf-8")
    assert f'<a href="{URL}">Lyon Metropolis</a>' in html


def test_a_dropped_element_keeps_the_words_with_a_finding(marked_kit):
    kit_dir, path = marked_kit
    tree, unit = marked_unit(path)
    set_target(path, tree, unit, 'The plan is led by <g id="1" ctype="link">Lyon Metropolis</g> and will be '
                                 'voted in June by the council.')
    result = import_review(load_kit(kit_dir), path)
    ((unit_id, finding),) = result.findings
    assert unit_id == unit.get("id")
    assert finding.startswith(f"velo.en.xlf, unit {unit_id}: <g id=\"2\"> (on “voté en juin”) is missing")
    assert "put the element around its English words and import again" in finding
    stored = TranslationMemory.load(kit_dir / "glossary").marked(SENTENCE)
    assert marking.extract(stored[1]) == ("The plan is led by Lyon Metropolis and will be voted in June by "
                                          "the council.", {0: (19, 34)})


def test_a_repeated_or_unclosed_element_is_a_finding_not_a_traceback(marked_kit):
    kit_dir, path = marked_kit
    tree, unit = marked_unit(path)
    set_target(path, tree, unit, 'The plan is led by <g id="1">Lyon</g> <g id="1">Metropolis</g> and will be '
                                 '<bx id="2" rid="2"/>voted in June by the council.')
    result = import_review(load_kit(kit_dir), path)
    assert [f.split(": ", 1)[1] for _, f in result.findings] == [
        "inline element id '1' is twice in the target; only its first use is kept",
        "inline element id '2' is not closed in the target; the English is kept without that mark: put the "
        "element around its English words and import again"]
    assert len(result.added) == 1
