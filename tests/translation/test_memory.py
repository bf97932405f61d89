"""The TMX translation memory: load, lookup, add/save (atomic, backup), errors, fuzzy matches."""
from __future__ import annotations

import pytest

from presskit.errors import PresskitError
from presskit.translation.memory import TranslationMemory

NBSP, NNBSP = "\u00a0", "\u202f"


def tmx(*units: tuple[str, str], header: str = 'srclang="fr-FR"') -> str:
    """A small TMX 1.4 document with (French, English) units."""
    body = "".join(f'<tu><tuv xml:lang="fr-FR"><seg>{fr}</seg></tuv>'
                   f'<tuv xml:lang="en-GB"><seg>{en}</seg></tuv></tu>' for fr, en in units)
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header {header} '
            f'segtype="sentence" o-tmf="x" adminlang="en" datatype="plaintext" creationtool="t" '
            f'creationtoolversion="1"/><body>{body}</body></tmx>\n')


def test_round_trip_add_save_load(tmp_path):
    memory = TranslationMemory()
    memory.add(f"Le chiffre d'affaires atteint 25,3{NNBSP}M€.", "Revenue reached €25.3M.")
    memory.add(f"Rendez-vous{NBSP}!", "See you there!")
    assert memory.save(tmp_path / "memory.tmx") == 2
    loaded = TranslationMemory.load(tmp_path)
    assert len(loaded) == 2
    assert loaded.lookup(f"Rendez-vous{NBSP}!") == "See you there!"
    assert sorted(loaded.entries()) == sorted(memory.entries())
    written = (tmp_path / "memory.tmx").read_text(encoding="utf-8")
    assert '<tmx version="1.4">' in written and 'srclang="fr-FR"' in written
    assert 'xml:lang="en-GB"' in written
    assert NNBSP in written  # stored as written, not normalised


def test_lookup_normalises_whitespace_but_returns_the_target_verbatim(tmp_path):
    (tmp_path / "a.tmx").write_text(tmx((f"Paris, le 7{NNBSP}septembre", f"Paris,{NBSP}7 September")),
                                    encoding="utf-8")
    memory = TranslationMemory.load(tmp_path)
    assert memory.lookup("Paris,  le 7 septembre\n") == f"Paris,{NBSP}7 September"
    assert memory.lookup(f" Paris,{NBSP}le\t7{NBSP}septembre ") == f"Paris,{NBSP}7 September"
    assert memory.lookup("Paris, le 8 septembre") is None
    assert memory.lookup("paris, le 7 septembre") is None  # case matters


def test_lookup_matches_composed_and_decomposed_accents():
    memory = TranslationMemory([("Général", "General")])
    assert memory.lookup("Ge\u0301ne\u0301ral") == "General"


def test_second_save_keeps_a_backup_of_the_previous_file(tmp_path):
    path = tmp_path / "memory.tmx"
    memory = TranslationMemory()
    memory.add("Bonjour.", "Hello.")
    memory.save(path)
    assert not (tmp_path / "memory.tmx.bak").exists()
    first = path.read_bytes()
    memory.add("Merci.", "Thank you.")
    assert memory.save(path) == 1
    assert (tmp_path / "memory.tmx.bak").read_bytes() == first
    reloaded = TranslationMemory.load(tmp_path)  # the .bak is not read as a memory
    assert dict(reloaded.entries()) == {"Bonjour.": "Hello.", "Merci.": "Thank you."}
    assert [p.name for p in tmp_path.iterdir() if p.suffix == ".tmp"] == []


def test_save_never_loses_a_translators_edit(tmp_path):
    path = tmp_path / "memory.tmx"
    memory = TranslationMemory()
    memory.add("Bonjour.", "Hello.")
    memory.save(path)
    edited = path.read_text(encoding="utf-8").replace("Hello.", "Good morning.")
    path.write_text(edited, encoding="utf-8")  # a translator edits the file meanwhile
    memory.add("Merci.", "Thanks.")
    memory.save(path)
    assert dict(TranslationMemory.load(tmp_path).entries()) == {"Bonjour.": "Good morning.",
                                                               "Merci.": "Thanks."}


def test_save_into_a_new_folder(tmp_path):
    memory = TranslationMemory()
    memory.add("Bonjour.", "Hello.")
    memory.save(tmp_path / "kit" / "memory" / "approved.tmx")
    assert TranslationMemory.load(tmp_path / "kit" / "memory").lookup("Bonjour.") == "Hello."


