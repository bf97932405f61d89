"""Build press kits: read each release, translate it, check it, render the four documents and the report."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from presskit import labels, render_workers
from presskit.document import Document
from presskit.errors import IncompleteTranslation, PresskitError
from presskit.forking import Worker, completed, map_forked, wait_quietly
from presskit.kit import Kit, slug_of
from presskit.lock import build_lock
from presskit.memo import save_memos
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
    releases = sources or kit.releases()
    if not releases:
        raise PresskitError("there is no release to build", path=kit.sources,
                            hint="put a French release (.txt, .md, .docx, .pdf) in sources/")
    with build_lock(options.out or kit.output):
        single = len(releases) == 1
        if not single:
            render_workers.close_unused()  # a batch forks workers of its own
        renderers = _renderers() if single else None  # first: they warm up while this process reads
        try:
            from presskit.glossary import load_glossary
            from presskit.memory import TranslationMemory

            glossary = load_glossary(kit.glossary)
            memory = TranslationMemory.load(kit.glossary)
            job = (kit, options, glossary, memory, engine_factory(kit, options, glossary), progress,
                   renderers)
            results = [_build_job(job, releases[0])] if single else \
                map_forked(lambda source: _build_job(job, source), releases)
        finally:
            render_workers.close(renderers)
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
               progress: Progress, renderers: dict[str, Worker] | None = None) -> Result:
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
        wait_quietly(french_files.pending)
        raise
    result = Result(source=source, folder=folder, complete=complete, outputs=outputs)
    if complete and options.bilingual:
        from presskit.renderers.pdf_bilingual import render_bilingual

        progress(f"writing {slug}.bilingual.pdf")
        result.outputs.append(render_bilingual(french, english, kit.theme, folder / f"{slug}.bilingual.pdf"))
    result.report = build_report(source, french, english, done.problems, result.outputs, status,
                                 engine=_engine_label(english), offline=options.offline)
    write_json(folder / "report.json", result.report)
    save_memos()  # forked batch workers end without running exit handlers
    return result


def _start_render(renderers: dict[str, Worker] | None, document: Document, kit: Kit, stem: Path,
                  progress: Progress, pdfa: bool) -> "_Rendering":
    """Render one language's DOCX and PDF, each in a worker when there are workers, else here."""
    jobs = [(fmt, stem.with_name(f"{stem.name}.{fmt}")) for fmt in render_workers.FORMATS]
    if renderers is None:
        return _Rendering([completed(lambda: _render_all(document, kit, stem, progress, pdfa))])
    for _, path in jobs:
        progress(f"writing {path.name}")
    return _Rendering([renderers[fmt].submit(render_workers.render_format, fmt, document, kit.theme,
                                             path, pdfa)
                       for fmt, path in jobs])


class _Rendering:
    """Renders under way; `result()` waits for them and lists the files written."""

    def __init__(self, pending: list) -> None:
        self.pending = pending

    def result(self) -> list[Path]:
        """Wait for every render and return the paths, in order."""
        return [path for render in self.pending for path in render.result()]


def _renderers() -> dict[str, Worker] | None:
    """The warm render workers: those the command line started early, else new ones."""
    return render_workers.take_started() or render_workers.start()


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
        "file_date": labels.file_day(document.source),
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
