"""`presskit engines`: a table of every engine, available or not and why; keys never shown."""
from __future__ import annotations

import pytest
from click.testing import CliRunner

from presskit.cli.engines import engines_app
from presskit.engines import engine_names
from presskit.engines.argos import argos_installed


def run(*args):
    result = CliRunner().invoke(engines_app, list(args), env={"COLUMNS": "1000"})
    assert result.exit_code == 0, result.output
    return result.output


def row(output, name):
    [line] = [line for line in output.splitlines() if line.strip("│ ").startswith(name + " ")]
    return " ".join(line.replace("│", " ").split())


def test_lists_every_engine_with_why(no_argos_models):
    output = run()
    for name in engine_names():
        assert row(output, name)
    assert row(output, "deepl").startswith("deepl no yes DeepL API v2/translate + v3 glossaries")
    assert row(output, "deepl").endswith("set DEEPL_AUTH_KEY to your API key")
    assert row(output, "microsoft").startswith("microsoft no yes Microsoft Translator v3")
    assert row(output, "microsoft").endswith("set MICROSOFT_API_KEY to your API key")
    assert row(output, "google").startswith("google no yes Google Cloud Translation v3")
    assert "GOOGLE_CLOUD_PROJECT" in row(output, "google")
    assert row(output, "google-free").startswith("google-free yes yes")
    assert "UNOFFICIAL endpoint, rate-limited" in row(output, "google-free")
    assert row(output, "fake").startswith("fake yes no offline")
    assert "Nothing was contacted" in output and "argospm" not in output
    how = "install-argos" if argos_installed() else "pip install ctranslate2 sentencepiece"
    assert how in row(output, "argos") and row(output, "argos").startswith("argos no no")


def test_a_set_key_makes_deepl_available_and_is_never_printed(monkeypatch, no_argos_models):
    monkeypatch.setenv("DEEPL_AUTH_KEY", "very-secret-deepl-key:fx")
    output = run()
    assert row(output, "deepl").endswith("network; key from DEEPL_AUTH_KEY")
    assert row(output, "deepl").startswith("deepl yes yes")
    assert "very-secret" not in output


def test_offline_marks_network_engines_unavailable(argos_packages):
    output = run("--offline")
    assert row(output, "google").startswith("google no yes")
    assert row(output, "google").endswith("sends text over the network: not with --offline")
    assert row(output, "argos").startswith("argos yes no")
    assert "offline; model translate-fr_en-tiny" in row(output, "argos")
    assert row(output, "fake").startswith("fake yes no")


@pytest.mark.parametrize("missing", ["ctranslate2", "sentencepiece"])
def test_argos_without_its_extra_says_how_to_install_it(monkeypatch, missing, no_argos_models):
    import importlib.util
    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == missing
                        else real(name, *a))
    assert "pip install ctranslate2 sentencepiece" in row(run(), "argos")


def test_check_reaches_each_engine_that_is_set_up(http, tmp_path, monkeypatch, no_argos_models):
    import socket

    from standins import DeepL
    monkeypatch.setenv("DEEPL_AUTH_KEY", "secret-check-key:fx")
    deepl = DeepL("secret-check-key:fx").install(http)
    silent = socket.socket()  # accepts connections, never answers
    silent.bind(("127.0.0.1", 0))
    silent.listen(5)
    kit = tmp_path / "kit"
    kit.mkdir()
    (kit / "presskit.toml").write_text(f'[translation]\nengine = "deepl"\nurl = "{http.url_for("/")}"\n',
                                       encoding="utf-8")
    from presskit.engines import deep
    monkeypatch.setattr(deep.LibreEngine, "status", classmethod(lambda cls: (True, "network")))
    monkeypatch.setattr(deep, "LIBRE_PUBLIC_URL", f"http://127.0.0.1:{silent.getsockname()[1]}/")
    try:
        output = run("--check", "--kit", str(kit))
    finally:
        silent.close()
    assert row(output, "deepl").endswith("yes: reached " + http.url_for("/") +
                                         "; 1,200 of 500,000 characters used")
    assert [(m, p) for m, p, _ in deepl.requests] == [("GET", "/v2/usage")]  # no text sent
    assert "did not answer within 2 s" in row(output, "libre")
    assert row(output, "microsoft").endswith("not tried: not set up")
    assert row(output, "fake").endswith("offline: nothing to reach")
    assert "secret-check-key" not in output
