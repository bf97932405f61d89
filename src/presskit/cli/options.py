"""What every command of the CLI shares: path arguments, help layout, common options, messages."""
from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from pathlib import Path

import click

from presskit.errors import PresskitError

PATH = click.Path(path_type=Path)  # arguments and options arrive as pathlib.Path, checked by the commands


# click ≥ 8.5 lists documented arguments itself ("Positional arguments"); older versions get the same here
NATIVE_ARGUMENT_HELP = hasattr(click.Command, "format_arguments")


class Argument(click.Argument):
    """A click argument with a help text, for click versions whose arguments have none."""

    def __init__(self, *args, help: str | None = None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.help = help


def argument(name: str, help: str, **kwargs) -> Callable:
    """`click.argument` with a help text, shown in its command's help under "Positional arguments"."""
    if NATIVE_ARGUMENT_HELP:
        return click.argument(name, help=help, **kwargs)
    return click.argument(name, cls=Argument, help=help, **kwargs)


class Command(click.Command):
    """A click command whose help lists its arguments, with their help, before its options."""

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """Write the arguments' section (when click does not), then click's "Options"."""
        rows = [(param.human_readable_name + ("..." if param.nargs == -1 else ""), param.help)
                for param in self.get_params(ctx) if isinstance(param, Argument) and param.help]
        if rows and not NATIVE_ARGUMENT_HELP:
            with formatter.section("Positional arguments"):
                formatter.write_dl(rows)
        super().format_options(ctx, formatter)


class Group(click.Group):
    """A click group listing its commands in order, each with its whole first paragraph (never cut).

    Called with no arguments, a group with `no_args_is_help` prints its help on standard output and
    exits 2 (the same with every click version: click ≥ 8.2 would print it on standard error).
    """

    command_class = Command

    def add_command(self, cmd: click.Command, name: str | None = None) -> None:
        """Register a command; its help in the list is its first paragraph, never cut with "..."."""
        if cmd.short_help is None and cmd.help:
            cmd.short_help = " ".join(cmd.help.split("\n\n")[0].split())
        super().add_command(cmd, name)

    def list_commands(self, ctx: click.Context) -> list[str]:
        """The commands in the order they were added (click sorts them by name)."""
        return list(self.commands)

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        """Show the help and exit 2 when a group that needs a command gets no argument."""
        if not args and self.no_args_is_help and not ctx.resilient_parsing:
            click.echo(ctx.get_help(), color=ctx.color)
            ctx.exit(2)
        return super().parse_args(ctx, args)


def clean_errors(command: Callable) -> Callable:
    """Print a PresskitError as `error: …` on stderr and exit with its code, as `presskit.cli.app.main` does."""
    @functools.wraps(command)
    def run(*args, **kwargs):
        """Run the command; a PresskitError becomes its message and exit code."""
        try:
            return command(*args, **kwargs)
        except PresskitError as error:
            print(f"error: {error}", file=sys.stderr)
            raise click.exceptions.Exit(error.exit_code) from None

    return run


def say(text: str, **style) -> None:
    """Print a line on standard error, styled with click (colour only on a terminal)."""
    click.echo(click.style(text, **style) if style else text, err=True)


def mark(text: str, **style) -> str:
    """Style a fragment of a line."""
    return click.style(text, **style)


def existing(path: Path) -> Path:
    """Check that a file named on the command line exists."""
    if not path.is_file():
        raise PresskitError("no such file", path=path, hint="check the name (releases live in sources/)")
    return path


KIT_OPTION = click.option("--kit", "kit_dir", type=PATH, default=Path("."), show_default=True,
                          help="The kit folder (default: the current folder).")
OUT_OPTION = click.option("--out", type=PATH, default=None, help="Output folder (default: output/).")
ENGINE_OPTION = click.option("--engine", default=None, help="Machine-translation engine for what the memory "
                             "lacks: deepl, google (Cloud), microsoft, google-free (default), mymemory, libre, "
                             "argos, fake.")
ENGINE_URL_OPTION = click.option("--engine-url", default=None,
                                 help="Server of the engine (deepl, google, microsoft, libre).")
OFFLINE_OPTION = click.option("--offline", is_flag=True, help="Send nothing over the network.")
