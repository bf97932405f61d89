"""Work in forked processes that inherit what the parent has loaded (modules, glossary, memory).

Forking after the heavy imports costs a few milliseconds, and nothing needs pickling on the way in:
the task is left in a module global that the child inherits. Where fork is not available, the work
runs in the calling process.
"""
from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Callable, Iterable, TypeVar

T = TypeVar("T")
_TASK: Callable = lambda *args: None  # noqa: E731  (set by the parent just before it forks)


def can_fork() -> bool:
    """Tell whether worker processes can be forked here (Linux, macOS) and there is a core to spare."""
    return (os.cpu_count() or 1) > 1 and "fork" in multiprocessing.get_all_start_methods()


def _run_inherited(*args):
    """Run, in the child, the task its parent left."""
    return _TASK(*args)


def completed(task: Callable[[], T]) -> Future:
    """Run `task` here and now, as a future (its error comes out of `result()`, as from a worker)."""
    future: Future = Future()
    try:
        future.set_result(task())
    except Exception as error:  # noqa: BLE001 — handed to the caller through the future
        future.set_exception(error)
    return future


def map_forked(function: Callable[..., T], items: list, workers: int | None = None) -> list[T]:
    """Apply `function` to each item over all cores, keeping the order (in this process when it can't fork)."""
    global _TASK
    workers = min(len(items), workers or os.cpu_count() or 1)
    if workers < 2 or not can_fork():
        return [function(item) for item in items]
    _TASK = function
    with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("fork")) as pool:
        return list(pool.map(_run_inherited, items))


def wait_quietly(futures: Iterable[Future]) -> None:
    """Wait for background work whose result no longer matters (the build is failing anyway)."""
    for future in futures:
        try:
            future.result()
        except BaseException:  # noqa: BLE001 — the first error is the one the user sees
            pass


def _noop() -> None:
    """Nothing: submitted once so that the pool forks its workers at once."""


class Workers:
    """Forked workers started early: they `warm` up (import what they need) while the parent works."""

    def __init__(self, count: int, warm: Callable[[], None]) -> None:
        self.pool = ProcessPoolExecutor(max_workers=count, initializer=warm,
                                        mp_context=multiprocessing.get_context("fork"))
        self.pool.submit(_noop)  # a fork pool starts all its workers on the first submit

    def submit(self, function: Callable[..., T], *args) -> Future:
        """Run `function(*args)` in a worker (module-level function, picklable arguments)."""
        return self.pool.submit(function, *args)

    def close(self) -> None:
        """Stop the workers once their work is done (pending work is cancelled)."""
        self.pool.shutdown(wait=True, cancel_futures=True)
