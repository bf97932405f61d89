"""DeepL's glossary API, called directly, against a DeepL-compatible stand-in on 127.0.0.1."""
from __future__ import annotations

import json

import pytest
from werkzeug import Response

from presskit.engines import RetryPolicy, apply_terms, deepl_glossary, get_engine
from presskit.engines.deepl_glossary import DeeplGlossaryEngine, glossary_entries
from presskit.errors import PresskitError

KEY = "good-key"
TERMS = [("biomédicament", "biopharmaceutical"), ("bioproduction", "bioproduction"),
         ("biomédicament", "ignored duplicate"), ("  ", "empty")]


class DeepL:
    """A DeepL stand-in: glossaries in memory, translations as "<text>" (+ "[glossary id]")."""

    def __init__(self):
        self.glossaries: list[dict] = []
        self.created: list[dict] = []
        self.translations: list[dict] = []

    def install(self, server):
        server.expect_request("/v2/glossaries", method="GET").respond_with_handler(self.listing)
        server.expect_request("/v2/glossaries", method="POST").respond_with_handler(self.create)
        server.expect_request("/v2/translate", method="POST").respond_with_handler(self.translate)

    @staticmethod
    def refused(request):
        return request.headers.get("Authorization") != f"DeepL-Auth-Key {KEY}"

    def listing(self, request):
        if self.refused(request):
            return Response('{"message": "Wrong key"}', status=403)
        return self.json({"glossaries": self.glossaries})

    def create(self, request):
        if self.refused(request):
            return Response("", status=403)
        form = request.form.to_dict()
        self.created.append(form)
        item = {"glossary_id": f"g-{len(self.created)}", "name": form["name"], "ready": True,
                "source_lang": form["source_lang"], "target_lang": form["target_lang"]}
        self.glossaries.append(item)
        return self.json(item, status=201)

    def translate(self, request):
        if self.refused(request):
            return Response("", status=403)
        form = request.form
        self.translations.append({"text": form.getlist("text"), **{k: form[k] for k in form
                                                                  if k != "text"}})
        tag = f" [{form['glossary_id']}]" if "glossary_id" in form else ""
        return self.json({"translations": [{"detected_source_language": "FR", "text": f"<{t}>{tag}"}
                                           for t in form.getlist("text")]})

    @staticmethod
    def json(data, status=200):
        return Response(json.dumps(data), status=status, content_type="application/json")


@pytest.fixture
def deepl(http, monkeypatch):
    monkeypatch.setattr(deepl_glossary, "_KNOWN", {})  # a fresh process
    stand_in = DeepL()
    stand_in.install(http)
    return stand_in


def engine_for(http, terms=TERMS, **options):
    retry = RetryPolicy(attempts=2, sleep=lambda s: None)
    return get_engine("deepl", retry=retry, **options).with_terms(terms, base_url=http.url_for("/"))


def test_glossary_is_created_once_and_its_id_sent(http, deepl, monkeypatch):
    monkeypatch.setenv("DEEPL_API_KEY", KEY)
    engine = engine_for(http)
    assert engine.translate(["Le biomédicament.", "", " Bonjour.\n"], "fr", "en") == \
        ["<Le biomédicament.> [g-1]", "", " <Bonjour.> [g-1]\n"]
    assert engine_for(http).translate(["Encore."], "fr", "en") == ["<Encore.> [g-1]"]
    [created] = deepl.created
    assert created["entries"] == "biomédicament\tbiopharmaceutical\nbioproduction\tbioproduction"
    assert created["entries_format"] == "tsv"
    assert (created["source_lang"], created["target_lang"]) == ("fr", "en")
    assert created["name"].startswith("presskit-")
    first = deepl.translations[0]
    assert first["text"] == ["Le biomédicament.", "Bonjour."]
    assert (first["source_lang"], first["target_lang"], first["glossary_id"]) == ("FR", "EN-GB", "g-1")
    assert all(r.headers["Authorization"] == f"DeepL-Auth-Key {KEY}" for r, _ in http.log)


