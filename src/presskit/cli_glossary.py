"""`presskit glossary …`: the translators' glossary commands."""
from __future__ import annotations

from pathlib import Path

import typer

glossary_app = typer.Typer(no_args_is_help=True, help="The translators' glossary (glossary/*.csv).")


@glossary_app.command("check")
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
