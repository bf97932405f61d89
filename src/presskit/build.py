"""Build press kits: read each release, translate it, check it, render the four documents and the report."""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from presskit.document import Document
from presskit.errors import IncompleteTranslation, PresskitError
from presskit.kit import Kit, slug_of
from presskit.lock import build_lock
from presskit.report import build_report, write_json

Progress = Callable[[str], None]


@dataclass(frozen=True)
class Options:
    """How to build: the engine and its address, network use, draft mode, output folder."""

    out: Path | None = None
    engine: str | None = None
    engine_url: str | None = None
    offline: bool = False
    draft: bool = False
    bilingual: bool = False
    pdfa: bool = False


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
    glossary = load_glossary(kit.glossary)
    memory = TranslationMemory.load(kit.glossary)
    engine_for = _engine_factory(kit, options, glossary)
    with build_lock(options.out or kit.output):
        job = (kit, options, glossary, memory, engine_for, progress)
        results = _build_many(job, releases) if len(releases) > 1 else [_build_job(job, releases[0])]
    incomplete = [r for r in results if not r.complete]
    if incomplete:
        raise IncompleteTranslation(_incomplete_message(incomplete),
                                    hint="translate the missing segments (translation memory or an "
                                         "engine without --offline), or build with --draft")
    return results


@dataclass(frozen=True)
class Translated:
    """A release read and translated: both documents and what the checks found."""

    french: Document
    english: Document
    problems: list


def translate_release(kit: Kit, source: Path, options: Options = Options(), *, glossary=None,
                      memory=None, engine_for=None, progress: Progress = lambda message: None
                      ) -> Translated:
    """Read one release, apply the glossary, translate it and check the English (nothing is written)."""
    from presskit.boilerplate import load_boilerplate, with_boilerplate
    from presskit.figures import extract_figures, merge_figures
    from presskit.glossary import annotate, load_glossary
    from presskit.memory import TranslationMemory
    from presskit.readers import read
    from presskit.transforms.check import check_terms, findings
    from presskit.transforms.names import about_names
    from presskit.transforms.translate import translate

    glossary = glossary if glossary is not None else load_glossary(kit.glossary)
    memory = memory if memory is not None else TranslationMemory.load(kit.glossary)
    engine_for = engine_for or _engine_factory(kit, options, glossary)
    progress(f"{source.name}: reading")
    names = [e.fr for e in glossary.entries if e.kind == "name"]
    french = merge_figures(extract_figures(read(source)), kit.figures)
    french = _with_kit_contacts(about_names(annotate(french, glossary), names), kit)
    progress(f"{source.name}: translating")
    english = check_terms(translate(french, memory, engine_for, glossary=glossary, locale=kit.locale),
                          glossary)
    problems = findings(french, english, glossary)
    library, issuers = load_boilerplate(kit.root), [o.name for o in kit.theme.organizations]
    return Translated(with_boilerplate(french, library, "fr", issuers),
                      with_boilerplate(english, library, "en", issuers), problems)


_JOB: tuple = ()  # what forked workers inherit: kit, options, glossary, memory, engine, progress
_IN_WORKER = False  # a batch worker renders its languages one after the other
_RENDER: tuple = ()  # the language a forked worker renders while its parent renders the other


def _build_many(job: tuple, releases: list[Path]) -> list[Result]:
    """Build several releases over all cores (forked workers inherit the loaded glossary and memory)."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    global _JOB
    _JOB = job
    workers = min(len(releases), os.cpu_count() or 1)
    if workers == 1 or not _can_fork():
        return [_build_job(job, source) for source in releases]
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        return list(pool.map(_build_inherited, releases))


def _build_inherited(source: Path) -> Result:
    """Build one release in a forked worker, with the job its parent prepared."""
    global _IN_WORKER
    _IN_WORKER = True
    return _build_job(_JOB, source)


def _build_job(job: tuple, source: Path) -> Result:
    """Build one release of a prepared job."""
    kit, options, glossary, memory, engine_for, progress = job
    return _build_one(kit, source, options, glossary, memory, engine_for, progress)


def _build_one(kit: Kit, source: Path, options: Options, glossary, memory, engine_for,
               progress: Progress) -> Result:
    """Read, translate, check and render one release."""
    slug = slug_of(source)
    folder = (options.out or kit.output) / slug
    done = translate_release(kit, source, options, glossary=glossary, memory=memory,
                             engine_for=engine_for, progress=progress)
    errors = [p for p in done.problems if p.severity == "error"]
    complete = not errors or options.draft
    status = "draft" if options.draft else ("final" if complete else "incomplete")
    french = _with_meta(done.french, kit, "final", "original French text")
    english = _with_meta(done.english, kit, status, _provenance(done.english))
    result = Result(source=source, folder=folder, complete=complete)
    _prepare(folder)
    jobs = [(french, folder / f"{slug}.fr")] + ([(english, folder / f"{slug}.en")] if complete else [])
    result.outputs += _render_languages(jobs, kit, progress, options.pdfa)
    if complete and options.bilingual:
        from presskit.renderers.pdf_bilingual import render_bilingual

        progress(f"writing {slug}.bilingual.pdf")
        result.outputs.append(render_bilingual(french, english, kit.theme, folder / f"{slug}.bilingual.pdf"))
    result.report = build_report(source, french, english, done.problems, result.outputs, status,
                                 engine=_engine_label(english), offline=options.offline)
    write_json(folder / "report.json", result.report)
    return result


def _prepare(folder: Path) -> None:
    """Create the output folder, with a clear error when it cannot be written."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise PresskitError(f"cannot create the output folder: {error.strerror}", path=folder,
                            hint="choose another folder with --out or fix its permissions") from None


