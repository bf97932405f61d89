"""Build press kits: read each release, translate it, check it, render the four documents and the report."""
from __future__ import annotations

from concurrent.futures import Future
from dataclasses import dataclass, field
from pathlib import Path

from presskit.document import Document
from presskit.errors import IncompleteTranslation, PresskitError
from presskit.forking import Workers, can_fork, completed, map_forked, wait_quietly
from presskit.kit import Kit, slug_of
from presskit.lock import build_lock
from presskit.pipeline import (  # noqa: F401  (Translated, translate_release: part of build's API)
    Options,
    Progress,
    Translated,
    engine_factory,
    prepare_french,
    translate_french,
    translate_release,
    with_library_about,
)
from presskit.report import build_report, write_json


@dataclass
class Result:
    """What one release's build produced."""

    source: Path
    folder: Path
    outputs: list[Path] = field(default_factory=list)
    report: dict = field(default_factory=dict)
    complete: bool = True


def build(kit: Kit, sources: list[Path] | None = None, options: Options = Options(),
          progress: Progress = lambda message: None) -> list[Result]:
    """Build the kit of every release in `sources` (default: all of the kit's `sources/`)."""
    from presskit.glossary import load_glossary
    from presskit.memory import TranslationMemory

    releases = sources or kit.releases()
    if not releases:
        raise PresskitError("there is no release to build", path=kit.sources,
                            hint="put a French release (.txt, .md, .docx, .pdf) in sources/")
    with build_lock(options.out or kit.output):
        single = len(releases) == 1
        renderers = _render_workers() if single and can_fork() else None
        try:
            glossary = load_glossary(kit.glossary)
            memory = TranslationMemory.load(kit.glossary)
            job = (kit, options, glossary, memory, engine_factory(kit, options, glossary), progress,
                   renderers)
            results = [_build_job(job, releases[0])] if single else \
                map_forked(lambda source: _build_job(job, source), releases)
        finally:
            for workers in (renderers or {}).values():
                workers.close()
    incomplete = [r for r in results if not r.complete]
    if incomplete:
        raise IncompleteTranslation(_incomplete_message(incomplete),
                                    hint="translate the missing segments (translation memory or an "
                                         "engine without --offline), or build with --draft")
    return results


def _build_job(job: tuple, source: Path) -> Result:
    """Build one release of a prepared job."""
    kit, options, glossary, memory, engine_for, progress, renderers = job
    return _build_one(kit, source, options, glossary, memory, engine_for, progress, renderers)


def _build_one(kit: Kit, source: Path, options: Options, glossary, memory, engine_for,
               progress: Progress, renderers: dict[str, Workers] | None = None) -> Result:
    """Read one release; render its French in a worker while this process translates it."""
    slug = slug_of(source)
    folder = (options.out or kit.output) / slug
    release = prepare_french(kit, source, glossary, progress)
    _prepare(folder)
    french = _with_meta(with_library_about(release, kit), kit, "final", "original French text")
    french_files = _start_render(renderers, french, kit, folder / f"{slug}.fr", progress, options.pdfa)
    try:
        done = translate_french(kit, release, glossary, memory, engine_for, progress)
        errors = [p for p in done.problems if p.severity == "error"]
        complete = not errors or options.draft
        status = "draft" if options.draft else ("final" if complete else "incomplete")
        english = _with_meta(done.english, kit, status, _provenance(done.english))
        english_files = _start_render(renderers, english, kit, folder / f"{slug}.en", progress,
                                      options.pdfa) if complete else None
        outputs = french_files.result() + (english_files.result() if english_files else [])
    except BaseException:
        wait_quietly(french_files.futures)
        raise
    result = Result(source=source, folder=folder, complete=complete, outputs=outputs)
    if complete and options.bilingual:
        from presskit.renderers.pdf_bilingual import render_bilingual

        progress(f"writing {slug}.bilingual.pdf")
        result.outputs.append(render_bilingual(french, english, kit.theme, folder / f"{slug}.bilingual.pdf"))
    result.report = build_report(source, french, english, done.problems, result.outputs, status,
                                 engine=_engine_label(english), offline=options.offline)
    write_json(folder / "report.json", result.report)
    return result


