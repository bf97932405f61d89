"""Rendering behind one function, `render(format, document, theme, path)`, and the pools that run it.

A pool is handed to `presskit.build.build` by its caller: `ForkedPool` sends each render to a warm
worker process, one per renderer, which imported its format library ahead of need (the command
line forks them before it even parses its options: `presskit.runtime.startup`); `InProcessPool`
renders here. The build sees only `submit(format, document, theme, path)` and `map_releases`.
"""
from __future__ import annotations

from functools import partial
from importlib import import_module
from pathlib import Path
from typing import Callable, Protocol, TypeVar

from presskit.runtime.workers import Worker, can_fork, collect_cycles, completed, map_forked

T = TypeVar("T")
R = TypeVar("R")
LANGUAGE_FORMATS = ("docx", "pdf")  # the documents of each language, in the order they are written
RENDERERS = {  # format → (renderer module, function(document(s), theme, path, **options))
    "docx": ("presskit.renderers.docx.writer", "render"),
    "pdf": ("presskit.renderers.pdf.writer", "render"),
    "pdfa": ("presskit.renderers.pdf.pdfa", "render_pdfa"),
    "bilingual": ("presskit.renderers.pdf.bilingual", "render_bilingual"),  # document: a (French, English) pair
    "bilingual-pdfa": ("presskit.renderers.pdf.pdfa", "render_bilingual_pdfa"),  # document: the same pair
    "web": ("presskit.renderers.web", "render_pages"),  # document: a pair; path: the release's folder
    "web-sizes": ("presskit.renderers.web", "fill_sizes"),  # no document; path: the release's folder
    "card": ("presskit.renderers.web.card", "render_release_card"),  # path: the release's folder
    "email": ("presskit.renderers.email", "render_email"),
    "wire": ("presskit.renderers.wire", "render"),
    "index": ("presskit.renderers.web", "render_kit_index"),  # no document; path: the site's root
}
# one worker per format library: the PDF in one (reportlab), the DOCX in the other (lxml; python-docx
# only makes the styled template, kept in the cache), which also draws the social cards (Pillow, which
# its chart needs too) and writes the e-mails, pages and index (Jinja2): the DOCX takes it little time,
# and the French e-mail goes while the main process makes the English. The wire copy (Babel, already
# loaded for the English) is written in the main process (None).
WORKER_OF: dict[str, str | None] = {
    "docx": "docx", "pdf": "pdf", "pdfa": "pdf", "bilingual": "pdf", "bilingual-pdfa": "pdf",
    "card": "docx", "web": "docx", "web-sizes": "docx", "email": "docx", "wire": None, "index": "docx"}
WARM_UP = {"docx": ("presskit.renderers.docx.writer", "presskit.renderers.web.card"),
           "pdf": ("presskit.renderers.pdf.writer",)}
# what of a theme each worker's renderers can load before the first document comes (module: prepare(theme))
PREPARE = {"docx": (), "pdf": ("presskit.renderers.pdf.writer",)}
# what the main process and both workers load first: imported once, before the fork (the model's
# dataclasses cost ~12 ms a process to make; more modules would keep the second core idle longer
# than they save)
SHARED = ("presskit.kit.theme", "presskit.document")
_started: dict[str, Worker] | None = None


def render(format: str, document, theme, path: Path, **options) -> Path | list[Path]:
    """Render `document` (a pair for "bilingual" and "web", None for "index") in `format` at `path`.

    The renderer is loaded by name; `options` are its own (the web pages' time and address...).
    """
    module, function = RENDERERS[format]
    documents = document if isinstance(document, tuple) else () if document is None else (document,)
    return getattr(import_module(module), function)(*documents, theme, path, **options)


def warm_up(worker: str) -> None:
    """Import the renderers a worker runs (its first task, while the main process reads the release)."""
    for module in WARM_UP[worker]:
        import_module(module)


