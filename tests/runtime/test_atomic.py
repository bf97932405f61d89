"""Whole-or-nothing writes: translators' files are forced to disk, a build's outputs are not."""

import pytest

from helpers import disk_full_after
from presskit.errors import PresskitError
from presskit.runtime import atomic


@pytest.fixture
def syncs(monkeypatch):
    calls = []
    real = atomic.os.fsync
    monkeypatch.setattr(atomic.os, "fsync", lambda fd: (calls.append(fd), real(fd)))
    return calls


def test_a_translator_file_is_forced_to_disk_before_the_rename(tmp_path, syncs):
    path = atomic.write_bytes(tmp_path / "memory.tmx", b"<tmx/>", what="translation memory")
    assert path.read_bytes() == b"<tmx/>" and len(syncs) == 1


def test_an_output_is_written_whole_without_forcing_it_to_disk(tmp_path, syncs):
    path = atomic.write_output(tmp_path / "kit.en.pdf", b"%PDF-1.7", what="PDF")
    assert path.read_bytes() == b"%PDF-1.7" and syncs == []


def test_a_failed_write_keeps_the_old_file_and_leaves_no_temporary(tmp_path, monkeypatch):
    target = tmp_path / "kit.en.pdf"
    target.write_bytes(b"old")

    monkeypatch.setattr(atomic, "_fill", disk_full_after(0))
    with pytest.raises(PresskitError, match="cannot write the PDF") as caught:
        atomic.write_output(target, b"new", what="PDF")
    assert "disk" in caught.value.hint
    assert target.read_bytes() == b"old" and [p.name for p in tmp_path.iterdir()] == ["kit.en.pdf"]
