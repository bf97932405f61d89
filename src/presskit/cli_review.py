"""`presskit review …`: the translators' review round trip (XLIFF 1.2 out, approved units back into the memory)."""
from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Optional

import typer

from presskit.cli_glossary import clean_errors

review_app = typer.Typer(no_args_is_help=True,
                         help="Review the English in a CAT tool: XLIFF 1.2 out, approved units into the memory.")


@review_app.command("export")
@clean_errors
def review_export(
    source: Path = typer.Argument(..., help="A French release (.txt, .md, .docx, .pdf)."),
    kit_dir: Path = typer.Option(Path("."), "--kit", help="The kit folder."),
    out: Optional[Path] = typer.Option(None, "--out", help="Output folder (default: output/)."),
    engine: Optional[str] = typer.Option(None, "--engine", help="Engine for what the memory lacks."),
    engine_url: Optional[str] = typer.Option(None, "--engine-url", help="Address of a LibreTranslate server."),
    offline: bool = typer.Option(False, "--offline", help="Send nothing: gaps are exported empty (state new)."),
) -> None:
    """Write output/<slug>/<slug>.en.xlf: one unit per English segment, with its state and provenance."""
    from presskit.build import Options
    from presskit.errors import PresskitError
    from presskit.kit import load_kit
    from presskit.review import export_review, state_of

    if not source.is_file():
        raise PresskitError("no such file", path=source, hint="check the name (releases live in sources/)")
    kit = load_kit(kit_dir)
    options = Options(out=out, engine=engine, engine_url=engine_url, offline=offline)
    path, segments = export_review(kit, source, options)
    states = Counter(state_of(s) for s in segments if s.origin != "kept")
    typer.echo(f"{path}: {len(segments)} units ({states['final']} final, "
               f"{states['needs-review-translation']} to review, {states['new']} new)")


@review_app.command("import")
@clean_errors
def review_import(
    xliff_file: Path = typer.Argument(..., help="A reviewed XLIFF 1.2 file exported by presskit."),
    kit_dir: Path = typer.Option(Path("."), "--kit", help="The kit folder."),
) -> None:
    """Store the approved units in glossary/memory.tmx (backup first); exit 1 if some were refused."""
    from presskit.kit import load_kit
    from presskit.review import import_review

    result = import_review(load_kit(kit_dir), xliff_file)
    typer.echo(f"{result.memory}: {len(result.added)} added, {len(result.replaced)} replaced, "
               f"{result.unchanged} unchanged, {result.pending} not approved, "
               f"{len(result.refused)} refused")
    for backup in result.backups:
        typer.echo(f"  backup: {backup}")
    for unit_id, _, old, new in result.replaced:
        typer.echo(f"  replaced {unit_id}: {old!r} → {new!r}")
    for unit_id, english in result.kept:
        typer.echo(f"  kept the memory's {english!r} for {unit_id}: it changed since export "
                   "and the review did not change this unit")
    for unit_id, why in result.refused:
        typer.echo(f"refused {unit_id}: {why}", err=True)
    if result.refused:
        raise typer.Exit(1)
