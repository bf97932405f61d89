"""Bounded parallel requests: at most N at once, results in order, partial results on failure."""
from __future__ import annotations

import json
import threading
import time

import pytest
from werkzeug import Response

from presskit.engines import DEFAULT_WORKERS, EngineFailure, RetryPolicy, get_engine
from presskit.engines.parallel import map_bounded
from presskit.errors import PresskitError


class Gauge:
    """Counts calls in flight and remembers the highest count."""

    def __init__(self):
        self.now = self.peak = 0
        self.lock = threading.Lock()

    def __enter__(self):
        with self.lock:
            self.now += 1
            self.peak = max(self.peak, self.now)

    def __exit__(self, *exc):
        with self.lock:
            self.now -= 1


def test_map_bounded_keeps_order_and_bounds_concurrency():
    gauge = Gauge()

    def work(i):
        with gauge:
            time.sleep(0.02 * (i % 3))
            return i * 10
    assert map_bounded(work, 12, workers=3) == [i * 10 for i in range(12)]
    assert gauge.peak == 3


def test_after_a_failure_no_new_call_starts_and_results_are_kept():
    started = []

    def work(i):
        started.append(i)
        if i == 1:
            raise PresskitError("engine down", hint="later")
        time.sleep(0.05)
        return f"t{i}"
    with pytest.raises(EngineFailure) as err:
        map_bounded(work, 20, workers=2)
    assert err.value.message == "engine down" and err.value.hint == "later"
    assert err.value.done[0] == "t0" and 1 not in err.value.done
    assert len(started) < 20


def test_one_worker_runs_in_order_and_keeps_what_was_done():
    def work(i):
        if i == 2:
            raise PresskitError("stop")
        return i
    with pytest.raises(EngineFailure) as err:
        map_bounded(work, 5, workers=1)
    assert err.value.done == {0: 0, 1: 1}


def test_bugs_are_not_disguised():
    def work(i):
        raise KeyError(i)
    with pytest.raises(KeyError):
        map_bounded(work, 3, workers=2)


def test_network_engines_default_to_four_workers():
    assert DEFAULT_WORKERS == 4
    assert get_engine("google").workers == 4
    assert get_engine("libre", workers=2).workers == 2


@pytest.mark.parametrize("workers", [1, 4])
def test_libre_sends_at_most_n_requests_at_once_in_order(http, workers):
    gauge = Gauge()

    def slow(request):
        with gauge:
            time.sleep(0.05)
            return Response(json.dumps({"translatedText": request.args["q"].upper()}),
                            content_type="application/json")
    http.expect_request("/translate").respond_with_handler(slow)
    texts = [f"phrase {i}." for i in range(10)]
    engine = get_engine("libre", url=http.url_for("/"), workers=workers, timeout=5,
                        retry=RetryPolicy(attempts=1))
    assert engine.translate(texts, "fr", "en") == [t.upper() for t in texts]
    assert gauge.peak == workers


def test_the_timeout_applies_inside_the_worker_threads(http):
    def slow(request):
        time.sleep(0.6)
        return Response(json.dumps({"translatedText": "x"}), content_type="application/json")
    http.expect_request("/translate").respond_with_handler(slow)
    engine = get_engine("libre", url=http.url_for("/"), workers=3, timeout=0.1,
                        retry=RetryPolicy(attempts=1))
    started = time.monotonic()
    with pytest.raises(EngineFailure, match=r"did not answer within 0.1 s") as err:
        engine.translate(["un.", "deux.", "trois."], "fr", "en")
    assert time.monotonic() - started < 0.5 and err.value.done == {}
