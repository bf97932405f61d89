"""The argos engine with a tiny model built by the tests: discovery, loading, translating, install."""
from __future__ import annotations

import zipfile

import pytest
from click.testing import CliRunner

from presskit.cli.engines import engines_app
from presskit.engines import ArgosEngine, Engine, argos, engine_status, get_engine
from presskit.errors import PresskitError


def test_the_tiny_model_translates_through_the_real_loading_code(argos_packages):
    engine = get_engine("argos", offline=True)
    assert isinstance(engine, Engine) and engine.network is False
    texts = ["Bonjour le monde.", "", "  Vive Paris\n", "Un mot inconnu."]
    assert engine.translate(texts, "fr", "en-GB") == ["Hello world.", "", "  Hello world.\n",
                                                      "Hello world."]


def test_same_language_and_blanks_need_no_model(no_argos_models):
    engine = get_engine("argos")
    assert engine.translate(["Bonjour."], "fr", "fr") == ["Bonjour."]
    assert engine.translate(["", "  "], "fr", "en") == ["", "  "]


def test_status_names_the_model(argos_packages):
    status = engine_status("argos", offline=True)
    assert status.available and not status.network
    assert "translate-fr_en-tiny 0.1" in status.reason


def test_no_model_says_how_to_install_one(no_argos_models):
    if not argos.argos_installed():
        pytest.skip("the argos extra is not installed")
    status = engine_status("argos")
    assert not status.available and "install-argos" in status.reason
    with pytest.raises(PresskitError) as err:
        get_engine("argos").translate(["Bonjour."], "fr", "en")
    assert err.value.message == "no Argos Translate model for fr → en is installed"
    assert "presskit engines install-argos" in err.value.hint
    assert "argospm" not in err.value.hint + status.reason  # not installed with presskit: never suggested


def test_a_model_for_another_direction_is_not_used(argos_model, tmp_path):
    from argos_model import build_model
    other = build_model(tmp_path / "models" / "translate-en_fr", from_code="en", to_code="fr")
    with pytest.raises(PresskitError, match="no Argos Translate model for fr → en"):
        ArgosEngine(packages_dir=other.parent).translate(["Bonjour."], "fr", "en")
    assert ArgosEngine(packages_dir=other.parent).translate(["Hi."], "en", "fr") == ["Hello world."]


def test_missing_extra_is_reported(monkeypatch, argos_packages):
    monkeypatch.setattr(argos, "argos_installed", lambda: False)
    status = engine_status("argos")
    assert not status.available and "pip install ctranslate2 sentencepiece" in status.reason
    with pytest.raises(PresskitError, match="needs ctranslate2 and sentencepiece"):
        get_engine("argos").translate(["Bonjour."], "fr", "en")


def test_a_broken_model_is_a_clear_error(argos_packages):
    model = next(argos_packages.iterdir())
    (model / "model" / "model.bin").write_bytes(b"not a model")
    with pytest.raises(PresskitError) as err:
        get_engine("argos").translate(["Bonjour."], "fr", "en")
    assert err.value.message == "cannot load the Argos model (RuntimeError)"
    assert err.value.path == str(model)


def test_bad_metadata_and_bpe_models_are_clear_errors(argos_packages):
    model = next(argos_packages.iterdir())
    (model / "sentencepiece.model").rename(model / "bpe.model")
    with pytest.raises(PresskitError, match="uses BPE"):
        get_engine("argos").translate(["Bonjour."], "fr", "en")
    (model / "metadata.json").write_text("{oops")
    assert engine_status("argos").available is False
    with pytest.raises(PresskitError, match="unreadable Argos model metadata"):
        get_engine("argos").translate(["Bonjour."], "fr", "en")


def test_install_argos_unpacks_a_model_file_that_then_translates(argos_model, tmp_path, monkeypatch):
    from argos_model import build_archive
    archive = build_archive(argos_model, tmp_path / "translate-fr_en.argosmodel")
    packages = tmp_path / "packages"
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(packages))
    result = CliRunner().invoke(engines_app, ["install-argos", str(archive)])
    assert result.exit_code == 0, result.output
    assert "installed translate-fr_en-tiny" in result.output
    assert (packages / "translate-fr_en-tiny" / "model" / "model.bin").is_file()
    assert get_engine("argos").translate(["Bonjour."], "fr", "en") == ["Hello world."]


def test_install_argos_refuses_what_is_not_a_model(tmp_path):
    not_zip = tmp_path / "x.argosmodel"
    not_zip.write_text("hello")
    with pytest.raises(PresskitError, match="is a zip archive"):
        argos.install_model(not_zip, [tmp_path / "p"])
    no_meta = tmp_path / "y.argosmodel"
    with zipfile.ZipFile(no_meta, "w") as zf:
        zf.writestr("y/model/model.bin", b"")
    with pytest.raises(PresskitError, match="no metadata.json"):
        argos.install_model(no_meta, [tmp_path / "p"])
    assert not (tmp_path / "p").exists()
