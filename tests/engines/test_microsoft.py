"""Microsoft Translator v3 called directly, against a local stand-in of /translate?api-version=3.0."""
from __future__ import annotations

import logging

import pytest
from standins import Microsoft

from presskit.engines import RetryPolicy, apply_terms, get_engine
from presskit.errors import PresskitError

KEY = "secret-azure-key-31"
TERMS = [("biomédicament", "biopharmaceutical"), ("anticorps monoclonal", "monoclonal antibody")]


@pytest.fixture
def azure(http, monkeypatch):
    monkeypatch.setenv("MICROSOFT_API_KEY", KEY)
    monkeypatch.setenv("MICROSOFT_REGION", "francecentral")
    return Microsoft(KEY).install(http)


def engine(http, sleeps=None):
    retry = RetryPolicy(sleep=(sleeps.append if sleeps is not None else lambda s: None))
    return get_engine("microsoft", url=http.url_for("/"), retry=retry)


def test_request_shape_and_headers(http, azure):
    assert engine(http).translate(["Bonjour le monde.", "", "Vive ⟦1⟧."], "fr", "en") == \
        ["Hello the world.", "", "Long live ⟦1⟧."]
    [(args, body)] = azure.requests
    assert args == {"api-version": "3.0", "from": "fr", "to": "en"}
    assert body == [{"Text": "Bonjour le monde."}, {"Text": "Vive ⟦1⟧."}]
    request = http.log[0][0]
    assert request.headers["Ocp-Apim-Subscription-Region"] == "francecentral"


def test_terms_travel_as_dynamic_dictionary_markup(http, azure):
    out = apply_terms(engine(http), TERMS).translate(
        ["Les biomédicaments et les anticorps monoclonaux."], "fr", "en")
    assert out == ["The biopharmaceuticals and the monoclonal antibodies."]
    sent = azure.requests[0][1][0]["Text"]
    assert sent == ('Les <mstrans:dictionary translation="biopharmaceuticals">biomédicaments'
                    '</mstrans:dictionary> et les <mstrans:dictionary translation="monoclonal '
                    'antibodies">anticorps monoclonaux</mstrans:dictionary>.')


def test_429_is_retried_after_retry_after(http, azure):
    azure.faults.queue = [(429, "2")]
    sleeps: list[float] = []
    assert engine(http, sleeps).translate(["Bonjour."], "fr", "en") == ["Hello."]
    assert sleeps == [2.0] and len(azure.requests) == 2


def test_a_wrong_key_is_refused_and_never_shown(http, azure, monkeypatch, caplog):
    monkeypatch.setenv("MICROSOFT_API_KEY", "wrong-azure-secret")
    caplog.set_level(logging.DEBUG)
    with pytest.raises(PresskitError) as err:
        engine(http).translate(["Bonjour."], "fr", "en")
    assert err.value.message == "the microsoft engine refused the API key (HTTP 401)"
    assert "wrong-azure-secret" not in str(err.value) + caplog.text
