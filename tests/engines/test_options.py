"""Engine options are checked before anything is read or written: names, settings, addresses."""
from __future__ import annotations

import pytest
from test_build_engines import presskit

from helpers import SAMPLE, copy_kit
from presskit.errors import PresskitError
from presskit.kit.folder import load_kit


@pytest.fixture
def kit(tmp_path):
    return copy_kit(tmp_path / "kit")


def written(kit):
    """What a build left in the kit besides what was copied."""
    return sorted(str(p.relative_to(kit)) for p in kit.rglob("*")
                  if p.parts[len(kit.parts)] not in ("sources", "glossary", "presskit.toml"))


def settings_with(kit, line):
    path = kit / "presskit.toml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('engine = "google"', line, 1), encoding="utf-8")
    return text[: text.index('engine = "google"')].count("\n") + 1  # the line it is on


def test_an_unknown_engine_on_the_command_line_is_refused_first(kit):
    code, out, err = presskit("build", "--engine", "gogle", cwd=kit)
    assert code != 0 and "Traceback" not in err
    assert "unknown translation engine 'gogle'" in err and "google-free" in err
    assert written(kit) == []  # not even the output folder or its lock


def test_an_unknown_engine_in_the_settings_names_the_file_and_line(kit):
    line = settings_with(kit, 'engine = "depl"')
    code, out, err = presskit("build", cwd=kit)  # the memory covers everything: still refused
    assert code != 0 and "Traceback" not in err
    assert f"presskit.toml:{line}" in err and "unknown translation engine 'depl'" in err
    assert written(kit) == []
    with pytest.raises(PresskitError) as error:
        load_kit(kit)
    assert error.value.line == line and str(error.value.path) == str(kit / "presskit.toml")


def test_an_unknown_translation_setting_names_its_line(kit):
    line = settings_with(kit, 'engine = "deepl"\nformalty = "prefer_more"')
    with pytest.raises(PresskitError) as error:
        load_kit(kit)
    assert error.value.message == "unknown [translation] key 'formalty'"
    assert error.value.line == line + 1 and "formality" in error.value.hint


def test_engine_url_on_an_engine_without_an_address_is_refused_first(kit):
    code, out, err = presskit("build", f"sources/{SAMPLE}.fr.txt", "--engine", "google-free",
                              "--engine-url", "http://127.0.0.1:9/", cwd=kit)
    assert code != 0 and "--engine-url does not apply to the google-free engine" in err
    assert written(kit) == []


def test_the_url_setting_applies_to_the_kit_engine(kit):
    settings_with(kit, 'engine = "deepl"\nurl = "http://127.0.0.1:9/"\nformality = "prefer_less"')
    loaded = load_kit(kit)
    assert (loaded.engine, loaded.engine_url) == ("deepl", "http://127.0.0.1:9/")
    assert loaded.engine_settings == {"formality": "prefer_less"}
    line = settings_with(copy_kit(kit.parent / "other"), 'engine = "mymemory"\nurl = "http://x/"')
    with pytest.raises(PresskitError) as error:
        load_kit(kit.parent / "other")
    assert "url does not apply to the mymemory engine" in error.value.message
    assert error.value.line == line + 1
