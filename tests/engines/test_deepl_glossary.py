"""DeepL through the official client against a local stand-in of its API (v2/translate, v3 glossaries)."""
from __future__ import annotations

import logging

import pytest
from standins import DeepL

from presskit.engines import (
    CachedEngine,
    RetryPolicy,
    apply_terms,
    deepl_api,
    get_engine,
)
from presskit.engines.deepl_glossary import glossary_entries
from presskit.errors import PresskitError

KEY = "secret-deepl-key-0042:fx"
TERMS = [("biomédicament", "biopharmaceutical"), ("bioproduction", "biomanufacturing"),
         ("biomédicament", "ignored duplicate"), ("  ", "empty")]


@pytest.fixture
def deepl(http, monkeypatch):
    """The stand-in on the local server, the key set, the process's glossary memo empty."""
    monkeypatch.setenv("DEEPL_AUTH_KEY", KEY)
    monkeypatch.setattr(deepl_api, "_KNOWN", {})
    return DeepL(KEY).install(http)


def engine(http, sleeps=None, **options):
    retry = RetryPolicy(sleep=(sleeps.append if sleeps is not None else lambda s: None))
    return get_engine("deepl", url=http.url_for("/"), retry=retry, **options)


def test_batches_of_50_as_json_with_xml_tags_and_british_english(http, deepl):
    texts = [f"Le site ⟦1⟧ ouvre en ⟦2⟧ & {n}." for n in range(120)] + ["  ", ""]
    out = engine(http).translate(texts, "fr", "en")
    assert out[0] == "The site ⟦1⟧ opens in ⟦2⟧ & 0." and out[-2:] == ["  ", ""]
    calls = [body for method, path, body in deepl.requests if path == "/v2/translate"]
    assert sorted(len(c["text"]) for c in calls) == [20, 50, 50]  # blanks never sent
    [first] = [c for c in calls if c["text"][0].endswith(" 0.")]  # 4 requests in flight at once
    assert first["text"][0] == 'Le site <x id="1"/> ouvre en <x id="2"/> &amp; 0.'
    assert first["tag_handling"] == "xml" and first["ignore_tags"] == ["x"]
    assert (first["source_lang"], first["target_lang"]) == ("FR", "EN-GB")
    assert "glossary_id" not in first and "formality" not in first


def test_en_us_kits_and_formality(http, deepl):
    engine(http, settings={"locale": "en_US", "formality": "prefer_more"}).translate(
        ["Bonjour."], "fr", "en")
    body = deepl.requests[-1][2]
    assert body["target_lang"] == "EN-US" and body["formality"] == "prefer_more"


def test_a_formality_english_has_not_is_refused_before_any_request(http, deepl):
    with pytest.raises(PresskitError) as err:
        engine(http, settings={"formality": "more"})
    assert "prefer_more" in err.value.hint and deepl.requests == []


def test_glossary_created_then_reused_then_updated(http, deepl):
    one = apply_terms(engine(http), TERMS)
    assert one.applies_terms and one.capabilities.glossary
    assert one.translate(["Les biomédicaments."], "fr", "en") == ["The biopharmaceuticals."]
    [(glossary_id, made)] = deepl.glossaries.items()
    assert made["name"] == "presskit"
    assert made["dictionaries"] == {("fr", "en"): "biomédicament\tbiopharmaceutical\n"
                                                  "bioproduction\tbiomanufacturing"}
    assert deepl.requests[-1][2]["glossary_id"] == glossary_id
    deepl_api._KNOWN.clear()  # a new run: the glossary is found, its entries compared, reused
    deepl.requests.clear()
    apply_terms(engine(http), TERMS).translate(["La bioproduction."], "fr", "en")
    assert [(m, p) for m, p, _ in deepl.requests] == [
        ("GET", "/v3/glossaries"), ("GET", f"/v3/glossaries/{glossary_id}/entries"),
        ("POST", "/v2/translate")]
    deepl_api._KNOWN.clear()  # the kit's glossary changed: the same glossary is updated in place
    changed = apply_terms(engine(http), TERMS + [("biothérapie", "biotherapy")])
    assert changed.translate(["Une biothérapie."], "fr", "en") == ["A biotherapy."]
    assert list(deepl.glossaries) == [glossary_id] and changed.glossary_action == "updated"
    assert "biothérapie\tbiotherapy" in deepl.glossaries[glossary_id]["dictionaries"][("fr", "en")]


def test_other_directions_get_no_glossary(http, deepl):
    apply_terms(engine(http), TERMS).translate(["Hello."], "en", "fr")
    assert deepl.glossaries == {} and "glossary_id" not in deepl.requests[-1][2]


