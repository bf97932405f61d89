"""`presskit glossary …`: the translators' glossary commands; also the helpers the CLI modules share."""
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
    """Print a PresskitError as `error: …` on stderr and exit with its code, as `presskit.cli.main` does."""
    @functools.wraps(command)
    def run(*args, **kwargs):
        """Run the command; a PresskitError becomes its message and exit code."""
        try:
            return command(*args, **kwargs)
        except PresskitError as error:
            print(f"error: {error}", file=sys.stderr)
            raise click.exceptions.Exit(error.exit_code) from None

    return run


@click.group("glossary", cls=Group, no_args_is_help=True)
def glossary_app() -> None:
    """The translators' glossary (glossary/*.csv)."""


@glossary_app.command("check")
@click.option("--kit", "kit_dir", type=PATH, default=Path("."), show_default=True, help="The kit folder.")
@clean_errors
def glossary_check(kit_dir: Path) -> None:
    """Validate every glossary file: columns, empty cells, duplicates, conflicts (exit 2 on a problem)."""
    from presskit.glossary import validate_glossary
    from presskit.kit import load_kit

    kit = load_kit(kit_dir)
    problems = validate_glossary(kit.glossary)
    for problem in problems:
        click.echo(str(problem), err=True)
    if problems:
        raise click.exceptions.Exit(2)
    click.echo(f"{kit.glossary}: no problem found")


@glossary_app.command("export")
@click.option("--tbx", "tbx_file", type=PATH, required=True,
              help="The TBX file to write (TBX-Basic, for CAT tools).")
@click.option("--kit", "kit_dir", type=PATH, default=Path("."), show_default=True, help="The kit folder.")
@clean_errors
def glossary_export(tbx_file: Path, kit_dir: Path) -> None:
    """Write every glossary row (terms, names, forbidden translations) to a TBX file."""
    from presskit.kit import load_kit
    from presskit.tbx import export_tbx

    kit = load_kit(kit_dir)
    count = export_tbx(kit.glossary, tbx_file)
    click.echo(f"{tbx_file}: {count} entries from {kit.glossary}")


@glossary_app.command("import")
@argument("tbx_file", "A TBX file (TBX-Basic v2 martif, or TBX v3).", type=PATH)
@click.option("--kit", "kit_dir", type=PATH, default=Path("."), show_default=True, help="The kit folder.")
@clean_errors
def glossary_import(tbx_file: Path, kit_dir: Path) -> None:
    """Write a TBX file's entries to the glossary CSV files it names; each old file is kept as .bak."""
    from presskit.glossary import validate_glossary
    from presskit.kit import load_kit
    from presskit.tbx import import_tbx

    kit = load_kit(kit_dir)
    for path, count, backup in import_tbx(tbx_file, kit.glossary):
        kept = f" (the old file is {backup.name})" if backup else " (new file)"
        click.echo(f"{path}: {count} entries{kept}")
    problems: list = validate_glossary(kit.glossary)
    for problem in problems:
        click.echo(f"warning: {problem}", err=True)
    if problems:
        click.echo("warning: the glossary has problems now: fix them, or restore a .bak file", err=True)
