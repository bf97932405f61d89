"""The translators' review round trip: a release's English segments out as XLIFF 1.2, back into the memory.

Export: `review/<slug>.en.xlf` in the kit; one `<file>` (original = the release's file name,
fr-FR → en-GB), one `<trans-unit>` per segment, its id the segment's path ("blocks[3].text#2"),
with notes from "presskit-context" (its place, the previous and next sentences) and a fuzzy memory
match as an `<alt-trans origin="memory-fuzzy" match-quality="91">` candidate. The target's `state`: "final" (approved
memory, or written from the glossary alone), "needs-review-translation" (an engine), "new"
(untranslated: empty target); its `state-qualifier` (exact-match, mt-suggestion, leveraged-glossary)
and notes from "presskit" (origin, score, fuzzy-match note) give the provenance; an
`<alt-trans origin="presskit:…">` keeps the English as exported, so an import sees what changed.
Segments with nothing to translate (numbers, addresses) have `translate="no"`.

Import: a unit is *approved* when the reviewer changed its English (a human edit is a review), or
marked it translated, signed-off or final (or approved="yes") when presskit had not; approved units
go into `glossary/memory.tmx`. A unit whose source no longer matches the release's segment is
refused. The memory's English for a source is replaced only by an approved unit whose English the
reviewer changed, and each replacement is reported (old → new); if the memory changed since the
export and the reviewer did not touch the unit, the memory is kept (and that is reported).

Marks (bold, italics, links): a marked segment's source, target and presskit alt-trans hold them as
`<g id="n" ctype="bold|italic|link">` (`translation.xliff_inline`), a "presskit-marks" note lists
them with each link's address (never in the text). On import the reviewer's target is read back
into words and marks; moving an element is an edit. A target that drops, repeats or leaves open an
element keeps its words and loses that mark, with a finding naming the file and unit. Approved
marks go into the memory with the unit (`<bpt>`/`<ept>` in the TMX), their kinds and addresses
taken from the release as it reads now.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

from lxml import etree
from translate.misc.xml_helpers import safely_set_text
from translate.storage import tmx, xliff

from presskit.document import Segment
from presskit.errors import PresskitError
from presskit.kit.folder import Kit, slug_of
from presskit.runtime.atomic import write_bytes
from presskit.runtime.lock import files_lock
from presskit.runtime.safe_xml import read_xml
from presskit.translation import marks as marking
from presskit.translation import tmx_inline, xliff_inline
from presskit.translation.memory import Marked, TranslationMemory, normalise, unit_segs, write_marks
from presskit.translation.segmentation import needs_translation

XLIFF_NS = "urn:oasis:names:tc:xliff:document:1.2"
SOURCE_LANG, TARGET_LANG = "fr-FR", "en-GB"
APPROVED_STATES = frozenset({"translated", "signed-off", "final"})
ORIGIN = "presskit"  # `from` of presskit's notes; prefix of its alt-trans origin
CONTEXT = "presskit-context"  # `from` of the notes that give a unit's place and neighbours
MARKS = "presskit-marks"  # `from` of the note listing a unit's marks and links' addresses
FUZZY_ORIGIN = "memory-fuzzy"  # origin of an alt-trans offering the memory's closest inexact match
_FUZZY = re.compile(r"^fuzzy memory match (\d+)%: (.+)$", re.DOTALL)
MEMORY_FILE = "memory.tmx"
KEPT, GLOSSARY = "kept", "glossary"  # origins of segments written without memory or engine
_HINT = "export it again with `presskit review export`, or fix the XML at that line"


class _Unit(xliff.xliffunit):
    """An XLIFF 1.2 trans-unit."""

    namespace = XLIFF_NS


class _Store(xliff.xlifffile):
    """An XLIFF 1.2 file (translate-toolkit writes 1.1 by default)."""

    UnitClass = _Unit
    namespace = XLIFF_NS
    XMLskeleton = (f'<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2" xmlns="{XLIFF_NS}">'
                   '<file original="NoName" source-language="fr-FR" datatype="plaintext"><body/>'
                   '</file></xliff>')


def review_path(kit: Kit, source: Path, out: Path | None = None) -> Path:
    """Where the review file of a release goes: `review/<slug>.en.xlf` in the kit (kept by `make clean`)."""
    return (out or kit.root / "review") / f"{slug_of(source)}.en.xlf"


def export_review(kit: Kit, source: Path, segments: list[Segment], out: Path | None = None) -> Path:
    """Write the XLIFF of a release's English segments; return its path."""
    path = review_path(kit, source, out)
    write_review(path, xliff_bytes(segments, source.name))
    return path


