"""How a presskit command starts and ends: the settings of a short-lived process, early render
workers for `build`, and a fast exit once everything is written."""
from __future__ import annotations

import gc
import os
import sys

from presskit.runtime import code_memo, regex_memo, render_pool
from presskit.runtime.disk_memo import save_memos


def start(arguments: list[str]) -> None:
    """Set the process up for the command in `arguments`; for `build`, fork the render workers now.

    They import reportlab and the DOCX writer on the second core while this process imports the CLI,
    parses the options and reads the release.

    The cycle collector is off: a command lasts seconds, and collecting frees nothing worth its time
    (a release 20 times the sample's builds 7–15 % faster without it, at the same peak memory). The
    processes of a batch, which build many releases each, collect (`workers.collect_cycles`).
    """
    gc.disable()
    code_memo.install()  # before the fork and the first dataclass: the workers inherit both memos, read once
    regex_memo.install()
    if arguments[:1] == ["build"] and not {"-h", "--help"} & set(arguments):
        render_pool.start_early()


def finish(code: int) -> None:
    """End the command: stop unused workers, save the memos, flush the output, and leave at once.

    Every file is already written whole and closed; skipping the interpreter's teardown (freeing
    every object one by one) saves ~30 ms of a command that lasts a few hundred.
    """
    render_pool.close_unused()
    save_memos()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a closed pipe or stream: nothing more can be said
            pass
    os._exit(code)
