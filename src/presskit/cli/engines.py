"""`presskit engines`: which translation engines are set up here, which API each uses; Argos models.

Without `--check` nothing is contacted: "set up" means the key, project or model is there. With
`--check`, each engine that is set up is tried within 2 seconds (no text is sent), all at once.
"""
from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import click

from presskit.cli.options import PATH, Group, argument


@click.group("engines", cls=Group, invoke_without_command=True, no_args_is_help=False,
             help="List the translation engines: set up or not, why, and the API each one uses.")
@click.option("--offline", is_flag=True, help="Show what a build with --offline may use.")
@click.option("--check", is_flag=True, help="Try to reach each engine (2 s each, no text sent).")
@click.option("--kit", "kit_dir", type=PATH, default=Path("."), show_default=True,
              help="The kit whose [translation] settings (url, project, credentials) apply.")
@click.pass_context
def engines_app(ctx: click.Context, offline: bool, check: bool, kit_dir: Path) -> None:
    """List every engine: set up here or not, why / how to enable it (keys are never shown)."""
    if ctx.invoked_subcommand is not None:
        return
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table

    from presskit.engines import engine_class, engine_names, engine_status

    statuses = [engine_status(name, offline=offline) for name in engine_names()]
    reached = _reach_all(statuses, kit_dir) if check and not offline else {}
    table = Table(title="Translation engines" + (" (offline)" if offline else ""))
    columns = ["engine", "set up", "network", "API", "why / how to enable"]
    for column in columns + (["reached (2 s)"] if reached else []):
        table.add_column(column, overflow="fold")
    for status in statuses:
        cells = [status.name, "[green]yes[/green]" if status.available else "[red]no[/red]",
                 "yes" if status.network else "no", escape(engine_class(status.name).summary),
                 escape(status.reason)]
        if reached:
            cells.append(escape(reached.get(status.name, "")))
        table.add_row(*cells)
    console = Console(highlight=False, soft_wrap=False)
    console.print(table)
    if not check and not offline:
        console.print("Nothing was contacted: run `presskit engines --check` to try each engine.")


def _reach_all(statuses: list, kit_dir: Path) -> dict[str, str]:
    """Try each network engine that is set up, all at once, 2 s each: what was seen."""
    from presskit.engines import CHECK_TIMEOUT

    wanted = [s.name for s in statuses if s.network and s.available]
    with ThreadPoolExecutor(max_workers=max(1, len(wanted))) as pool:
        seen = dict(zip(wanted, pool.map(lambda n: _reach(n, kit_dir, CHECK_TIMEOUT), wanted)))
    for status in statuses:
        if status.network and not status.available:
            seen[status.name] = "not tried: not set up"
        elif not status.network:
            seen[status.name] = "offline: nothing to reach"
    return seen


def _reach(name: str, kit_dir: Path, timeout: float) -> str:
    """"yes: …" or "no: …" for one engine, with the kit's settings."""
    from presskit.engines import get_engine
    from presskit.errors import PresskitError
    from presskit.kit.folder import load_kit

    try:
        kit = load_kit(kit_dir)
        url = kit.engine_url if kit.engine == name else None
        engine = get_engine(name, url=url, timeout=timeout, settings=kit.engine_settings)
        return "yes: " + engine.reach(timeout)
    except PresskitError as error:
        return "no: " + error.message


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