def write_review(path: Path, data: bytes) -> Path | None:
    """Write a review file; one already there that differs (a translator's work) is first copied to
    `<name>.<n>.bak`, the first free n. Return that backup, or None."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise PresskitError(f"cannot create the review folder ({error.strerror})", path=path.parent,
                            hint="choose another folder with --out or fix its permissions") from None
    backup = None
    if path.is_file() and path.read_bytes() != data:
        number = 1
        while path.with_name(f"{path.name}.{number}.bak").exists():
            number += 1
        backup = path.with_name(f"{path.name}.{number}.bak")
        write_bytes(backup, path.read_bytes(), what="backup of the review file")
    write_bytes(path, data, what="review file")
    return backup


def state_of(segment: Segment) -> str:
    """The XLIFF 1.2 state of an exported segment."""
    if segment.origin in (KEPT, GLOSSARY) or (segment.origin == "memory" and segment.score >= 1):
        return "final"
    if segment.origin == "untranslated" or not segment.target.strip():
        return "new"
    return "needs-review-translation"


def _qualifier(segment: Segment) -> str | None:
    """The XLIFF 1.2 state-qualifier saying where the English came from (None when untranslated)."""
    if segment.origin.startswith("engine:"):
        return "mt-suggestion"
    return {"memory": "exact-match" if segment.score >= 1 else "fuzzy-match",
            GLOSSARY: "leveraged-glossary"}.get(segment.origin)


def xliff_bytes(segments: list[Segment], original: str,
                contexts: dict[str, list[str]] | None = None) -> bytes:
    """The XLIFF 1.2 document of a release's English segments (`contexts`: notes for each unit's id)."""
    store = _Store(sourcelanguage=SOURCE_LANG, targetlanguage=TARGET_LANG)
    store.createfilenode(original, SOURCE_LANG, TARGET_LANG)
    for segment in segments:
        unit = _add_unit(store, segment, original)
        for line in (contexts or {}).get(segment.path, []):
            unit.addnote(line, origin=CONTEXT)
    etree.cleanup_namespaces(store.document.getroot())
    return bytes(store)


def _add_unit(store: _Store, segment: Segment, original: str) -> xliff.xliffunit:
    """Add one segment as a trans-unit with its state, provenance notes and exported target."""
    state = state_of(segment)
    target = "" if state == "new" else segment.target
    unit = store.addsourceunit(segment.source, filename=original)
    unit.setid(segment.path)
    unit.settarget(target)
    unit.set_state_n(unit.statemap[state])
    target_node = unit.getlanguageNode(lang=None, index=1)
    target_node.set("state", state)
    if target and _qualifier(segment):
        target_node.set("state-qualifier", _qualifier(segment))
    if segment.origin == KEPT:
        unit.marktranslatable(False)
    unit.addnote(f"origin: {segment.origin}", origin=ORIGIN)
    unit.addnote(f"score: {segment.score:.2f}", origin=ORIGIN)
    if segment.note:
        unit.addnote(segment.note, origin=ORIGIN)
    if target and segment.origin != KEPT:
        quality = f"{segment.score * 100:.0f}" if segment.origin == "memory" else None
        unit.addalttrans(target, origin=f"{ORIGIN}:{segment.origin}", matchquality=quality)
    if segment.marks:
        _write_marks(unit, segment, target)
    fuzzy = _FUZZY.match(segment.note)
    if fuzzy:  # a candidate the translator can take: the memory's closest inexact match
        unit.addalttrans(fuzzy.group(2), origin=FUZZY_ORIGIN, matchquality=fuzzy.group(1))
    return unit


def _write_marks(unit: xliff.xliffunit, segment: Segment, target: str) -> None:
    """Put a segment's marks in its source, target and presskit alt-trans as `<g>`, and list them in a note."""
    spans = [(n, m.start, m.end) for n, m in enumerate(segment.marks)]
    xliff_inline.fill(unit.getlanguageNode(lang=None, index=0),
                      xliff_inline.marked_text(segment.source, spans), segment.marks)
    english = xliff_inline.marked_text(target, list(segment.target_marks)) if target else ""
    if english:
        xliff_inline.fill(unit.getlanguageNode(lang=None, index=1), english, segment.marks)
        for alt in unit.xmlelement.iterfind(f"{{{XLIFF_NS}}}alt-trans"):
            if (alt.get("origin") or "").startswith(f"{ORIGIN}:"):
                xliff_inline.fill(alt.find(f"{{{XLIFF_NS}}}target"), english, segment.marks)
    unit.addnote(xliff_inline.note(segment.marks), origin=MARKS)


