"""Work in forked processes that inherit what the parent has loaded (modules, glossary, memory).

Two shapes:
- `Worker`: one long-lived forked process that warms up (imports what it needs) and then runs the
  calls it is given, in order. It is made of `os.fork` and two pipes, so that starting it costs
  nothing but the fork: `presskit build` starts its render workers before anything else.
- `map_forked`: a batch spread over all cores (a fork pool from concurrent.futures).

Where fork is not available, the work runs in the calling process.
"""
from __future__ import annotations

import fcntl
import gc
import os
import pickle
import struct
from typing import Callable, Iterable, TypeVar

from presskit.errors import PresskitError
from presskit.runtime.disk_memo import save_memos

T = TypeVar("T")
_TASK: Callable = lambda *args: None  # noqa: E731  (set by the parent just before it forks)
_HEADER = struct.Struct("!Q")
_PIPE_SIZE = 1 << 20  # room for a whole task, so the parent never waits for a worker to read
_PARENT_ENDS: set[int] = set()  # pipe ends held by this process for its workers
BATCH_GC_THRESHOLD = (100_000, 50, 100)


def can_fork() -> bool:
    """Tell whether worker processes can be forked here (Linux, macOS) and there is a core to spare."""
    return (os.cpu_count() or 1) > 1 and hasattr(os, "fork")


class WorkerLost(PresskitError):
    """A worker process ended before it sent a result back (killed, or out of memory)."""


class Done:
    """A result already known (or the error that replaced it), with the same `result()` as a worker's."""

    def __init__(self, value=None, error: BaseException | None = None) -> None:
        self.value, self.error = value, error

    def result(self):
        """Return the value, or raise the error."""
        if self.error is not None:
            raise self.error
        return self.value


def completed(task: Callable[[], T]) -> Done:
    """Run `task` here and now; its error comes out of `result()`, as from a worker."""
    try:
        return Done(task())
    except Exception as error:  # noqa: BLE001 — handed to the caller through result()
        return Done(error=error)


def wait_quietly(pending: Iterable) -> None:
    """Wait for background work whose result no longer matters (the build is failing anyway)."""
    for item in pending:
        try:
            item.result()
        except BaseException:  # noqa: BLE001 — the first error is the one the user sees
            pass


class Worker:
    """One forked process, started at once: it runs `warm()`, then each submitted call in order."""

    def __init__(self, warm: Callable[[], object]) -> None:
        task_read, self._tasks = os.pipe()
        self._results, result_write = os.pipe()
        _widen(self._tasks)
        self.pid: int | None = os.fork()
        if self.pid == 0:  # the worker: never returns
            for fd in (self._tasks, self._results, *_PARENT_ENDS):  # else siblings never see EOF
                os.close(fd)
            _serve(warm, task_read, result_write)
        os.close(task_read)
        os.close(result_write)
        _PARENT_ENDS.update((self._tasks, self._results))
        self._sent = self._received = 0
        self._arrived: dict[int, tuple[bool, object]] = {}

    def submit(self, function: Callable[..., T], *args) -> "Pending":
        """Send `function(*args)` to the worker (a module-level function, picklable arguments)."""
        _write(self._tasks, pickle.dumps((function, args), pickle.HIGHEST_PROTOCOL))
        self._sent += 1
        return Pending(self, self._sent)

    def _outcome(self, number: int) -> tuple[bool, object]:
        """Read results until call `number`'s arrives; return (ok, value or error)."""
        while number not in self._arrived:
            data = _read(self._results)
            if data is None:
                raise WorkerLost("a render worker stopped before it finished (killed, or out of "
                                 "memory)", hint="run the build again; files are written whole "
                                 "or not at all, so earlier outputs are intact")
            self._received += 1
            self._arrived[self._received] = pickle.loads(data)
        return self._arrived.pop(number)

    def close(self) -> None:
        """Let the worker finish what it was given, then end it."""
        self.stop()
        self.wait()

    def stop(self) -> None:
        """Tell the worker that no more work comes: it ends once it has done what it was given."""
        if self.pid is None or self._tasks < 0:
            return
        for fd in (self._tasks, self._results):
            os.close(fd)
            _PARENT_ENDS.discard(fd)
        self._tasks = self._results = -1

    def wait(self) -> None:
        """Wait for the stopped worker to end."""
        if self.pid is not None:
            os.waitpid(self.pid, 0)
            self.pid = None


class Pending:
    """A call sent to a worker; `result()` waits for it and returns its value or raises its error."""

    def __init__(self, worker: Worker, number: int) -> None:
        self.worker, self.number = worker, number
        self.outcome: tuple[bool, object] | None = None

    def result(self):
        """Wait for the call's outcome (once: asking again gives the same value or error)."""
        if self.outcome is None:
            self.outcome = self.worker._outcome(self.number)
        ok, value = self.outcome
        if not ok:
            raise value
        return value


