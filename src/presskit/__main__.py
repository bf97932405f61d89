"""`python -m presskit` and the `presskit` command: set the process up, then run the CLI."""
import sys


def run() -> None:
    """Run the command line (`presskit.runtime.startup` forks the render workers of a build first)."""
    from presskit.runtime import startup

    startup.start(sys.argv[1:])
    from presskit.cli.app import main

    main()


if __name__ == "__main__":
    run()
