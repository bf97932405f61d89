"""`presskit review …`: the translators' review round trip (XLIFF 1.2 out, approved units back into the memory)."""
from __future__ import annotations

from collections import Counter
from pathlib import Path

import click

from presskit.cli.options import (
    KIT_OPTION,
    OUT_OPTION,
    PATH,
    Group,
    argument,
    clean_errors,
    existing,
)
from presskit.kit.folder import kit_folder, load_kit
from presskit.pipeline import Options
from presskit.review import export_review, import_review, review_file
from presskit.translation.review import state_of


@click.group("review", cls=Group, no_args_is_help=True)
def review_app() -> None:
    """Review the English in a CAT tool: XLIFF 1.2 out, approved units into the memory."""


@review_app.command("export")
@argument("source", "A French release (.txt, .md, .docx, .pdf).", type=PATH)
@KIT_OPTION
@OUT_OPTION
@click.option("--offline", is_flag=True, hidden=True, help="Accepted for older scripts: export never sends anything.")
@clean_errors
def review_export(source: Path, kit_dir: Path, out: Path | None, offline: bool) -> None:
    """Write review/<slug>.en.xlf: the English of the last build (memory and engine cache), one unit per segment.

    Nothing is sent to an engine: build the release first (`presskit build --draft`) to get machine
    translations, then export them for review. A file already there that differs is backed up first.
    """

    kit = load_kit(kit_folder(kit_dir, (source,)))
    target = review_file(kit, existing(source), out)
    backups_before = set(target.parent.glob(f"{target.name}.*.bak"))
    path, segments = export_review(kit, existing(source), Options(out=out))
    states = Counter(state_of(s) for s in segments if s.origin != "kept")
    click.echo(f"{path}: {len(segments)} units ({states['final']} final, "
               f"{states['needs-review-translation']} to review, {states['new']} new)")
    for backup in sorted(set(path.parent.glob(f"{path.name}.*.bak")) - backups_before):
        click.echo(f"  the file there before differed (a translator's work?): kept as {backup}")


@review_app.command("import")
@argument("xliff_file", "A reviewed XLIFF 1.2 file exported by presskit.", type=PATH)
@KIT_OPTION
@clean_errors
def review_import(xliff_file: Path, kit_dir: Path) -> None:
    """Store the approved units in glossary/memory.tmx (backup first); exit 1 if some were refused."""

    kit = load_kit(kit_dir)
    result = import_review(kit, xliff_file)
    click.echo(f"{result.memory}: {len(result.added)} added, {len(result.replaced)} replaced, "
               f"{result.unchanged} unchanged, {result.pending} not approved, "
               f"{len(result.refused)} refused")
    for backup in result.backups:
        click.echo(f"  backup: {backup}")
    for unit_id, _, old, new in result.replaced:
        click.echo(f"  replaced {unit_id}: {old!r} → {new!r}")
    for unit_id, english in result.kept:
        click.echo(f"  kept the memory's {english!r} for {unit_id}: it changed since export "
                   "and the review did not change this unit")
    for _unit_id, finding in result.findings:
        click.echo(f"warning: {finding}", err=True)
    for unit_id, why in result.refused:
        click.echo(f"refused {unit_id}: {why}", err=True)
    if result.refused:
        raise click.exceptions.Exit(1)
