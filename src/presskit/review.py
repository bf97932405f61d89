"""The review round trip on a kit: a release's English out for review (XLIFF), approved units back in.

`review export` exports what the last build produced: the memory's English and the engine's, read
from the kit's translation cache (`.presskit-cache/translations.sqlite`). It takes no engine and
sends nothing: a sentence no build has translated yet is exported empty (state "new"). The file
goes to `review/<slug>.en.xlf` in the kit (not under output/, which `make clean` empties); an
existing file that differs from the new one (a translator may have worked in it) is first copied to
`<slug>.en.xlf.<n>.bak`. Each unit carries its place in the release and the previous and next
sentences as notes, and a fuzzy memory match as an `alt-trans` candidate.

`review import` checks each approved unit against the glossary (terms, forbidden translations),
its numbers and addresses, and that it reads as English; a unit with a problem is refused, with the
reason, so the translator hears of it now and not at the next build.

The XLIFF and memory rules are `presskit.translation.review`'s.
"""
from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Callable

from presskit.document import Document, Origin, Segment
from presskit.glossary.glossary import Glossary, load_glossary
from presskit.kit.folder import Kit, slug_of
from presskit.pipeline import CACHE, Options, translate_release
from presskit.qa import segment_checks as qa
from presskit.qa.places import place_of
from presskit.translation import review
from presskit.translation.memory import TranslationMemory
from presskit.translation.protection import FORBIDDEN, MISSING, verify

REVIEW_FOLDER = "review"


def review_file(kit: Kit, source: Path, out: Path | None = None) -> Path:
    """Where a release's review file goes: `review/<slug>.en.xlf` in the kit (or in `out`)."""
    return (out or kit.root / REVIEW_FOLDER) / f"{slug_of(source)}.en.xlf"


class CacheReader:
    """An engine that only reads the kit's translation cache: the English the last build got, or None."""

    network = False

    def __init__(self, path: Path) -> None:
        self.path, self.name = path, "cache"

    def translate(self, texts: list[str], source: str, target: str) -> list[str | None]:
        """The cached English of each text (the newest, whichever engine made it), None when there is none."""
        found: dict[str, tuple[str, str]] = {}
        if self.path.is_file() and texts:
            database = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True)
            try:
                marks = ",".join("?" * len(set(texts)))
                rows = database.execute(
                    "SELECT text, translation, engine FROM translations WHERE source=? AND target LIKE ? "
                    f"AND text IN ({marks}) ORDER BY stored",
                    (source.lower(), f"{target.lower()}%", *set(texts))).fetchall()
            except sqlite3.DatabaseError:
                rows = []
            finally:
                database.close()
            found = {text: (english, engine) for text, english, engine in rows}
        engines = {engine.split("@")[0] for _, engine in found.values()}
        self.name = ", ".join(sorted(engines)) or "cache"
        return [found[text][0] if text in found else None for text in texts]


def export_review(kit: Kit, source: Path, options: Options = Options()) -> tuple[Path, list[Segment]]:
    """Write the XLIFF of what the last build produced (memory and cached engine output); return path and segments."""
    reader = CacheReader(kit.root / CACHE)
    published = translate_release(kit, source, Options(offline=True), engine_for=lambda: reader)
    previous = last_build_segments(kit, source, options.out)
    segments = [previous.get((s.path, s.source), s) if s.origin == Origin.UNTRANSLATED else s
                for s in published.english.segments]
    path = review_file(kit, source, options.out)
    data = review.xliff_bytes(segments, source.name, _contexts(segments, published.french))
    review.write_review(path, data)
    return path, segments


def last_build_segments(kit: Kit, source: Path, out: Path | None = None) -> dict[tuple[str, str], Segment]:
    """The machine-translated segments the last build of the release wrote in its report, by (path, French)."""
    report = (out or kit.output) / slug_of(source) / "report.json"
    try:
        rows = json.loads(report.read_text(encoding="utf-8"))["segment_provenance"]
        return {(row["path"], row["source"]): Segment(row["path"], row["source"], row["target"], row["origin"],
                                                       float(row.get("score", 1.0)), row.get("note", ""))
                for row in rows if str(row.get("origin", "")).startswith(f"{Origin.ENGINE}:")}
    except (OSError, ValueError, KeyError, TypeError):
        return {}


def _contexts(segments: list[Segment], french: Document) -> dict[str, list[str]]:
    """Notes for each unit: its place in the release, the previous and the next sentence."""
    notes: dict[str, list[str]] = {}
    for index, segment in enumerate(segments):
        lines = [f"place: {place_of(segment.path, french, segment.source)}"]
        if index:
            lines.append(f"previous: {segments[index - 1].source}")
        if index + 1 < len(segments):
            lines.append(f"next: {segments[index + 1].source}")
        notes[segment.path] = lines
    return notes


def import_review(kit: Kit, path: Path) -> review.ImportResult:
    """Store a review file's approved units in the kit's memory, after checking each against the glossary."""
    glossary = load_glossary(kit.glossary)

    def segments_of(release: Path, memory: TranslationMemory) -> list[Segment]:
        return list(translate_release(kit, release, Options(offline=True), memory=memory).english.segments)

    return review.import_review(kit, path, segments_of, check=lambda s, e: unit_problems(s, e, glossary))


def unit_problems(french: str, english: str, glossary: Glossary) -> list[str]:
    """What is wrong with a reviewed unit: glossary terms, numbers, addresses, French left.

    >>> from presskit.glossary.entries import Entry
    >>> glossary = Glossary([Entry("biomédicament", "biopharmaceutical", "term")])
    >>> unit_problems("Les biomédicaments.", "The biologics.", glossary)
    ["term 'biomédicament' should read 'biopharmaceuticals' in English ('biomédicaments')"]
    """
    matches = glossary.find(french)
    problems = []
    for match, status in zip(matches, verify(english, matches)):
        if status == MISSING:
            problems.append(f"{match.entry.kind} {match.entry.fr!r} should read {match.english!r} in English "
                            f"({match.surface!r})")
        elif status == FORBIDDEN:
            problems.append(f"forbidden translation of {match.entry.fr!r}: the glossary requires "
                            f"{match.english!r}")
    missing, _extra = qa.number_problems(french, english)
    problems += [f"number {n} of the French is missing" for n in missing]
    problems += [f"address {a} is missing or changed" for a in qa.lost_addresses(french, english)]
    names = tuple(m.surface for m in matches if m.entry.kind == "name")
    names += tuple(form for entry in glossary.entries for form in (entry.fr, entry.en) if form)
    problems += qa.french_left(english, names)
    return problems


Check = Callable[[str, str], list[str]]
