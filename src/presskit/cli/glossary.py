"""`presskit glossary …`: the translators' glossary commands (check, TBX export and import)."""
from __future__ import annotations

from pathlib import Path

import click

from presskit.cli.options import KIT_OPTION, PATH, Group, argument, clean_errors
from presskit.glossary.glossary import validate_glossary
from presskit.glossary.tbx import export_tbx, import_tbx
from presskit.kit.folder import load_kit


@click.group("glossary", cls=Group, no_args_is_help=True)
def glossary_app() -> None:
    """The translators' glossary (glossary/*.csv)."""


@glossary_app.command("check")
@KIT_OPTION
@clean_errors
def glossary_check(kit_dir: Path) -> None:
    """Validate every glossary file: columns, empty cells, duplicates, conflicts (exit 2 on a problem)."""

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
@KIT_OPTION
@clean_errors
def glossary_export(tbx_file: Path, kit_dir: Path) -> None:
    """Write every glossary row (terms, names, forbidden translations) to a TBX file."""

    kit = load_kit(kit_dir)
    count = export_tbx(kit.glossary, tbx_file)
    click.echo(f"{tbx_file}: {count} entries from {kit.glossary}")


@glossary_app.command("import")
@argument("tbx_file", "A TBX file (TBX-Basic v2 martif, or TBX v3).", type=PATH)
@KIT_OPTION
@clean_errors
def glossary_import(tbx_file: Path, kit_dir: Path) -> None:
    """Write a TBX file's entries to the glossary CSV files it names; each old file is kept as .bak."""

    kit = load_kit(kit_dir)
    for path, count, backup in import_tbx(tbx_file, kit.glossary):
        kept = f" (the old file is {backup.name})" if backup else " (new file)"
        click.echo(f"{path}: {count} entries{kept}")
    problems: list = validate_glossary(kit.glossary)
    for problem in problems:
        click.echo(f"warning: {problem}", err=True)
    if problems:
        click.echo("warning: the glossary has problems now: fix them, or restore a .bak file", err=True)