def _start_render(renderers: dict[str, Workers] | None, document: Document, kit: Kit, stem: Path,
                  progress: Progress, pdfa: bool) -> "_Rendering":
    """Render one language's DOCX and PDF, each in a worker when there are workers, else here."""
    jobs = [(fmt, stem.with_name(f"{stem.name}.{fmt}")) for fmt in ("docx", "pdf")]
    if renderers is None:
        return _Rendering([completed(lambda: _render_all(document, kit, stem, progress, pdfa))])
    for _, path in jobs:
        progress(f"writing {path.name}")
    return _Rendering([renderers[fmt].submit(_render_format, fmt, document, kit.theme, path, pdfa)
                       for fmt, path in jobs])


class _Rendering:
    """Renders under way; `result()` waits for them and lists the files written."""

    def __init__(self, futures: list[Future]) -> None:
        self.futures = futures

    def result(self) -> list[Path]:
        """Wait for every render and return the paths, in order."""
        return [path for future in self.futures for path in future.result()]


def _render_format(fmt: str, document: Document, theme, path: Path, pdfa: bool) -> list[Path]:
    """Render one format in a worker (and its PDF/A copy on request)."""
    from importlib import import_module

    written = [import_module(f"presskit.renderers.{fmt}").render(document, theme, path)]
    if pdfa and fmt == "pdf":
        from presskit.renderers.pdfa import to_pdfa

        written.append(to_pdfa(path, path.with_name(path.name[:-4] + ".pdfa.pdf"), document))
    return written


def _render_workers() -> dict[str, Workers]:
    """One warm worker per format: each loads only its own renderer while this process reads."""
    return {"docx": Workers(1, warm=_import_docx), "pdf": Workers(1, warm=_import_pdf)}


def _import_docx() -> None:
    """Load the DOCX renderer (run by its worker as it starts)."""
    import presskit.renderers.docx  # noqa: F401


def _import_pdf() -> None:
    """Load the PDF renderer (run by its worker as it starts)."""
    import presskit.renderers.pdf  # noqa: F401


def _prepare(folder: Path) -> None:
    """Create the output folder, with a clear error when it cannot be written."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise PresskitError(f"cannot create the output folder: {error.strerror}", path=folder,
                            hint="choose another folder with --out or fix its permissions") from None


def _render_all(document: Document, kit: Kit, stem: Path, progress: Progress | None,
                pdfa: bool = False) -> list[Path]:
    """Render the DOCX and the PDF of one language (and its PDF/A-2b copy on request)."""
    from presskit.renderers import docx, pdf

    written = []
    for module, suffix in ((docx, ".docx"), (pdf, ".pdf")):
        path = stem.with_name(stem.name + suffix)
        if progress:
            progress(f"writing {path.name}")
        written.append(module.render(document, kit.theme, path))
    if pdfa:
        from presskit.renderers.pdfa import to_pdfa

        archival = stem.with_name(stem.name + ".pdfa.pdf")
        if progress:
            progress(f"writing {archival.name}")
        written.append(to_pdfa(written[-1], archival, document))
    return written


def _with_meta(document: Document, kit: Kit, status: str, provenance: str) -> Document:
    """Attach the metadata the renderers put in the files."""
    authors = [o.name for o in kit.theme.organizations] or [a.organization for a in document.about]
    meta = {
        "author": ", ".join(authors) or kit.theme.name,
        "status": status,
        "provenance": provenance,
        "date": document.dateline.date if document.dateline else "",
        "keywords": ", ".join(dict.fromkeys(u.en if document.lang == "en" else u.fr
                                            for u in document.terms if u.kind == "term")),
    }
    return document.evolve(meta=tuple(meta.items()))


def _provenance(english: Document) -> str:
    """Say in one line where the English segments came from."""
    from collections import Counter

    counts = Counter(s.origin for s in english.segments)
    parts = [f"{n} {origin.replace('engine:', 'machine translation by ')}"
             for origin, n in sorted(counts.items())]
    return "English segments: " + ", ".join(parts) if parts else "no segment"


def _engine_label(english: Document) -> str | None:
    """Return the name of the engine that translated segments, if any did."""
    engines = {s.origin.split(":", 1)[1] for s in english.segments if s.origin.startswith("engine:")}
    return ", ".join(sorted(engines)) or None


def _incomplete_message(results: list[Result], shown: int = 20) -> str:
    """List what is missing in each incomplete release (the first `shown`; report.json has all)."""
    lines = ["the English kit is not complete:"]
    for result in results:
        errors = [p for p in result.report.get("problems", []) if p["severity"] == "error"]
        lines += [f"  {result.source.name} · {p['path']}: {p['message']}" for p in errors[:shown]]
        if len(errors) > shown:
            lines.append(f"  … and {len(errors) - shown} more in {result.folder / 'report.json'}")
    return "\n".join(lines)
