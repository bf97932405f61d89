"""Warm render workers: one forked process per format that imports its renderer ahead of need.

Importing reportlab and python-docx is a good part of a build. `presskit build` starts these workers
before it even parses its command line, so that the imports run on the second core while the first
one starts the command, reads the release and translates it. `build()` takes them with
`take_started()`, or starts its own.
"""
from __future__ import annotations

from pathlib import Path

FORMATS = ("docx", "pdf")  # one worker each, in the order a language's files are written
_started: dict | None = None


def start() -> dict | None:
    """One warm worker per format (None where workers cannot be forked)."""
    from presskit.forking import Worker, can_fork

    if not can_fork():
        return None
    warm_ups = {"docx": _import_docx, "pdf": _import_pdf}
    return {fmt: Worker(warm=warm_ups[fmt]) for fmt in FORMATS}


def start_early() -> None:
    """Start the workers now, for the `build` command about to run (`take_started` hands them over).

    The modules every process of a build needs are imported first, once, for all of them.
    """
    global _started
    import presskit.figures, presskit.inline, presskit.labels, presskit.theme  # noqa: E401, F401

    if _started is None:
        _started = start()


def take_started() -> dict | None:
    """The workers started early, now owned by the caller (None when none were)."""
    global _started
    workers, _started = _started, None
    return workers


def close(workers: dict | None) -> None:
    """Stop workers once their work is done."""
    for worker in (workers or {}).values():
        worker.close()


def close_unused() -> None:
    """Stop the early workers if no build took them (a usage error, `--help`, a batch build)."""
    close(take_started())


def prepare(workers: dict | None, theme) -> None:
    """Have each worker do the theme's set-up (styles, fonts) while it would otherwise wait."""
    for fmt, worker in (workers or {}).items():
        worker.submit(_prepare, fmt, theme)


def _prepare(fmt: str, theme) -> None:
    """Run a renderer's `prepare(theme)`; a problem is left for its render to report."""
    from importlib import import_module

    try:
        import_module(f"presskit.renderers.{fmt}").prepare(theme)
    except Exception:  # noqa: BLE001, S110 — the render that follows raises the same error, with context
        pass


def render_format(fmt: str, document, theme, path: Path, pdfa: bool) -> list[Path]:
    """Render one format (and its PDF/A copy on request); run in a worker."""
    from importlib import import_module

    written = [import_module(f"presskit.renderers.{fmt}").render(document, theme, path)]
    if pdfa and fmt == "pdf":
        from presskit.renderers.pdfa import to_pdfa

        written.append(to_pdfa(path, path.with_name(path.name[:-4] + ".pdfa.pdf"), document))
    return written


def _import_docx() -> None:
    """Load the DOCX renderer (run by its worker as it starts)."""
    import presskit.renderers.docx  # noqa: F401


def _import_pdf() -> None:
    """Load the PDF renderer (run by its worker as it starts)."""
    import presskit.renderers.pdf  # noqa: F401
