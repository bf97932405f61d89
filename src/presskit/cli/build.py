"""`presskit build` and `presskit check`: the kit's documents, or only the quality gate on the English."""
from __future__ import annotations

from datetime import datetime
from pathlib import Path

import click

from presskit.build import build as build_kit
from presskit.cli.options import (
    ENGINE_OPTION,
    ENGINE_URL_OPTION,
    KIT_OPTION,
    OFFLINE_OPTION,
    OUT_OPTION,
    PATH,
    Command,
    argument,
    existing,
    mark,
    say,
)
from presskit.kit.folder import kit_folder, load_kit
from presskit.pipeline import Options, translate_release
from presskit.runtime.render_pool import open_pool

SHOWN_PROBLEMS = 10  # the terminal shows this many; report.json has them all
TERM_COLUMNS = ("applied", "repaired", "missing", "forbidden")


@click.command(cls=Command)
@argument("sources", "Releases to build (default: every file in sources/).", type=PATH, nargs=-1)
@OUT_OPTION
@ENGINE_OPTION
@ENGINE_URL_OPTION
@OFFLINE_OPTION
@click.option("--draft", is_flag=True, help="Build even with untranslated segments, marked as a draft.")
@click.option("--bilingual", is_flag=True, help="Also write French and English side by side in one PDF.")
@click.option("--pdfa", is_flag=True, help="Also write PDF/A-2b copies of the PDFs, for archives.")
@click.option("--attach", is_flag=True, help="Attach each language's PDF to its e-mail (.eml).")
@click.option("--now", default=None, callback=lambda _c, _p, v: _iso_time(v),
              help="Take this ISO time as now for embargoes (e.g. 2025-06-03T08:00, Paris time).")
@KIT_OPTION
def build(sources: tuple[Path, ...], out: Path | None, engine: str | None, engine_url: str | None,
          offline: bool, draft: bool, bilingual: bool, pdfa: bool, attach: bool, now: str | None,
          kit_dir: Path) -> None:
    """Build the French and English DOCX and PDF of each release, with report.json."""
    kit = load_kit(kit_folder(kit_dir, sources))
    options = Options(out=out, engine=engine, engine_url=engine_url, offline=offline, draft=draft,
                      bilingual=bilingual, pdfa=pdfa, attach=attach, now=now)
    pool = open_pool()
    try:
        results = build_kit(kit, [existing(p) for p in sources or []] or None, options,
                            progress=lambda message: say(f"{mark('·', dim=True)} {message}"), pool=pool)
    finally:
        pool.close()
    for result in results:
        _summary(result)


def _iso_time(value: str | None) -> str | None:
    """Check a --now time."""
    try:
        return value and datetime.fromisoformat(value).isoformat()
    except ValueError:
        raise click.BadParameter(f"{value!r} is not an ISO time; write e.g. 2025-06-03T08:00") from None


def _summary(result) -> None:
    """Print one release's outcome: files written and where the English came from."""
    report = result.report
    segments, terms = report["segments"], report["terms"]
    engines = ", ".join(f"{n} by {name}" for name, n in segments["engines"].items()) or "none by engine"
    errors = sum(1 for p in report["problems"] if p["severity"] == "error")
    if report["status"] == "draft":
        left = f"{errors} problem{'s' if errors != 1 else ''} left" if errors else "no problem left"
        say(f"{mark('draft', fg='yellow', bold=True)} {result.source.name} → {result.folder} "
            f"(draft, not final: {left})")
    else:
        say(f"{mark('✓', fg='green', bold=True)} {result.source.name} → {result.folder} ({report['status']})")
    say(f"  segments: {segments['memory']} from memory, {engines}, "
        f"{segments['untranslated']} untranslated · terms: {terms['found']}/{terms['expected']}")
    _terms_table(terms)
    problems = report["problems"]
    for problem in problems[:SHOWN_PROBLEMS]:
        say(f"  {mark(problem['severity'], fg='yellow')} {problem.get('place') or problem['path']}: "
            f"{problem['message']}")
    if len(problems) > SHOWN_PROBLEMS:
        say(f"  … and {len(problems) - SHOWN_PROBLEMS} more in {result.folder / 'report.json'}")



def _terms_table(terms: dict) -> None:
    """Print the glossary terms of the English as a short table: how many applied, repaired, missing, forbidden."""
    counts = terms.get("counts", {})
    say("  " + "  ".join(f"{column:>9}" for column in ("terms",) + TERM_COLUMNS))
    cells = [f"{terms['expected']:>9}"] + [
        mark(f"{counts.get(c, 0):>9}", fg="red") if c in ("missing", "forbidden") and counts.get(c)
        else f"{counts.get(c, 0):>9}" for c in TERM_COLUMNS]
    say("  " + "  ".join(cells))
    for segment in terms.get("segments", []):
        for status in ("missing", "forbidden"):
            for term in segment.get(status, []):
                say(f"  {mark(status, fg='red')} {segment['path']}: {term}")


@click.command(cls=Command)
@argument("source", "A French release.", type=PATH)
@ENGINE_OPTION
@ENGINE_URL_OPTION
@OFFLINE_OPTION
@KIT_OPTION
def check(source: Path, engine: str | None, engine_url: str | None, offline: bool, kit_dir: Path) -> None:
    """Run the quality gate on a release's English without rendering (exit 1 when it would stop a build)."""
    options = Options(engine=engine, engine_url=engine_url, offline=offline)
    done = translate_release(load_kit(kit_folder(kit_dir, (source,))), existing(source), options)
    errors = done.errors
    for problem in done.problems:
        colour = "red" if problem.severity == "error" else "yellow"
        say(f"{mark(problem.severity, fg=colour)} {source.name} · {problem.where}: {problem.message}")
    say(f"{len(done.english.segments)} segments · {len(errors)} errors · "
        f"{len(done.problems) - len(errors)} warnings")
    if errors:
        raise click.exceptions.Exit(1)
