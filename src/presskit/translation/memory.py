"""The approved translation memory: the TMX files of a kit's memory folder.

Lookups are exact after normalising the source (Unicode NFC, every run of whitespace — including
U+00A0 and U+202F no-break spaces — read as one space, ends trimmed); the stored translation is
returned exactly as written. When several files or units give the same source, the last one read
wins (files in name order, units in file order). `save()` never rewrites what is already in a file:
it appends the entries added since loading, and where the file already translates a source, the
file's translation (a translator's edit) is kept.

An entry may carry the marks (bold, italics, links) of its sentence: the French and English are then
written with `translation.marks` characters and the marks' (kind, href), and the TMX segments hold
them as `<bpt>`/`<ept>` pairs (`translation.tmx_inline`). The key, `lookup`, `entries` and fuzzy
matches stay the plain words; `marked` gives the entry with its marks.
"""
from __future__ import annotations

import unicodedata
from pathlib import Path
from typing import Iterable

from lxml import etree

from presskit.errors import PresskitError
from presskit.runtime.atomic import write_bytes
from presskit.runtime.safe_xml import parse_xml, read_bytes
from presskit.translation import marks as marking
from presskit.translation import tmx_inline
from presskit.translation.tmx_inline import Inline

FUZZY_THRESHOLD = 85.0  # rapidfuzz ratio (0–100) from which a memory entry is offered for review
SOURCE_LANG = "fr-FR"
TARGET_LANG = "en-GB"


def normalise(text: str) -> str:
    """The matching key of a source text: NFC, whitespace runs (incl. no-break spaces) as one space.

    >>> normalise("  Paris,\\u00a0le 7\\u202fseptembre\\n2023 ")
    'Paris, le 7 septembre 2023'
    """
    return " ".join(unicodedata.normalize("NFC", text).split())


Marked = tuple[str, str, tuple[Inline, ...]]  # French, English (mark characters) and each mark's (kind, href)


class TranslationMemory:
    """Approved French → English translations, looked up by normalised source."""

    def __init__(self, pairs: Iterable[tuple[str, str]] = ()) -> None:
        self._index: dict[str, tuple[str, str]] = {}
        self._marked: dict[str, Marked] = {}
        self._added: dict[str, Marked] = {}
        for source, target in pairs:
            self._index[normalise(source)] = (source, target)

    @classmethod
    def load(cls, folder: Path) -> "TranslationMemory":
        """Read every *.tmx file of `folder`; a missing folder gives an empty memory."""
        folder = Path(folder)
        memory = cls()
        if not folder.is_dir():
            return memory
        paths = sorted(p for p in folder.iterdir() if p.suffix.lower() == ".tmx" and p.is_file())
        for path in paths:
            for entry in _tree_pairs(_read_tree(path)[0]):
                memory._put(entry)
        return memory

    def _put(self, entry: Marked) -> str:
        """Index one entry by its plain French; keep its marks aside when it has some; return the key."""
        source, target, kinds = entry
        key = normalise(marking.plain(source))
        self._index[key] = (marking.plain(source), marking.plain(target))
        if marking.has_marks(source) and kinds:
            self._marked[key] = entry
        else:
            self._marked.pop(key, None)
        return key

    def __len__(self) -> int:
        return len(self._index)

    def entries(self) -> list[tuple[str, str]]:
        """Every (source, target) pair, as written in the files."""
        return list(self._index.values())

    def lookup(self, source: str) -> str | None:
        """The approved translation of `source`, or None."""
        hit = self._index.get(normalise(source))
        return hit[1] if hit else None

    def marked(self, source: str) -> Marked | None:
        """The entry of `source` (plain words) with its marks, or None when it has none."""
        return self._marked.get(normalise(marking.plain(source)))

    def add(self, source: str, target: str, kinds: tuple[Inline, ...] = ()) -> None:
        """Record an approved translation (kept in memory until `save`); with its marks, `source` and
        `target` carry mark characters and `kinds` gives each mark's (kind, href)."""
        if not normalise(marking.plain(source)) or not marking.plain(target).strip():
            raise ValueError("a translation memory entry needs a source and a target")
        key = self._put((source, target, kinds))
        self._added[key] = (source, target, kinds)

    def save(self, path: Path) -> int:
        """Append the added entries to the TMX file `path` atomically (old file → `<name>.bak`).

        Entries already in the file are kept untouched; returns how many entries were written.
        """
        path = Path(path)
        store = _read_store(path) if path.exists() else _new_store()
        present = {normalise(marking.plain(source)) for source, _, _ in _pairs(store)}
        new = [entry for key, entry in self._added.items() if key not in present]
        if path.exists() and not new:
            return 0
        for source, target, kinds in new:
            store.addtranslation(marking.plain(source), SOURCE_LANG, marking.plain(target), TARGET_LANG)
            if kinds and marking.has_marks(source):
                write_marks(store.units[-1], source, target, kinds)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise PresskitError(f"cannot create the folder ({error.strerror})", path=path.parent,
                                hint="choose a folder you can write to") from None
        write_bytes(path, bytes(store), what="translation memory", backup=True)
        return len(new)

    def fuzzy(self, source: str, threshold: float = FUZZY_THRESHOLD,
              limit: int = 5) -> list[tuple[float, str, str]]:
        """Near matches as (score 0–100, source, target), best first, scoring at least `threshold`."""
        from rapidfuzz import fuzz, process
        hits = process.extract(normalise(source), list(self._index), scorer=fuzz.ratio,
                               score_cutoff=threshold, limit=limit)
        return [(round(score, 1), *self._index[key]) for key, score, _ in hits]

    def best(self, source: str, threshold: float = FUZZY_THRESHOLD) -> tuple[float, str, str] | None:
        """The closest inexact match (score, source, target) scoring at least `threshold`, or None."""
        key = normalise(source)
        hits = [hit for hit in self.fuzzy(source, threshold, limit=2) if normalise(hit[1]) != key]
        return hits[0] if hits else None


