"""The review round trip: XLIFF 1.2 export, a translator's edit, import into the memory, rebuild."""
import re

import docx
import pytest
from lxml import etree
from pypdf import PdfReader

from helpers import SAMPLE
from presskit.build import Options, build
from presskit.errors import PresskitError
from presskit.kit.folder import load_kit
from presskit.review import export_review, import_review
from presskit.translation.memory import TranslationMemory
from presskit.translation.review import read_review

NS = {"x": "urn:oasis:names:tc:xliff:document:1.2"}
NEW = "Un titre inédit\n\nLa bioproduction progresse en France.\n"
SENTENCE = "La bioproduction progresse en France."
OLD_SUBTITLE = "Setting the course for European leadership by 2030"
NEW_SUBTITLE = "Heading for European leadership in 2030"


def export(kit_dir, name=SAMPLE, engine=None, **options):
    """Export the review file of sources/<name>.fr.txt and return (path, parsed tree); with an engine,
    a draft build with it first (export reads what the last build produced and sends nothing)."""
    source = kit_dir / "sources" / f"{name}.fr.txt"
    if engine:
        build(load_kit(kit_dir), [source], Options(engine=engine, draft=True))
    path, _ = export_review(load_kit(kit_dir), source, Options(**options))
    return path, etree.parse(str(path))


def unit(tree, unit_id):
    return tree.find(f".//x:trans-unit[@id='{unit_id}']", NS)


def edit(path, changes, states=None):
    """Change targets (and states) with lxml, as a translator's tool would, and save the file."""
    tree = etree.parse(str(path))
    for unit_id, text in changes.items():
        unit(tree, unit_id).find("x:target", NS).text = text
    for unit_id, state in (states or {}).items():
        unit(tree, unit_id).find("x:target", NS).set("state", state)
    tree.write(str(path), xml_declaration=True, encoding="UTF-8")


@pytest.fixture
def new_release(kit_dir):
    (kit_dir / "sources" / "nouveau.fr.txt").write_text(NEW, encoding="utf-8")
    return kit_dir


def test_export_is_xliff_1_2_with_one_file_and_one_unit_per_segment(kit_dir, no_network):
    path, segments = export_review(load_kit(kit_dir), kit_dir / "sources" / f"{SAMPLE}.fr.txt",
                                   Options(offline=True))
    tree = etree.parse(str(path))
    assert path == kit_dir / "review" / f"{SAMPLE}.en.xlf"  # `make clean` empties output/, not review/
    root = tree.getroot()
    assert root.tag == "{urn:oasis:names:tc:xliff:document:1.2}xliff" and root.get("version") == "1.2"
    assert b"document:1.1" not in path.read_bytes()
    (file,) = root.findall("x:file", NS)
    assert (file.get("original"), file.get("source-language"), file.get("target-language")) == \
        (f"{SAMPLE}.fr.txt", "fr-FR", "en-GB")
    ids = [u.get("id") for u in root.iter("{*}trans-unit")]
    assert ids == [s.path for s in segments] and len(set(ids)) == len(ids)
    assert "title#0" in ids and any(re.fullmatch(r"blocks\[\d+\]\.text#\d+", i) for i in ids)
    assert not [p for p in path.parent.iterdir() if p.name.endswith(".tmp")]


def test_memory_units_are_final_with_their_provenance(kit_dir, no_network):
    _, tree = export(kit_dir, offline=True)
    title = unit(tree, "title#0")
    assert title.findtext("x:source", namespaces=NS) == "Succès du Congrès France Bioproduction"
    target = title.find("x:target", NS)
    assert target.text == "A successful Congrès France Bioproduction"
    assert (target.get("state"), target.get("state-qualifier")) == ("final", "exact-match")
    notes = [(n.get("from"), n.text) for n in title.findall("x:note", NS)]
    assert ("presskit", "origin: memory") in notes and ("presskit", "score: 1.00") in notes
    kept = [u for u in tree.iter("{*}trans-unit") if u.get("translate") == "no"]
    assert all(u.find("x:target", NS).get("state") == "final" for u in kept)


