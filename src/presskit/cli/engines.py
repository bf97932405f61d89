"""`presskit engines`: which translation engines can be used here, and why not; Argos models."""
from __future__ import annotations

from pathlib import Path

import click

from presskit.cli.options import PATH, Group, argument


@click.group("engines", cls=Group, invoke_without_command=True, no_args_is_help=False,
             help="List the translation engines: available or not, and why.")
@click.option("--offline", is_flag=True, help="Show what a build with --offline may use.")
@click.pass_context
def engines_app(ctx: click.Context, offline: bool) -> None:
    """List every engine: available here or not, and why / how to enable it (keys are never shown)."""
    if ctx.invoked_subcommand is not None:
        return
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table

    from presskit.engines import engine_names, engine_status

    table = Table(title="Translation engines" + (" (offline)" if offline else ""))
    for column in ("engine", "available", "network", "why / how to enable"):
        table.add_column(column, overflow="fold")
    for name in engine_names():
        status = engine_status(name, offline=offline)
        table.add_row(status.name, "[green]yes[/green]" if status.available else "[red]no[/red]",
                      "yes" if status.network else "no", escape(status.reason))
    Console(highlight=False, soft_wrap=False).print(table)


@engines_app.command("install-argos")
@argument("model", "An Argos Translate model file (.argosmodel), fr → en.", type=PATH)
@click.option("--into", type=PATH, default=None, help="Models folder (default: argostranslate's).")
def install_argos(model: Path, into: Path | None) -> None:
    """Install an Argos Translate model file so that `--engine argos` can translate offline."""
    from presskit.engines.argos import install_model, read_model

    folder = install_model(model, [into] if into else None)
    click.echo(f"installed {folder.name} in {folder.parent}")
    installed = read_model(folder)
    if (installed.from_code, installed.to_code) != ("fr", "en"):
        click.echo("note: this model does not translate fr → en; presskit will not use it", err=True)
