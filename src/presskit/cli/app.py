"""The `presskit` command: its groups of commands, loaded by name, and how it ends (exit codes)."""
from __future__ import annotations

import os
import sys
from importlib import import_module

import click

from presskit.cli.options import Group
from presskit.errors import PresskitError
from presskit.runtime import startup

INTERRUPTED = 130  # the shell's code for Ctrl-C
COMMANDS = {  # name → "module:command", each module imported only when its command runs (or for --help)
    "build": "presskit.cli.build:build",
    "check": "presskit.cli.build:check",
    "parse": "presskit.cli.parse:parse",
    "init": "presskit.cli.init:init",
    "engines": "presskit.cli.engines:engines_app",
    "glossary": "presskit.cli.glossary:glossary_app",
    "review": "presskit.cli.review:review_app",
}


class CommandRegistry(Group):
    """The top-level group: its commands are loaded by name from `COMMANDS` when first needed."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        """Every command, in the order of `COMMANDS`."""
        return list(COMMANDS)

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        """Load the command `name` (None for an unknown name: click says so)."""
        if name not in COMMANDS:
            return None
        if name not in self.commands:
            module, attribute = COMMANDS[name].split(":")
            self.add_command(getattr(import_module(module), attribute), name)
        return self.commands[name]


@click.group("presskit", cls=CommandRegistry, no_args_is_help=True)
def app() -> None:
    """Turn a French press release into a branded, bilingual press kit (DOCX + PDF)."""


def main() -> None:
    """Run the CLI; the project's errors print as one paragraph with their exit code, never a traceback."""
    try:
        code = app.main(standalone_mode=False)
    except PresskitError as error:
        print(f"error: {error}", file=sys.stderr)
        code = error.exit_code
    except click.ClickException as error:  # usage errors: click's own message
        error.show()
        code = error.exit_code
    except (KeyboardInterrupt, click.Abort):  # click turns Ctrl-C into Abort outside standalone mode
        print("interrupted: files are written whole or not at all; earlier outputs are intact",
              file=sys.stderr)
        code = INTERRUPTED
    except Exception as error:  # a bug of presskit's: say so plainly, keep the details on request
        if os.environ.get("PRESSKIT_DEBUG"):
            raise
        print(f"internal error: {type(error).__name__}: {error}\n  → this is a bug in presskit; "
              "please report it with the release file (PRESSKIT_DEBUG=1 shows the traceback)",
              file=sys.stderr)
        code = 3
    startup.finish(code if isinstance(code, int) else 0)