def test_offline_gaps_are_new_and_empty_engine_units_need_review(new_release, no_network):
    _, offline = export(new_release, "nouveau", offline=True)
    target = unit(offline, "blocks[0].text#0").find("x:target", NS)
    assert (target.text or "", target.get("state")) == ("", "new")
    _, machine = export(new_release, "nouveau", engine="fake")
    target = unit(machine, "blocks[0].text#0").find("x:target", NS)
    # the fake engine echoes the French; the glossary term comes back as its approved English
    assert target.text == "[EN] " + SENTENCE.replace("bioproduction", "biomanufacturing")
    assert (target.get("state"), target.get("state-qualifier")) == ("needs-review-translation", "mt-suggestion")
    alt = unit(machine, "blocks[0].text#0").find("x:alt-trans", NS)
    assert alt.get("origin") == "presskit:engine:fake" and alt.findtext("x:target", namespaces=NS) == target.text


def english_texts(kit_dir):
    folder = kit_dir / "output" / SAMPLE
    pdf = " ".join(p.extract_text() for p in PdfReader(folder / f"{SAMPLE}.en.pdf").pages)
    word = " ".join(p.text for p in docx.Document(folder / f"{SAMPLE}.en.docx").paragraphs)
    return [re.sub(r"\s+", " ", text) for text in (pdf, word)]


def test_an_edited_target_is_imported_reported_and_used_by_the_next_build(kit_dir, no_network):
    memory_file = kit_dir / "glossary" / "memory.tmx"
    original = memory_file.read_bytes()
    path, _ = export(kit_dir, offline=True)
    edit(path, {"subtitle#0": NEW_SUBTITLE})
    result = import_review(load_kit(kit_dir), path)
    assert [(r[0], r[2], r[3]) for r in result.replaced] == [("subtitle#0", OLD_SUBTITLE, NEW_SUBTITLE)]
    assert not result.added and not result.refused and result.pending == 0
    assert (kit_dir / "glossary" / "memory.tmx.bak").read_bytes() == original
    assert result.backups == [kit_dir / "glossary" / "memory.tmx.bak"]
    assert TranslationMemory.load(kit_dir / "glossary").lookup("Cap sur un leadership européen en 2030") \
        == NEW_SUBTITLE
    build(load_kit(kit_dir), [kit_dir / "sources" / f"{SAMPLE}.fr.txt"], Options(offline=True))
    for text in english_texts(kit_dir):
        assert NEW_SUBTITLE in text and OLD_SUBTITLE not in text


def test_machine_units_enter_the_memory_only_once_reviewed(new_release, no_network):
    path, _ = export(new_release, "nouveau", engine="fake")
    edit(path, {"blocks[0].text#0": "Biomanufacturing is growing in France."})
    result = import_review(load_kit(new_release), path)
    assert [a[0] for a in result.added] == ["blocks[0].text#0"] and result.pending == 1
    memory = TranslationMemory.load(new_release / "glossary")
    assert memory.lookup(SENTENCE) == "Biomanufacturing is growing in France."
    assert memory.lookup("Un titre inédit") is None  # machine text nobody approved stays out


def test_a_state_change_alone_approves_a_machine_unit_which_is_then_checked(new_release, no_network):
    path, _ = export(new_release, "nouveau", engine="fake")
    edit(path, {}, states={"title#0": "translated"})
    result = import_review(load_kit(new_release), path)
    # approved by its state alone, then checked: the fake engine's echo is French, so it is refused now
    assert result.added == [] and [(r[0], r[1][:15]) for r in result.refused] == [("title#0", "left in French:")]


def test_the_memory_is_not_overwritten_by_a_stale_unit(new_release, no_network):
    path, _ = export(new_release, "nouveau", engine="fake")
    memory = TranslationMemory.load(new_release / "glossary")
    memory.add(SENTENCE, "Biomanufacturing is advancing in France.")
    memory.save(new_release / "glossary" / "memory.tmx")
    edit(path, {}, states={"blocks[0].text#0": "final"})  # approved, but the English unchanged
    result = import_review(load_kit(new_release), path)
    assert result.kept == [("blocks[0].text#0", "Biomanufacturing is advancing in France.")]
    assert not result.replaced and not result.added
    assert TranslationMemory.load(new_release / "glossary").lookup(SENTENCE) == \
        "Biomanufacturing is advancing in France."


