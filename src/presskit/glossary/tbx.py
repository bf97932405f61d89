"""The glossary as TBX (ISO 30042) for CAT tools: TBX-Basic in the TBX v2 `martif` form, out and back in.

One `termEntry` per CSV row, in file order. The row's file is `<admin type="projectSubset">`, its
note a `<note>`. French (`fr`) and English (`en`) `langSet`s: the headword `tig` carries
administrativeStatus preferredTerm-admn-sts; each form of the `variants` cell is a `tig` with
termType "variant" (the headword too, when the cell lists it), in the cell's order; `en_plural` is
an English `tig` with grammaticalNumber "plural". The kind: `name` → partOfSpeech "properNoun" on
the headwords; `forbidden` → the English headword is deprecatedTerm-admn-sts; otherwise `term`.
Import also reads TBX v3 (`tbx`/`conceptEntry`/`langSec`/`termSec`) and TBX from CAT tools: other
French terms become variants, a deprecated English term next to a preferred one a `forbidden` row.
"""
from __future__ import annotations

import csv
import io
import re
from pathlib import Path

from lxml import etree

from presskit.errors import PresskitError
from presskit.glossary.csv_files import COLUMNS, read_file, read_folder
from presskit.glossary.entries import Entry
from presskit.runtime.atomic import write_bytes
from presskit.runtime.lock import files_lock
from presskit.runtime.safe_xml import read_xml

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
PREFERRED, ADMITTED, DEPRECATED = "preferredTerm-admn-sts", "admittedTerm-admn-sts", "deprecatedTerm-admn-sts"
DEFAULT_FILE = "imported.csv"
_SAFE_NAME = re.compile(r"^[\w][\w.-]*\.csv$")
_HINT = "export the TBX again from your CAT tool, or fix the XML at that line"


# ---- export -------------------------------------------------------------------------------------

def export_tbx(folder: Path, path: Path) -> int:
    """Write every row of the glossary folder's CSV files to the TBX file `path`; return how many."""
    entries, problems = read_folder(Path(folder))
    fatal = [p for p in problems if p.fatal]
    if fatal:
        raise fatal[0].to_error()
    write_bytes(Path(path), tbx_bytes(entries), what="TBX file")
    return len(entries)


def tbx_bytes(entries: list[Entry]) -> bytes:
    """The TBX-Basic (martif) document of glossary rows."""
    root = etree.Element("martif", {"type": "TBX-Basic", XML_LANG: "fr"})
    header = etree.SubElement(root, "martifHeader")
    _sub(etree.SubElement(etree.SubElement(header, "fileDesc"), "sourceDesc"), "p",
         "presskit glossary (glossary/*.csv)")
    _sub(etree.SubElement(header, "encodingDesc"), "p", "TBXBasicXCSV02.xcs", type="XCSURI")
    body = etree.SubElement(etree.SubElement(root, "text"), "body")
    for index, entry in enumerate(entries, start=1):
        body.append(_term_entry(entry, f"c{index}"))
    return etree.tostring(root.getroottree(), xml_declaration=True, encoding="UTF-8", pretty_print=True)


def _term_entry(entry: Entry, ident: str) -> etree._Element:
    """One glossary row as a termEntry."""
    node = etree.Element("termEntry", id=ident)
    if entry.file:
        _sub(node, "admin", Path(entry.file).name, type="projectSubset")
    if entry.note:
        _sub(node, "note", entry.note)
    name = entry.kind == "name"
    french = etree.SubElement(node, "langSet", {XML_LANG: "fr"})
    forms = list(entry.variants) if entry.fr in entry.variants else [entry.fr, *entry.variants]
    head_done = False
    for form in forms:
        head = form == entry.fr and not head_done
        head_done |= head
        _tig(french, form, administrativeStatus=PREFERRED if head else ADMITTED,
             partOfSpeech="properNoun" if head and name else None,
             termType="variant" if form in entry.variants else None)
    english = etree.SubElement(node, "langSet", {XML_LANG: "en"})
    _tig(english, entry.en, administrativeStatus=DEPRECATED if entry.kind == "forbidden" else PREFERRED,
         partOfSpeech="properNoun" if name else None)
    if entry.en_plural:
        _tig(english, entry.en_plural, administrativeStatus=ADMITTED, grammaticalNumber="plural")
    return node


def _tig(parent: etree._Element, text: str, **notes: str | None) -> None:
    """Append a tig: the term, then its termNotes (those given)."""
    tig = etree.SubElement(parent, "tig")
    _sub(tig, "term", text)
    for kind, value in notes.items():
        if value:
            _sub(tig, "termNote", value, type=kind)


