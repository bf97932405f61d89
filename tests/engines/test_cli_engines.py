"""`presskit engines`: a table of every engine, available or not and why; keys never shown."""
from __future__ import annotations

import pytest
from click.testing import CliRunner

from presskit.cli.engines import engines_app
from presskit.engines import engine_names
from presskit.engines.argos import argos_installed


def run(*args):
    result = CliRunner().invoke(engines_app, list(args), env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    return result.output


def row(output, name):
    [line] = [line for line in output.splitlines() if line.strip("│ ").startswith(name + " ")]
    return " ".join(line.replace("│", " ").split())


def test_lists_every_engine_with_why(no_argos_models):
    output = run()
    for name in engine_names():
        assert row(output, name)
    assert row(output, "deepl").startswith("deepl no yes set DEEPL_API_KEY")
    assert row(output, "microsoft").startswith("microsoft no yes set MICROSOFT_API_KEY")
    assert row(output, "google") == "google yes yes network; no key needed"
    assert row(output, "fake").startswith("fake yes no offline")
    how = "install-argos" if argos_installed() else "pip install 'presskit[argos]'"
    assert how in row(output, "argos") and row(output, "argos").startswith("argos no no")


def test_a_set_key_makes_deepl_available_and_is_never_printed(monkeypatch, no_argos_models):
    monkeypatch.setenv("DEEPL_API_KEY", "very-secret-deepl-key:fx")
    output = run()
    assert row(output, "deepl") == "deepl yes yes network; key from DEEPL_API_KEY"
    assert "very-secret" not in output


def test_offline_marks_network_engines_unavailable(argos_packages):
    output = run("--offline")
    assert row(output, "google").startswith("google no yes sends text over the network")
    assert row(output, "argos").startswith("argos yes no offline; model translate-fr_en-tiny")
    assert row(output, "fake").startswith("fake yes no")


@pytest.mark.parametrize("missing", ["ctranslate2", "sentencepiece"])
def test_argos_without_its_extra_says_how_to_install_it(monkeypatch, missing, no_argos_models):
    import importlib.util
    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == missing
                        else real(name, *a))
    assert "pip install 'presskit[argos]'" in row(run(), "argos")