def prepare(worker: str, theme) -> None:
    """Load what the worker's renderers need of `theme` (the PDF's fonts), ahead of its first document.

    A problem (an unreadable font) is left for that document's render to report, in its place.
    """
    for module in PREPARE[worker]:
        try:
            import_module(module).prepare(theme)
        except Exception:  # noqa: BLE001 — the render that needs it says what is wrong
            pass


class Pending(Protocol):
    """A render under way: `result()` waits for it and returns the path written, or raises."""

    def result(self) -> Path | list[Path]:
        """Wait for the render; return the path(s) written, or raise its error."""


class RenderPool(Protocol):
    """Where renders run."""

    def submit(self, format: str, document, theme, path: Path, **options) -> Pending:
        """Start rendering `document` in `format` at `path`."""

    def prepare(self, theme) -> None:
        """Let the renderers load what they need of `theme` before the first document comes."""

    def map_releases(self, work: Callable[[T, "RenderPool"], R], items: list[T]) -> list[R]:
        """Do `work(item, pool)` for every release, in order of `items`."""

    def close(self) -> None:
        """Stop whatever renders once its work is done."""


class InProcessPool:
    """Renders in this process, one after the other; releases one after the other."""

    def submit(self, format: str, document, theme, path: Path, **options) -> Pending:
        """Render now; an error comes out of `result()`."""
        return completed(lambda: render(format, document, theme, path, **options))

    def prepare(self, theme) -> None:
        """Nothing ahead: here, the first render loads what it needs."""

    def map_releases(self, work: Callable[[T, RenderPool], R], items: list[T]) -> list[R]:
        """Do `work(item, self)` for each item, in order (a batch with the cycle collector on)."""
        if len(items) > 1:
            collect_cycles()
        return [work(item, self) for item in items]

    def close(self) -> None:
        """Nothing to stop."""


class ForkedPool:
    """Renders in warm worker processes, one per renderer library; a batch of releases over all cores."""

    def __init__(self, workers: dict[str, Worker]) -> None:
        self.workers = workers

    def submit(self, format: str, document, theme, path: Path, **options) -> Pending:
        """Send the render to its library's worker (render here for the main process's formats, or once
        the workers are closed)."""
        worker = WORKER_OF[format]
        if not self.workers or worker is None:
            return InProcessPool().submit(format, document, theme, path, **options)
        return self.workers[worker].submit(partial(render, **options), format, document, theme, path)

    def prepare(self, theme) -> None:
        """Have each worker load what its renderers need of `theme` while the French is being made."""
        for name, worker in self.workers.items():
            if PREPARE[name]:
                worker.submit(prepare, name, theme)

    def map_releases(self, work: Callable[[T, RenderPool], R], items: list[T]) -> list[R]:
        """One release: `work(item, self)`; several: one forked process per core, each rendering itself."""
        if len(items) == 1:
            return [work(items[0], self)]
        self.close()
        return map_forked(lambda item: work(item, InProcessPool()), items)

    def close(self) -> None:
        """Stop the workers once their work is done (all told at once: they wind down side by side)."""
        for worker in self.workers.values():
            worker.stop()
        for worker in self.workers.values():
            worker.wait()
        self.workers = {}


def open_pool() -> RenderPool:
    """The warm workers started early (`start_early`), else new ones, else rendering in this process."""
    global _started
    workers, _started = _started, None
    workers = workers or _start_workers()
    return ForkedPool(workers) if workers else InProcessPool()


def start_early() -> None:
    """Fork the render workers now, for the build about to run (`open_pool` hands them over).

    The modules every process of a build needs are imported first, once, for all of them.
    """
    global _started
    for module in SHARED:
        import_module(module)
    if _started is None:
        _started = _start_workers()


def close_unused() -> None:
    """Stop the early workers if no build took them (a usage error, `--help`)."""
    global _started
    for worker in (_started or {}).values():
        worker.close()
    _started = None


def _start_workers() -> dict[str, Worker] | None:
    """One warm worker per renderer library (None where workers cannot be forked)."""
    if not can_fork():
        return None
    return {name: Worker(warm=partial(warm_up, name)) for name in WARM_UP}