def _serve(warm: Callable[[], object], tasks: int, results: int) -> None:
    """The worker's life: warm up, then run calls until the parent closes the pipe; never returns."""
    code = 0
    try:
        failed = _warm_up(warm)
        while (data := _read(tasks)) is not None:
            function, args = pickle.loads(data)
            try:
                outcome = (False, failed) if failed else (True, function(*args))
            except Exception as error:  # noqa: BLE001 — sent back to the parent, who raises it
                outcome = (False, error)
            _write(results, _picklable(outcome))
        save_memos()  # what this worker computed (compiled patterns, styled templates) serves the next build
    except KeyboardInterrupt:  # Ctrl-C reaches the whole process group; the parent reports it
        code = 130
    except BaseException:  # noqa: BLE001 — the parent sees the lost worker and says so
        code = 1
    os._exit(code)  # no exit handlers, no flush of the parent's inherited output buffers


def _warm_up(warm: Callable[[], object]) -> Exception | None:
    """Run the warm-up; its error, if any, becomes the outcome of every call (the parent raises it)."""
    try:
        warm()
    except Exception as error:  # noqa: BLE001
        return error
    return None


def _picklable(outcome: tuple[bool, object]) -> bytes:
    """Pickle an outcome; an error that cannot be pickled is sent as its message."""
    try:
        return pickle.dumps(outcome, pickle.HIGHEST_PROTOCOL)
    except Exception:  # noqa: BLE001
        return pickle.dumps((False, RuntimeError(f"{type(outcome[1]).__name__}: {outcome[1]}")))


def _widen(fd: int) -> None:
    """Enlarge a pipe's buffer where the system allows it (Linux); elsewhere the writer may wait."""
    setter = getattr(fcntl, "F_SETPIPE_SZ", None)
    if setter is not None:
        try:
            fcntl.fcntl(fd, setter, _PIPE_SIZE)
        except OSError:
            pass


def _write(fd: int, data: bytes) -> None:
    """Write one length-prefixed message."""
    view = memoryview(_HEADER.pack(len(data)) + data)
    while view:
        view = view[os.write(fd, view):]


def _read(fd: int) -> bytes | None:
    """Read one length-prefixed message (None at the end of the pipe)."""
    header = _read_exactly(fd, _HEADER.size)
    if header is None:
        return None
    return _read_exactly(fd, _HEADER.unpack(header)[0])


def _read_exactly(fd: int, size: int) -> bytes | None:
    """Read `size` bytes (None if the pipe ends first)."""
    chunks, missing = [], size
    while missing:
        chunk = os.read(fd, min(missing, 1 << 20))
        if not chunk:
            return None
        chunks.append(chunk)
        missing -= len(chunk)
    return b"".join(chunks)


def _run_inherited(*args):
    """Run, in the child, the task its parent left; save the child's memos (it skips exit handlers).

    A user's error comes back to the parent as the error it is (`portable`), so a batch says what
    a single build says instead of a broken pool.
    """
    try:
        return _TASK(*args)
    except PresskitError as error:
        raise portable(error) from None
    finally:
        save_memos()


def portable(error: PresskitError) -> PresskitError:
    """The error as a class any process can rebuild (a subclass with its own constructor becomes
    the base class of its exit code), with its message, file, line and hint.

    >>> import pickle
    >>> class Odd(PresskitError):
    ...     def __init__(self, message, done):
    ...         super().__init__(message, hint="run again")
    >>> copy = pickle.loads(pickle.dumps(portable(Odd("cannot reach libre", {}))))
    >>> type(copy).__name__, str(copy), copy.exit_code
    ('PresskitError', 'cannot reach libre\\n  → run again', 2)
    """
    from presskit.errors import IncompleteTranslation

    if type(error).__init__ is PresskitError.__init__:
        return error
    base = IncompleteTranslation if error.exit_code == IncompleteTranslation.exit_code else PresskitError
    return base(error.message, path=error.path, line=error.line, hint=error.hint)


def map_forked(function: Callable[..., T], items: list, workers: int | None = None) -> list[T]:
    """Apply `function` to each item over all cores, keeping the order (in this process when it can't fork)."""
    global _TASK
    workers = min(len(items), workers or os.cpu_count() or 1)
    if workers < 2 or not can_fork():
        if len(items) > 1:
            collect_cycles()
        return [function(item) for item in items]
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    _TASK = function
    with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("fork"),
                             initializer=collect_cycles) as pool:
        return list(pool.map(_run_inherited, items))


def collect_cycles() -> None:
    """Turn the cycle collector on in a process that builds many releases, a batch's (a command turns it
    off: `startup.start`), collecting rarely: a build allocates much and frees little."""
    gc.set_threshold(*BATCH_GC_THRESHOLD)
    gc.enable()
