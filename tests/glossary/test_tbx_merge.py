"""A TBX exported by a CAT tool (no projectSubset, other dialects) merges into the existing rows (issue 17, 7)."""
import re
import shutil
import threading

import pytest

from helpers import ROOT
from presskit.errors import PresskitError
from presskit.glossary.csv_files import read_folder
from presskit.glossary.tbx import export_tbx, import_tbx
from presskit.runtime.lock import files_lock


@pytest.fixture
def glossary(tmp_path):
    """A copy of the project's real glossary folder."""
    return shutil.copytree(ROOT / "glossary", tmp_path / "glossary")


def strip_project_subsets(path):
    """What a CAT tool gives back: the same entries, without presskit's projectSubset admin."""
    text = path.read_text(encoding="utf-8")
    path.write_text(re.sub(r"\s*<admin type=\"projectSubset\">[^<]*</admin>", "", text), encoding="utf-8")


def test_a_cat_tools_tbx_without_project_subset_merges_instead_of_duplicating(glossary, tmp_path):
    before, problems = read_folder(glossary)
    assert not problems
    path = tmp_path / "from-cat.tbx"
    export_tbx(glossary, path)
    strip_project_subsets(path)
    path.write_text(path.read_text(encoding="utf-8").replace(">biotherapy<", ">biological therapy<"),
                    encoding="utf-8")
    import_tbx(path, glossary)
    import_tbx(path, glossary)  # twice: still no duplicate
    after, problems = read_folder(glossary)
    assert not [p for p in problems if "duplicate" in p.message]
    assert not (glossary / "imported.csv").exists()
    assert len(after) == len(before)
    changed = [(e.fr, e.en) for e in after if e.fr == "biothérapie"]
    assert changed == [("biothérapie", "biological therapy")]


def test_a_new_term_from_a_cat_tool_goes_to_imported_csv(glossary, tmp_path):
    path = tmp_path / "new.tbx"
    path.write_text("""<?xml version="1.0" encoding="UTF-8"?>
<martif type="TBX" xml:lang="fr"><text><body>
 <termEntry><langSet xml:lang="fr"><tig><term>jumeau numérique</term></tig></langSet>
  <langSet xml:lang="en"><tig><term>digital twin</term></tig></langSet></termEntry>
 <termEntry><langSet xml:lang="fr"><tig><term>filière</term></tig></langSet>
  <langSet xml:lang="en"><tig><term>sector</term></tig></langSet></termEntry>
</body></text></martif>""", encoding="utf-8")
    count = len(read_folder(glossary)[0])
    written = import_tbx(path, glossary)
    assert ("imported.csv", 1) in [(p.name, n) for p, n, _ in written]
    entries, problems = read_folder(glossary)
    assert len(entries) == count + 1 and not [p for p in problems if "duplicate" in p.message]


def test_an_import_waits_for_the_kits_lock_then_refuses(glossary, tmp_path):
    path = tmp_path / "g.tbx"
    export_tbx(glossary, path)
    with files_lock(glossary):
        done = []
        thread = threading.Thread(target=lambda: done.append(_try(import_tbx, path, glossary)))
        thread.start()
        thread.join()
    assert isinstance(done[0], PresskitError) and "another presskit command" in done[0].message


def _try(function, *args):
    try:
        return function(*args)
    except PresskitError as error:
        return error


def test_english_terms_repeated_thousands_of_times_are_each_found_once():
    from presskit.glossary.entries import contains_english, english_spans

    text = "monoclonal antibodies and monoclonal antibody, " * 1500
    spans = english_spans(text, ("monoclonal antibody", "monoclonal antibodies", "antibody"))
    assert len(spans) == 3000
    assert {form for _, _, form in spans} == {"monoclonal antibody", "monoclonal antibodies"}
    assert all(a < b <= c for (a, b, _), (c, _, _) in zip(spans, spans[1:]))
    assert contains_english(text, {"monoclonal antibodies"})
