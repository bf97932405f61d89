"""The translators' glossary: load it, find its terms and names in French, check the English.

    glossary = load_glossary(Path("glossary"))
    document = annotate(document, glossary)      # fills document.terms
    glossary.check_english("two biopharmaceuticals", glossary.entry("biomédicament"))
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import Iterable, Iterator

from presskit.document import TermUse
from presskit.glossary.csv_files import COLUMNS, Problem, consistency_problems, read_folder
from presskit.glossary.entries import Entry, contains_english, normalize
from presskit.glossary.matching import Matcher

__all__ = ["COLUMNS", "Entry", "Glossary", "Match", "Problem", "load_glossary",
           "validate_glossary"]


@dataclass(frozen=True)
class Match:
    """A glossary entry found in a French text: where, as written, and whether it is in the plural."""

    start: int
    end: int
    surface: str
    entry: Entry
    plural: bool = False

    @property
    def english(self) -> str:
        """The approved English in the number of the French."""
        return self.entry.english(self.plural)


class Glossary:
    """Terms and names to recognise in French, with their approved (and forbidden) English."""

    def __init__(self, entries: Iterable[Entry] = ()) -> None:
        rows = list(entries)
        self._rows = tuple(rows)
        self.forbidden = tuple(e for e in rows if e.kind == "forbidden")
        self.entries = tuple(_with_forbidden(e, self.forbidden) for e in rows if e.kind != "forbidden")
        self._matcher: Matcher | None = None
        self._index: dict[tuple[str, str], Entry] = {}
        for e in self.entries:
            self._index.setdefault((e.kind, e.fr.casefold()), e)

    def __len__(self) -> int:
        return len(self.entries)

    def __iter__(self) -> Iterator[Entry]:
        return iter(self.entries)

    def rows(self) -> list[Entry]:
        """Every row as read (terms, names and forbidden translations), in file and line order.

        `glossary_io.row_cells(entry)` gives a row's CSV cells, for exports (TBX) and rewrites.
        """
        return list(self._rows)

    def find(self, text: str) -> list[Match]:
        """Find the terms and names in a French text, in text order, longest entry first, no overlaps."""
        if not text or not self.entries:
            return []
        if self._matcher is None:
            self._matcher = Matcher(self.entries)
        return [Match(start, end, text[start:end], self.entries[index], plural)
                for start, end, index, plural in self._matcher.find(text)]

    def entry(self, fr: str, kind: str = "term") -> Entry | None:
        """The entry with this French (any case) and kind, or None."""
        return self._index.get((kind, normalize(fr).casefold()))

    def check_english(self, text_en: str, entry: Entry) -> bool:
        """True if the approved English of `entry` (either number) is in the English text."""
        return contains_english(text_en, entry.english_forms())

    def forbidden_found(self, text_en: str, entry: Entry) -> list[str]:
        """The forbidden English translations of `entry` that appear in the English text."""
        return [en for en in entry.forbidden
                if contains_english(text_en, Entry(entry.fr, en).english_forms())]

    def term_found(self, use: TermUse, english: str) -> bool:
        """For the checker: the approved English of a term use is in `english`, and no forbidden one."""
        entry = self.entry(use.fr, use.kind) or Entry(use.fr, use.en, use.kind)
        if self.forbidden_found(english, entry):
            return False
        return self.check_english(english, entry)


def _with_forbidden(entry: Entry, forbidden: tuple[Entry, ...]) -> Entry:
    """Attach to a term the English translations forbidden for its French."""
    fr = entry.fr.casefold()
    banned = tuple(f.en for f in forbidden if f.fr.casefold() == fr)
    return replace(entry, forbidden=banned) if banned and entry.kind == "term" else entry


def load_glossary(folder: Path) -> Glossary:
    """Load every `*.csv` of the folder; raise PresskitError (file, line, what to do) on a bad row."""
    entries, problems = read_folder(Path(folder))
    fatal = [p for p in problems if p.fatal]
    if fatal:
        error = fatal[0].to_error()
        if len(fatal) > 1:
            error.hint = f"{error.hint} ({len(fatal) - 1} more problem(s): run `presskit glossary check`)"
        raise error
    return Glossary(entries)


def validate_glossary(folder: Path) -> list[Problem]:
    """Every problem of the glossary folder, fatal or not, by file and line."""
    entries, problems = read_folder(Path(folder))
    problems += consistency_problems(entries)
    return sorted(problems, key=lambda p: (p.file, p.line))
