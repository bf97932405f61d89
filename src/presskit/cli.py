"""The `presskit` command: parses options and calls the library (one function per command)."""
from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import List, Optional

import typer

from presskit.errors import PresskitError

INTERRUPTED = 130  # the shell's code for Ctrl-C
SHOWN_PROBLEMS = 10  # the terminal shows this many; report.json has them all
app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
                  help="Turn a French press release into a branded, bilingual press kit (DOCX + PDF).")


def _stderr():
    """Return a rich console on standard error (imported only when a command prints)."""
    from rich.console import Console

    return Console(stderr=True, highlight=False, soft_wrap=True)


@app.command()
def build(
    sources: List[Path] = typer.Argument(None, help="Releases to build (default: every file in sources/)."),
    out: Optional[Path] = typer.Option(None, "--out", help="Output folder (default: output/)."),
    engine: Optional[str] = typer.Option(None, "--engine", help="Machine-translation engine: google "
                                         "(default), deepl, microsoft, mymemory, libre, fake."),
    engine_url: Optional[str] = typer.Option(None, "--engine-url", help="Address of a LibreTranslate server."),
    offline: bool = typer.Option(False, "--offline", help="Send nothing over the network."),
    draft: bool = typer.Option(False, "--draft", help="Build even with untranslated segments, marked as a draft."),
    bilingual: bool = typer.Option(False, "--bilingual", help="Also write French and English side by side in one PDF."),
    pdfa: bool = typer.Option(False, "--pdfa", help="Also write PDF/A-2b copies of the PDFs, for archives."),
    kit_dir: Path = typer.Option(Path("."), "--kit", help="The kit folder (default: the current folder)."),
) -> None:
    """Build the French and English DOCX and PDF of each release, with report.json."""
    from presskit.build import Options
    from presskit.build import build as build_kit
    from presskit.kit import load_kit

    console = _stderr()
    kit = load_kit(kit_dir)
    options = Options(out=out, engine=engine, engine_url=engine_url, offline=offline, draft=draft,
                      bilingual=bilingual, pdfa=pdfa)
    results = build_kit(kit, [_existing(p) for p in sources or []] or None, options,
                        progress=lambda message: console.print(f"[dim]·[/dim] {message}"))
    for result in results:
        _summary(console, result)


def _summary(console, result) -> None:
    """Print one release's outcome: files written and where the English came from."""
    report = result.report
    segments, terms = report["segments"], report["terms"]
    engines = ", ".join(f"{n} by {name}" for name, n in segments["engines"].items()) or "none by engine"
    console.print(f"[bold green]✓[/bold green] {result.source.name} → {result.folder} "
                  f"({report['status']})")
    console.print(f"  segments: {segments['memory']} from memory, {engines}, "
                  f"{segments['untranslated']} untranslated · terms: {terms['found']}/{terms['expected']}")
    problems = report["problems"]
    for problem in problems[:SHOWN_PROBLEMS]:
        console.print(f"  [yellow]{problem['severity']}[/yellow] {problem['path']}: {problem['message']}",
                      markup=True, highlight=False, soft_wrap=True)
    if len(problems) > SHOWN_PROBLEMS:
        console.print(f"  … and {len(problems) - SHOWN_PROBLEMS} more in {result.folder / 'report.json'}")


@app.command()
def check(
    source: Path = typer.Argument(..., help="A French release."),
    engine: Optional[str] = typer.Option(None, "--engine", help="Engine for sentences the memory lacks."),
    engine_url: Optional[str] = typer.Option(None, "--engine-url", help="Address of a LibreTranslate server."),
    offline: bool = typer.Option(False, "--offline", help="Send nothing over the network."),
    kit_dir: Path = typer.Option(Path("."), "--kit", help="The kit folder (default: the current folder)."),
) -> None:
    """Run the quality gate on a release's English without rendering (exit 1 when it would stop a build)."""
    from presskit.build import Options, translate_release
    from presskit.kit import load_kit

    console = _stderr()
    options = Options(engine=engine, engine_url=engine_url, offline=offline)
    done = translate_release(load_kit(kit_dir), _existing(source), options)
    errors = [p for p in done.problems if p.severity == "error"]
    for problem in done.problems:
        colour = "red" if problem.severity == "error" else "yellow"
        console.print(f"[{colour}]{problem.severity}[/{colour}] {source.name} · {problem.path}: "
                      f"{problem.message}", highlight=False, soft_wrap=True)
    console.print(f"{len(done.english.segments)} segments · {len(errors)} errors · "
                  f"{len(done.problems) - len(errors)} warnings")
    if errors:
        raise typer.Exit(1)


@app.command()
def parse(
    source: Path = typer.Argument(..., help="A French release (.txt, .md, .docx, .pdf)."),
    as_json: bool = typer.Option(False, "--json", help="Print the document model as JSON."),
) -> None:
    """Show how presskit reads a release: a tree, or the model as JSON."""
    from presskit.readers import read

    document = read(_existing(source))
    if as_json:
        import json

        from presskit.document import to_dict

        typer.echo(json.dumps(to_dict(document), ensure_ascii=False, indent=2))
    else:
        from presskit.tree import render_tree

        typer.echo(render_tree(document))


@app.command()
def init(folder: Path = typer.Argument(..., help="The new kit folder.")) -> None:
    """Create a new kit folder with a short example release, glossary, memory and settings."""
    from presskit.scaffold import create_kit

    created = create_kit(folder)
    _stderr().print(f"[bold green]✓[/bold green] created the kit {folder} ({len(created)} files); "
                    f"try: cd {folder} && presskit build")


def _register_subcommands() -> None:
    """Attach the command groups that live in their own modules."""
    from presskit.cli_engines import engines_app
    from presskit.cli_glossary import glossary_app
    from presskit.cli_review import review_app

    app.add_typer(engines_app, name="engines")
    app.add_typer(glossary_app, name="glossary")
    app.add_typer(review_app, name="review")


_register_subcommands()


def _existing(path: Path) -> Path:
    """Check that a file named on the command line exists."""
    if not path.is_file():
        raise PresskitError("no such file", path=path, hint="check the name (releases live in sources/)")
    return path


def main() -> None:
    """Run the CLI; the project's errors print as one paragraph with their exit code, never a traceback."""
    from typer._click.exceptions import ClickException

    try:
        code = app(standalone_mode=False)  # typer turns Ctrl-C into a silent exit code 130
        if code == INTERRUPTED:
            raise KeyboardInterrupt
    except PresskitError as error:
        print(f"error: {error}", file=sys.stderr)
        code = error.exit_code
    except ClickException as error:  # usage errors: click's own message
        error.show()
        code = error.exit_code
    except (KeyboardInterrupt, typer.Abort):
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
    sys.exit(code if isinstance(code, int) else 0)


if __name__ == "__main__":
    main()
