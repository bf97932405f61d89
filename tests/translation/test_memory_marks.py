"""Marks in the translation memory: `<bpt>`/`<ept>` in the TMX, plain lookups, marked hits."""
from lxml import etree

from presskit.document import Block, Document, Mark
from presskit.transforms.translate import translate
from presskit.translation import marks as marking
from presskit.translation.memory import TranslationMemory

URL = "https://a.fr/?x=1&y=2"
FRENCH = "Voir la Métropole de Lyon."
ENGLISH = "See " + marking.char(0, False) + "Lyon Metropolis" + marking.char(0, True) + "."


def marked_memory():
    memory = TranslationMemory()
    memory.add(marking.embed(FRENCH, [(8, 25)]), ENGLISH, (("link", URL),))
    return memory


def test_a_marked_entry_round_trips_as_bpt_ept_pairs(tmp_path):
    marked_memory().save(tmp_path / "memory.tmx")
    root = etree.parse(str(tmp_path / "memory.tmx")).getroot()
    segs = {tuv.get("{http://www.w3.org/XML/1998/namespace}lang"): tuv.find("seg") for tuv in root.iter("tuv")}
    for seg in segs.values():
        (bpt,), (ept,) = seg.findall("bpt"), seg.findall("ept")
        assert (bpt.get("i"), bpt.get("x"), bpt.get("type"), bpt.text) == ("1", "1", "link", f'<a href="{URL.replace("&", "&amp;")}">')
        assert (ept.get("i"), ept.text) == ("1", "</a>")
    assert segs["en-GB"].find("bpt").tail == "Lyon Metropolis"
    loaded = TranslationMemory.load(tmp_path)
    assert loaded.lookup(FRENCH) == "See Lyon Metropolis." and loaded.entries() == [(FRENCH, "See Lyon Metropolis.")]
    assert loaded.marked(FRENCH) == (marking.embed(FRENCH, [(8, 25)]), ENGLISH, (("link", URL),))


def test_an_old_tmx_without_inline_elements_still_loads(tmp_path):
    (tmp_path / "old.tmx").write_text(
        '<tmx version="1.4"><header srclang="fr-FR"/><body><tu><tuv xml:lang="fr-FR"><seg>Bonjour.</seg></tuv>'
        '<tuv xml:lang="en-GB"><seg>Hello.</seg></tuv></tu></body></tmx>', encoding="utf-8")
    memory = TranslationMemory.load(tmp_path)
    assert memory.lookup("Bonjour.") == "Hello." and memory.marked("Bonjour.") is None
    memory.add(marking.embed(FRENCH, [(8, 25)]), ENGLISH, (("link", URL),))
    memory.save(tmp_path / "old.tmx")  # appended: the old unit is kept as it was
    assert TranslationMemory.load(tmp_path).entries() == [("Bonjour.", "Hello."), (FRENCH, "See Lyon Metropolis.")]


def test_a_cat_tools_inline_codes_are_not_read_as_words(tmp_path):
    (tmp_path / "cat.tmx").write_text(
        '<tmx version="1.4"><header srclang="fr-FR"/><body><tu><tuv xml:lang="fr-FR"><seg>Un <bpt i="5" x="2">'
        '&lt;b&gt;</bpt>mot<ept i="5">&lt;/b&gt;</ept><ph>&lt;br/&gt;</ph>.</seg></tuv><tuv xml:lang="en-GB">'
        '<seg>A <bpt i="7" x="2">&lt;b&gt;</bpt>word<ept i="7">&lt;/b&gt;</ept>.</seg></tuv></tu></body></tmx>',
        encoding="utf-8")
    memory = TranslationMemory.load(tmp_path)
    assert memory.lookup("Un mot.") == "A word."
    assert marking.extract(memory.marked("Un mot.")[1]) == ("A word.", {0: (2, 6)})


def test_a_memory_hit_uses_its_stored_marks():
    french = Document("fr", blocks=(Block("paragraph", FRENCH, marks=(Mark("link", 8, 25, URL),)),))
    english = translate(french, marked_memory(), lambda: None)
    assert english.blocks[0].text == "See Lyon Metropolis."
    assert english.blocks[0].marks == (Mark("link", 4, 19, URL),)
    plain = TranslationMemory([(FRENCH, "See Lyon Metropolis.")])  # the same words, no marks stored
    assert translate(french, plain, lambda: None).blocks[0].marks == ()
