"""`presskit glossary export --tbx` / `import`: messages, exit codes, backups."""
import os
import subprocess
import sys

import pytest
from click.testing import CliRunner

from presskit.cli.glossary import glossary_app


@pytest.fixture
def run(kit_dir, monkeypatch):
    """Run `presskit glossary …` in the kit folder; return the result."""
    monkeypatch.chdir(kit_dir)
    return lambda *args: CliRunner().invoke(glossary_app, [str(a) for a in args])


def test_export_and_import_round_trip(run, kit_dir):
    before = (kit_dir / "glossary" / "terms.csv").read_bytes()
    result = run("export", "--tbx", "glossary.tbx")
    assert result.exit_code == 0, result.output
    assert "glossary.tbx: 36 entries" in result.stdout
    result = run("import", "glossary.tbx")
    assert result.exit_code == 0, result.output
    assert "terms.csv: 19 entries (the old file is terms.csv.bak)" in result.stdout
    assert "names.csv: 17 entries" in result.stdout and "warning" not in result.stderr
    assert (kit_dir / "glossary" / "terms.csv").read_bytes() == before
    assert (kit_dir / "glossary" / "terms.csv.bak").read_bytes() == before


def test_import_warns_about_a_glossary_that_now_has_problems(run, kit_dir):
    assert run("export", "--tbx", "glossary.tbx").exit_code == 0
    (kit_dir / "glossary" / "extra.csv").write_text("fr,en\nfilière,supply chain\n", encoding="utf-8")
    result = run("import", "glossary.tbx")
    assert result.exit_code == 0
    assert "warning:" in result.stderr and "conflicting entries for 'filière'" in result.stderr


def test_export_needs_the_tbx_option(run):
    result = run("export")
    assert result.exit_code == 2 and "--tbx" in result.output + result.stderr


def test_a_malformed_tbx_is_a_clean_error_with_its_line(run, kit_dir):
    (kit_dir / "bad.tbx").write_text("<martif>\n<text>\n</martif>\n", encoding="utf-8")
    result = run("import", "bad.tbx")
    assert result.exit_code == 2
    assert result.stderr.startswith("error: ") and "bad.tbx:3: this TBX file is not well-formed" in result.stderr
    assert "Traceback" not in result.output


def test_the_installed_command_reports_a_bad_tbx_cleanly(kit_dir):
    (kit_dir / "bad.tbx").write_text("<martif>\n", encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "presskit", "glossary", "import", "bad.tbx"],
                          cwd=kit_dir, capture_output=True, text=True, timeout=120,
                          env={**os.environ, "PYTHONWARNINGS": "ignore"})
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    assert sum(line.startswith("error: ") for line in done.stderr.splitlines()) == 1
