"""The real releases of ../shared/examples (read at run time, never copied into the project) in the
three variants the reader is judged on: the .txt, a LibreOffice PDF of it, that PDF's pdftotext text.

The PDF and pdftotext variants are made once per machine by bench/reader_eval.py's converters and
cached outside the repository; without LibreOffice or poppler-utils their tests skip and say why.
"""
from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT.parent / "shared" / "examples"
VARIANTS = ("txt", "pdf", "pdftotext")


def example_files() -> list[Path]:
    """The French releases of the examples folder (the English versions are not read)."""
    return sorted(EXAMPLES.glob("*.fr.txt"))


def _eval_module():
    """bench/reader_eval.py, imported for its converters."""
    spec = importlib.util.spec_from_file_location("reader_eval", ROOT / "bench" / "reader_eval.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def variant_path(txt: Path, variant: str) -> Path:
    """The file of one variant of an example; skips the test when the tools to make it are missing."""
    if not txt.exists():
        pytest.skip(f"{txt} is missing: the examples live in ../shared/examples")
    if variant != "txt":
        missing = [tool for tool in ("soffice", "pdftotext") if not shutil.which(tool)]
        if missing:
            pytest.skip(f"{' and '.join(missing)} not installed (apt-get install libreoffice-writer-nogui "
                        "poppler-utils): the PDF variants cannot be made")
    path = _eval_module().variant_file(txt, variant)
    if path is None:
        pytest.skip(f"LibreOffice could not convert {txt.name}")
    return path


def example_ids(path: Path) -> str:
    """The test id of an example: its number and name without the language and extension."""
    return path.name.removesuffix(".fr.txt")