def test_glossary_entries_are_cleaned():
    assert glossary_entries(TERMS) == (("biomédicament", "biopharmaceutical"),
                                       ("bioproduction", "biomanufacturing"))
    assert apply_terms(get_engine("deepl"), [("  ", "x")]).applies_terms is False


@pytest.mark.parametrize("status", [429, 503, 500])
def test_transient_errors_are_retried_honouring_retry_after(http, deepl, status):
    deepl.faults.queue = [(status, "2"), (status, None)]
    sleeps: list[float] = []
    assert engine(http, sleeps).translate(["Bonjour."], "fr", "en") == ["Hello."]
    assert sleeps == [2.0, 1.0]  # Retry-After 2 s, then the policy's backoff (0.5 · 2)
    assert len(deepl.requests) == 3


def test_too_many_failures_stop_with_a_clear_error(http, deepl):
    deepl.faults.queue = [(429, "1")] * 3
    with pytest.raises(PresskitError) as err:
        engine(http).translate(["Bonjour."], "fr", "en")
    assert err.value.message == "the deepl engine is limiting requests (HTTP 429) (3 attempts)"


def test_quota_is_not_retried(http, deepl):
    deepl.faults.queue = [(456, None)]
    with pytest.raises(PresskitError, match="quota is used up"):
        engine(http).translate(["Bonjour."], "fr", "en")
    assert len(deepl.requests) == 1


def test_a_wrong_key_is_refused_once_and_never_shown(http, deepl, monkeypatch, caplog):
    monkeypatch.setenv("DEEPL_AUTH_KEY", "wrong-secret-key-77:fx")
    caplog.set_level(logging.DEBUG)
    with pytest.raises(PresskitError) as err:
        engine(http).translate(["Bonjour."], "fr", "en")
    assert err.value.message == "the deepl engine refused the API key (HTTP 403)"
    assert err.value.hint == "set DEEPL_AUTH_KEY to a valid key"
    assert "wrong-secret" not in str(err.value) + repr(err.value.args) + caplog.text
    assert len(deepl.requests) == 1


def test_the_key_goes_in_the_header_only_and_never_into_logs_or_the_cache(http, deepl, caplog,
                                                                        tmp_path):
    caplog.set_level(logging.DEBUG)  # the deepl client logs requests at DEBUG
    db = tmp_path / "cache.sqlite"
    CachedEngine(apply_terms(engine(http), TERMS), db).translate(["Bonjour."], "fr", "en")
    assert KEY not in caplog.text and "secret-deepl" not in caplog.text
    assert b"secret-deepl" not in db.read_bytes()
    assert all(KEY not in str(body) for _, _, body in deepl.requests)


def test_free_and_pro_hosts_told_apart_by_the_key(monkeypatch):
    monkeypatch.setenv("DEEPL_AUTH_KEY", "abc:fx")
    assert get_engine("deepl").url == "https://api-free.deepl.com/"
    assert get_engine("deepl")._client("abc:fx").server_url == "https://api-free.deepl.com"
    monkeypatch.setenv("DEEPL_AUTH_KEY", "abc")
    assert get_engine("deepl").url == "https://api.deepl.com/"
    assert get_engine("deepl")._client("abc").server_url == "https://api.deepl.com"


def test_unreachable_server_says_where(monkeypatch):
    monkeypatch.setenv("DEEPL_AUTH_KEY", KEY)
    with pytest.raises(PresskitError) as err:
        get_engine("deepl", url="http://127.0.0.1:9/", retry=RetryPolicy(sleep=lambda s: None)) \
            .translate(["Bonjour."], "fr", "en")
    assert err.value.message == "cannot reach deepl at http://127.0.0.1:9/ (3 attempts)"


def test_reach_asks_for_usage_only(http, deepl):
    assert engine(http).reach(2.0) == f"reached {http.url_for('/')}; 1,200 of 500,000 characters used"
    assert [(m, p) for m, p, _ in deepl.requests] == [("GET", "/v2/usage")]


def test_the_old_variable_is_pointed_out_not_used(monkeypatch):
    monkeypatch.delenv("DEEPL_AUTH_KEY", raising=False)
    monkeypatch.setenv("DEEPL_API_KEY", "old-secret:fx")
    with pytest.raises(PresskitError) as err:
        get_engine("deepl").translate(["Bonjour."], "fr", "en")
    assert err.value.hint == "rename DEEPL_API_KEY to DEEPL_AUTH_KEY"
    assert "old-secret" not in str(err.value)
    from presskit.engines import engine_status
    assert engine_status("deepl").reason.startswith("rename DEEPL_API_KEY")
