"""Forked workers: warm-up in the child, results in order, errors and lost workers reported."""
import json
import os
import signal
import subprocess
import sys

import pytest

from presskit.errors import PresskitError
from presskit.runtime.workers import BATCH_GC_THRESHOLD, Worker, WorkerLost, can_fork, completed, wait_quietly

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="workers need fork")
WARMED = {"by": None}


def warm():
    """Mark this process as warmed up."""
    WARMED["by"] = os.getpid()


def who_warmed(_):
    """Return (this pid, the pid that warmed up here)."""
    return os.getpid(), WARMED["by"]


def fail(message):
    """Raise the project's error."""
    raise PresskitError(message, hint="fix it")


def die(_):
    """End the worker abruptly, as the kernel's OOM killer would."""
    os.kill(os.getpid(), signal.SIGKILL)


def test_the_worker_warms_up_then_runs_calls_in_order():
    worker = Worker(warm=warm)
    try:
        calls = [worker.submit(pow, 2, n) for n in range(5)]
        pid, warmed = worker.submit(who_warmed, None).result()
        assert [c.result() for c in reversed(calls)] == [16, 8, 4, 2, 1]
        assert pid == warmed != os.getpid() and WARMED["by"] is None
    finally:
        worker.close()


def test_an_error_in_the_worker_is_raised_by_result():
    worker = Worker(warm=warm)
    try:
        failing, after = worker.submit(fail, "no such font"), worker.submit(pow, 3, 2)
        with pytest.raises(PresskitError, match="no such font"):
            failing.result()
        assert after.result() == 9  # the worker goes on
    finally:
        worker.close()


def test_a_worker_that_dies_is_reported_not_waited_for():
    worker = Worker(warm=warm)
    try:
        with pytest.raises(WorkerLost, match="run the build again"):
            worker.submit(die, None).result()
    finally:
        worker.close()


def test_closing_one_worker_does_not_wait_for_its_sibling():
    first, second = Worker(warm=warm), Worker(warm=warm)
    first_pid = first.pid
    assert first.submit(pow, 2, 3).result() == 8
    first.close()  # would hang if the second worker held the first one's pipe open
    with pytest.raises(ChildProcessError):
        os.waitpid(first_pid, os.WNOHANG)  # already ended and reaped
    assert second.submit(pow, 2, 4).result() == 16
    second.close()


def test_completed_work_has_the_same_shape():
    assert completed(lambda: 42).result() == 42
    broken = completed(lambda: fail("bad"))
    with pytest.raises(PresskitError):
        broken.result()
    wait_quietly([broken])  # swallowed: the build is failing anyway


def test_asking_twice_gives_the_same_outcome():
    worker = Worker(warm=warm)
    try:
        failing, fine = worker.submit(fail, "disk full"), worker.submit(pow, 5, 2)
        for _ in range(2):
            with pytest.raises(PresskitError, match="disk full"):
                failing.result()
            assert fine.result() == 25
    finally:
        worker.close()


def broken_warm():
    """A warm-up that fails, as an import of a missing library would."""
    raise ImportError("No module named 'reportlab'")


def test_a_failed_warm_up_is_the_error_of_every_call():
    worker = Worker(warm=broken_warm)
    try:
        for _ in range(2):
            with pytest.raises(ImportError, match="reportlab"):
                worker.submit(pow, 2, 2).result()
    finally:
        worker.close()


GC_STATE = """
import gc, json
from presskit.runtime import startup, workers
startup.start(["parse", "x"])
print(json.dumps([gc.isenabled(), workers.map_forked(lambda n: (gc.isenabled(), gc.get_threshold()[0]), [1, 2])]))
"""


def test_a_command_runs_without_the_cycle_collector_and_a_batchs_processes_with_it():
    done = subprocess.run([sys.executable, "-c", GC_STATE], capture_output=True, text=True, timeout=60, check=True)
    command, batch = json.loads(done.stdout.strip().splitlines()[-1])
    assert command is False
    if can_fork():
        assert batch == [[True, BATCH_GC_THRESHOLD[0]]] * 2
