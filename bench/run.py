"""presskit benchmark: wall times from the command line, medians of several runs, and their ratios.

Run with `make bench` (or `.venv/bin/python bench/run.py [--runs N]`). It builds, each in a fresh
copy of the repository's kit and a fresh process:
  1. the sample kit (four documents), cold from the command line: a new process each time, on a
     machine where presskit has run before (its user cache holds simplemma's decoded dictionary and
     the lemma and sentence memos), and again with an empty user cache (a first build);
  2. a synthetic release 20 times longer than the sample (its body repeated);
  3. a batch of 50 releases in one command;
  4. as a reference point, LibreOffice converting the English DOCX to PDF, when `soffice` is installed;
then what tagging costs one PDF, in this process (bench/tagging.py), and, where Apache PDFBox
preflight is installed (bench/preflight.py), its verdict on the sample's `--pdfa` copies, a second
opinion beside pikepdf's checker in `make test`.
Nothing here is a test: it prints numbers for the README.
"""
from __future__ import annotations

import argparse
import compileall
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = "congres-france-bioproduction-2021"
sys.path.insert(0, str(ROOT))

from bench import preflight  # noqa: E402
from bench.synthetic import longer_release  # noqa: E402
from bench.tagging import line as tagging_line  # noqa: E402
from bench.tagging import tagging_cost  # noqa: E402


def make_kit(folder: Path, releases: dict[str, str] | None = None) -> Path:
    """Copy the repository's kit into `folder`, replacing its sources by `releases` when given."""
    for name in ("glossary",):
        shutil.copytree(ROOT / name, folder / name)
    shutil.copy(ROOT / "presskit.toml", folder / "presskit.toml")
    (folder / "sources").mkdir()
    sample = (ROOT / "sources" / f"{SAMPLE}.fr.txt").read_text(encoding="utf-8")
    for name, text in (releases or {f"{SAMPLE}.fr.txt": sample}).items():
        (folder / "sources" / name).write_text(text, encoding="utf-8")
    return folder


def timed(command: list[str], cwd: Path, env: dict[str, str] | None = None) -> float:
    """Run a command and return its wall time in seconds (it must succeed)."""
    start = time.perf_counter()
    subprocess.run(command, cwd=cwd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                   env=env)
    return time.perf_counter() - start


def median_of(runs: int, prepare, command: list[str], empty_user_cache: bool = False) -> float:
    """Median wall time of `runs` runs, each in a freshly prepared folder (and user cache, on request)."""
    times = []
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as scratch:
            env = {**os.environ, "XDG_CACHE_HOME": str(Path(scratch) / "user-cache")} \
                if empty_user_cache else None
            times.append(timed(command, prepare(Path(scratch)), env))
    return statistics.median(times)


def presskit(*args: str) -> list[str]:
    """The presskit command line, as a press officer runs it."""
    return [sys.executable, "-m", "presskit", *args]


def main() -> None:
    """Measure and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    compileall.compile_dir(ROOT / "src" / "presskit", quiet=1)  # measure presskit as installed: compiled
    sample = (ROOT / "sources" / f"{SAMPLE}.fr.txt").read_text(encoding="utf-8")
    build = presskit("build", "--offline")
    results = {}
    median_of(1, make_kit, build)  # presskit has run once on this machine: its user cache is filled
    results["sample kit (4 documents)"] = median_of(runs, make_kit, build)
    results["sample kit, first build on the machine (empty user cache)"] = median_of(
        runs, make_kit, build, empty_user_cache=True)
    # its copies renumber their footnotes, so a few sentences are not in the memory: a draft
    results["release 20× longer"] = median_of(
        runs, lambda d: make_kit(d, {"long.fr.txt": longer_release(sample, 20)}), build + ["--draft"])
    batch = {f"release-{i:02d}.fr.txt": sample for i in range(50)}
    results["batch of 50 releases"] = median_of(max(1, runs // 2), lambda d: make_kit(d, batch), build)
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice:
        with tempfile.TemporaryDirectory() as scratch:
            kit = make_kit(Path(scratch))
            subprocess.run(build, cwd=kit, check=True, capture_output=True)
            docx = kit / "output" / SAMPLE / f"{SAMPLE}.en.docx"
            results["LibreOffice: English DOCX → PDF"] = median_of(
                runs, lambda d: Path(shutil.copy(docx, d)).parent,
                [soffice, "--headless", "--convert-to", "pdf", docx.name])
    report(results)
    print(tagging_line(*tagging_cost(max(runs * 3, 9))))
    second_opinion(build)


def second_opinion(build: list[str]) -> None:
    """Build the sample kit with `--pdfa` and print PDFBox preflight's verdict on its PDF/A copies."""
    print()
    if preflight.classpath()[0] is None:
        print(preflight.missing())
        return
    with tempfile.TemporaryDirectory() as scratch:
        kit = make_kit(Path(scratch))
        done = subprocess.run(build + ["--pdfa"], cwd=kit, capture_output=True, text=True)
        if done.returncode:
            print(f"PDFBox preflight: the --pdfa build failed (exit {done.returncode}); skipped")
            return
        preflight.print_report(sorted((kit / "output" / SAMPLE).glob("*.pdfa.pdf")))


def report(results: dict[str, float]) -> None:
    """Print the machine, the medians and the ratios that the targets speak of."""
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
          f"{platform.system()} {platform.release()}")
    print("| what | median wall time |\n|---|---|")
    for name, seconds in results.items():
        print(f"| {name} | {seconds:.3f} s |")
    base = results["sample kit (4 documents)"]
    print(f"\nsample kit: {base:.3f} s (target < 0.6 s)")
    print(f"20× release / sample: {results['release 20× longer'] / base:.1f}× (target < 20×)")
    print(f"batch of 50 / sample: {results['batch of 50 releases'] / base:.1f}× "
          f"(sequential would be about 50×)")
    office = results.get("LibreOffice: English DOCX → PDF")
    if office:
        print(f"LibreOffice one DOCX / presskit whole kit: {office / base:.2f}× (target ≥ 3×)")


if __name__ == "__main__":
    main()
