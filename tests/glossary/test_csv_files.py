"""Reading glossary CSV files: errors with their line, and the full list of problems."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from presskit.errors import PresskitError
from presskit.glossary.glossary import load_glossary, validate_glossary

ROOT = Path(__file__).resolve().parents[2]


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


@pytest.mark.parametrize("text, line, words", [
    ("en,kind\nx,y\n", 1, "missing column 'fr'"),
    ("fr,note\nx,y\n", 1, "missing column 'en'"),
    ("fr,en,comment\nx,y,z\n", 1, "unknown column 'comment'"),
    ("fr,en\nx,y\n,z\n", 3, "empty 'fr' cell"),
    ("fr,en\nx,y\n\nz,\n", 4, "empty 'en' cell"),
    ("fr,en,kind\nx,y,term\nz,w\nx,y,term\n", 4, "duplicate row: same as"),
    ("fr,en,kind\nx,y,terme\n", 2, "unknown kind 'terme'"),
    ("fr,en\nx,y,z\n", 2, "the row has 3 cells"),
    ("", 1, "missing header"),
])
def test_loading_errors_name_file_and_line(tmp_path, text, line, words):
    path = write(tmp_path / "terms.csv", text)
    with pytest.raises(PresskitError) as caught:
        load_glossary(tmp_path)
    error = caught.value
    assert (error.path, error.line) == (str(path), line)
    assert words in error.message and error.hint
    assert str(error).startswith(f"{path}:{line}: ")


def test_not_utf8(tmp_path):
    write(tmp_path / "terms.csv", "fr,en\nx,y\nbiomédicament,z\n", "latin-1")
    with pytest.raises(PresskitError, match="not UTF-8") as caught:
        load_glossary(tmp_path)
    assert caught.value.line == 3


def test_bom_semicolons_and_multiline_cells(tmp_path):
    write(tmp_path / "a.csv", "\ufeffFR;EN;note\nfilière;sector;\"two\nlines\"\nbiothérapie;biotherapy;\n")
    glossary = load_glossary(tmp_path)
    assert [(e.fr, e.en, e.line) for e in glossary] == [
        ("filière", "sector", 2), ("biothérapie", "biotherapy", 4)]


def test_folder_without_csv_is_an_empty_glossary(tmp_path):
    assert len(load_glossary(tmp_path)) == 0
    assert len(load_glossary(tmp_path / "missing")) == 0
    assert load_glossary(tmp_path).find("biomédicaments") == []


def test_conflicts_do_not_stop_loading(tmp_path):
    write(tmp_path / "t.csv", "fr,en\nfilière,sector\nfilière,industry\n")
    assert len(load_glossary(tmp_path)) == 2


def test_validate_lists_every_problem(tmp_path):
    terms = write(tmp_path / "terms.csv", "fr,en,kind,variants\nfilière,sector,,filières\n"
                  "filières,industry,,\nMedicen,Medicen,term,\nfilière,sector,,filières\n"
                  "bioproduction,biomanufacturing,forbidden,\nx,,,\n")
    names = write(tmp_path / "names.csv", "fr,en,kind\nMedicen,Medicen,name\n")
    problems = [(Path(p.file).name, p.line, p.fatal, p.message.split(":")[0])
                for p in validate_glossary(tmp_path)]
    assert problems == [
        (names.name, 2, False, "'Medicen' is a name and also a term at " + str(terms)),
        (terms.name, 3, False, "conflicting entries for 'filières'"),
        (terms.name, 5, True, "duplicate row"),
        (terms.name, 6, False, "forbidden translation for 'bioproduction', which is not a term"),
        (terms.name, 7, True, "empty 'en' cell")]


def test_the_project_glossary_is_clean():
    assert validate_glossary(ROOT / "glossary") == []


def test_loading_does_not_load_the_lemmatizer():
    code = ("import sys; from pathlib import Path; from presskit.glossary.glossary import load_glossary; "
            f"load_glossary(Path({str(ROOT / 'glossary')!r})); print('simplemma' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"


def test_validate_finds_repeated_entries_and_names_that_change(tmp_path):
    write(tmp_path / "terms.csv", "fr,en,note\nfilière,sector,a\nFilière,sector,b\n")
    write(tmp_path / "names.csv", "fr,en,kind,variants\nMedicen,Médicen,name,\n"
                                  "Alliance France,Alliance France,name,filière\n")
    problems = [(Path(p.file).name, p.line, p.fatal, p.message) for p in validate_glossary(tmp_path)]
    assert problems == [
        ("names.csv", 2, False, "the name 'Medicen' has a different English 'Médicen'"),
        ("names.csv", 3, False, f"'filière' is a name and also a term at {tmp_path / 'terms.csv'}:2"),
        ("terms.csv", 3, False, f"duplicate entry for 'Filière': also at {tmp_path / 'terms.csv'}:2")]


def test_rows_give_back_every_row_with_its_cells():
    from presskit.glossary.csv_files import COLUMNS, row_cells

    glossary = load_glossary(ROOT / "glossary")
    rows = glossary.rows()
    assert len(rows) == len(glossary) + len(glossary.forbidden)
    assert [r.kind for r in rows].count("forbidden") == len(glossary.forbidden)
    cells = row_cells(next(r for r in rows if r.fr == "anticorps monoclonal"))
    assert list(cells) == list(COLUMNS)
    assert cells["variants"] == "anticorps monoclonal|anticorps monoclonaux"
