"""`presskit glossary …`: the translators' glossary commands."""
from __future__ import annotations

import functools
import sys
from pathlib import Path
from typing import Callable

import typer

from presskit.errors import PresskitError

glossary_app = typer.Typer(no_args_is_help=True, help="The translators' glossary (glossary/*.csv).")


def clean_errors(command: Callable) -> Callable:
    """Print a PresskitError as `error: …` on stderr and exit with its code, as `presskit.cli.main` does."""
    @functools.wraps(command)
    def run(*args, **kwargs):
        """Run the command; a PresskitError becomes its message and exit code."""
        try:
            return command(*args, **kwargs)
        except PresskitError as error:
            print(f"error: {error}", file=sys.stderr)
            raise typer.Exit(error.exit_code) from None

    return run


@glossary_app.command("check")
@clean_errors
def glossary_check(kit_dir: Path = typer.Option(Path("."), "--kit", help="The kit folder.")) -> None:
    """Validate every glossary file: columns, empty cells, duplicates, conflicts (exit 2 on a problem)."""
    from presskit.glossary import validate_glossary
    from presskit.kit import load_kit

    kit = load_kit(kit_dir)
    problems = validate_glossary(kit.glossary)
    for problem in problems:
        typer.echo(str(problem), err=True)
    if problems:
        raise typer.Exit(2)
    typer.echo(f"{kit.glossary}: no problem found")


@glossary_app.command("export")
@clean_errors
def glossary_export(
    tbx_file: Path = typer.Option(..., "--tbx", help="The TBX file to write (TBX-Basic, for CAT tools)."),
    kit_dir: Path = typer.Option(Path("."), "--kit", help="The kit folder."),
) -> None:
    """Write every glossary row (terms, names, forbidden translations) to a TBX file."""
    from presskit.kit import load_kit
    from presskit.tbx import export_tbx

    kit = load_kit(kit_dir)
    count = export_tbx(kit.glossary, tbx_file)
    typer.echo(f"{tbx_file}: {count} entries from {kit.glossary}")


@glossary_app.command("import")
@clean_errors
def glossary_import(
    tbx_file: Path = typer.Argument(..., help="A TBX file (TBX-Basic v2 martif, or TBX v3)."),
    kit_dir: Path = typer.Option(Path("."), "--kit", help="The kit folder."),
) -> None:
    """Write a TBX file's entries to the glossary CSV files it names; each old file is kept as .bak."""
    from presskit.glossary import validate_glossary
    from presskit.kit import load_kit
    from presskit.tbx import import_tbx

    kit = load_kit(kit_dir)
    for path, count, backup in import_tbx(tbx_file, kit.glossary):
        kept = f" (the old file is {backup.name})" if backup else " (new file)"
        typer.echo(f"{path}: {count} entries{kept}")
    problems: list = validate_glossary(kit.glossary)
    for problem in problems:
        typer.echo(f"warning: {problem}", err=True)
    if problems:
        typer.echo("warning: the glossary has problems now: fix them, or restore a .bak file", err=True)