@dataclass(frozen=True)
class Unit:
    """A trans-unit as read back: the reviewer's English and what presskit had exported."""

    id: str
    source: str
    target: str
    review: str  # "approved", "untouched" (exported final, not changed) or "pending"
    exported: str | None  # None: unknown (the CAT tool dropped presskit's alt-trans and notes)
    translatable: bool
    source_key: str = ""  # with marks: the French and the reviewer's English with mark characters
    target_key: str = ""
    exported_key: str | None = None
    findings: tuple[str, ...] = ()  # what is wrong with the target's inline elements


def read_review(path: Path) -> tuple[str, list[Unit]]:
    """Read a review XLIFF safely: (the release's file name, its units); PresskitError with the line."""
    root = read_xml(path, "review file", _HINT)
    name, version = etree.QName(root).localname, root.get("version", "")
    if name != "xliff" or not version.startswith("1."):
        raise PresskitError(f"this is not an XLIFF 1.x file (<{name} version={version!r}>)",
                            path=path, line=root.sourceline, hint="export XLIFF 1.2 from your CAT tool")
    files = [e for e in root if etree.QName(e).localname == "file"]
    if len(files) != 1 or not files[0].get("original"):
        raise PresskitError("a review file has exactly one <file> naming its release in `original`",
                            path=path, line=(files[1] if len(files) > 1 else root).sourceline,
                            hint=_HINT)
    store = xliff.xlifffile.parsestring(Path(path).read_bytes())  # checked safe above; same lines
    return files[0].get("original"), [_read_unit(unit, path) for unit in store.getunits()]


def _read_unit(unit: xliff.xliffunit, path: Path) -> Unit:
    """One trans-unit as a `Unit`; a unit without an id or a source is an error at its line."""
    if not unit.xmlelement.get("id") or unit.source is None:
        raise PresskitError("a <trans-unit> without an id or a <source>", path=path,
                            line=unit.xmlelement.sourceline, hint=_HINT)
    target_node = unit.getlanguageNode(lang=None, index=1)
    state = target_node.get("state", "") if target_node is not None else ""
    target, exported = unit.target or "", _exported(unit)
    keys = _marked(unit, path)
    edited = exported is not None and bool(target.strip()) and (
        target not in (exported, unit.source) or (keys is not None and keys[1] != keys[2]))
    marked = state in APPROVED_STATES or unit.isapproved()
    was_final = _exported_state(unit) in APPROVED_STATES
    review = ("approved" if edited or (marked and not was_final) else
              "untouched" if was_final or not unit.istranslatable() else "pending")
    source_key, target_key, exported_key, findings = keys or ("", "", None, ())
    return Unit(unit.xmlelement.get("id"), unit.source, target, review, exported,
                unit.istranslatable(), source_key, target_key, exported_key, findings)


def _marked(unit: xliff.xliffunit, path: Path) -> tuple[str, str, str | None, tuple[str, ...]] | None:
    """(French, English, exported English) with mark characters and the findings, when the source has marks."""
    source = unit.getlanguageNode(lang=None, index=0)
    if not any(etree.QName(e).localname in ("g", "bx", "bpt") for e in source.iter() if isinstance(e.tag, str)):
        return None
    source_key, _ = xliff_inline.read(source)
    node = unit.getlanguageNode(lang=None, index=1)
    target_key, problems = xliff_inline.read(node) if node is not None else ("", [])
    exported = None
    for alt in unit.xmlelement.iterfind(f"{{{XLIFF_NS}}}alt-trans"):
        if (alt.get("origin") or "").startswith(f"{ORIGIN}:") and alt.find(f"{{{XLIFF_NS}}}target") is not None:
            exported = xliff_inline.read(alt.find(f"{{{XLIFF_NS}}}target"))[0]
    return source_key, target_key, exported, _findings(path, unit, source_key, target_key, problems)


def _findings(path: Path, unit: xliff.xliffunit, source_key: str, target_key: str,
              problems: list[tuple[str, str]]) -> tuple[str, ...]:
    """What is wrong with a target's inline elements, each naming the file, the unit and what to do."""
    if not marking.plain(target_key).strip():
        return ()
    french, spans = marking.extract(source_key)
    _, found = marking.extract(target_key)
    where = f"{Path(path).name}, unit {unit.xmlelement.get('id')}"
    todo = "the English is kept without that mark: put the element around its English words and import again"
    lines = [f"{where}: <g id=\"{n + 1}\"> (on “{french[a:b]}”) is missing from the target; {todo}"
             for n, (a, b) in sorted(spans.items()) if n not in found
             and str(n + 1) not in {number for number, _ in problems}]
    lines += [f"{where}: inline element id {number!r} is {what} in the target; "
              + ("only its first use is kept" if what == "twice" else todo) for number, what in problems]
    return tuple(lines)