def _render_languages(jobs: list[tuple[Document, Path]], kit: Kit, progress: Progress,
                      pdfa: bool) -> list[Path]:
    """Render each language's documents; two languages go to two cores when there are two."""
    if len(jobs) < 2 or _IN_WORKER or (os.cpu_count() or 1) < 2 or not _can_fork():
        return [path for document, stem in jobs for path in _render_all(document, kit, stem, progress, pdfa)]
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    from presskit.renderers import docx, pdf  # noqa: F401  (loaded once, before the fork)

    global _RENDER
    (first, first_stem), (second, second_stem) = jobs
    _RENDER = (first, kit, first_stem, progress, pdfa)  # inherited by the forked worker
    with ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("fork")) as pool:
        other = pool.submit(_render_inherited)
        here = _render_all(second, kit, second_stem, progress, pdfa)
        return other.result() + here


def _render_inherited() -> list[Path]:
    """Render, in a forked worker, the language its parent set aside."""
    return _render_all(*_RENDER)


def _can_fork() -> bool:
    """Tell whether worker processes can be forked here (Linux, macOS), sharing what is loaded."""
    import multiprocessing

    return "fork" in multiprocessing.get_all_start_methods()


def _render_all(document: Document, kit: Kit, stem: Path, progress: Progress,
                pdfa: bool = False) -> list[Path]:
    """Render the DOCX and the PDF of one language (and its PDF/A-2b copy on request)."""
    from presskit.renderers import docx, pdf

    written = []
    for module, suffix in ((docx, ".docx"), (pdf, ".pdf")):
        path = stem.with_name(stem.name + suffix)
        progress(f"writing {path.name}")
        written.append(module.render(document, kit.theme, path))
    if pdfa:
        from presskit.renderers.pdfa import to_pdfa

        archival = stem.with_name(stem.name + ".pdfa.pdf")
        progress(f"writing {archival.name}")
        written.append(to_pdfa(written[-1], archival, document))
    return written


CACHE = Path(".presskit-cache") / "translations.sqlite"


def _engine_factory(kit: Kit, options: Options, glossary=None) -> Callable[[], object | None]:
    """Return a function that makes the engine on first need (so a build from memory sends nothing).

    The engine gets the glossary's terms where it takes them (DeepL) and a cache in the kit, so
    building the same release twice sends nothing the second time.
    """
    offline = options.offline or kit.offline_only
    name = options.engine or kit.engine
    made: dict[str, object | None] = {}
    if offline and options.engine is not None:
        from presskit.engines import get_engine

        get_engine(name, url=options.engine_url, offline=True)  # refuse a network engine at once

    def engine_for():
        if "engine" not in made:
            made["engine"] = None if offline and options.engine is None else \
                _make_engine(kit, name, options.engine_url, offline, glossary)
        return made["engine"]

    return engine_for


def _make_engine(kit: Kit, name: str, url: str | None, offline: bool, glossary):
    """The named engine, given the glossary's terms where it takes them, behind the kit's cache."""
    from presskit.engines import CachedEngine, apply_terms, get_engine

    pairs = [(e.fr, e.en) for e in glossary.entries if e.kind == "term"] if glossary else []
    engine = apply_terms(get_engine(name, url=url, offline=offline), pairs)
    return CachedEngine(engine, kit.root / CACHE, glossary_version(kit))


def glossary_version(kit: Kit) -> str:
    """A fingerprint of the glossary files: a cached translation is reused only under the same one."""
    import hashlib

    from presskit import __version__

    digest = hashlib.sha256(__version__.encode())
    for path in sorted(kit.glossary.glob("*.csv")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


def _with_kit_contacts(document: Document, kit: Kit) -> Document:
    """Add the kit's press contacts when the release names none."""
    if document.contacts or not kit.contacts:
        return document
    return document.evolve(contacts=kit.contacts)


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
