"""TBX export and import of the translators' glossary: structure, round trip, backups, bad files."""
import shutil

import pytest
from lxml import etree

from helpers import ROOT
from presskit.errors import PresskitError
from presskit.glossary.csv_files import read_folder
from presskit.glossary.tbx import export_tbx, import_tbx, read_tbx

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


@pytest.fixture
def glossary(tmp_path):
    """A copy of the project's real glossary folder."""
    return shutil.copytree(ROOT / "glossary", tmp_path / "glossary")


def rows(folder):
    """Every row of a glossary folder as (file name, fr, en, kind, variants, en_plural, note)."""
    entries, problems = read_folder(folder)
    assert not problems
    return [(e.file.rsplit("/", 1)[-1], e.fr, e.en, e.kind, e.variants, e.en_plural, e.note) for e in entries]


def entry_for(root, fr, en_status="preferredTerm-admn-sts"):
    """The termEntry whose French headword is `fr` and whose English headword has `en_status`."""
    for entry in root.iter("termEntry"):
        french, english = entry.findall("langSet")
        head = next(t for t in french.iterfind("tig")
                    if t.findtext("termNote[@type='administrativeStatus']") == "preferredTerm-admn-sts")
        status = english.findtext("tig/termNote[@type='administrativeStatus']")
        if head.findtext("term") == fr and status == en_status:
            return entry
    raise AssertionError(f"no entry for {fr}")


def test_export_writes_tbx_basic_martif_with_every_row(glossary, tmp_path):
    path = tmp_path / "glossary.tbx"
    count = export_tbx(glossary, path)
    root = etree.parse(str(path)).getroot()
    assert (root.tag, root.get("type"), root.get(XML_LANG)) == ("martif", "TBX-Basic", "fr")
    assert count == len(rows(glossary)) == len(root.findall("text/body/termEntry")) == 36
    name = entry_for(root, "Medicen")
    assert name.findtext("admin[@type='projectSubset']") == "names.csv"
    assert name.findtext("note").startswith("Competitiveness cluster")
    assert name.findtext("langSet/tig/termNote[@type='partOfSpeech']") == "properNoun"


def test_variants_plural_and_forbidden_use_tbx_data_categories(glossary, tmp_path):
    path = tmp_path / "glossary.tbx"
    export_tbx(glossary, path)
    root = etree.parse(str(path)).getroot()
    french = entry_for(root, "anticorps monoclonal").find("langSet")
    assert french.get(XML_LANG) == "fr"
    forms = [(t.findtext("term"), t.findtext("termNote[@type='termType']")) for t in french.iterfind("tig")]
    assert forms == [("anticorps monoclonal", "variant"), ("anticorps monoclonaux", "variant")]
    forbidden = entry_for(root, "biomédicament", "deprecatedTerm-admn-sts")
    assert forbidden.findtext("langSet[2]/tig/term") == "biomedicine"


def test_export_then_import_gives_back_the_same_files(glossary, tmp_path):
    before = {p.name: p.read_bytes() for p in glossary.glob("*.csv")}
    rows_before = rows(glossary)
    path = tmp_path / "glossary.tbx"
    export_tbx(glossary, path)
    written = import_tbx(path, glossary)
    assert sorted((p.name, n, b.name) for p, n, b in written) == \
        [("names.csv", 17, "names.csv.bak"), ("terms.csv", 19, "terms.csv.bak")]
    assert rows(glossary) == rows_before
    assert {p.name: p.read_bytes() for p in glossary.glob("*.csv")} == before  # byte for byte
    assert {p.name[:-4]: p.read_bytes() for p in glossary.glob("*.csv.bak")} == before


def test_an_edit_in_the_cat_tool_reaches_the_csv_and_the_old_file_is_kept(glossary, tmp_path):
    path = tmp_path / "glossary.tbx"
    export_tbx(glossary, path)
    original = (glossary / "terms.csv").read_bytes()
    path.write_text(path.read_text(encoding="utf-8").replace(">biotherapy<", ">biological therapy<"),
                    encoding="utf-8")
    import_tbx(path, glossary)
    assert (glossary / "terms.csv.bak").read_bytes() == original
    assert ("terms.csv", "biothérapie", "biological therapy", "term", ("biothérapie", "biothérapies"), "", "") \
        in rows(glossary)


