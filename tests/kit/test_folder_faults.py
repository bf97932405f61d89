"""Hostile or odd kit settings give a clear error (exit 2), never an internal error (issue 17)."""
import os
import subprocess
import sys

import pytest

from presskit.errors import PresskitError
from presskit.kit.folder import load_kit
from presskit.kit.theme import FONT_DIR


def write_settings(kit_dir, text):
    (kit_dir / "presskit.toml").write_text(text, encoding="utf-8")


def test_a_bom_in_the_settings_is_read(tmp_path):
    (tmp_path / "presskit.toml").write_bytes("\ufeff[brand]\nname = \"Été\"\n".encode("utf-8"))
    assert load_kit(tmp_path).theme.name == "Été"


def test_offline_as_a_string_is_refused_with_file_and_key(tmp_path):
    write_settings(tmp_path, '[translation]\noffline = "false"\n')
    with pytest.raises(PresskitError) as caught:
        load_kit(tmp_path)
    assert "[translation] offline = 'false' is not a boolean" in caught.value.message
    assert caught.value.path.endswith("presskit.toml") and "without quotes" in caught.value.hint


def test_offline_as_a_boolean_still_works(tmp_path):
    write_settings(tmp_path, "[translation]\noffline = true\n")
    assert load_kit(tmp_path).offline_only is True


def test_a_folder_named_like_the_settings_is_refused(tmp_path):
    (tmp_path / "presskit.toml").mkdir()
    with pytest.raises(PresskitError, match="is a folder"):
        load_kit(tmp_path)


def test_settings_nested_five_thousand_deep_are_refused(tmp_path):
    write_settings(tmp_path, "x = " + "[" * 5000 + "]" * 5000 + "\n")
    with pytest.raises(PresskitError, match="too deeply"):
        load_kit(tmp_path)


def test_an_unknown_kit_key_is_refused(tmp_path):
    write_settings(tmp_path, "[kit]\nfollow_links = true\n")
    with pytest.raises(PresskitError, match=r"unknown \[kit\] key"):
        load_kit(tmp_path)


def test_a_source_linked_from_outside_the_kit_is_refused(kit_dir, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("Titre\n\nUn texte confidentiel.\n", encoding="utf-8")
    os.symlink(secret, kit_dir / "sources" / "lien.fr.txt")
    with pytest.raises(PresskitError) as caught:
        load_kit(kit_dir).releases()
    assert "symbolic link" in caught.value.message and "follow_symlinks" in caught.value.hint


def test_a_source_linked_from_outside_is_read_when_the_kit_allows_it(kit_dir, tmp_path):
    secret = tmp_path / "other.txt"
    secret.write_text("Titre\n\nUn texte.\n", encoding="utf-8")
    os.symlink(secret, kit_dir / "sources" / "lien.fr.txt")
    settings = kit_dir / "presskit.toml"
    settings.write_text(settings.read_text(encoding="utf-8") + "\n[kit]\nfollow_symlinks = true\n",
                        encoding="utf-8")
    assert kit_dir / "sources" / "lien.fr.txt" in load_kit(kit_dir).releases()


def test_a_link_inside_the_kit_is_fine(kit_dir):
    os.symlink(next((kit_dir / "sources").iterdir()), kit_dir / "sources" / "copie.fr.txt")
    assert len(load_kit(kit_dir).releases()) == 2


def test_a_logo_linked_from_outside_the_kit_is_refused(tmp_path):
    kit = tmp_path / "kit"
    kit.mkdir()
    (tmp_path / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    os.symlink(tmp_path / "logo.png", kit / "logo.png")
    write_settings(kit, '[brand]\nlogo = "logo.png"\n')
    with pytest.raises(PresskitError, match="logo file is a symbolic link"):
        load_kit(kit)


def test_a_truncated_font_is_a_clear_error_through_the_cli(kit_dir):
    font = (FONT_DIR / "Lato-Regular.ttf").read_bytes()
    (kit_dir / "broken.ttf").write_bytes(font[: len(font) // 3])
    settings = kit_dir / "presskit.toml"
    text = settings.read_text(encoding="utf-8").replace("[brand]", '[brand]\nfont = "broken.ttf"', 1)
    settings.write_text(text, encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "presskit", "build", "--offline"], cwd=kit_dir,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 2, done.stderr
    assert "broken.ttf" in done.stderr and "damaged" in done.stderr
    assert "internal error" not in done.stderr and "Traceback" not in done.stderr


def test_a_linked_source_named_on_the_command_line_is_refused_too(kit_dir, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("Titre\n\nUn texte confidentiel pour personne.\n", encoding="utf-8")
    os.symlink(secret, kit_dir / "sources" / "lien.fr.txt")
    done = subprocess.run([sys.executable, "-m", "presskit", "check", "sources/lien.fr.txt", "--offline"],
                          cwd=kit_dir, capture_output=True, text=True, timeout=120)
    assert done.returncode == 2 and "outside the kit" in done.stderr, done.stderr
