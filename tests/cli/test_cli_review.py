"""`presskit review export|import` as a translator runs them: messages and exit codes (click's CliRunner)."""
import pytest
from click.testing import CliRunner
from lxml import etree

from helpers import SAMPLE
from presskit.cli.review import review_app

NS = {"x": "urn:oasis:names:tc:xliff:document:1.2"}
XLF = f"review/{SAMPLE}.en.xlf"


@pytest.fixture
def run(kit_dir, monkeypatch):
    """Run `presskit review …` in the kit folder; return the result."""
    monkeypatch.chdir(kit_dir)
    return lambda *args: CliRunner().invoke(review_app, [str(a) for a in args])


def assert_clean_error(result):
    assert "Traceback" not in result.output + result.stderr
    assert isinstance(result.exception, SystemExit)
    assert sum(line.startswith("error: ") for line in result.stderr.splitlines()) == 1


def test_export_then_import_a_correction(run, kit_dir, no_network):
    result = run("export", f"sources/{SAMPLE}.fr.txt", "--offline")
    assert result.exit_code == 0, result.output
    assert f"{SAMPLE}.en.xlf" in result.stdout and "0 to review, 0 new" in result.stdout
    tree = etree.parse(str(kit_dir / XLF))
    tree.find(".//x:trans-unit[@id='subtitle#0']/x:target", NS).text = "Heading for Europe in 2030"
    tree.write(str(kit_dir / XLF), xml_declaration=True, encoding="UTF-8")
    result = run("import", XLF)
    assert result.exit_code == 0, result.output
    assert "0 added, 1 replaced" in result.stdout and "memory.tmx.bak" in result.stdout
    assert "→ 'Heading for Europe in 2030'" in result.stdout


def test_refused_units_make_the_import_exit_1(run, kit_dir, no_network):
    (kit_dir / "sources" / "nouveau.fr.txt").write_text("Un titre inédit\n\nUne phrase.\n", encoding="utf-8")
    from presskit.build import Options, build
    from presskit.kit.folder import load_kit

    build(load_kit(kit_dir), [kit_dir / "sources" / "nouveau.fr.txt"], Options(engine="fake", draft=True))
    assert run("export", "sources/nouveau.fr.txt").exit_code == 0
    xlf = kit_dir / "review" / "nouveau.en.xlf"
    tree = etree.parse(str(xlf))
    tree.find(".//x:trans-unit[@id='title#0']/x:target", NS).text = "A new title"
    tree.write(str(xlf), xml_declaration=True, encoding="UTF-8")
    (kit_dir / "sources" / "nouveau.fr.txt").write_text("Un autre titre\n\nUne phrase.\n", encoding="utf-8")
    result = run("import", xlf)
    assert result.exit_code == 1
    assert "refused title#0: the source changed since export" in result.stderr
    assert "0 added" in result.stdout and "1 refused" in result.stdout


def test_a_malformed_review_file_is_a_clean_error_with_its_line(run, kit_dir):
    (kit_dir / "bad.xlf").write_text('<?xml version="1.0"?>\n<xliff version="1.2">\n<file>\n</xliff>\n',
                                     encoding="utf-8")
    result = run("import", "bad.xlf")
    assert result.exit_code == 2
    assert_clean_error(result)
    assert "bad.xlf:4: this review file is not well-formed XML" in result.stderr


def test_exporting_a_missing_release_is_a_clean_error(run):
    result = run("export", "sources/absent.fr.txt", "--offline")
    assert result.exit_code == 2
    assert_clean_error(result)
    assert "absent.fr.txt: no such file" in result.stderr


def test_export_says_where_it_kept_the_file_it_replaced(run, kit_dir, no_network):
    assert run("export", f"sources/{SAMPLE}.fr.txt").exit_code == 0
    tree = etree.parse(str(kit_dir / XLF))
    tree.find(".//x:trans-unit[@id='subtitle#0']/x:target", NS).text = "Work in progress"
    tree.write(str(kit_dir / XLF), xml_declaration=True, encoding="UTF-8")
    result = run("export", f"sources/{SAMPLE}.fr.txt")
    assert result.exit_code == 0, result.output
    assert f"kept as {kit_dir / XLF}.1.bak" in result.stdout
    assert b"Work in progress" in (kit_dir / f"{XLF}.1.bak").read_bytes()