def _exported_state(unit: xliff.xliffunit) -> str | None:
    """The state presskit exported the unit with, from its provenance notes (None when unknown)."""
    facts = dict(line.split(": ", 1) for line in unit.getnotes(origin=ORIGIN).splitlines()
                 if line.startswith(("origin: ", "score: ")))
    if "origin" not in facts:
        return None
    try:
        score = float(facts.get("score", "1"))
    except ValueError:
        return None
    return state_of(Segment("", unit.source, "x", facts["origin"], score))


def _exported(unit: xliff.xliffunit) -> str | None:
    """The English presskit exported in this unit ("" when untranslated, None when unknown)."""
    for alt in unit.getalttrans():
        if (alt.xmlelement.get("origin") or "").startswith(f"{ORIGIN}:"):
            return alt.target or ""
    return "" if "origin: untranslated" in unit.getnotes(origin=ORIGIN) else None


@dataclass
class ImportResult:
    """What an import did, unit by unit (ids are the units' ids)."""

    memory: Path
    added: list[tuple[str, str, str]] = field(default_factory=list)  # (id, source, English)
    replaced: list[tuple[str, str, str, str]] = field(default_factory=list)  # (id, source, old, new)
    kept: list[tuple[str, str]] = field(default_factory=list)  # memory changed since export: (id, its English)
    refused: list[tuple[str, str]] = field(default_factory=list)  # (id, why)
    unchanged: int = 0  # already in the memory as approved, or exported final and not changed
    pending: int = 0  # not approved by the reviewer, or left empty
    backups: list[Path] = field(default_factory=list)
    findings: list[tuple[str, str]] = field(default_factory=list)  # (id, what is wrong with its marks)
    marked: dict[str, Marked] = field(default_factory=dict)  # normalised French → the entry with its marks


SegmentsOf = Callable[[Path, TranslationMemory], Iterable[Segment]]


def import_review(kit: Kit, path: Path, segments_of: SegmentsOf,
                  check: Callable[[str, str], list[str]] = lambda french, english: []) -> ImportResult:
    """Store a review file's approved units in `glossary/memory.tmx`, backups first (rules: module docstring).

    `segments_of(release, memory)` gives the release's segments as presskit reads them now, with
    nothing sent over the network; `check(french, english)` lists the problems of an approved unit
    (glossary, numbers, French left): a unit with one is refused, with the reason.
    """
    with files_lock(kit.glossary):  # another import or build writing the memory: wait, else refuse
        return _import_locked(kit, path, segments_of, check)


def _import_locked(kit: Kit, path: Path, segments_of: SegmentsOf, check) -> ImportResult:
    """`import_review` once the kit's translator files are locked: read, decide, write."""
    original, units = read_review(Path(path))
    memory = TranslationMemory.load(kit.glossary)
    current = _current_segments(kit, original, Path(path), lambda release: segments_of(release, memory))
    result = ImportResult(kit.glossary / MEMORY_FILE)
    decided: dict[str, str] = {}
    for unit in units:
        _decide(unit, current.get(unit.id), memory, decided, result)
    _check_stored(result, check)
    for _, source, *rest in result.added + result.replaced:
        memory.add(*result.marked.get(normalise(source), (source, rest[-1], ())))
    saved = memory.save(result.memory) if result.added or result.replaced else 0
    backed_up = {result.memory} if saved else set()
    replacements = {normalise(source): result.marked.get(normalise(source), (source, new, ()))
                    for _, source, _, new in result.replaced}
    written = backed_up | set(replace_targets(kit.glossary, replacements, backed_up))
    result.backups = sorted(b for b in (p.with_name(p.name + ".bak") for p in written) if b.exists())
    return result


def _check_stored(result: ImportResult, check: Callable[[str, str], list[str]]) -> None:
    """Refuse the units about to enter the memory whose English has a problem (the reason given)."""
    for name in ("added", "replaced"):
        kept = []
        for entry in getattr(result, name):
            problems = check(entry[1], entry[-1])
            if problems:
                result.refused.append((entry[0], "; ".join(problems)))
            else:
                kept.append(entry)
        setattr(result, name, kept)


