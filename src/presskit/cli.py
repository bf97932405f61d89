"""The `presskit` command: parses options and calls the library (one function per command)."""
from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from presskit.cli_glossary import PATH, Group, argument
from presskit.errors import PresskitError

INTERRUPTED = 130  # the shell's code for Ctrl-C
SHOWN_PROBLEMS = 10  # the terminal shows this many; report.json has them all


@click.group("presskit", cls=Group, no_args_is_help=True)
def app() -> None:
    """Turn a French press release into a branded, bilingual press kit (DOCX + PDF)."""


def say(text: str, **style) -> None:
    """Print a line on standard error, styled with click (colour only on a terminal)."""
    click.echo(click.style(text, **style) if style else text, err=True)


def _mark(text: str, **style) -> str:
    """Style a fragment of a line."""
    return click.style(text, **style)


KIT_OPTION = click.option("--kit", "kit_dir", type=PATH, default=Path("."), show_default=True,
                          help="The kit folder (default: the current folder).")
ENGINE_URL_OPTION = click.option("--engine-url", default=None, help="Address of a LibreTranslate server.")
OFFLINE_OPTION = click.option("--offline", is_flag=True, help="Send nothing over the network.")


@app.command()
@argument("sources", "Releases to build (default: every file in sources/).", type=PATH, nargs=-1)
@click.option("--out", type=PATH, default=None, help="Output folder (default: output/).")
@click.option("--engine", default=None, help="Machine-translation engine: google "
              "(default), deepl, microsoft, mymemory, libre, fake.")
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
    from presskit.build import Options
    from presskit.build import build as build_kit
    from presskit.kit import load_kit

    kit = load_kit(kit_dir)
    options = Options(out=out, engine=engine, engine_url=engine_url, offline=offline, draft=draft,
                      bilingual=bilingual, pdfa=pdfa, attach=attach, now=now)
    results = build_kit(kit, [_existing(p) for p in sources or []] or None, options,
                        progress=lambda message: say(f"{_mark('·', dim=True)} {message}"))
    for result in results:
        _summary(result)


def _iso_time(value: str | None) -> str | None:
    """Check a --now time."""
    from datetime import datetime

    try:
        return value and datetime.fromisoformat(value).isoformat()
    except ValueError:
        raise click.BadParameter(f"{value!r} is not an ISO time; write e.g. 2025-06-03T08:00") from None


def _summary(result) -> None:
    """Print one release's outcome: files written and where the English came from."""
    report = result.report
    segments, terms = report["segments"], report["terms"]
    engines = ", ".join(f"{n} by {name}" for name, n in segments["engines"].items()) or "none by engine"
    say(f"{_mark('✓', fg='green', bold=True)} {result.source.name} → {result.folder} ({report['status']})")
    say(f"  segments: {segments['memory']} from memory, {engines}, "
        f"{segments['untranslated']} untranslated · terms: {terms['found']}/{terms['expected']}")
    _terms_table(terms)
    problems = report["problems"]
    for problem in problems[:SHOWN_PROBLEMS]:
        say(f"  {_mark(problem['severity'], fg='yellow')} {problem['path']}: {problem['message']}")
    if len(problems) > SHOWN_PROBLEMS:
        say(f"  … and {len(problems) - SHOWN_PROBLEMS} more in {result.folder / 'report.json'}")


TERM_COLUMNS = ("applied", "repaired", "missing", "forbidden")


def _terms_table(terms: dict) -> None:
    """Print the glossary terms of the English as a short table: how many applied, repaired, missing, forbidden."""
    counts = terms.get("counts", {})
    say("  " + "  ".join(f"{column:>9}" for column in ("terms",) + TERM_COLUMNS))
    cells = [f"{terms['expected']:>9}"] + [
        _mark(f"{counts.get(c, 0):>9}", fg="red") if c in ("missing", "forbidden") and counts.get(c)
        else f"{counts.get(c, 0):>9}" for c in TERM_COLUMNS]
    say("  " + "  ".join(cells))
    for segment in terms.get("segments", []):
        for status in ("missing", "forbidden"):
            for term in segment.get(status, []):
                say(f"  {_mark(status, fg='red')} {segment['path']}: {term}")