def test_malformed_tmx_names_the_file_and_line(tmp_path):
    bad = tmp_path / "broken.tmx"
    bad.write_text('<?xml version="1.0"?>\n<tmx version="1.4">\n<body>\n<tu><tuv><seg>x</tuv>\n'
                   "</body></tmx>\n", encoding="utf-8")
    with pytest.raises(PresskitError) as err:
        TranslationMemory.load(tmp_path)
    assert err.value.path == str(bad)
    assert err.value.line == 4
    assert "broken.tmx:4:" in str(err.value) and "not well-formed XML" in str(err.value)
    assert "broken.tmx.bak" in err.value.hint


def test_xml_that_is_not_tmx_is_refused(tmp_path):
    (tmp_path / "glossary.tmx").write_text("<martif><text/></martif>", encoding="utf-8")
    with pytest.raises(PresskitError, match="not a TMX file"):
        TranslationMemory.load(tmp_path)


def test_empty_and_missing_folders_give_an_empty_memory(tmp_path):
    assert len(TranslationMemory.load(tmp_path)) == 0
    missing = TranslationMemory.load(tmp_path / "nope")
    assert len(missing) == 0 and missing.entries() == [] and missing.lookup("x") is None


def test_every_tmx_is_read_and_the_last_file_wins(tmp_path):
    (tmp_path / "a.tmx").write_text(tmx(("Bonjour.", "Hello."), ("Oui.", "Yes.")), encoding="utf-8")
    (tmp_path / "b.TMX").write_text(tmx(("Bonjour.", "Good morning.")), encoding="utf-8")
    (tmp_path / "notes.txt").write_text("not a memory", encoding="utf-8")
    memory = TranslationMemory.load(tmp_path)
    assert len(memory) == 2
    assert memory.lookup("Bonjour.") == "Good morning." and memory.lookup("Oui.") == "Yes."


def test_languages_are_chosen_by_xml_lang_and_incomplete_units_skipped(tmp_path):
    (tmp_path / "m.tmx").write_text(
        '<tmx version="1.4"><header srclang="en-GB"/><body>'
        '<tu><tuv xml:lang="en-GB"><seg>Hi.</seg></tuv><tuv xml:lang="fr-FR"><seg>Salut.</seg></tuv></tu>'
        '<tu><tuv xml:lang="fr-FR"><seg>Seul.</seg></tuv></tu>'
        '</body></tmx>', encoding="utf-8")
    memory = TranslationMemory.load(tmp_path)
    assert memory.entries() == [("Salut.", "Hi.")]


def test_external_entities_are_not_resolved(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET", encoding="utf-8")
    folder = tmp_path / "memory"
    folder.mkdir()
    (folder / "xxe.tmx").write_text(
        f'<?xml version="1.0"?><!DOCTYPE tmx [<!ENTITY xxe SYSTEM "file://{secret}">]>'
        '<tmx version="1.4"><header srclang="fr-FR"/><body><tu>'
        '<tuv xml:lang="fr-FR"><seg>Bonjour.</seg></tuv><tuv xml:lang="en-GB"><seg>&xxe;</seg></tuv>'
        '</tu></body></tmx>', encoding="utf-8")
    with pytest.raises(PresskitError) as caught:
        TranslationMemory.load(folder)
    assert "declares XML entities" in caught.value.message and caught.value.line == 1
    assert "TOP-SECRET" not in str(caught.value)


def test_fuzzy_matches(tmp_path):
    memory = TranslationMemory([("Le salon ouvre ses portes demain.", "The show opens tomorrow."),
                                ("Merci.", "Thank you.")])
    [(score, source, target)] = memory.fuzzy("Le salon ouvre ses portes demain !")
    assert 85 <= score < 100 and target == "The show opens tomorrow."
    assert memory.fuzzy("Rien à voir avec le reste.") == []


def test_add_refuses_empty_entries():
    with pytest.raises(ValueError):
        TranslationMemory().add(" ", "x")


def test_best_is_the_closest_inexact_match():
    memory = TranslationMemory([("Le salon ouvre ses portes demain.", "The show opens tomorrow."),
                                ("Le salon ouvre ses portes lundi.", "The show opens on Monday.")])
    score, _, target = memory.best("Le salon ouvre ses portes lundi !")
    assert target == "The show opens on Monday." and 85 <= score < 100
    assert memory.best(f"Le salon ouvre ses portes{NBSP}demain.", threshold=50)[2] == "The show opens on Monday."
    assert memory.best("Rien à voir.") is None