def test_an_existing_glossary_with_the_same_terms_is_reused(http, deepl, monkeypatch):
    monkeypatch.setenv("DEEPL_API_KEY", KEY)
    engine_for(http).translate(["Un."], "fr", "en")
    monkeypatch.setattr(deepl_glossary, "_KNOWN", {})  # the next run: a new process
    engine_for(http).translate(["Deux."], "fr", "en")
    assert len(deepl.created) == 1
    engine_for(http, [("biothérapie", "biotherapy")]).translate(["Trois."], "fr", "en")
    assert len(deepl.created) == 2  # other terms, another glossary
    assert deepl.translations[-1]["glossary_id"] == "g-2"


def test_other_directions_go_without_the_glossary(http, deepl, monkeypatch):
    monkeypatch.setenv("DEEPL_API_KEY", KEY)
    assert engine_for(http).translate(["Hello."], "en", "fr") == ["<Hello.>"]
    assert deepl.created == [] and "glossary_id" not in deepl.translations[0]
    assert deepl.translations[0]["target_lang"] == "FR"


def test_batches_of_fifty_in_order(http, deepl, monkeypatch):
    monkeypatch.setenv("DEEPL_API_KEY", KEY)
    texts = [f"Phrase {i}." for i in range(120)]
    assert engine_for(http).translate(texts, "fr", "en") == [f"<{t}> [g-1]" for t in texts]
    assert sorted(len(r["text"]) for r in deepl.translations) == [20, 50, 50]


def test_a_bad_key_is_a_presskit_error_without_the_key(http, deepl, monkeypatch):
    monkeypatch.setenv("DEEPL_API_KEY", "wrong-secret-key:fx")
    with pytest.raises(PresskitError) as err:
        engine_for(http).translate(["Bonjour."], "fr", "en")
    assert err.value.message == "the deepl engine refused the API key (HTTP 403)"
    assert "set DEEPL_API_KEY" in err.value.hint
    assert "wrong-secret-key" not in str(err.value) + repr(err.value.args)
    assert err.value.__cause__ is None and len(http.log) == 1  # not retried


def test_no_key_no_request(http, deepl):
    with pytest.raises(PresskitError, match="the deepl engine needs an API key"):
        engine_for(http).translate(["Bonjour."], "fr", "en")
    assert http.log == []


def test_a_server_error_after_retries_keeps_finished_chunks(http, monkeypatch):
    monkeypatch.setattr(deepl_glossary, "_KNOWN", {})
    monkeypatch.setenv("DEEPL_API_KEY", KEY)
    stand_in = DeepL()
    http.expect_request("/v2/glossaries", method="GET").respond_with_handler(stand_in.listing)
    http.expect_request("/v2/glossaries", method="POST").respond_with_handler(stand_in.create)

    def flaky(request):
        if "Panne." in request.form.getlist("text"):
            return Response("", status=503)
        return stand_in.translate(request)
    http.expect_request("/v2/translate", method="POST").respond_with_handler(flaky)
    texts = [f"T{i}." for i in range(50)] + ["Panne."]
    with pytest.raises(PresskitError) as err:
        engine_for(http, workers=1).translate(texts, "fr", "en")
    assert "HTTP 503" in err.value.message and "2 attempts" in err.value.message
    assert err.value.done == {i: f"<T{i}.> [g-1]" for i in range(50)}


def test_with_terms_without_terms_is_the_plain_engine():
    plain = get_engine("deepl")
    assert plain.with_terms([]) is plain and plain.with_terms([(" ", "x")]) is plain
    assert apply_terms(plain, []) is plain
    assert isinstance(apply_terms(plain, TERMS), DeeplGlossaryEngine)
    fake = get_engine("fake")
    assert apply_terms(fake, TERMS) is fake


def test_entries_are_clean_and_the_name_follows_the_content():
    assert glossary_entries([("a\tb", "c\nd"), ("x", "y")]) == [("a b", "c d"), ("x", "y")]
    one = DeeplGlossaryEngine(TERMS)
    assert one.glossary == DeeplGlossaryEngine(list(reversed(TERMS[:2]))).glossary
    assert one.cache_key == f"deepl+{one.glossary}" != DeeplGlossaryEngine([("a", "b")]).cache_key
    assert one.network and one.name == "deepl"
