"""`python -m presskit` and the `presskit` command: set the process up, then run the CLI.

Until the CLI is loaded, Ctrl-C ends the process at once with one line (no traceback from an import
cut short); from then on the CLI itself reports it (`presskit.cli.app.main`).
"""
import os
import signal
import sys

_MAIN_PID = os.getpid()


def _interrupted_while_starting(signum, frame) -> None:
    """Leave quietly on Ctrl-C before the CLI is loaded: nothing has been written yet."""
    if os.getpid() == _MAIN_PID:  # forked render workers leave without a word
        os.write(2, b"interrupted: nothing was written\n")
    os._exit(130)


if signal.getsignal(signal.SIGINT) is signal.default_int_handler:  # not when Ctrl-C is ignored
    signal.signal(signal.SIGINT, _interrupted_while_starting)


def run() -> None:
    """Run the command line (`presskit.runtime.startup` forks the render workers of a build first)."""
    from presskit.runtime import startup

    startup.start(sys.argv[1:])
    from presskit.cli.app import main

    if signal.getsignal(signal.SIGINT) is _interrupted_while_starting:
        signal.signal(signal.SIGINT, signal.default_int_handler)
    main()


if __name__ == "__main__":
    run()
