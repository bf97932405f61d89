"""`python -m presskit` and the `presskit` command: start what `build` will need, then run the CLI."""
import sys


def run() -> None:
    """Run the command line; for `presskit build`, first fork the warm render workers.

    They import reportlab and python-docx on the second core while this process imports the CLI and
    parses the options (`presskit.render_workers`).
    """
    import gc

    gc.set_threshold(100_000, 50, 100)  # a short-lived, allocation-heavy run: collect cycles rarely
    if sys.argv[1:2] == ["build"] and not {"-h", "--help"} & set(sys.argv):
        from presskit.render_workers import start_early

        start_early()
    from presskit.cli import main

    main()


if __name__ == "__main__":
    run()
