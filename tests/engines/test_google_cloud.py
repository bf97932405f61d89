"""Google Cloud Translation v3 over REST (google-cloud-translate) against a local stand-in.

The client is the real one: `client_options={"api_endpoint": "http://127.0.0.1:PORT"}` with the
REST transport keeps the http:// scheme (its transport only adds https:// to a bare host), and
credentials are a real service-account key file made here, whose self-signed JWTs and token
requests the stand-in verifies with the key's public half.
"""
from __future__ import annotations

import logging

import pytest
from standins import GoogleCloud

from presskit.engines import (
    CachedEngine,
    RetryPolicy,
    apply_terms,
    get_engine,
    google_cloud,
)
from presskit.errors import PresskitError

TERMS = [("biomédicament", "biopharmaceutical"), ("bioproduction", "biomanufacturing")]


@pytest.fixture
def cloud(http, monkeypatch):
    monkeypatch.setattr(google_cloud, "_KNOWN", {})
    return GoogleCloud().install(http)


@pytest.fixture
def settings(cloud, http, tmp_path):
    return {"project": "press-office", "credentials": cloud.credentials_file(tmp_path, http),
            "glossary_bucket": "gs://press-office-kits"}


def engine(http, settings, sleeps=None):
    retry = RetryPolicy(sleep=(sleeps.append if sleeps is not None else lambda s: None))
    return get_engine("google", url=http.url_for("/"), settings=settings, retry=retry)


def test_translate_text_request_and_answer(http, cloud, settings):
    out = engine(http, settings).translate(["Bonjour le monde.", " ", "Vive ⟦1⟧ !"], "fr", "en")
    assert out == ["Hello the world.", " ", "Long live ⟦1⟧ !"]
    [(method, path, body)] = cloud.requests
    assert (method, path) == ("POST", "/v3/projects/press-office/locations/us-central1:translateText")
    assert body == {"contents": ["Bonjour le monde.", "Vive ⟦1⟧ !"], "mimeType": "text/plain",
                    "sourceLanguageCode": "fr", "targetLanguageCode": "en"}
    assert cloud.jwt_claims["iss"] == "presskit@press-office.iam.gserviceaccount.com"


def test_glossary_created_from_the_csv_then_reused(http, cloud, settings):
    one = apply_terms(engine(http, settings), TERMS)
    assert one.applies_terms
    assert one.translate(["Les biomédicaments et la bioproduction."], "fr", "en") == \
        ["The biopharmaceuticals and the biomanufacturing."]  # from glossaryTranslations
    routes = [(m, p.split("/")[-1]) for m, p, _ in cloud.requests]
    name = routes[0][1]
    assert routes == [("GET", name), ("POST", "o"), ("POST", "glossaries"), ("GET", "op-1"),
                      ("POST", "us-central1:translateText")]
    [(uri, csv_bytes)] = cloud.objects.items()
    assert uri == f"gs://press-office-kits/presskit/{name}.csv"
    assert csv_bytes.decode() == "biomédicament,biopharmaceutical\r\nbioproduction,biomanufacturing\r\n"
    created = cloud.requests[2][2]
    assert created["languagePair"] == {"sourceLanguageCode": "fr", "targetLanguageCode": "en"}
    assert created["inputConfig"] == {"gcsSource": {"inputUri": uri}}
    assert cloud.requests[-1][2]["glossaryConfig"] == {
        "glossary": f"projects/press-office/locations/us-central1/glossaries/{name}"}
    google_cloud._KNOWN.clear()  # another run, same terms: found, nothing uploaded or created
    cloud.requests.clear()
    apply_terms(engine(http, settings), TERMS).translate(["La bioproduction."], "fr", "en")
    assert [m for m, _, _ in cloud.requests] == ["GET", "POST"] and len(cloud.glossaries) == 1


def test_reading_translations_instead_would_lose_the_glossary(http, cloud, settings):
    """The stand-in, like the service, applies the glossary only in glossaryTranslations."""
    apply_terms(engine(http, settings), TERMS).translate(["Les biomédicaments."], "fr", "en")
    plain = GoogleCloud.translate(cloud, {"contents": ["Les biomédicaments."]}).get_json()
    assert plain["translations"][0]["translatedText"] == "The biomédicaments."


def test_without_a_bucket_presskit_protects_the_terms_itself(http, cloud, settings):
    settings.pop("glossary_bucket")
    plain = engine(http, settings)
    assert apply_terms(plain, TERMS) is plain and not plain.applies_terms


@pytest.mark.parametrize("status", [429, 503])
def test_transient_errors_are_retried_honouring_retry_after(http, cloud, settings, status):
    cloud.faults.queue = [(status, "3")]
    sleeps: list[float] = []
    assert engine(http, settings, sleeps).translate(["Bonjour."], "fr", "en") == ["Hello."]
    assert sleeps == [3.0]


def test_refused_credentials(http, cloud, settings):
    from cryptography.hazmat.primitives.asymmetric import rsa
    cloud.public_key = rsa.generate_private_key(65537, 2048).public_key()  # the key was revoked
    with pytest.raises(PresskitError) as err:
        engine(http, settings).translate(["Bonjour."], "fr", "en")
    assert err.value.message == "the google engine refused the credentials (HTTP 401)"
    assert "Cloud Translation API User" in err.value.hint
    assert len(cloud.requests) == 3  # google-auth refreshes twice on a 401; presskit adds no retry


def test_project_and_credentials_are_asked_for(http, tmp_path, monkeypatch):
    with pytest.raises(PresskitError, match="needs a Google Cloud project"):
        _ = get_engine("google", url=http.url_for("/"), settings={"credentials": "x.json"}).parent
    with pytest.raises(PresskitError) as err:
        get_engine("google", url=http.url_for("/"),
                   settings={"project": "p", "credentials": str(tmp_path / "none.json")}
                   ).translate(["Bonjour."], "fr", "en")
    assert "no usable Google Cloud credentials" in err.value.message
    assert http.log == []


def test_secrets_never_in_logs_or_the_cache(http, cloud, settings, caplog, tmp_path):
    caplog.set_level(logging.DEBUG)
    db = tmp_path / "cache.sqlite"
    CachedEngine(apply_terms(engine(http, settings), TERMS), db).translate(["Bonjour."], "fr", "en")
    stored = db.read_bytes()
    for secret in ("PRIVATE KEY", cloud.TOKEN, "Bearer"):
        assert secret not in caplog.text and secret.encode() not in stored
