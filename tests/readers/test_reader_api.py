"""read() and parse_text(): dispatch, decoding, and errors the user can act on."""
from __future__ import annotations

from pathlib import Path

import pytest

from presskit.errors import PresskitError
from presskit.readers import SUPPORTED, parse_text, read

RELEASE = "Titre du communiqué\n\nL’équipe présente ses résultats à Paris.\n"


def test_utf8_with_and_without_bom_and_windows_1252(tmp_path: Path) -> None:
    for name, data in [("a.txt", RELEASE.encode("utf-8")), ("b.txt", b"\xef\xbb\xbf" + RELEASE.encode("utf-8")),
                       ("c.txt", RELEASE.encode("cp1252")), ("d.md", RELEASE.encode("utf-16"))]:
        (tmp_path / name).write_bytes(data)
        doc = read(tmp_path / name)
        assert doc.title == "Titre du communiqué", name
        assert doc.blocks[0].text == "L’équipe présente ses résultats à Paris.", name
        assert doc.source == str(tmp_path / name)


def test_windows_and_old_mac_line_endings(tmp_path: Path) -> None:
    for ending in ("\r\n", "\r"):
        doc = parse_text(RELEASE.replace("\n", ending))
        assert doc.title == "Titre du communiqué" and len(doc.blocks) == 1


@pytest.mark.parametrize("content", [b"", b"   \n\t\n \r\n", "\ufeff \n".encode("utf-8")])
def test_an_empty_file_is_an_error(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "vide.txt"
    path.write_bytes(content)
    with pytest.raises(PresskitError) as error:
        read(path)
    assert error.value.path == str(path) and "empty" in error.value.message


def test_unknown_extension_names_the_file_and_the_supported_ones(tmp_path: Path) -> None:
    path = tmp_path / "communique.odt"
    path.write_text(RELEASE, encoding="utf-8")
    with pytest.raises(PresskitError) as error:
        read(path)
    assert error.value.path == str(path)
    assert all(ext in error.value.hint for ext in SUPPORTED) and ".odt" in error.value.message


def test_missing_file_and_folder_are_errors(tmp_path: Path) -> None:
    with pytest.raises(PresskitError, match="not found"):
        read(tmp_path / "absent.txt")
    (tmp_path / "dossier.txt").mkdir()
    with pytest.raises(PresskitError, match="folder"):
        read(tmp_path / "dossier.txt")


def test_binary_file_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\xff\xfe\x00")
    with pytest.raises(PresskitError, match="text file"):
        read(path)


def test_parse_text_of_whitespace_is_an_error() -> None:
    with pytest.raises(PresskitError):
        parse_text(" \n \u00a0\n")
