"""The `presskit` command: parses options and calls the library (one function per command)."""
from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import List, Optional

import typer

from presskit.errors import PresskitError

app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
                  help="Turn a French press release into a branded, bilingual press kit (DOCX + PDF).")


def _stderr():
    """Return a rich console on standard error (imported only when a command prints)."""
    from rich.console import Console

    return Console(stderr=True, highlight=False)


@app.command()
def build(
    sources: List[Path] = typer.Argument(None, help="Releases to build (default: every file in sources/)."),
    out: Optional[Path] = typer.Option(None, "--out", help="Output folder (default: output/)."),
    engine: Optional[str] = typer.Option(None, "--engine", help="Machine-translation engine: google "
                                         "(default), deepl, microsoft, mymemory, libre, fake."),
    engine_url: Optional[str] = typer.Option(None, "--engine-url", help="Address of a LibreTranslate server."),
    offline: bool = typer.Option(False, "--offline", help="Send nothing over the network."),
    draft: bool = typer.Option(False, "--draft", help="Build even with untranslated segments, marked as a draft."),
    kit_dir: Path = typer.Option(Path("."), "--kit", help="The kit folder (default: the current folder)."),
) -> None:
    """Build the French and English DOCX and PDF of each release, with report.json."""
    from presskit.build import Options
    from presskit.build import build as build_kit
    from presskit.kit import load_kit

    console = _stderr()
    kit = load_kit(kit_dir)
    options = Options(out=out, engine=engine, engine_url=engine_url, offline=offline, draft=draft)
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
    for problem in report["problems"]:
        console.print(f"  [yellow]{problem['severity']}[/yellow] {problem['path']}: {problem['message']}")


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
    from presskit.cli_glossary import glossary_app

    app.add_typer(glossary_app, name="glossary")


_register_subcommands()


def _existing(path: Path) -> Path:
    """Check that a file named on the command line exists."""
    if not path.is_file():
        raise PresskitError("no such file", path=path, hint="check the name (releases live in sources/)")
    return path


def main() -> None:
    """Run the CLI; the project's errors print as one paragraph with their exit code, never a traceback."""
    try:
        app()
    except PresskitError as error:
        print(f"error: {error}", file=sys.stderr)
        sys.exit(error.exit_code)
    except KeyboardInterrupt:
        print("interrupted: nothing half-written was left in place", file=sys.stderr)
        sys.exit(130)
    except Exception as error:  # a bug of presskit's: say so plainly, keep the details on request
        if os.environ.get("PRESSKIT_DEBUG"):
            raise
        print(f"internal error: {type(error).__name__}: {error}\n  → this is a bug in presskit; "
              "please report it with the release file (PRESSKIT_DEBUG=1 shows the traceback)",
              file=sys.stderr)
        sys.exit(3)


if __name__ == "__main__":
    main()