def test_a_unit_whose_source_changed_since_export_is_refused(new_release, no_network):
    path, _ = export(new_release, "nouveau", engine="fake")
    edit(path, {"blocks[0].text#0": "Biomanufacturing is growing in France.", "title#0": "A new title"})
    release = new_release / "sources" / "nouveau.fr.txt"
    release.write_text(NEW.replace("progresse", "recule"), encoding="utf-8")
    result = import_review(load_kit(new_release), path)
    assert [r[0] for r in result.refused] == ["blocks[0].text#0"]
    assert "source changed" in result.refused[0][1] and "recule" in result.refused[0][1]
    memory = TranslationMemory.load(new_release / "glossary")
    assert memory.lookup(SENTENCE) is None and memory.lookup("Un titre inédit") == "A new title"


def test_a_source_edited_in_the_review_file_is_refused(new_release, no_network):
    path, _ = export(new_release, "nouveau", engine="fake")
    tree = etree.parse(str(path))
    unit(tree, "title#0").find("x:source", NS).text = "Un autre titre"
    unit(tree, "title#0").find("x:target", NS).text = "Another title"
    tree.write(str(path), xml_declaration=True, encoding="UTF-8")
    result = import_review(load_kit(new_release), path)
    assert [r[0] for r in result.refused] == ["title#0"]
    assert not (new_release / "glossary" / "memory.tmx.bak").exists()


def test_two_units_disagreeing_on_one_source(new_release, no_network):
    release = new_release / "sources" / "nouveau.fr.txt"
    release.write_text(NEW + "\n" + SENTENCE + "\n", encoding="utf-8")
    path, tree = export(new_release, "nouveau", engine="fake")
    ids = [u.get("id") for u in tree.iter("{*}trans-unit") if u.findtext("x:source", namespaces=NS) == SENTENCE]
    assert len(ids) == 2
    edit(path, {ids[0]: "Biomanufacturing is growing.", ids[1]: "Biomanufacturing is booming."})
    result = import_review(load_kit(new_release), path)
    assert [a[0] for a in result.added] == [ids[0]] and [r[0] for r in result.refused] == [ids[1]]


def test_a_release_missing_from_the_kit_is_an_error(new_release, no_network):
    path, _ = export(new_release, "nouveau", engine="fake")
    (new_release / "sources" / "nouveau.fr.txt").unlink()
    with pytest.raises(PresskitError, match="nouveau.fr.txt") as error:
        import_review(load_kit(new_release), path)
    assert error.value.path == str(path)


XLIFF_HEAD = ('<?xml version="1.0" encoding="UTF-8"?>\n'
              '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">\n'
              f'<file original="{SAMPLE}.fr.txt" source-language="fr-FR" target-language="en-GB" '
              'datatype="plaintext">\n<body>\n')


@pytest.mark.parametrize("body, line, message", [
    (XLIFF_HEAD + '<trans-unit id="title#0"><source>Succès</source>\n<target>x</target>\n', 7,
     "not well-formed"),
    (XLIFF_HEAD + '<trans-unit id="title#0"><source>a</source></trans-unit>\n'
     '<trans-unit><source>b</source></trans-unit>\n</body></file></xliff>', 6, "without an id"),
    ('<?xml version="1.0"?>\n<xliff version="2.0" xmlns="urn:oasis:names:tc:xliff:document:2.0"/>', 2,
     "not an XLIFF 1.x"),
    ('<?xml version="1.0"?>\n\n<tmx version="1.4"><body/></tmx>', 3, "not an XLIFF 1.x"),
])
def test_malformed_review_files_name_their_line(tmp_path, body, line, message):
    path = tmp_path / "bad.xlf"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(PresskitError, match=message) as error:
        read_review(path)
    assert (error.value.path, error.value.line) == (str(path), line)


def test_external_entities_are_never_read(kit_dir, tmp_path, no_network):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-VALUE", encoding="utf-8")
    path = tmp_path / "evil.xlf"
    path.write_text('<?xml version="1.0"?>\n'
                    f'<!DOCTYPE xliff [<!ENTITY xxe SYSTEM "file://{secret}">]>\n'
                    + XLIFF_HEAD.split("\n", 1)[1]
                    + '<trans-unit id="title#0"><source>Succès du Congrès France Bioproduction</source>'
                    '<target state="final">&xxe;</target></trans-unit></body></file></xliff>',
                    encoding="utf-8")
    with pytest.raises(PresskitError, match="declares XML entities") as error:
        import_review(load_kit(kit_dir), path)
    assert error.value.line == 2 and "TOP-SECRET" not in str(error.value)
    assert "TOP-SECRET" not in (kit_dir / "glossary" / "memory.tmx").read_text(encoding="utf-8")


