"""Bounded parallel calls that keep the order of their results and what was done before a failure.

Network engines send one request per text (or per chunk of texts); `map_bounded` runs at most
`workers` of them at once. Each call runs in a copy of the caller's context, so `http.timed()`
applies inside the worker threads too. After the first `PresskitError` no new call starts, the
calls already running finish, and an `EngineFailure` carries every result obtained.
"""
from __future__ import annotations

import contextvars
import threading
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Callable, TypeVar

from presskit.engines.base import EngineFailure
from presskit.errors import PresskitError

T = TypeVar("T")
_SKIPPED = object()


def map_bounded(fn: Callable[[int], T], count: int, workers: int) -> list[T]:
    """Return `[fn(0), ..., fn(count - 1)]`, running at most `workers` calls at once.

    >>> map_bounded(lambda i: i * i, 5, workers=3)
    [0, 1, 4, 9, 16]
    """
    if workers <= 1 or count <= 1:
        return _sequential(fn, count)
    stop = threading.Event()

    def guarded(index: int) -> object:
        return _SKIPPED if stop.is_set() else fn(index)

    with ThreadPoolExecutor(max_workers=min(workers, count),
                            thread_name_prefix="presskit-engine") as pool:
        futures = [pool.submit(contextvars.copy_context().run, guarded, i) for i in range(count)]
        for future in futures:
            future.add_done_callback(lambda f: _stop_on_error(f, stop))
    return _collect(futures)


def _sequential(fn: Callable[[int], T], count: int) -> list[T]:
    """The one-worker case: no thread, same failure contract."""
    results: list[T] = []
    for index in range(count):
        try:
            results.append(fn(index))
        except EngineFailure:
            raise
        except PresskitError as error:
            raise EngineFailure(error, dict(enumerate(results))) from None
    return results


def _stop_on_error(future: Future, stop: threading.Event) -> None:
    """Once a call failed, the calls not yet started are skipped."""
    if not future.cancelled() and future.exception() is not None:
        stop.set()


def _collect(futures: list[Future]) -> list:
    """The results in order; the first error (by index) re-raised with the results obtained."""
    done: dict[int, object] = {}
    first: BaseException | None = None
    for index, future in enumerate(futures):
        error = future.exception()
        if error is None:
            if future.result() is not _SKIPPED:
                done[index] = future.result()
        elif first is None:
            first = error
    if first is None:
        return [done[i] for i in range(len(futures))]
    if isinstance(first, PresskitError):
        partial = dict(first.done) if isinstance(first, EngineFailure) else {}
        raise EngineFailure(first, {**partial, **done}) from None
    raise first
