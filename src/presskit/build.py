"""Build press kits: run each release through the pipeline and write its documents and report.

Rendering goes through the pool the caller hands in (`presskit.runtime.render_pool`): the French
documents are sent as soon as the French is ready, while the English is being translated.

Kits are swapped in whole (`presskit.runtime.staging`): every output of a release (documents,
report, any other format) is written into its staging folder, `build_release`'s `folder`; once every
release of the build is done, each staging folder replaces its kit folder. On any failure, nothing
is swapped and every earlier kit stays byte for byte.
"""
from __future__ import annotations

import os
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

from presskit.document import Document
from presskit.errors import IncompleteTranslation, PresskitError
from presskit.kit.folder import Kit, slug_of
from presskit.pipeline import Context, Options, Progress, Published, Publisher, check_options
from presskit.report import build_report, write_json
from presskit.runtime import staging
from presskit.runtime.atomic import make_folder
from presskit.runtime.lock import build_lock
from presskit.runtime.render_pool import LANGUAGE_FORMATS, InProcessPool, Pending, RenderPool
from presskit.runtime.workers import wait_quietly
from presskit.typesetting import labels


@dataclass
class Result:
    """What one release's build produced."""

    source: Path
    folder: Path  # the kit folder (output/<slug>)
    outputs: list[Path] = field(default_factory=list)  # as they are once swapped in
    press: list[Path] = field(default_factory=list)  # web pages, e-mails, wire copy (swapped in too)
    report: dict = field(default_factory=dict)
    complete: bool = True
    staging: Path | None = None  # where they were written


def build(kit: Kit, sources: list[Path] | None = None, options: Options = Options(),
          progress: Progress = lambda message: None, pool: RenderPool | None = None) -> list[Result]:
    """Build the kit of every release in `sources` (default: all of the kit's `sources/`)."""
    check_options(kit, options)  # a wrong engine or address stops the build before any file
    releases = sources or kit.releases()
    if not releases:
        raise PresskitError("there is no release to build", path=kit.sources,
                            hint="put a French release (.txt, .md, .docx, .pdf) in sources/")
    pool = pool or InProcessPool()
    out, token = options.out or kit.output, os.getpid()
    slugs = unique_slugs(releases, token)
    if options.out is None:  # --out is the user's own choice; the kit's output/ is no link out
        staging.refuse_link(out, "output folder")
    with build_lock(out):
        staging.discard(out)
        if len(releases) == 1:  # a batch forks a process per core instead of using the workers
            pool.prepare(kit.theme)  # they load the brand's fonts while the release is read
        context = Context.load(kit, options)
        try:
            results = pool.map_releases(
                lambda source, releases_pool: build_release(
                    context, source, options, releases_pool, progress,
                    folder=staging.staging_of(out, slugs[source], token)),
                releases)
            for result in results:
                if result.staging is not None:
                    staging.swap_in(result.staging, result.folder, result.report["kit"]["kept"])
        finally:
            staging.discard(out)
        pool.submit("index", None, kit.theme, out, now=_now(options), base_url=kit.base_url).result()
    incomplete = [r for r in results if not r.complete]
    if incomplete:
        raise IncompleteTranslation(_incomplete_message(incomplete),
                                    hint="translate the missing segments (translation memory or an "
                                         "engine without --offline), or build with --draft")
    return results


def unique_slugs(releases: list[Path], token: int = 0) -> dict[Path, str]:
    """Each release's slug, refused before anything is written when two share one or it is too long."""
    slugs: dict[Path, str] = {}
    owners: dict[str, Path] = {}
    for source in releases:
        slug = slug_of(source)
        if slug in owners:
            raise PresskitError(f"{owners[slug].name} and {source.name} would both be built into "
                                f"output/{slug}/", path=source,
                                hint="rename one of them (or build them one at a time with --out)")
        name = staging.longest_name(slug, token)
        if len(name.encode("utf-8")) > _name_max(source):
            raise PresskitError(f"this file name is too long to name its kit ({len(slug)} characters "
                                f"give {name[:40]}…, over the filesystem's limit)", path=source,
                                hint="rename the release with a shorter name (under 200 characters)")
        owners[slug], slugs[source] = source, slug
    return slugs


def _name_max(source: Path) -> int:
    """The longest file name the filesystem allows (255 bytes where it cannot be asked)."""
    try:
        return os.pathconf(source.parent if source.parent.exists() else ".", "PC_NAME_MAX")
    except (OSError, ValueError):
        return 255


