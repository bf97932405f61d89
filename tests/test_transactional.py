"""Kits are swapped in whole: on any fault the previous kit stays byte for byte (issue 17, item 1, 4, 6)."""
import hashlib
import json
import os

import pytest

from helpers import SAMPLE, disk_full_after
from presskit.build import Options, build
from presskit.engines.fake import FakeEngine
from presskit.errors import IncompleteTranslation, PresskitError
from presskit.kit.folder import load_kit
from presskit.runtime import atomic, render_pool


def tree(folder):
    """Every file under `folder` (the output folder) with its hash; the lock file aside."""
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file() and p.name != ".presskit.lock"}


def add_sentence(kit_dir, text="Une phrase toute nouvelle que la mémoire ne connaît pas encore."):
    source = kit_dir / "sources" / f"{SAMPLE}.fr.txt"
    source.write_text(source.read_text(encoding="utf-8").replace("\n\n", f"\n\n{text}\n\n", 1),
                      encoding="utf-8")


@pytest.fixture
def built(kit_dir):
    """The sample kit built once, final; returns the kit folder and the output tree."""
    build(load_kit(kit_dir), options=Options(offline=True))
    return kit_dir, tree(kit_dir / "output")


def test_an_engine_that_fails_leaves_the_previous_kit(built, monkeypatch):
    kit_dir, before = built
    add_sentence(kit_dir)

    def unreachable(self, texts, source, target):
        raise PresskitError("the engine cannot be reached", hint="try again later")

    monkeypatch.setattr(FakeEngine, "translate", unreachable)
    with pytest.raises(PresskitError, match="cannot be reached"):
        build(load_kit(kit_dir), options=Options(engine="fake"))
    assert tree(kit_dir / "output") == before
    assert sorted(p.name for p in (kit_dir / "output").iterdir()) == sorted([".presskit.lock", SAMPLE, *SITE])


SITE = ["assets", "feed.en.atom", "feed.fr.atom", "index.html"]  # the press room's index, beside the kits


def test_a_renderer_that_raises_leaves_the_previous_kit(built, monkeypatch):
    kit_dir, before = built
    add_sentence(kit_dir)
    real = render_pool.render

    def crash_on_english_pdf(format, document, theme, path, **options):
        if format == "pdf" and path.name.endswith((".en.pdf", ".en.draft.pdf")):
            raise RuntimeError("renderer crashed")
        return real(format, document, theme, path, **options)

    monkeypatch.setattr(render_pool, "render", crash_on_english_pdf)
    with pytest.raises(RuntimeError, match="renderer crashed"):
        build(load_kit(kit_dir), options=Options(engine="fake", draft=True), pool=render_pool.InProcessPool())
    assert tree(kit_dir / "output") == before


def test_a_disk_that_fills_mid_build_leaves_the_previous_kit(built, monkeypatch):
    kit_dir, before = built
    add_sentence(kit_dir)
    fill = disk_full_after(2)
    monkeypatch.setattr(atomic, "_fill", fill)
    with pytest.raises(PresskitError, match="No space left"):
        build(load_kit(kit_dir), options=Options(engine="fake"))
    assert len(fill.attempts) >= 3  # two files were written in the staging folder, then the disk filled
    assert tree(kit_dir / "output") == before


def test_a_first_build_on_a_full_disk_leaves_nothing_half_written(kit_dir, monkeypatch):
    monkeypatch.setattr(atomic, "_fill", disk_full_after(1))
    with pytest.raises(PresskitError, match="No space left"):
        build(load_kit(kit_dir), options=Options(offline=True))
    assert [p.name for p in (kit_dir / "output").iterdir()] == [".presskit.lock"]


def test_a_successful_rebuild_says_which_files_it_replaced(built):
    kit_dir, before = built
    build(load_kit(kit_dir), options=Options(offline=True, bilingual=True))
    report = json.loads((kit_dir / "output" / SAMPLE / "report.json").read_text(encoding="utf-8"))
    assert report["kit"]["new"] == [f"{SAMPLE}.bilingual.pdf"]
    assert f"{SAMPLE}.en.pdf" in report["kit"]["replaced"] and "report.json" in report["kit"]["replaced"]
    assert report["kit"]["removed"] == []
    assert all(str(kit_dir / "output" / SAMPLE) in path for path in report["outputs"])
    assert not [p for p in (kit_dir / "output").iterdir() if p.name.startswith(".staging")]


def test_an_incomplete_english_never_stands_old_beside_a_new_french(built):
    kit_dir, _ = built
    add_sentence(kit_dir)
    with pytest.raises(IncompleteTranslation):
        build(load_kit(kit_dir), options=Options(offline=True))
    folder = kit_dir / "output" / SAMPLE
    assert sorted(p.name for p in folder.iterdir()) == [
        f"{SAMPLE}.fr.docx", f"{SAMPLE}.fr.pdf", "report.json"]
    report = json.loads((folder / "report.json").read_text(encoding="utf-8"))
    assert report["status"] == "incomplete"
    removed = report["kit"]["removed"]
    assert {f"{SAMPLE}.en.docx", f"{SAMPLE}.en.pdf", f"{SAMPLE}.en.eml", f"{SAMPLE}.en.txt"} <= set(removed)
    assert not [name for name in removed if name.startswith(f"{SAMPLE}.fr.") and not name.endswith(".eml")]
    assert "earlier English files were removed" in report["kit"]["note"]