@app.command()
@argument("source", "A French release.", type=PATH)
@click.option("--engine", default=None, help="Engine for sentences the memory lacks.")
@ENGINE_URL_OPTION
@OFFLINE_OPTION
@KIT_OPTION
def check(source: Path, engine: str | None, engine_url: str | None, offline: bool, kit_dir: Path) -> None:
    """Run the quality gate on a release's English without rendering (exit 1 when it would stop a build)."""
    from presskit.build import Options, translate_release
    from presskit.kit import load_kit

    options = Options(engine=engine, engine_url=engine_url, offline=offline)
    done = translate_release(load_kit(kit_dir), _existing(source), options)
    errors = [p for p in done.problems if p.severity == "error"]
    for problem in done.problems:
        colour = "red" if problem.severity == "error" else "yellow"
        say(f"{_mark(problem.severity, fg=colour)} {source.name} · {problem.path}: {problem.message}")
    say(f"{len(done.english.segments)} segments · {len(errors)} errors · "
        f"{len(done.problems) - len(errors)} warnings")
    if errors:
        raise click.exceptions.Exit(1)


@app.command()
@argument("source", "A French release (.txt, .md, .docx, .pdf).", type=PATH)
@click.option("--json", "as_json", is_flag=True, help="Print the document model as JSON.")
def parse(source: Path, as_json: bool) -> None:
    """Show how presskit reads a release: a tree, or the model as JSON."""
    from presskit.readers import read

    document = read(_existing(source))
    if as_json:
        import json

        from presskit.document import to_dict

        click.echo(json.dumps(to_dict(document), ensure_ascii=False, indent=2))
    else:
        from presskit.tree import render_tree

        click.echo(render_tree(document))


@app.command()
@argument("folder", "The new kit folder.", type=PATH)
def init(folder: Path) -> None:
    """Create a new kit folder with a short example release, glossary, memory and settings."""
    from presskit.scaffold import create_kit

    created = create_kit(folder)
    say(f"{_mark('✓', fg='green', bold=True)} created the kit {folder} ({len(created)} files); "
        f"try: cd {folder} && presskit build")


def _register_subcommands() -> None:
    """Attach the command groups that live in their own modules."""
    from presskit.cli_engines import engines_app
    from presskit.cli_glossary import glossary_app
    from presskit.cli_review import review_app

    app.add_command(engines_app, "engines")
    app.add_command(glossary_app, "glossary")
    app.add_command(review_app, "review")


_register_subcommands()


def _existing(path: Path) -> Path:
    """Check that a file named on the command line exists."""
    if not path.is_file():
        raise PresskitError("no such file", path=path, hint="check the name (releases live in sources/)")
    return path


def main() -> None:
    """Run the CLI; the project's errors print as one paragraph with their exit code, never a traceback."""
    try:
        code = _run_app()
    except PresskitError as error:
        print(f"error: {error}", file=sys.stderr)
        code = error.exit_code
    except click.ClickException as error:  # usage errors: click's own message
        error.show()
        code = error.exit_code
    except (KeyboardInterrupt, click.Abort):  # click turns Ctrl-C into Abort outside standalone mode
        print("interrupted: files are written whole or not at all; earlier outputs are intact",
              file=sys.stderr)
        code = INTERRUPTED
    except Exception as error:  # a bug of presskit's: say so plainly, keep the details on request
        if os.environ.get("PRESSKIT_DEBUG"):
            raise
        print(f"internal error: {type(error).__name__}: {error}\n  → this is a bug in presskit; "
              "please report it with the release file (PRESSKIT_DEBUG=1 shows the traceback)",
              file=sys.stderr)
        code = 3
    _finish(code if isinstance(code, int) else 0)


def _run_app():
    """Run the click app; return the code of a click Exit, raise the rest (early workers stopped)."""
    from presskit.render_workers import close_unused

    try:
        return app.main(standalone_mode=False)
    finally:
        close_unused()  # render workers started for a build that did not take them


def _finish(code: int) -> None:
    """End the command: run the exit handlers, flush the output, and leave at once.

    Every file is already written whole and closed; skipping the interpreter's teardown (freeing
    every object one by one) saves ~30 ms of a command that lasts a few hundred.
    """
    import atexit

    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a closed pipe or stream: nothing more can be said
            pass
    os._exit(code)


if __name__ == "__main__":
    main()