def _current_segments(kit: Kit, original: str, path: Path,
                      segments_of: Callable[[Path], Iterable[Segment]]) -> dict[str, Segment]:
    """The release's segments as presskit reads them now (offline: nothing leaves the machine)."""
    release = kit.sources / Path(original).name
    if not release.is_file():
        raise PresskitError(f"the release {original!r} this review file was exported from is not in "
                            f"{kit.sources}", path=path,
                            hint="import into the kit it was exported from (--kit DIR)")
    return {segment.path: segment for segment in segments_of(release)}


def _decide(unit: Unit, segment: Segment | None, memory, decided: dict[str, str],
            result: ImportResult) -> None:
    """Sort one unit: pending, refused, unchanged, added, replaced, or the memory kept."""
    if unit.review == "untouched" or not (unit.translatable and needs_translation(unit.source)):
        result.unchanged += 1
    elif unit.review != "approved" or not unit.target.strip():
        result.pending += 1
    elif segment is None:
        result.refused.append((unit.id, "this segment is no longer in the release"))
    elif normalise(segment.source) != normalise(unit.source):
        result.refused.append((unit.id, f"the source changed since export; it is now: {segment.source}"))
    elif normalise(unit.source) in decided:
        if decided[normalise(unit.source)] == (unit.target_key or unit.target):
            result.unchanged += 1
        else:
            result.refused.append((unit.id, "another unit gives the same source a different English"))
    else:
        entry = _entry(unit, segment, result)
        stored = memory.marked(unit.source)
        old = stored[1] if stored is not None and entry is not None else memory.lookup(unit.source)
        decided[normalise(unit.source)] = _store_one(unit, old, result)


def _entry(unit: Unit, segment: Segment, result: ImportResult) -> Marked | None:
    """The memory entry of an approved marked unit, kinds and addresses from the release; findings noted."""
    result.findings += [(unit.id, finding) for finding in unit.findings]
    if not unit.source_key or not segment.marks:
        return None
    source = marking.embed(segment.source, [(m.start, m.end) for m in segment.marks])
    if marking.extract(source)[1] != marking.extract(unit.source_key)[1]:
        result.findings.append((unit.id, f"unit {unit.id}: the French marks changed since export; the English "
                                          "is kept without marks: export again to place them"))
        return None
    entry = (source, unit.target_key, tuple((m.kind, m.href) for m in segment.marks))
    result.marked[normalise(unit.source)] = entry
    return entry


def _store_one(unit: Unit, old: str | None, result: ImportResult) -> str:
    """Record what an approved unit does to the memory; return the English the memory will hold."""
    new = result.marked[normalise(unit.source)][1] if normalise(unit.source) in result.marked else unit.target
    if old == new:
        result.unchanged += 1
    elif old is None:
        result.added.append((unit.id, unit.source, unit.target))
    elif unit.exported is not None and unit.target == unit.exported \
            and (not unit.source_key or unit.target_key == unit.exported_key):
        result.kept.append((unit.id, old))  # the reviewer changed nothing: the newer memory wins
        return old
    else:
        result.replaced.append((unit.id, unit.source, marking.plain(old), unit.target))
    return new


def replace_targets(folder: Path, replacements: dict[str, Marked], backed_up: set[Path]) -> list[Path]:
    """Set the English (and marks) of every TMX unit whose normalised French is a key; return the files changed.

    A changed file is written atomically, keeping `<name>.bak` unless it is in `backed_up`.
    """
    changed = []
    for path in sorted(folder.glob("*.tmx")) if replacements else ():
        store = tmx.tmxfile.parsestring(path.read_bytes())
        if sum(_replace_in_unit(unit, replacements) for unit in store.units):
            write_bytes(path, bytes(store), what="translation memory", backup=path not in backed_up)
            changed.append(path)
    return changed


def _replace_in_unit(unit, replacements: dict[str, Marked]) -> bool:
    """Replace the English of one TMX unit when its French is to be replaced; True if it changed."""
    segs = unit_segs(unit.xmlelement)
    if "fr" not in segs or "en" not in segs:
        return False
    french, numbers, _ = tmx_inline.read(segs["fr"])
    entry = replacements.get(normalise(marking.plain(french)))
    if entry is None or tmx_inline.read(segs["en"], numbers)[0] == entry[1]:
        return False
    if entry[2] and marking.has_marks(entry[0]):
        write_marks(unit, *entry)
        return True
    for child in list(segs["en"]):
        segs["en"].remove(child)
    safely_set_text(segs["en"], entry[1])
    return True