def test_entity_expansion_is_refused(tmp_path):
    path = tmp_path / "laughs.xlf"
    path.write_text('<?xml version="1.0"?>\n<!DOCTYPE xliff [<!ENTITY a "aaaaaaaaaa">'
                    '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>\n<xliff version="1.2">&b;</xliff>',
                    encoding="utf-8")
    with pytest.raises(PresskitError, match="entities"):
        read_review(path)


def test_an_external_dtd_is_neither_fetched_nor_refused(kit_dir, tmp_path, no_network):
    path, _ = export(kit_dir, offline=True)
    data = path.read_text(encoding="utf-8").replace(
        "?>\n", '?>\n<!DOCTYPE xliff PUBLIC "-//XLIFF//DTD XLIFF//EN" '
        '"http://www.oasis-open.org/committees/xliff/documents/xliff.dtd">\n', 1)
    path.write_text(data, encoding="utf-8")
    original, units = read_review(path)
    assert original == f"{SAMPLE}.fr.txt" and len(units) > 40


# --- the round trip as a translator lives it (issue 13) ----------------------------------------------


def test_export_reads_the_last_build_and_sends_nothing(new_release, no_network):
    kit = load_kit(new_release)
    source = new_release / "sources" / "nouveau.fr.txt"
    build(kit, [source], Options(engine="fake", draft=True))  # the machine draft fills the cache
    path, segments = export_review(kit, source, Options())  # no engine: the fake one is not asked again
    assert {s.origin for s in segments} == {"engine:fake"}
    target = unit(etree.parse(str(path)), "title#0").find("x:target", NS)
    assert (target.text, target.get("state")) == ("[EN] Un titre inédit", "needs-review-translation")


def test_a_review_file_the_translator_changed_is_backed_up_before_a_new_export(new_release, no_network):
    path, _ = export(new_release, "nouveau")
    edit(path, {"title#0": "A new title"})
    edited = path.read_bytes()
    again, _ = export(new_release, "nouveau")
    assert again == path and (path.parent / "nouveau.en.xlf.1.bak").read_bytes() == edited
    export(new_release, "nouveau")  # the same content again: no new backup
    assert sorted(p.name for p in path.parent.iterdir()) == ["nouveau.en.xlf", "nouveau.en.xlf.1.bak"]


def test_units_carry_their_place_and_neighbours_and_fuzzy_candidates(kit_dir, no_network):
    sample = (kit_dir / "sources" / f"{SAMPLE}.fr.txt").read_text(encoding="utf-8")
    changed = sample.replace("Cap sur un leadership européen en 2030", "Cap sur un leadership européen d’ici 2030")
    (kit_dir / "sources" / "fuzzy.fr.txt").write_text(changed, encoding="utf-8")
    path, _ = export(kit_dir, "fuzzy")
    tree = etree.parse(str(path))
    subtitle = unit(tree, "subtitle#0")
    notes = [n.text for n in subtitle.findall("x:note", NS) if n.get("from") == "presskit-context"]
    assert notes[0].startswith("place: the subtitle (line ") and notes[0].endswith(" of the source)")
    assert notes[1] == "previous: Succès du Congrès France Bioproduction" and notes[2].startswith("next: ")
    [fuzzy] = [a for a in subtitle.findall("x:alt-trans", NS) if a.get("origin") == "memory-fuzzy"]
    assert fuzzy.findtext("x:target", namespaces=NS) == OLD_SUBTITLE and int(fuzzy.get("match-quality")) >= 85


def test_import_checks_each_unit_against_the_glossary_now(new_release, no_network):
    path, _ = export(new_release, "nouveau")
    edit(path, {"blocks[0].text#0": "Bioproduction is growing in France.", "title#0": "A new title"})
    result = import_review(load_kit(new_release), path)
    assert [a[0] for a in result.added] == ["title#0"]
    [(unit_id, why)] = result.refused
    assert unit_id == "blocks[0].text#0" and "'bioproduction' should read 'biomanufacturing'" in why