def test_two_sources_with_one_slug_are_refused_before_anything_is_written(kit_dir):
    sources = kit_dir / "sources"
    (sources / "rel.fr.txt").write_text("Titre\n\nUn texte.\n", encoding="utf-8")
    (sources / "rel.fr.md").write_text("# Titre\n\nUn texte.\n", encoding="utf-8")
    with pytest.raises(PresskitError) as caught:
        build(load_kit(kit_dir), options=Options(offline=True))
    assert "rel.fr.md" in str(caught.value) and "rel.fr.txt" in str(caught.value)
    assert not (kit_dir / "output").exists()


def test_slugs_that_differ_only_in_spaces_collide_too(kit_dir):
    sources = kit_dir / "sources"
    for name in ("a b.fr.txt", "a-b.fr.txt"):
        (sources / name).write_text("Titre\n\nUn texte.\n", encoding="utf-8")
    with pytest.raises(PresskitError, match="a b.fr.txt and a-b.fr.txt"):
        build(load_kit(kit_dir), options=Options(offline=True))


@pytest.mark.parametrize("length", [240, 225])  # 225: only the bilingual PDF/A copy's name is too long
def test_a_too_long_source_name_stops_the_batch_before_it_writes(built, length):
    kit_dir, before = built
    (kit_dir / "sources" / ("x" * length + ".fr.txt")).write_text("Titre\n\nUn texte.\n", encoding="utf-8")
    with pytest.raises(PresskitError, match="file name is too long") as caught:
        build(load_kit(kit_dir), options=Options(offline=True, bilingual=True, pdfa=True))
    assert "shorter name" in caught.value.hint
    assert tree(kit_dir / "output") == before


def test_a_symlinked_kit_folder_is_refused(kit_dir, tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (kit_dir / "output").mkdir()
    os.symlink(elsewhere, kit_dir / "output" / SAMPLE)
    with pytest.raises(PresskitError, match="symbolic link"):
        build(load_kit(kit_dir), options=Options(offline=True))
    assert list(elsewhere.iterdir()) == []


def test_a_symlinked_lock_file_is_refused_and_its_target_untouched(kit_dir, tmp_path):
    precious = tmp_path / "precious.txt"
    precious.write_text("do not truncate me", encoding="utf-8")
    (kit_dir / "output").mkdir()
    os.symlink(precious, kit_dir / "output" / ".presskit.lock")
    with pytest.raises(PresskitError, match="symbolic link"):
        build(load_kit(kit_dir), options=Options(offline=True))
    assert precious.read_text(encoding="utf-8") == "do not truncate me"


def test_a_staging_folder_left_by_a_killed_build_is_cleared(built):
    kit_dir, before = built
    leftover = kit_dir / "output" / f".staging-{SAMPLE}-99999"
    leftover.mkdir()
    (leftover / "half.pdf").write_bytes(b"%PDF-")
    build(load_kit(kit_dir), options=Options(offline=True))
    assert not leftover.exists()
    assert set(tree(kit_dir / "output")) == set(before)


def test_files_presskit_did_not_write_are_carried_into_the_new_kit(built):
    kit_dir, _ = built
    folder = kit_dir / "output" / SAMPLE
    (folder / f"{SAMPLE}.en.xlf").write_text("<xliff>the translator's work</xliff>", encoding="utf-8")
    (folder / "notes.txt").write_text("à garder", encoding="utf-8")
    build(load_kit(kit_dir), options=Options(offline=True))
    assert (folder / f"{SAMPLE}.en.xlf").read_text(encoding="utf-8") == "<xliff>the translator's work</xliff>"
    assert (folder / "notes.txt").read_text(encoding="utf-8") == "à garder"
    report = json.loads((folder / "report.json").read_text(encoding="utf-8"))
    assert report["kit"]["kept"] == [f"{SAMPLE}.en.xlf", "notes.txt"] and report["kit"]["removed"] == []


def test_a_batch_is_swapped_in_release_by_release_from_forked_builds(built):
    kit_dir, _ = built
    (kit_dir / "sources" / "second.fr.txt").write_text(
        "Un second communiqué\n\nLa filière française de la bioproduction se réunit à Lyon.\n",
        encoding="utf-8")
    pool = render_pool.open_pool()
    try:
        build(load_kit(kit_dir), options=Options(offline=True, draft=True), pool=pool)
    finally:
        pool.close()
    output = kit_dir / "output"
    assert sorted(p.name for p in output.iterdir()) == sorted([".presskit.lock", SAMPLE, "second", *SITE])
    assert (output / "second" / "second.en.draft.pdf").exists()