def _sub(parent: etree._Element, tag: str, text: str, **attributes: str) -> etree._Element:
    """Append a child element holding `text`."""
    child = etree.SubElement(parent, tag, attributes)
    child.text = text
    return child


# ---- import -------------------------------------------------------------------------------------

def read_tbx(path: Path) -> list[Entry]:
    """The glossary rows of a TBX file (v2 martif or v3); `Entry.file` is the CSV file they go to."""
    root = read_xml(path, "TBX file", _HINT)
    if _local(root) not in ("martif", "tbx"):
        raise PresskitError(f"this is not a TBX file (root element <{_local(root)}>)", path=path,
                            line=root.sourceline, hint="export TBX (TBX-Basic) from your CAT tool")
    rows: list[Entry] = []
    for node in root.iter():
        if _local(node) in ("termEntry", "conceptEntry"):
            rows += _rows(node, path)
    return rows


def _rows(node: etree._Element, path: Path) -> list[Entry]:
    """The CSV rows of one termEntry: its own, plus one per extra deprecated English term."""
    languages: dict[str, list[dict]] = {}
    for child in node:
        if _local(child) in ("langSet", "langSec"):
            lang = (child.get(XML_LANG) or "").lower().split("-")[0].split("_")[0]
            languages.setdefault(lang, _terms(child))
    french, english = languages.get("fr", []), languages.get("en", [])
    if not french or not english:
        raise PresskitError("a term entry without a French or an English term", path=path,
                            line=node.sourceline, hint="give every entry both languages (fr and en)")
    fr_head = _head(french)
    singular = [t for t in english if t.get("grammaticalNumber") != "plural"] or english
    en_head = _head(singular)
    plural = next((t["text"] for t in english if t.get("grammaticalNumber") == "plural"), "")
    kind = ("name" if fr_head.get("partOfSpeech") == "properNoun" else
            "forbidden" if _status(en_head) == DEPRECATED else "term")
    variants = tuple(t["text"] for t in french if t is not fr_head or t.get("termType") == "variant")
    file, note = _entry_info(node)
    rows = [Entry(fr_head["text"], en_head["text"], kind, variants, plural, note, file=file,
                  line=node.sourceline)]
    rows += [Entry(fr_head["text"], t["text"], "forbidden", file=file, line=node.sourceline)
             for t in singular if t is not en_head and _status(t) == DEPRECATED and kind == "term"]
    return rows


def _terms(lang_set: etree._Element) -> list[dict]:
    """Each term of a langSet as {"text": …, termNote type: value}, in order; empty terms skipped."""
    terms = []
    for tig in lang_set:
        if _local(tig) not in ("tig", "ntig", "termSec"):
            continue
        term = next((e for e in tig.iter() if _local(e) == "term"), None)
        text = "".join(term.itertext()).strip() if term is not None else ""
        if text:
            notes = {e.get("type"): (e.text or "").strip() for e in tig.iter() if _local(e) == "termNote"}
            terms.append({**notes, "text": text})
    return terms


def _head(terms: list[dict]) -> dict:
    """The preferred term of a language (else the first one)."""
    return next((t for t in terms if _status(t) == PREFERRED), terms[0])


def _status(term: dict) -> str:
    """A term's administrative status, normalised to the TBX-Basic values (preferredTerm → …-admn-sts)."""
    status = term.get("administrativeStatus", "")
    return status if not status or status.endswith("-admn-sts") else f"{status}-admn-sts"


def _entry_info(node: etree._Element) -> tuple[str, str]:
    """The CSV file a termEntry goes to, and its note (entry-level notes, else its definition)."""
    admin = {c.get("type"): (c.text or "").strip() for c in node if _local(c) == "admin"}
    file = admin.get("projectSubset", "")
    notes = ["".join(c.itertext()).strip() for c in node if _local(c) == "note"]
    if not any(notes):
        notes = ["".join(c.itertext()).strip() for c in node
                 if _local(c) == "descrip" and c.get("type") == "definition"]
    return (file if _SAFE_NAME.match(file) else DEFAULT_FILE), " ".join(n for n in notes if n)


def _local(node: etree._Element) -> str:
    """An element's name without its namespace ("" for comments and processing instructions)."""
    return etree.QName(node).localname if isinstance(node.tag, str) else ""


