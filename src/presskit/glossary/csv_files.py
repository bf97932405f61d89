"""Read the translators' glossary files (`glossary/*.csv`) and list every problem in them."""
from __future__ import annotations

import csv
import io
from dataclasses import astuple, dataclass
from pathlib import Path
from typing import Iterator

from presskit.errors import PresskitError
from presskit.glossary.entries import KINDS, Entry, normalize

COLUMNS = ("fr", "en", "kind", "variants", "en_plural", "note")
_HEADER_HINT = "the first line must name the columns: fr,en,kind,variants,en_plural,note (fr and en required)"


@dataclass(frozen=True)
class Problem:
    """Something wrong in a glossary file; a `fatal` one stops the glossary from loading."""

    file: str
    line: int
    message: str
    hint: str = ""
    fatal: bool = True

    def __str__(self) -> str:
        return str(self.to_error())

    def to_error(self) -> PresskitError:
        """The problem as the error the user sees."""
        return PresskitError(self.message, path=self.file, line=self.line or None, hint=self.hint)


def read_folder(folder: Path) -> tuple[list[Entry], list[Problem]]:
    """Read every `*.csv` of the folder (sorted by name): the entries, and the problems found reading them."""
    folder = Path(folder)
    if folder.exists() and not folder.is_dir():
        return [], [Problem(str(folder), 0, "the glossary must be a folder of CSV files",
                            "put the CSV file inside a folder named glossary/")]
    entries: list[Entry] = []
    problems: list[Problem] = []
    for path in sorted(folder.glob("*.csv")) if folder.is_dir() else ():
        file_entries, file_problems = read_file(path)
        entries += file_entries
        problems += file_problems
    unique, duplicates = _drop_duplicates(entries)
    return unique, problems + duplicates


def read_file(path: Path) -> tuple[list[Entry], list[Problem]]:
    """Read one glossary CSV file."""
    text, problem = _decode(path)
    if problem:
        return [], [problem]
    rows = _rows(text, str(path))
    first = next(rows, None)
    if first is None:
        return [], [Problem(str(path), 1, "the file is empty: missing header row", _HEADER_HINT)]
    if isinstance(first[1], Problem):
        return [], [first[1]]
    header, problems = _header(first[1], str(path), first[0])
    if problems:
        return [], problems
    entries: list[Entry] = []
    for line, cells in rows:
        result = cells if isinstance(cells, Problem) else _entry(header, cells, str(path), line)
        (problems if isinstance(result, Problem) else entries).append(result)
    return entries, problems


def _decode(path: Path) -> tuple[str, Problem | None]:
    """The file's text (UTF-8, with or without BOM), or the problem reading it."""
    data = path.read_bytes()
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as error:
        line = data[:error.start].count(b"\n") + 1
        return "", Problem(str(path), line, "the file is not UTF-8 text",
                           "save it as “CSV UTF-8” (Excel) or UTF-8 (LibreOffice)")


def _rows(text: str, file: str) -> Iterator[tuple[int, list[str] | Problem]]:
    """Yield (line, cells) for each non-blank row; a `;` header means a semicolon-separated file."""
    first_line = text.split("\n", 1)[0]
    delimiter = ";" if ";" in first_line and "," not in first_line else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    while True:
        line = reader.line_num + 1
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            yield line, Problem(file, line, f"the row cannot be read as CSV: {error}",
                                "check the quotes: a cell with a comma must be in double quotes")
            return
        cells = [normalize(c.strip()) for c in cells]
        if any(cells):
            yield line, cells


def _header(cells: list[str], file: str, line: int) -> tuple[list[str], list[Problem]]:
    """The column names of the header row, or the problems with it."""
    names = [c.lower() for c in cells]
    problems = [Problem(file, line, f"unknown column {c!r}", f"use only these columns: {', '.join(COLUMNS)}")
                for c in cells if c.lower() not in COLUMNS]
    problems += [Problem(file, line, f"column {c!r} appears twice", "keep one column of each name")
                 for i, c in enumerate(names) if c in names[:i]]
    problems += [Problem(file, line, f"missing column {c!r} in the header row", _HEADER_HINT)
                 for c in ("fr", "en") if c not in names]
    return names, problems


def _entry(header: list[str], cells: list[str], file: str, line: int) -> Entry | Problem:
    """Build the entry of one row, or return what is wrong with it."""
    if len(cells) > len(header):
        return Problem(file, line, f"the row has {len(cells)} cells but the header names {len(header)}",
                       "put a cell containing a comma in double quotes")
    row = dict(zip(header, cells))
    for column in ("fr", "en"):
        if not row.get(column):
            return Problem(file, line, f"empty {column!r} cell",
                           "fill it in (for a name, repeat the French) or delete the row")
    kind = (row.get("kind") or "term").lower()
    if kind not in KINDS:
        return Problem(file, line, f"unknown kind {row['kind']!r}", f"use one of: {', '.join(KINDS)}")
    variants = tuple(v.strip() for v in row.get("variants", "").split("|") if v.strip())
    return Entry(row["fr"], row["en"], kind, variants, row.get("en_plural", ""), row.get("note", ""),
                 file=file, line=line)


