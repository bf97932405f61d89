"""bench/preflight.py, PDFBox preflight's second opinion: its XML report read, and never a crash."""
import shutil
import sys

import pytest

sys.path.insert(0, str(__import__("helpers").ROOT))
from bench import preflight  # noqa: E402

REPORT = """<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<preflights count="3">
  <preflight name="kit.fr.pdfa.pdf">
    <executionTimeMS>1164</executionTimeMS>
    <isValid type="PDF/A1-b">false</isValid>
    <errors count="1">
      <error count="1"><code>7.11.2</code><details>Error on MetaData, part must be 1</details></error>
    </errors>
  </preflight>
  <preflight name="broken.pdf">
    <executionTimeMS>44</executionTimeMS>
    <isValid type="PDF/A1-b">false</isValid>
    <errors count="8">
      <error count="7"><code>2.4.1</code><details>Invalid Color space, The operator "rg" can't be used with CMYK Profile</details><page>0</page></error>
      <error count="1"><code>7.11.2</code><details>Error on MetaData, part must be 1</details></error>
    </errors>
  </preflight>
  <preflight name="gone.pdf">
    <executionTimeMS>3</executionTimeMS>
    <isValid type="">false</isValid>
    <exceptionThrown><message>gone.pdf (No such file or directory)</message><stackTrace>...</stackTrace></exceptionThrown>
  </preflight>
</preflights>
"""


def test_each_file_gets_its_verdict_errors_pages_counted_from_one_and_time():
    ours, broken, gone = preflight.parse(REPORT)
    assert (ours.name, ours.valid, ours.millis) == ("kit.fr.pdfa.pdf", False, 1164)
    assert ours.errors == [("7.11.2", "Error on MetaData, part must be 1", 1)]
    assert broken.errors[0] == ("2.4.1", "Invalid Color space, The operator \"rg\" can't be used with CMYK "
                                "Profile (page 1)", 7)
    assert gone.errors == [("exception", "gone.pdf (No such file or directory)", 1)]


def test_the_pdfa1_part_number_is_expected_and_every_other_error_is_shown():
    ours, broken, _ = preflight.parse(REPORT)
    assert ours.unexpected() == []
    assert "nothing beyond the expected PDF/A-1 part number (7.11.2)" in preflight.describe(ours)
    assert [code for code, _, _ in broken.unexpected()] == ["2.4.1"]
    assert preflight.describe(broken).endswith("(page 1) ×7")
    valid = preflight.Verdict("a.pdf", True, 12)
    assert preflight.describe(valid) == "a.pdf: valid PDF/A-1b, 12 ms"


def test_the_environment_variable_wins_and_missing_debian_packages_are_named(monkeypatch, tmp_path):
    monkeypatch.setenv(preflight.ENV, "/opt/preflight-app.jar")
    assert preflight.classpath() == ("/opt/preflight-app.jar", f"${preflight.ENV}")
    monkeypatch.delenv(preflight.ENV)
    monkeypatch.setattr(preflight, "DEBIAN", tmp_path)
    monkeypatch.setattr(preflight.shutil, "which", lambda name: "/usr/bin/java")
    (tmp_path / "preflight.jar").touch()
    cp, why = preflight.classpath()
    assert cp is None and "libjaxb-api-java" in why and "libactivation-java" in why
    assert preflight.missing().startswith("PDFBox preflight: not installed (apt-get install ")
    for jar in preflight.DEBIAN_JARS:
        (tmp_path / jar).touch()
    assert preflight.classpath() == (":".join(str(tmp_path / jar) for jar in preflight.DEBIAN_JARS),
                                     "Debian's libpdfbox2-java")


def test_without_preflight_one_line_says_so(monkeypatch, capsys, tmp_path):
    monkeypatch.delenv(preflight.ENV, raising=False)
    monkeypatch.setattr(preflight, "DEBIAN", tmp_path)
    preflight.print_report([tmp_path / "kit.pdfa.pdf"])
    out = capsys.readouterr().out
    assert out.count("\n") == 1 and out.startswith("PDFBox preflight: ") and out.endswith("; skipped\n")


@pytest.mark.skipif(not shutil.which("java"), reason="no java")
def test_a_preflight_that_cannot_run_is_reported_not_raised(monkeypatch, capsys, tmp_path):
    monkeypatch.setenv(preflight.ENV, str(tmp_path / "no-such.jar"))
    preflight.print_report([tmp_path / "kit.pdfa.pdf"])
    assert "failed to run: preflight wrote no report" in capsys.readouterr().out
