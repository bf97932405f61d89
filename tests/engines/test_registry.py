"""The engine registry, offline refusal, the fake engine, keys and language codes."""
from __future__ import annotations

import pytest
from pytest_httpserver import HTTPServer

from presskit.engines import (
    Engine,
    FakeEngine,
    LibreEngine,
    RetryPolicy,
    engine_names,
    get_engine,
)
from presskit.errors import PresskitError

NETWORK = ["deepl", "google", "google-free", "libre", "microsoft", "mymemory"]


@pytest.fixture(scope="module")
def server():
    """A local HTTP server on 127.0.0.1 (never the real providers)."""
    srv = HTTPServer(host="127.0.0.1", port=0)
    srv.start()
    yield srv
    srv.stop()


@pytest.fixture(autouse=True)
def _clean(request, monkeypatch):
    for var in ("DEEPL_API_KEY", "DEEPL_AUTH_KEY", "MICROSOFT_API_KEY", "LIBRE_API_KEY",
                "MICROSOFT_REGION", "GOOGLE_CLOUD_PROJECT", "GOOGLE_APPLICATION_CREDENTIALS"):
        monkeypatch.delenv(var, raising=False)
    yield
    if "server" in request.fixturenames:
        request.getfixturevalue("server").clear()


def test_registry_lists_every_engine():
    assert engine_names() == sorted(NETWORK + ["fake", "argos"])


@pytest.mark.parametrize("name", NETWORK)
def test_network_engines_are_engines(name):
    engine = get_engine(name)
    assert isinstance(engine, Engine)
    assert engine.name == name and engine.network is True


def test_names_are_case_insensitive():
    assert get_engine(" Fake ").name == "fake"


def test_unknown_engine_lists_the_choices():
    with pytest.raises(PresskitError) as err:
        get_engine("babelfish")
    assert "babelfish" in err.value.message
    assert "deepl" in err.value.hint and "fake" in err.value.hint


@pytest.mark.parametrize("name", NETWORK)
def test_offline_refuses_network_engines(name):
    with pytest.raises(PresskitError) as err:
        get_engine(name, offline=True)
    assert err.value.message == f"--offline: the {name} engine would send text over the network"


def test_offline_allows_the_fake_engine():
    engine = get_engine("fake", offline=True)
    assert isinstance(engine, FakeEngine) and engine.network is False


def test_fake_engine_is_deterministic_and_records_calls():
    engine = get_engine("fake")
    texts = ["Bonjour.", "", "  ", "Le CA a atteint 25,3 M€ (https://example.org)."]
    first = engine.translate(texts, "fr", "en")
    assert first == ["[EN] Bonjour.", "", "  ", "[EN] Le CA a atteint 25,3 M€ (https://example.org)."]
    assert get_engine("fake").translate(texts, "fr", "en") == first
    assert engine.translate(["Hello."], "en", "fr") == ["[FR] Hello."]
    assert engine.calls == [texts, ["Hello."]]
    assert FakeEngine(prefix="").translate(["x"], "fr", "en") == ["x"]


@pytest.mark.parametrize("name", ["google-free", "mymemory", "fake", "argos"])
def test_url_refused_by_engines_without_an_address(name):
    with pytest.raises(PresskitError) as err:
        get_engine(name, url="http://127.0.0.1:1/")
    assert err.value.message == f"--engine-url does not apply to the {name} engine"
    assert err.value.hint == "only these engines take an address: deepl, google, libre, microsoft"


@pytest.mark.parametrize("name", ["deepl", "google", "libre", "microsoft"])
def test_url_taken_by_engines_with_an_address(name):
    assert get_engine(name, url="http://127.0.0.1:1").url == "http://127.0.0.1:1/"


@pytest.mark.parametrize("given, base", [
    ("http://127.0.0.1:5000", "http://127.0.0.1:5000/"),
    ("http://127.0.0.1:5000/", "http://127.0.0.1:5000/"),
    ("http://127.0.0.1:5000/translate", "http://127.0.0.1:5000/"),
    ("https://mt.example.org/libre/translate/", "https://mt.example.org/libre/"),
])
def test_libre_url_is_normalised(given, base):
    assert get_engine("libre", url=given).base_url == base


def test_libre_default_url_and_bad_urls():
    assert get_engine("libre").base_url == "https://libretranslate.com/"
    with pytest.raises(PresskitError, match="not an http"):
        get_engine("libre", url="127.0.0.1:5000")


def test_libre_messages_hide_credentials_in_the_url():
    engine = LibreEngine(url="http://user:s3cret@127.0.0.1:9/?api_key=s3cret")
    assert engine.url == "http://127.0.0.1:9/"


@pytest.mark.parametrize("name, var", [("deepl", "DEEPL_AUTH_KEY"), ("microsoft", "MICROSOFT_API_KEY")])
def test_missing_key_is_reported_before_any_request(name, var):
    with pytest.raises(PresskitError) as err:
        get_engine(name).translate(["Bonjour."], "fr", "en")
    assert err.value.message == f"the {name} engine needs an API key"
    assert var in err.value.hint


def test_same_language_or_nothing_to_translate_sends_nothing(monkeypatch):
    engine = get_engine("deepl")  # no key set: any request attempt would fail
    assert engine.translate([], "fr", "en") == []
    assert engine.translate(["Bonjour."], "fr", "fr") == ["Bonjour."]


def test_unsupported_language():
    with pytest.raises(PresskitError, match="cannot translate 'de'"):
        get_engine("google").translate(["Hallo"], "de", "en")


def test_retry_policy_backs_off_exponentially_with_a_cap():
    policy = RetryPolicy(attempts=5, base_delay=0.5, max_delay=4.0)
    assert [policy.delay(n) for n in (1, 2, 3, 4, 5)] == [0.5, 1.0, 2.0, 4.0, 4.0]
    assert policy.delay(1, retry_after=3) == 3
    assert policy.delay(1, retry_after=60) == 4.0


def test_engines_declare_their_capabilities():
    from presskit.engines import Capabilities, engine_class
    declared = {name: engine_class(name).capabilities for name in engine_names()}
    assert declared["deepl"] == Capabilities(glossary=True, batch_size=50, tag_handling="xml")
    assert declared["google"] == Capabilities(glossary=True, batch_size=100)
    assert declared["microsoft"] == Capabilities(glossary=True, batch_size=100)
    for name in ("google-free", "mymemory", "libre", "argos", "fake"):
        assert declared[name] == Capabilities(), name
    assert all(isinstance(get_engine(n), Engine) for n in engine_names())


def test_engines_without_a_service_glossary_ignore_terms():
    engine = get_engine("google-free")
    assert engine.with_terms([("biomédicament", "biopharmaceutical")]) is engine
    assert engine.applies_terms is False


def test_the_catalogue_says_of_each_engine_what_its_class_declares():
    """Options are checked against the catalogue before any engine loads: it must agree with the classes."""
    from presskit.engines import CATALOGUE, engine_class

    for name, listing in CATALOGUE.items():
        cls = engine_class(name)
        assert (cls.name, cls.network, cls.takes_url, set(cls.settings)) == (
            name, listing.network, listing.takes_url, set(listing.settings)), name
