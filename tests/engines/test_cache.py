"""The SQLite translation cache in front of a LibreTranslate-compatible server on 127.0.0.1."""
from __future__ import annotations

import json
import logging
import sqlite3

import pytest
from werkzeug import Response

from presskit.engines import CachedEngine, Engine, FakeEngine, RetryPolicy, get_engine
from presskit.errors import PresskitError


def libre(request):
    """A LibreTranslate answer: the text upper-cased; "Panne." always fails with HTTP 500."""
    text = request.args["q"]
    if text == "Panne.":
        return Response("boom", status=500)
    return Response(json.dumps({"translatedText": text.upper()}), content_type="application/json")


def sent(server):
    return sorted(request.args["q"] for request, _ in server.log)


@pytest.fixture
def engine(http):
    http.expect_request("/translate", method="POST").respond_with_handler(libre)
    return get_engine("libre", url=http.url_for("/"), retry=RetryPolicy(attempts=2, sleep=lambda s: None))


@pytest.fixture
def db(tmp_path):
    return tmp_path / "kit" / ".presskit-cache" / "translations.sqlite"


def test_the_second_run_sends_nothing(http, engine, db):
    texts = ["Bonjour.", "Le salon ouvre.", "", "Bonjour."]
    first = CachedEngine(engine, db, "g1").translate(texts, "fr", "en")
    assert first == ["BONJOUR.", "LE SALON OUVRE.", "", "BONJOUR."]
    assert sent(http) == ["Bonjour.", "Le salon ouvre."]  # each distinct text once
    http.clear_log()
    again = CachedEngine(engine, db, "g1")  # a new run: a new object on the same file
    assert again.translate(texts, "fr", "en") == first
    assert http.log == []
    assert (again.hits, again.misses) == (3, 0)
    assert isinstance(again, Engine) and again.name == "libre" and again.network


def test_only_new_texts_are_sent(http, engine, db):
    CachedEngine(engine, db, "g1").translate(["Bonjour."], "fr", "en")
    http.clear_log()
    cached = CachedEngine(engine, db, "g1")
    assert cached.translate(["Bonjour.", "Merci."], "fr", "en") == ["BONJOUR.", "MERCI."]
    assert sent(http) == ["Merci."]
    assert (cached.hits, cached.misses) == (1, 1)


@pytest.mark.parametrize("change", ["glossary", "target", "server"])
def test_the_key_has_engine_languages_and_glossary_version(http, engine, db, change):
    CachedEngine(engine, db, "g1").translate(["Bonjour."], "fr", "en")
    http.clear_log()
    version, target, other = "g1", "en", engine
    if change == "glossary":
        version = "g2"
    elif change == "target":
        target = "en-US"
    else:
        other = get_engine("libre", url=http.url_for("/other/"))
        http.expect_request("/other/translate").respond_with_handler(libre)
    CachedEngine(other, db, version).translate(["Bonjour."], "fr", target)
    assert len(http.log) == 1


def test_a_failure_keeps_what_was_translated_so_a_rerun_resumes(http, engine, db):
    texts = ["Un.", "Deux.", "Panne.", "Trois.", "Quatre."]
    with pytest.raises(PresskitError, match="HTTP 500"):
        CachedEngine(engine, db, "g1").translate(texts, "fr", "en")
    stored = {row[0] for row in sqlite3.connect(db).execute("SELECT text FROM translations")}
    assert "Panne." not in stored and "Un." in stored
    assert stored <= {"Un.", "Deux.", "Trois.", "Quatre."}
    http.clear_log()
    with pytest.raises(PresskitError):
        CachedEngine(engine, db, "g1").translate(texts, "fr", "en")
    assert "Un." not in sent(http) and "Panne." in sent(http)


def test_all_done_before_a_failure_is_kept_with_one_worker(http, db):
    http.expect_request("/translate").respond_with_handler(libre)
    engine = get_engine("libre", url=http.url_for("/"), workers=1,
                        retry=RetryPolicy(attempts=1))
    with pytest.raises(PresskitError):
        CachedEngine(engine, db).translate(["Un.", "Deux.", "Panne.", "Trois."], "fr", "en")
    stored = sorted(row[0] for row in sqlite3.connect(db).execute("SELECT text FROM translations"))
    assert stored == ["Deux.", "Un."]  # one worker: "Trois." was never sent


def test_a_plain_error_stores_nothing(db):
    class Broken(FakeEngine):
        def translate(self, texts, source, target):
            raise PresskitError("the fake engine is down")
    with pytest.raises(PresskitError, match="down"):
        CachedEngine(Broken(), db).translate(["Bonjour."], "fr", "en")
    assert sqlite3.connect(db).execute("SELECT count(*) FROM translations").fetchone() == (0,)


def test_a_wrong_count_of_translations_is_refused_and_not_stored(db):
    class Short(FakeEngine):
        def translate(self, texts, source, target):
            return texts[:-1]
    with pytest.raises(PresskitError, match="returned 1 translations for 2 texts"):
        CachedEngine(Short(), db).translate(["a", "b"], "fr", "en")
    assert sqlite3.connect(db).execute("SELECT count(*) FROM translations").fetchone() == (0,)


def test_a_corrupt_file_is_rebuilt_with_a_warning(db, caplog):
    db.parent.mkdir(parents=True)
    db.write_bytes(b"this is not a database" * 100)
    fake = FakeEngine()
    cached = CachedEngine(fake, db, "g1")
    with caplog.at_level(logging.WARNING, logger="presskit.cache"):
        assert cached.translate(["Bonjour."], "fr", "en") == ["[EN] Bonjour."]
    assert "unreadable" in caplog.text and cached.warnings
    assert db.with_name("translations.sqlite.corrupt").read_bytes().startswith(b"this is not")
    assert CachedEngine(fake, db, "g1").translate(["Bonjour."], "fr", "en") == ["[EN] Bonjour."]
    assert fake.calls == [["Bonjour."]]  # the rebuilt cache answered the second time


def test_an_unusable_location_is_a_presskit_error(tmp_path):
    (tmp_path / "translations.sqlite").mkdir()
    with pytest.raises(PresskitError, match="cannot use the translation cache") as err:
        CachedEngine(FakeEngine(), tmp_path / "translations.sqlite").translate(["a"], "fr", "en")
    assert "delete the file" in err.value.hint


def test_api_keys_are_never_stored(http, engine, db, monkeypatch):
    monkeypatch.setenv("LIBRE_API_KEY", "secret-libre-key-123")
    CachedEngine(engine, db, "g1").translate(["Bonjour."], "fr", "en")
    assert http.log[0][0].args["api_key"] == "secret-libre-key-123"  # it was used...
    assert b"secret-libre-key" not in db.read_bytes()  # ...and not kept
    columns = [row[1] for row in sqlite3.connect(db).execute("PRAGMA table_info(translations)")]
    assert columns == ["engine", "source", "target", "glossary", "text", "translation", "stored"]


def test_with_terms_passes_through_only_when_the_engine_has_it(db, monkeypatch):
    fake = CachedEngine(FakeEngine(), db)
    assert fake.with_terms([("biomédicament", "biopharmaceutical")]) is fake  # no service glossary
    assert not fake.applies_terms and not fake.capabilities.glossary
    deepl = CachedEngine(get_engine("deepl"), db, "g1")
    wrapped = deepl.with_terms([("biomédicament", "biopharmaceutical")])
    assert isinstance(wrapped, CachedEngine) and wrapped.glossary_version == "g1"
    assert wrapped.engine.cache_key.startswith("deepl+glossary-") and wrapped.applies_terms
