"""A second opinion on the PDF/A copies: Apache PDFBox preflight, where it is installed.

Preflight is found through `$PRESSKIT_PDFBOX_PREFLIGHT` (a Java classpath: a self-contained
preflight-app jar, or jars joined by `:`), else as Debian's jars in /usr/share/java (packages
libpdfbox2-java, libactivation-java and libjaxb-api-java). PDFBox 2.0's preflight knows PDF/A-1b
only, so it reports presskit's PDF/A-2b copies as "part must be 1" (rule 7.11.2) even when all is
well: `PART_ERROR` is that expected finding, and only the others are worth a look.

`bench/run.py` calls it on the sample kit; `.venv/bin/python bench/preflight.py FILE.pdf...` checks
any PDFs (one Java process for them all).
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

ENV = "PRESSKIT_PDFBOX_PREFLIGHT"
DEBIAN = Path("/usr/share/java")
DEBIAN_JARS = {  # jar → the Debian package that ships it
    "preflight.jar": "libpdfbox2-java", "pdfbox2.jar": "libpdfbox2-java", "xmpbox.jar": "libpdfbox2-java",
    "fontbox2.jar": "libfontbox2-java", "commons-logging.jar": "libcommons-logging-java",
    "javax.activation.jar": "libactivation-java", "jaxb-api.jar": "libjaxb-api-java"}
MAIN = "org.apache.pdfbox.preflight.Validator_A1b"
PART_ERROR = ("7.11.2", "part must be 1")  # a PDF/A-1b validator reading pdfaid:part="2"


@dataclass
class Verdict:
    """What preflight says of one file: valid or not, its errors (code, details, count), its time."""

    name: str
    valid: bool
    millis: int
    errors: list[tuple[str, str, int]] = field(default_factory=list)

    def unexpected(self) -> list[tuple[str, str, int]]:
        """The errors other than the PDF/A-1 part number that a PDF/A-2b copy is bound to get."""
        return [e for e in self.errors if not (e[0] == PART_ERROR[0] and PART_ERROR[1] in e[1])]


def classpath() -> tuple[str | None, str]:
    """Preflight's Java classpath (or None) and where it came from (or why it is missing)."""
    if os.environ.get(ENV):
        return os.environ[ENV], f"${ENV}"
    if not shutil.which("java"):
        return None, "no java on PATH"
    missing = sorted({pkg for jar, pkg in DEBIAN_JARS.items() if not (DEBIAN / jar).is_file()})
    if missing:
        return None, f"not installed (apt-get install {' '.join(missing)}, or set ${ENV})"
    return ":".join(str(DEBIAN / jar) for jar in DEBIAN_JARS), "Debian's libpdfbox2-java"


def parse(report: str) -> list[Verdict]:
    """The verdicts of preflight's XML report (`xml group` mode: one <preflight> per file)."""
    verdicts = []
    for item in ET.fromstring(report).iter("preflight"):
        errors = []
        for error in item.iter("error"):
            details, page = error.findtext("details", "").strip(), error.findtext("page")
            details += f" (page {int(page) + 1})" if page and page.strip().isdigit() else ""
            errors.append((error.findtext("code", "").strip(), details, int(error.get("count", "1"))))
        thrown = item.findtext("exceptionThrown/message")
        if thrown is not None:
            errors.append(("exception", thrown.strip(), 1))
        verdicts.append(Verdict(item.get("name", "?"), item.findtext("isValid", "").strip() == "true",
                                int(item.findtext("executionTimeMS", "0")), errors))
    return verdicts


def check(pdfs: list[Path], cp: str) -> tuple[list[Verdict], float]:
    """Run preflight once over `pdfs` (one Java process) and return its verdicts and its wall time."""
    with tempfile.TemporaryDirectory() as scratch:
        listing = Path(scratch) / "files.txt"
        listing.write_text("".join(f"{Path(p).resolve()}\n" for p in pdfs), encoding="utf-8")
        start = time.perf_counter()
        subprocess.run(["java", "-cp", cp, MAIN, "xml", "group", str(listing)], capture_output=True,
                       timeout=600, check=False)
        seconds = time.perf_counter() - start
        result = listing.with_name(listing.name + ".preflight.xml")
        if not result.is_file():
            raise RuntimeError("preflight wrote no report")
        return parse(result.read_text(encoding="utf-8")), seconds


def describe(verdict: Verdict) -> str:
    """One line for a file: valid or not, its time, and its errors beyond the expected part number."""
    state = "valid PDF/A-1b" if verdict.valid else "not valid PDF/A-1b"
    others = "; ".join(f"{code} {details}" + (f" ×{n}" if n > 1 else "")
                       for code, details, n in verdict.unexpected())
    expected = len(verdict.errors) > len(verdict.unexpected())
    tail = others or ("nothing beyond the expected PDF/A-1 part number (7.11.2)" if expected else "")
    return f"{verdict.name}: {state}, {verdict.millis} ms" + (f" — {tail}" if tail else "")


def missing() -> str:
    """The one line saying why there is no second opinion."""
    return f"PDFBox preflight: {classpath()[1]}; skipped"


def print_report(pdfs: list[Path]) -> None:
    """Print preflight's verdict on each PDF, or one line saying why there is none (never raises)."""
    cp, origin = classpath()
    if cp is None:
        print(missing())
        return
    try:
        verdicts, seconds = check(pdfs, cp)
    except (OSError, subprocess.SubprocessError, RuntimeError, ValueError, ET.ParseError) as error:
        print(f"PDFBox preflight ({origin}) failed to run: {error}")
        return
    print(f"PDFBox preflight ({origin}, PDF/A-1b rules), {len(pdfs)} files in {seconds:.2f} s wall time:")
    for verdict in verdicts:
        print(f"- {describe(verdict)}")


if __name__ == "__main__":
    print_report([Path(arg) for arg in sys.argv[1:]])