def _new_store():
    """An empty TMX 1.4 store, French to British English (translate-toolkit writes the file)."""
    from translate.storage import tmx

    return tmx.tmxfile(sourcelanguage=SOURCE_LANG, targetlanguage=TARGET_LANG)


def _read_tree(path: Path) -> tuple[etree._Element, bytes]:
    """Parse one TMX file safely (no DTD, no entities, no network); errors name the file and line."""
    data = read_bytes(path, "translation memory")
    root = parse_xml(data, path, "translation memory", _hint(path))
    if etree.QName(root).localname != "tmx" or root.find(".//body") is None:
        raise PresskitError(f"this is not a TMX file (root element <{etree.QName(root).localname}>)",
                            path=path, line=root.sourceline, hint=_hint(path))
    return root, data


def _hint(path: Path) -> str:
    """What to do about a broken TMX file."""
    return f"fix the file (an XML or TMX editor shows the error), or restore {path.name}.bak"


def _read_store(path: Path):
    """The TMX file as a translate-toolkit store, to append to and write back."""
    from translate.storage import tmx

    _, data = _read_tree(path)
    try:
        return tmx.tmxfile.parsestring(data)
    except Exception as exc:  # translate-toolkit's own checks: report, never a traceback
        raise PresskitError(f"this TMX file cannot be read ({type(exc).__name__})", path=path,
                            hint=_hint(path)) from None


_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def write_marks(unit, source: str, target: str, kinds: tuple[Inline, ...]) -> None:
    """Write a marked French and English into a translate-toolkit TMX unit's two `<seg>`s."""
    for node in unit.getlanguageNodes():
        lang = (node.get(_XML_LANG) or "").lower()[:2]
        seg = node.find(unit.namespaced(unit.textNode))
        if seg is not None and lang in ("fr", "en"):
            tmx_inline.fill(seg, source if lang == "fr" else target, kinds)


def unit_segs(unit: etree._Element) -> dict[str, etree._Element]:
    """The `<seg>` of each language ("fr", "en") of a `<tu>`, the first one of a language winning."""
    segs: dict[str, etree._Element] = {}
    for variant in unit.iter("tuv"):
        lang = (variant.get(_XML_LANG) or variant.get("lang") or "").lower().replace("_", "-")
        segment = variant.find("seg")
        if segment is not None:
            segs.setdefault(lang.split("-")[0], segment)
    return segs


def unit_entry(unit: etree._Element) -> Marked | None:
    """The French and English of a `<tu>` with their marks, or None when one is missing or empty."""
    segs = unit_segs(unit)
    if "fr" not in segs or "en" not in segs:
        return None
    source, numbers, kinds = tmx_inline.read(segs["fr"])
    target, _, _ = tmx_inline.read(segs["en"], numbers)
    if not marking.plain(source).strip() or not marking.plain(target).strip():
        return None
    return source, target, tuple(kinds.get(i, ("", "")) for i in range(len(numbers)))


def _tree_pairs(root: etree._Element) -> list[Marked]:
    """The entries of a TMX tree, chosen by each <tuv>'s xml:lang; incomplete units skipped.

    Read from the tree already parsed safely (translate-toolkit, 30 ms to import, is for writing).
    """
    return [entry for unit in root.iter("tu") if (entry := unit_entry(unit)) is not None]


def _pairs(store) -> list[Marked]:
    """(French, English) pairs of a translate-toolkit store (see `_tree_pairs`)."""
    return _tree_pairs(etree.fromstring(bytes(store)))
