"""The libre engine against a LibreTranslate-compatible server on 127.0.0.1."""
from __future__ import annotations

import json
import socket
import time

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Response

from presskit.engines import RetryPolicy, get_engine
from presskit.errors import PresskitError

TABLE = {"Bonjour.": "Hello.", "Le salon ouvre demain.": "The show opens tomorrow."}


@pytest.fixture(scope="module")
def server():
    """A LibreTranslate stand-in on 127.0.0.1."""
    srv = HTTPServer(host="127.0.0.1", port=0)
    srv.start()
    yield srv
    srv.stop()


@pytest.fixture(autouse=True)
def _reset(server, monkeypatch):
    monkeypatch.delenv("LIBRE_API_KEY", raising=False)
    yield
    server.clear()


@pytest.fixture
def sleeps():
    """Delays the engine asked to wait (nothing actually sleeps)."""
    return []


@pytest.fixture
def engine(server, sleeps):
    return get_engine("libre", url=server.url_for("/"), timeout=5,
                      retry=RetryPolicy(attempts=3, base_delay=0.5, sleep=sleeps.append))


def translate(request):
    """What a LibreTranslate server answers, from the query's `q`."""
    text = request.args["q"]
    return Response(json.dumps({"translatedText": TABLE.get(text, text.upper())}),
                    content_type="application/json")


def requests_made(server):
    return [request for request, _ in server.log]


def test_translates_with_the_right_query(server, engine):
    server.expect_request("/translate", method="POST").respond_with_handler(translate)
    assert engine.translate(["Bonjour."], "fr", "en") == ["Hello."]
    [request] = requests_made(server)
    assert request.args["source"] == "fr"
    assert request.args["target"] == "en"
    assert request.args["q"] == "Bonjour."
    assert request.args["format"] == "text"


def test_batch_keeps_order_whitespace_and_skips_blanks(server, engine):
    server.expect_request("/translate", method="POST").respond_with_handler(translate)
    texts = ["Bonjour.", "", " Le salon ouvre demain.\n", "Vive Paris"]
    assert engine.translate(texts, "fr", "en") == ["Hello.", "", " The show opens tomorrow.\n",
                                                   "VIVE PARIS"]
    # requests run in parallel (4 at once): their order is free, the results' order is not
    assert sorted(r.args["q"] for r in requests_made(server)) == ["Bonjour.", "Le salon ouvre demain.",
                                                                 "Vive Paris"]


def test_key_is_read_at_call_time(server, engine, monkeypatch):
    server.expect_request("/translate", method="POST").respond_with_handler(translate)
    engine.translate(["Bonjour."], "fr", "en")
    monkeypatch.setenv("LIBRE_API_KEY", "k-123")
    engine.translate(["Bonjour."], "fr", "en")
    first, second = requests_made(server)
    assert first.args["api_key"] == "presskit"  # deep-translator needs one; keyless servers ignore it
    assert second.args["api_key"] == "k-123"


def test_429_then_200_is_retried(server, engine, sleeps):
    server.expect_oneshot_request("/translate", method="POST").respond_with_data("", status=429)
    server.expect_request("/translate", method="POST").respond_with_handler(translate)
    assert engine.translate(["Bonjour."], "fr", "en") == ["Hello."]
    assert len(requests_made(server)) == 2
    assert sleeps == [0.5]


def test_retry_after_is_honoured_up_to_the_cap(server, engine, sleeps):
    server.expect_oneshot_request("/translate").respond_with_data("", status=503,
                                                                  headers={"Retry-After": "3"})
    server.expect_request("/translate").respond_with_handler(translate)
    assert engine.translate(["Bonjour."], "fr", "en") == ["Hello."]
    assert sleeps == [3.0]


def test_persistent_500_gives_up_with_a_clear_error(server, engine, sleeps):
    server.expect_request("/translate", method="POST").respond_with_data("boom", status=500)
    with pytest.raises(PresskitError) as err:
        engine.translate(["Bonjour."], "fr", "en")
    assert "HTTP 500" in err.value.message and "3 attempts" in err.value.message
    assert len(requests_made(server)) == 3
    assert sleeps == [0.5, 1.0]


def test_client_error_is_not_retried(server, engine, sleeps):
    server.expect_request("/translate").respond_with_data("", status=400)
    with pytest.raises(PresskitError, match=r"rejected the request \(HTTP 400\)"):
        engine.translate(["Bonjour."], "fr", "en")
    assert len(requests_made(server)) == 1 and sleeps == []


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_connection_refused_names_the_address_and_the_way_out(sleeps, monkeypatch):
    monkeypatch.setenv("LIBRE_API_KEY", "secret-libre-key")
    port = _closed_port()
    engine = get_engine("libre", url=f"http://127.0.0.1:{port}",
                        retry=RetryPolicy(sleep=sleeps.append))
    with pytest.raises(PresskitError) as err:
        engine.translate(["Bonjour."], "fr", "en")
    assert err.value.message.startswith(f"cannot reach libre at http://127.0.0.1:{port}/")
    assert "check the address or build with --offline" in str(err.value)
    assert len(sleeps) == 2  # retried, then gave up
    assert "secret-libre-key" not in str(err.value)
    assert err.value.__cause__ is None and err.value.__suppress_context__


def test_403_names_the_variable_but_not_the_key(server, engine, sleeps, monkeypatch):
    monkeypatch.setenv("LIBRE_API_KEY", "secret-libre-key")
    server.expect_request("/translate").respond_with_data('{"error": "Invalid API key"}', status=403)
    with pytest.raises(PresskitError) as err:
        engine.translate(["Bonjour."], "fr", "en")
    assert err.value.message.startswith("the libre engine refused the API key")
    assert "LIBRE_API_KEY" in err.value.hint
    assert "secret-libre-key" not in str(err.value) + repr(err.value.args)
    assert err.value.__cause__ is None and err.value.__suppress_context__
    assert sleeps == []


def test_403_without_a_key_asks_for_one(server, engine):
    server.expect_request("/translate").respond_with_data("", status=403)
    with pytest.raises(PresskitError) as err:
        engine.translate(["Bonjour."], "fr", "en")
    assert "requires an API key" in err.value.message and err.value.hint == "set LIBRE_API_KEY"


def test_a_slow_server_times_out(server):
    def slow(request):
        time.sleep(0.6)
        return translate(request)
    server.expect_request("/translate").respond_with_handler(slow)
    engine = get_engine("libre", url=server.url_for("/"), timeout=0.1,
                        retry=RetryPolicy(attempts=1))
    started = time.monotonic()
    with pytest.raises(PresskitError, match=r"did not answer within 0.1 s"):
        engine.translate(["Bonjour."], "fr", "en")
    assert time.monotonic() - started < 0.5


def test_an_unreadable_answer_is_a_presskit_error(server, engine):
    server.expect_request("/translate").respond_with_data("<html>maintenance</html>")
    with pytest.raises(PresskitError, match="unreadable answer"):
        engine.translate(["Bonjour."], "fr", "en")