def _drop_duplicates(entries: list[Entry]) -> tuple[list[Entry], list[Problem]]:
    """Keep the first of rows that are exactly the same; each repeat is a problem."""
    first: dict[tuple, Entry] = {}
    problems = []
    for entry in entries:
        key = astuple(entry)[:6]
        if key in first:
            problems.append(Problem(entry.file, entry.line, f"duplicate row: same as {first[key].where}",
                                    "delete one of the two rows"))
        else:
            first[key] = entry
    return list(first.values()), problems


def row_cells(entry: Entry) -> dict[str, str]:
    """The CSV cells of a glossary row, by column (variants joined by `|`).

    >>> row_cells(Entry("filière", "sector", variants=("filières",)))["variants"]
    'filières'
    """
    return {"fr": entry.fr, "en": entry.en, "kind": entry.kind, "variants": "|".join(entry.variants),
            "en_plural": entry.en_plural, "note": entry.note}


def consistency_problems(entries: list[Entry]) -> list[Problem]:
    """Problems between rows: conflicts, repeated entries, names that change or are also terms, bad forbidden rows."""
    return (_conflicts(entries) + _repeated(entries) + _names_changed(entries)
            + _names_also_terms(entries) + _forbidden_problems(entries))


def _repeated(entries: list[Entry]) -> list[Problem]:
    """Rows giving the same French and English of the same kind that differ only in other columns."""
    seen: dict[tuple[str, str, str], Entry] = {}
    problems = []
    for entry in entries:
        other = seen.setdefault((entry.kind, entry.fr.casefold(), entry.en.casefold()), entry)
        if other is not entry:
            problems.append(Problem(entry.file, entry.line, f"duplicate entry for {entry.fr!r}: "
                                    f"also at {other.where}", "merge the two rows into one",
                                    fatal=False))
    return problems


def _names_changed(entries: list[Entry]) -> list[Problem]:
    """Names whose English is not their French: a name is never translated."""
    return [Problem(e.file, e.line, f"the name {e.fr!r} has a different English {e.en!r}",
                    "repeat the French in the en column, or make the row a term", fatal=False)
            for e in entries if e.kind == "name" and e.en != e.fr]


def _conflicts(entries: list[Entry]) -> list[Problem]:
    """Two terms sharing a French form but not their English."""
    seen: dict[str, Entry] = {}
    problems = []
    for entry in (e for e in entries if e.kind == "term"):
        for form in entry.french_forms():
            other = seen.setdefault(form.casefold(), entry)
            if other is not entry and other.en != entry.en:
                problems.append(Problem(entry.file, entry.line, f"conflicting entries for {form!r}: "
                                        f"{entry.en!r} here, {other.en!r} at {other.where}",
                                        "keep one English translation", fatal=False))
    return problems


def _names_also_terms(entries: list[Entry]) -> list[Problem]:
    """A name whose French is also a term's French form."""
    terms: dict[str, Entry] = {}
    for term in (e for e in entries if e.kind == "term"):
        for form in term.french_forms():
            terms.setdefault(form.casefold(), term)
    problems = []
    for entry in (e for e in entries if e.kind == "name"):
        form = next((f for f in entry.french_forms() if f.casefold() in terms), None)
        if form is not None:
            problems.append(Problem(entry.file, entry.line, f"{form!r} is a name and also a term at "
                                    f"{terms[form.casefold()].where}", "keep it in one file only",
                                    fatal=False))
    return problems


def _forbidden_problems(entries: list[Entry]) -> list[Problem]:
    """Forbidden rows for no term, or forbidding the approved translation."""
    terms = {e.fr.casefold(): e for e in entries if e.kind == "term"}
    problems = []
    for entry in (e for e in entries if e.kind == "forbidden"):
        term = terms.get(entry.fr.casefold())
        if term is None:
            problems.append(Problem(entry.file, entry.line, f"forbidden translation for {entry.fr!r}, "
                                    "which is not a term", "add the term with its approved English",
                                    fatal=False))
        elif term.en.casefold() == entry.en.casefold():
            problems.append(Problem(entry.file, entry.line, f"{entry.en!r} is both approved and forbidden "
                                    f"(see {term.where})", "delete one of the two rows", fatal=False))
    return problems