def test_import_keeps_a_translators_csv_style(tmp_path):
    folder = tmp_path / "glossary"
    folder.mkdir()
    (folder / "terms.csv").write_bytes("\ufefffr;en;note;kind\r\nfilière;sector;;term\r\n".encode())
    tbx = tmp_path / "in.tbx"
    export_tbx(folder, tbx)
    import_tbx(tbx, folder)
    assert (folder / "terms.csv").read_bytes() == "\ufefffr;en;note;kind\r\nfilière;sector;;term\r\n".encode()


FOREIGN = """<?xml version="1.0" encoding="UTF-8"?>
<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">
 <tbxHeader><fileDesc><sourceDesc><p>memoQ</p></sourceDesc></fileDesc></tbxHeader>
 <text><body>
  <conceptEntry id="c1">
   <admin type="projectSubset">../../etc/passwd.csv</admin>
   <descrip type="definition">Biological medicinal product.</descrip>
   <langSec xml:lang="fr-FR">
    <termSec><term>biomédicament</term></termSec>
    <termSec><term>biomédicaments</term></termSec>
   </langSec>
   <langSec xml:lang="EN-GB">
    <termSec><term>biomedicine</term><termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></termSec>
    <termSec><term>biopharmaceutical</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></termSec>
   </langSec>
   <langSec xml:lang="de"><termSec><term>Biopharmazeutikum</term></termSec></langSec>
  </conceptEntry>
 </body></text>
</tbx>
"""


def test_a_cat_tools_tbx_v3_becomes_rows_in_imported_csv(tmp_path):
    path = tmp_path / "memoq.tbx"
    path.write_text(FOREIGN, encoding="utf-8")
    folder = tmp_path / "glossary"
    written = import_tbx(path, folder)
    assert [(p.name, n, b) for p, n, b in written] == [("imported.csv", 2, None)]
    assert rows(folder) == [
        ("imported.csv", "biomédicament", "biopharmaceutical", "term", ("biomédicaments",), "",
         "Biological medicinal product."),
        ("imported.csv", "biomédicament", "biomedicine", "forbidden", (), "", ""),
    ]
    assert not (tmp_path / "etc").exists()


@pytest.mark.parametrize("text, line, message", [
    ('<?xml version="1.0"?>\n<martif type="TBX-Basic">\n<text><body>\n<termEntry>\n</body></text></martif>',
     5, "not well-formed"),
    ('<?xml version="1.0"?>\n<martif><text><body>\n<termEntry id="a">\n'
     '<langSet xml:lang="fr"><tig><term>filière</term></tig></langSet>\n</termEntry>\n</body></text></martif>',
     3, "without a French or an English term"),
    ('<?xml version="1.0"?>\n<glossary/>', 2, "not a TBX file"),
    ('', 1, "not well-formed"),
])
def test_malformed_tbx_names_its_line(tmp_path, text, line, message):
    path = tmp_path / "bad.tbx"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(PresskitError, match=message) as error:
        read_tbx(path)
    assert (error.value.path, error.value.line) == (str(path), line)


def test_a_bad_tbx_leaves_the_csv_files_alone(glossary, tmp_path):
    before = {p.name: p.read_bytes() for p in glossary.iterdir()}
    path = tmp_path / "bad.tbx"
    path.write_text('<martif><text><body><termEntry><langSet xml:lang="fr"/></termEntry></body></text>'
                    '</martif>', encoding="utf-8")
    with pytest.raises(PresskitError):
        import_tbx(path, glossary)
    assert {p.name: p.read_bytes() for p in glossary.iterdir()} == before


def test_xxe_in_tbx_is_refused(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET", encoding="utf-8")
    path = tmp_path / "evil.tbx"
    path.write_text(f'<?xml version="1.0"?>\n<!DOCTYPE martif [\n<!ENTITY x SYSTEM "file://{secret}">]>'
                    '<martif><text><body><termEntry><langSet xml:lang="fr"><tig><term>&x;</term></tig>'
                    '</langSet><langSet xml:lang="en"><tig><term>a</term></tig></langSet></termEntry>'
                    '</body></text></martif>', encoding="utf-8")
    with pytest.raises(PresskitError, match="entities") as error:
        import_tbx(path, tmp_path / "glossary")
    assert error.value.line == 3
    assert not (tmp_path / "glossary" / "imported.csv").exists()


def test_export_refuses_a_glossary_with_a_broken_row(glossary, tmp_path):
    with (glossary / "terms.csv").open("a", encoding="utf-8") as stream:
        stream.write("vaccin,,term,,,\n")
    with pytest.raises(PresskitError, match="empty 'en' cell") as error:
        export_tbx(glossary, tmp_path / "out.tbx")
    assert error.value.line == 21 and not (tmp_path / "out.tbx").exists()
