"""Build press kits: run each release through the pipeline and write its documents and report.

Rendering goes through the pool the caller hands in (`presskit.runtime.render_pool`): the French
documents are sent as soon as the French is ready, while the English is being translated.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from presskit.document import Document
from presskit.errors import IncompleteTranslation, PresskitError
from presskit.kit.folder import Kit, slug_of
from presskit.pipeline import Context, Options, Progress, Published, Publisher
from presskit.report import build_report, write_json
from presskit.runtime.lock import build_lock
from presskit.runtime.render_pool import LANGUAGE_FORMATS, InProcessPool, Pending, RenderPool
from presskit.runtime.workers import wait_quietly


@dataclass
class Result:
    """What one release's build produced."""

    source: Path
    folder: Path
    outputs: list[Path] = field(default_factory=list)
    report: dict = field(default_factory=dict)
    complete: bool = True


def build(kit: Kit, sources: list[Path] | None = None, options: Options = Options(),
          progress: Progress = lambda message: None, pool: RenderPool | None = None) -> list[Result]:
    """Build the kit of every release in `sources` (default: all of the kit's `sources/`)."""
    releases = sources or kit.releases()
    if not releases:
        raise PresskitError("there is no release to build", path=kit.sources,
                            hint="put a French release (.txt, .md, .docx, .pdf) in sources/")
    pool = pool or InProcessPool()
    with build_lock(options.out or kit.output):
        context = Context.load(kit, options)
        results = pool.map_releases(
            lambda source, releases_pool: build_release(context, source, options, releases_pool, progress),
            releases)
    incomplete = [r for r in results if not r.complete]
    if incomplete:
        raise IncompleteTranslation(_incomplete_message(incomplete),
                                    hint="translate the missing segments (translation memory or an "
                                         "engine without --offline), or build with --draft")
    return results


def build_release(context: Context, source: Path, options: Options, pool: RenderPool,
                  progress: Progress) -> Result:
    """Build one release: its French documents render while the English is made and checked."""
    kit, slug = context.kit, slug_of(source)
    folder = (options.out or kit.output) / slug
    renders: list[Pending] = []
    french_files: list[Document] = []  # the French document as rendered

    def render_french(french: Document) -> None:
        _make_folder(folder)
        french = _with_meta(french, kit, "final", "original French text")
        french_files.append(french)
        renders.extend(_submit(pool, french, kit, folder / f"{slug}.fr", options, progress))

    try:
        published = Publisher(context, progress, french_ready=render_french).publish(source)
        status = _status(published, options)
        english = _with_meta(published.english, kit, status, _provenance(published.english))
        if status != "incomplete":
            stem = f"{slug}.en.draft" if status == "draft" else f"{slug}.en"
            renders.extend(_submit(pool, english, kit, folder / stem, options, progress))
            if options.bilingual:
                progress(f"writing {slug}.bilingual.pdf")
                renders.append(pool.submit("bilingual", (french_files[0], english), kit.theme,
                                           folder / f"{slug}.bilingual.pdf"))
        outputs = [render.result() for render in renders]
    except BaseException:
        wait_quietly(renders)
        raise
    report = build_report(source, published.french, english, published.problems, outputs, status,
                          engine=_engine_label(english), offline=options.offline)
    write_json(folder / "report.json", report)
    return Result(source, folder, outputs, report, complete=status != "incomplete")


def _status(published: Published, options: Options) -> str:
    """"draft" on request, else "final" when the gate found no error, else "incomplete"."""
    if options.draft:
        return "draft"
    return "incomplete" if published.errors else "final"


def _submit(pool: RenderPool, document: Document, kit: Kit, stem: Path, options: Options,
            progress: Progress) -> list[Pending]:
    """Send one language's documents to the pool (and its PDF/A copy on request)."""
    formats = LANGUAGE_FORMATS + (("pdfa",) if options.pdfa else ())
    pending = []
    for fmt in formats:
        path = stem.with_name(f"{stem.name}.{'pdfa.pdf' if fmt == 'pdfa' else fmt}")
        progress(f"writing {path.name}")
        pending.append(pool.submit(fmt, document, kit.theme, path))
    return pending


def _make_folder(folder: Path) -> None:
    """Create the output folder, with a clear error when it cannot be written."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise PresskitError(f"cannot create the output folder: {error.strerror}", path=folder,
                            hint="choose another folder with --out or fix its permissions") from None


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
    counts = Counter(s.origin for s in english.segments)
    parts = [f"{n} {origin.replace('engine:', 'machine translation by ')}"
             for origin, n in sorted(counts.items())]
    return "English segments: " + ", ".join(parts) if parts else "no segment"


def _engine_label(english: Document) -> str | None:
    """Return the name of the engine that translated segments, if any did."""
    return ", ".join(sorted({s.engine for s in english.segments if s.engine})) or None


def _incomplete_message(results: list[Result], shown: int = 20) -> str:
    """List what is missing in each incomplete release (the first `shown`; report.json has all)."""
    lines = ["the English kit is not complete:"]
    for result in results:
        errors = [p for p in result.report.get("problems", []) if p["severity"] == "error"]
        lines += [f"  {result.source.name} · {p.get('place') or p['path']}: {p['message']}"
                  for p in errors[:shown]]
        if len(errors) > shown:
            lines.append(f"  … and {len(errors) - shown} more in {result.folder / 'report.json'}")
    return "\n".join(lines)