def build_release(context: Context, source: Path, options: Options, pool: RenderPool,
                  progress: Progress, folder: Path | None = None) -> Result:
    """Build one release into `folder` (its staging folder: the one place every output is written).

    Its French documents render while the English is made and checked. Without `folder`, the
    outputs go to the kit folder itself (output/<slug>).
    """
    kit, slug = context.kit, slug_of(source)
    final = (options.out or kit.output) / slug
    folder = folder or final
    renders: list[Pending] = []
    expected: list[Path] = []  # the files `renders` write, in their order
    french_files: list[Document] = []  # the French document as rendered
    press: list[Pending] = []  # the web pages, e-mails, wire copy and social cards
    now = _now(options)

    def render_french(french: Document) -> None:
        if folder == final:
            make_folder(folder)
        else:
            staging.fresh_folder(folder)
        french = _with_meta(french, kit, "final", "original French text")
        french_files.append(french)
        renders.extend(_submit(pool, french, kit, folder / f"{slug}.fr", options, progress, expected))
        press.append(pool.submit("card", french, kit.theme, folder))  # made while the English is:
        if not options.attach:  # the social card, and the e-mail when it has no attachment
            press.append(_submit_email(pool, french, kit, slug, folder, [], now))

    try:
        published = Publisher(context, progress, french_ready=render_french).publish(source)
        status = _status(published, options)
        english = _with_meta(published.english, kit, status, _provenance(published.english))
        if status != "incomplete":
            stem = f"{slug}.en.draft" if status == "draft" else f"{slug}.en"
            renders.extend(_submit(pool, english, kit, folder / stem, options, progress, expected))
            if options.bilingual:
                renders.extend(_submit_bilingual(pool, (french_files[0], english), kit, folder / slug, options,
                                                 progress, expected))
        documents = (french_files[0], english)
        sizes_later = os.urandom(8).hex()  # marks the pages' download sizes until the documents are written
        if status != "incomplete":  # made while the documents are written: the social card, the messages
            press.append(pool.submit("card", english, kit.theme, folder))  # without attachments, the pages
            if not options.attach:
                press += _submit_messages(pool, documents[1:], kit, slug, folder, options, [], progress, now)
            press += _submit_pages(pool, documents, kit, slug, folder, options, expected, sizes_later)
        outputs = [path for render in renders for path in _paths(render.result())]
        if status != "incomplete" and options.attach:  # the messages that carry the documents
            press += _submit_messages(pool, documents, kit, slug, folder, options, outputs, progress, now)
        written = [path.relative_to(folder) for render in press for path in _paths(render.result())]
        if status != "incomplete":  # all written: the pages' sizes, and the site's assets (outside the staging)
            pool.submit("web-sizes", None, kit.theme, folder, files=tuple(expected), sizes_later=sizes_later,
                        site=options.out or kit.output).result()
        if status == "incomplete":  # no press output for a kit without its English: the French ones go too
            written = _removed(folder, written)
    except BaseException:
        wait_quietly(renders + press)
        raise
    outputs = [final / path.name for path in outputs]
    report = build_report(source, published.french, english, published.problems, outputs, status,
                          engine=_engine_label(english), offline=options.offline)
    report["press"] = [str(final / p) for p in written]  # web pages, e-mails, wire copy
    names = [p.name for p in outputs] + [str(p) for p in written] + ["report.json"]
    report["kit"] = _kit_changes(final, names, status)
    write_json(folder / "report.json", report)
    return Result(source, final, outputs, [final / p for p in written], report, complete=status != "incomplete",
                  staging=folder if folder != final else None)


def _kit_changes(final: Path, names: list[str], status: str) -> dict[str, object]:
    """What this build does to the kit folder, for the report (files new, replaced, removed)."""
    done: dict[str, object] = dict(staging.changes(final, names))
    if status == "incomplete" and done["removed"]:
        done["note"] = ("the English is incomplete: the earlier English files were removed so that "
                        "no older English stands beside this French")
    return done


def _submit_messages(pool: RenderPool, documents: tuple[Document, ...], kit: Kit, slug: str, folder: Path,
                     options: Options, outputs: list[Path], progress: Progress, now: datetime) -> list[Pending]:
    """Send the e-mail of each of `documents` (its PDF attached when `outputs` hold it) and the English
    wire copy to the pool."""
    progress(f"writing the e-mails and wire copy of {slug}")
    pending = [_submit_email(pool, document, kit, slug, folder, outputs, now) for document in documents]
    english = documents[-1]
    pending.append(pool.submit("wire", english, kit.theme, folder / f"{slug}.en.txt", locale=kit.locale,
                               end_mark=kit.end_mark, today=now.date()))
    return pending


