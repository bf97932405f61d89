"""Faults during a build: a held lock, an unusable output folder, a full disk, Ctrl-C."""
import hashlib
import signal
import subprocess
import sys

import pytest

from helpers import SAMPLE, disk_full_after, long_release
from presskit.build import Options, build
from presskit.errors import PresskitError
from presskit.kit.folder import load_kit
from presskit.runtime import atomic
from presskit.runtime.lock import build_lock


def fingerprints(folder):
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}  # web/ holds the pages


def test_a_second_build_of_the_same_kit_waits_for_none(kit_dir):
    with build_lock(kit_dir / "output"):
        with pytest.raises(PresskitError, match="another build of this kit is running"):
            build(load_kit(kit_dir), options=Options(offline=True))


def test_output_path_that_is_a_file(kit_dir):
    (kit_dir / "taken").write_text("x", encoding="utf-8")
    with pytest.raises(PresskitError) as caught:
        build(load_kit(kit_dir), options=Options(out=kit_dir / "taken", offline=True))
    assert "--out" in caught.value.hint


def test_disk_full_mid_write_leaves_earlier_outputs_intact(kit_dir, monkeypatch):
    build(load_kit(kit_dir), options=Options(offline=True))
    folder = kit_dir / "output" / SAMPLE
    before = fingerprints(folder)

    monkeypatch.setattr(atomic, "_fill", disk_full_after(0))
    with pytest.raises(PresskitError) as caught:
        build(load_kit(kit_dir), options=Options(offline=True))
    assert "No space left on device" in caught.value.message and "disk" in caught.value.hint
    assert fingerprints(folder) == before
    assert not [p for p in folder.iterdir() if p.name.endswith(".tmp")]


def _as_in_a_terminal():
    """Give the child Ctrl-C as a terminal does (a background job of a script inherits it ignored)."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def test_ctrl_c_leaves_no_partial_file(kit_dir):
    # long enough that the build is still at work seconds after its first "writing" line
    (kit_dir / "sources" / "long.fr.txt").write_text(long_release(60), encoding="utf-8")
    process = subprocess.Popen([sys.executable, "-m", "presskit", "build", "sources/long.fr.txt",
                                "--offline", "--draft"], cwd=kit_dir, stderr=subprocess.PIPE, text=True,
                               preexec_fn=_as_in_a_terminal)
    for line in process.stderr:
        if "writing" in line:
            process.send_signal(signal.SIGINT)
            break
    rest = process.stderr.read()
    assert process.wait(timeout=60) == 130
    assert "interrupted" in rest and "Traceback" not in rest
    # the kit is swapped in whole or not at all: no kit folder, no staging folder is left
    assert [p.name for p in (kit_dir / "output").iterdir()] == [".presskit.lock"]


def test_two_review_imports_at_once_lose_no_approved_edit(kit_dir):
    from lxml import etree

    namespaces = {"x": "urn:oasis:names:tc:xliff:document:1.2"}
    run = [sys.executable, "-m", "presskit", "review"]
    subprocess.run(run + ["export", f"sources/{SAMPLE}.fr.txt"], cwd=kit_dir, check=True, capture_output=True)
    exported = kit_dir / "review" / f"{SAMPLE}.en.xlf"
    edits = {"a.xlf": ("subtitle#0", "Heading for Europe in 2030"),
             "b.xlf": ("title#0", "A resounding success for the Congrès France Bioproduction")}
    for name, (unit, english) in edits.items():
        tree = etree.parse(str(exported))
        tree.find(f".//x:trans-unit[@id='{unit}']/x:target", namespaces).text = english
        tree.write(str(kit_dir / name), xml_declaration=True, encoding="UTF-8")
    imports = [subprocess.Popen(run + ["import", name], cwd=kit_dir, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True) for name in edits]
    outcomes = [(process.wait(timeout=120), process.stderr.read()) for process in imports]
    assert [code for code, _ in outcomes] == [0, 0], outcomes
    memory = (kit_dir / "glossary" / "memory.tmx").read_text(encoding="utf-8")
    assert all(english in memory for _, english in edits.values())


def test_ctrl_c_while_presskit_is_still_importing_prints_no_traceback(kit_dir):
    # Ctrl-C lands while the command's modules are loading (the first ~60 ms of a run)
    code = ("import os, signal, presskit.__main__ as entry\n"
            "os.kill(os.getpid(), signal.SIGINT)\n"
            "import presskit.cli.app\n"
            "entry.run()\n")
    done = subprocess.run([sys.executable, "-c", code, "build", "--offline"], cwd=kit_dir,
                          capture_output=True, text=True, timeout=60, preexec_fn=_as_in_a_terminal)
    assert done.returncode == 130
    assert done.stderr == "interrupted: nothing was written\n"
    assert not (kit_dir / "output").exists()
