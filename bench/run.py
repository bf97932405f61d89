"""presskit benchmark: wall times from the command line, medians of several runs, and their ratios.

Run with `make bench` (or `.venv/bin/python bench/run.py [--runs N]`). It builds, each in a fresh
copy of the repository's kit and a fresh process:
  1. the sample kit (four documents), cold from the command line: a new process each time, on a
     machine where presskit has run before (its user cache holds simplemma's decoded dictionary and
     the lemma and sentence memos), and again with an empty user cache (a first build);
  2. a synthetic release 20 times longer than the sample (its body repeated);
  3. a batch of 50 releases in one command;
  4. as a reference point, LibreOffice converting the English DOCX to PDF, when `soffice` is installed:
     each run of 1. is followed by one conversion, and the ratio is the median of the pairs' ratios;
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

KIT = "sample kit (4 documents, e-mails, wire copy, web pages)"


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
    """Run a command and return its wall time in seconds, until it returns (it must succeed).

    It runs in a session of its own, and what it leaves running is waited for before the next
    command starts, outside the time (LibreOffice leaves gpg, gpgsm and gpgconf processes behind for
    1–2 s after a conversion; they would otherwise run during the next build).
    """
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                               env=env, start_new_session=True)
    code = process.wait()
    elapsed = time.perf_counter() - start
    wait_for_session(process.pid)
    if code:
        raise subprocess.CalledProcessError(code, command)
    return elapsed


def wait_for_session(session: int, limit: float = 30.0) -> None:
    """Wait until no live process of `session` is left (at most `limit` seconds, then say so on stderr).

    A process that starts a session of its own (a daemon) is not waited for.
    """
    deadline = time.monotonic() + limit
    while any(_session_of(pid) == session for pid in _pids()):
        if time.monotonic() > deadline:
            print(f"bench: processes of session {session} still run after {limit:.0f} s; timing on",
                  file=sys.stderr)
            return
        time.sleep(0.01)


def _pids() -> list[str]:
    """The processes running now (Linux's /proc; none elsewhere, where nothing is waited for)."""
    proc = Path("/proc")
    return [entry.name for entry in proc.iterdir() if entry.name.isdigit()] if proc.is_dir() else []


def _session_of(pid: str) -> int | None:
    """The session of live process `pid`, from /proc/<pid>/stat (None once it has ended or is a zombie)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    state, _, _, session = stat.rsplit(")", 1)[1].split()[:4]  # after "(name)": state, ppid, pgrp, session
    return None if state in ("Z", "X") else int(session)


def median_of(runs: int, prepare, command: list[str], empty_user_cache: bool = False) -> float:
    """Median wall time of `runs` runs, each in a freshly prepared folder (and user cache, on request)."""
    times = []
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as scratch:
            env = {**os.environ, "XDG_CACHE_HOME": str(Path(scratch) / "user-cache")} \
                if empty_user_cache else None
            times.append(timed(command, prepare(Path(scratch)), env))
    return statistics.median(times)


def paired(runs: int, build: list[str], soffice: str) -> tuple[list[float], list[float]]:
    """Wall times of `runs` builds of the sample kit, each followed by LibreOffice converting its English DOCX
    (after one pair not counted: LibreOffice makes its user profile on its first run)."""
    kit_times, office_times = [], []
    for _ in range(runs + 1):
        with tempfile.TemporaryDirectory() as scratch:
            kit = make_kit(Path(scratch) / "kit")
            kit_times.append(timed(build, kit))
            convert = Path(scratch) / "convert"
            convert.mkdir()
            docx = Path(shutil.copy(kit / "output" / SAMPLE / f"{SAMPLE}.en.docx", convert))
            office_times.append(timed([soffice, "--headless", "--convert-to", "pdf", docx.name], convert))
    return kit_times[1:], office_times[1:]


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
    results: dict[str, float] = {}
    median_of(1, make_kit, build)  # presskit has run once on this machine: its user cache is filled
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice:  # one LibreOffice conversion beside each build, so that both see the same machine
        kit_times, office_times = paired(runs, build, soffice)
        results[KIT] = statistics.median(kit_times)
        results["LibreOffice: English DOCX → PDF"] = statistics.median(office_times)
        results["ratio"] = statistics.median(o / k for k, o in zip(kit_times, office_times))
    else:
        results[KIT] = median_of(runs, make_kit, build)
    results["sample kit, first build on the machine (empty user cache)"] = median_of(
        runs, make_kit, build, empty_user_cache=True)
    # its copies renumber their footnotes, so a few sentences are not in the memory: a draft
    results["release 20× longer"] = median_of(
        runs, lambda d: make_kit(d, {"long.fr.txt": longer_release(sample, 20)}), build + ["--draft"])
    batch = {f"release-{i:02d}.fr.txt": sample for i in range(50)}
    results["batch of 50 releases"] = median_of(max(1, runs // 2), lambda d: make_kit(d, batch), build)
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
        if name != "ratio":
            print(f"| {name} | {seconds:.3f} s |")
    base = results[KIT]
    print(f"\nsample kit: {base:.3f} s (target < 0.6 s)")
    print(f"20× release / sample: {results['release 20× longer'] / base:.1f}× (target < 20×)")
    print(f"batch of 50 / sample: {results['batch of 50 releases'] / base:.1f}× "
          f"(sequential would be about 50×)")
    if "ratio" in results:
        print(f"LibreOffice one DOCX / presskit whole kit: {results['ratio']:.2f}× "
              "(median ratio of the paired runs; target ≥ 3×)")


if __name__ == "__main__":
    main()