def _submit_email(pool: RenderPool, document: Document, kit: Kit, slug: str, folder: Path, outputs: list[Path],
                  now: datetime) -> Pending:
    """Send one language's e-mail to the pool, with its PDF attached when `outputs` hold it."""
    pdf = [p for p in outputs if p.name.startswith(f"{slug}.{document.lang}.") and p.name.endswith(".pdf")
           and ".pdfa." not in p.name]
    page = f"{kit.base_url.rstrip('/')}/{slug}/web/index.{document.lang}.html" if kit.base_url else ""
    return pool.submit("email", document, kit.theme, folder / f"{slug}.{document.lang}.eml",
                       attachments=pdf, page_url=page, now=now)


def _removed(folder: Path, written: list[Path]) -> list[Path]:
    """Remove the files `written` in `folder` (those of an early render the build no longer wants), and
    the folders they leave empty; none is left."""
    for path in written:
        (folder / path).unlink(missing_ok=True)
    for place in sorted({p.parent for p in written if p.parent != Path(".")}, key=lambda p: -len(p.parts)):
        if (folder / place).is_dir() and not any((folder / place).iterdir()):
            (folder / place).rmdir()
    return []


def _submit_pages(pool: RenderPool, documents: tuple[Document, Document], kit: Kit, slug: str, folder: Path,
                  options: Options, files: list[Path], sizes_later: str) -> list[Pending]:
    """Send the release's web pages to the pool, with the documents to download (still being written: their
    sizes are filled in later, "web-sizes"); their social cards were sent before."""
    return [pool.submit("web", documents, kit.theme, folder, slug=slug, site=options.out or kit.output,
                        files=tuple(files), now=_now(options), base_url=kit.base_url,
                        english_tag=kit.locale.replace("_", "-"), cards=False, sizes_later=sizes_later)]


def _paths(written: Path | list[Path]) -> list[Path]:
    """The files a render wrote (one, or a list)."""
    return written if isinstance(written, list) else [written]


def _now(options: Options) -> datetime:
    """The time the press outputs take as now (--now, a naive time being Paris time), else the clock."""
    moment = datetime.fromisoformat(options.now) if options.now else datetime.now(timezone.utc)
    return moment if moment.tzinfo else moment.replace(tzinfo=ZoneInfo("Europe/Paris"))


def _status(published: Published, options: Options) -> str:
    """"draft" on request, else "final" when the gate found no error, else "incomplete"."""
    if options.draft:
        return "draft"
    return "incomplete" if published.errors else "final"


def _submit(pool: RenderPool, document: Document, kit: Kit, stem: Path, options: Options,
            progress: Progress, expected: list[Path]) -> list[Pending]:
    """Send one language's documents to the pool (and its PDF/A copy on request); add their paths to
    `expected`."""
    formats = LANGUAGE_FORMATS + (("pdfa",) if options.pdfa else ())
    pending = []
    for fmt in formats:
        path = stem.with_name(f"{stem.name}.{'pdfa.pdf' if fmt == 'pdfa' else fmt}")
        progress(f"writing {path.name}")
        expected.append(path)
        pending.append(pool.submit(fmt, document, kit.theme, path))
    return pending


def _submit_bilingual(pool: RenderPool, documents: tuple[Document, Document], kit: Kit, stem: Path,
                      options: Options, progress: Progress, expected: list[Path]) -> list[Pending]:
    """Send the bilingual edition (and its PDF/A copy on request) to the pool; add their paths to `expected`."""
    editions = [("bilingual", "bilingual.pdf")] + ([("bilingual-pdfa", "bilingual.pdfa.pdf")] if options.pdfa else [])
    pending = []
    for fmt, name in editions:
        path = stem.with_name(f"{stem.name}.{name}")
        progress(f"writing {path.name}")
        expected.append(path)
        pending.append(pool.submit(fmt, documents, kit.theme, path))
    return pending


def _with_meta(document: Document, kit: Kit, status: str, provenance: str) -> Document:
    """Attach the metadata the renderers put in the files."""
    authors = [o.name for o in kit.theme.organizations] or [a.organization for a in document.about]
    meta = {
        "author": ", ".join(authors) or kit.theme.name,
        "status": status,
        "provenance": provenance,
        "date": document.dateline.date if document.dateline else "",
        "embargo": document.meta_value("embargo"),  # the embargo's end, for the web pages
        "file_date": labels.file_day(document.source),
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