def import_tbx(path: Path, folder: Path) -> list[tuple[Path, int, Path | None]]:
    """Merge a TBX file's rows into the glossary's CSV files, each changed file's old copy → `.bak`.

    A row whose French term (and, for a forbidden row, English) is already in a CSV file updates
    that row where it is; any other goes to the file the TBX names (`imported.csv` when it names
    none, as CAT tools do). Returns (CSV file, rows it now holds, backup or None) per file written.
    """
    imported = read_tbx(Path(path))
    folder = Path(folder)
    with files_lock(folder):  # another import or a review import writing here: wait, else refuse
        files = _existing_rows(folder)
        touched = _merge(files, imported)
        written = []
        for name in touched:
            target = folder / name
            existed = target.exists()
            write_bytes(target, csv_bytes(files[name], _dialect(target)), what="glossary file", backup=True)
            written.append((target, len(files[name]), target.with_name(name + ".bak") if existed else None))
    return written


def _existing_rows(folder: Path) -> dict[str, list[Entry]]:
    """The rows of each CSV file of the glossary folder; a file with a problem stops the import."""
    files: dict[str, list[Entry]] = {}
    for csv_path in sorted(folder.glob("*.csv")):
        entries, problems = read_file(csv_path)
        if problems:
            error = problems[0].to_error()
            error.hint = "fix this glossary file first: the import would otherwise lose its rows"
            raise error
        files[csv_path.name] = entries
    return files


def _merge(files: dict[str, list[Entry]], imported: list[Entry]) -> list[str]:
    """Merge imported rows into `files` (file name → rows), in place; return the files changed."""
    where: dict[tuple, tuple[str, int]] = {}
    for name, entries in files.items():
        for index, entry in enumerate(entries):
            for key in _keys(entry):
                where.setdefault(key, (name, index))
    touched: dict[str, None] = {}
    for entry in imported:
        hit = next((where[key] for key in _keys(entry) if key in where), None)
        if hit:
            name, index = hit
            files[name][index] = _merged(files[name][index], entry)
        else:
            name, rows = entry.file, files.setdefault(entry.file, [])
            rows.append(entry)
            for key in _keys(entry):
                where.setdefault(key, (name, len(rows) - 1))
        touched[name] = None
    return list(touched)


def _keys(entry: Entry) -> tuple[tuple[str, ...], ...]:
    """The keys a row is matched by, best first: the same French and English; the same French in
    the file the TBX names; the same French and kind; the same French (a forbidden row: only the first).

    >>> _keys(Entry("Filière", "Sector", file="terms.csv"))[:2]
    (('term', 'filière', 'sector'), ('terms.csv', 'term', 'filière'))
    """
    french, english = entry.fr.casefold(), entry.en.casefold()
    if entry.kind == "forbidden":
        return (("forbidden", french, english),)
    return ((entry.kind, french, english), (Path(entry.file).name, entry.kind, french), (entry.kind, french),
            ("approved", french))


def _merged(old: Entry, new: Entry) -> Entry:
    """A row updated from the TBX: its values win, but what a CAT tool left out is kept."""
    return Entry(new.fr, new.en, new.kind, new.variants or old.variants, new.en_plural or old.en_plural,
                 new.note or old.note, file=old.file, line=old.line)


def csv_bytes(entries: list[Entry], dialect: tuple[list[str], str, str, bool] | None = None) -> bytes:
    """Glossary rows as CSV; `dialect` (columns, delimiter, newline, BOM) keeps an existing file's style."""
    values = [{"fr": e.fr, "en": e.en, "kind": e.kind, "variants": "|".join(e.variants),
               "en_plural": e.en_plural, "note": e.note} for e in entries]
    used = [c for c in COLUMNS if c in ("fr", "en", "kind") or any(v[c] for v in values)]
    columns, delimiter, newline, bom = dialect or (used, ",", "\n", False)
    if not set(used) <= set(columns):
        columns = used
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator=newline)
    writer.writerow(columns)
    writer.writerows([v[c] for c in columns] for v in values)
    return ("\ufeff" if bom else "").encode() + buffer.getvalue().encode("utf-8")


def _dialect(path: Path) -> tuple[list[str], str, str, bool] | None:
    """An existing CSV file's columns, delimiter, line ending and BOM (None if absent or unusable)."""
    try:
        text = path.read_bytes().decode("utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    bom, text = text.startswith("\ufeff"), text.removeprefix("\ufeff")
    first = text.split("\n", 1)[0].rstrip("\r")
    delimiter = ";" if ";" in first and "," not in first else ","
    columns = [c.strip().lower() for c in next(csv.reader([first], delimiter=delimiter), [])]
    if not {"fr", "en"} <= set(columns) or not set(columns) <= set(COLUMNS):
        return None
    return columns, delimiter, "\r\n" if "\r\n" in text[:len(first) + 2] else "\n", bom
