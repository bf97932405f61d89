"""Fixtures of the engine tests: a tiny Argos model built on the spot, local servers only."""
from __future__ import annotations

import shutil

import pytest


@pytest.fixture(scope="session")
def argos_model(tmp_path_factory):
    """A tiny fr → en Argos model folder (skipped when the `argos` extra is not installed)."""
    pytest.importorskip("ctranslate2", reason="the argos extra (ctranslate2) is not installed")
    pytest.importorskip("sentencepiece", reason="the argos extra (sentencepiece) is not installed")
    from argos_model import build_model
    return build_model(tmp_path_factory.mktemp("argos-build") / "translate-fr_en-tiny")


@pytest.fixture
def argos_packages(argos_model, tmp_path, monkeypatch):
    """A models folder holding the tiny model, named by ARGOS_PACKAGES_DIR (as argostranslate reads)."""
    packages = tmp_path / "argos-packages"
    shutil.copytree(argos_model, packages / argos_model.name)
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(packages))
    return packages


@pytest.fixture
def no_argos_models(tmp_path, monkeypatch):
    """An empty models folder: no Argos model is installed."""
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(tmp_path / "empty-argos"))
    return tmp_path / "empty-argos"


@pytest.fixture(scope="session")
def local_server():
    """One HTTP server on 127.0.0.1 for the session (never the real providers)."""
    from pytest_httpserver import HTTPServer
    server = HTTPServer(host="127.0.0.1", port=0, threaded=True)
    server.start()
    yield server
    server.stop()


@pytest.fixture
def http(local_server):
    """The local server, emptied of expectations and log after each test."""
    yield local_server
    local_server.clear()


@pytest.fixture(autouse=True)
def _no_keys(monkeypatch):
    """No provider key leaks in from the environment of the person running the tests."""
    for var in ("DEEPL_API_KEY", "DEEPL_AUTH_KEY", "MICROSOFT_API_KEY", "LIBRE_API_KEY",
                "MICROSOFT_REGION", "GOOGLE_CLOUD_PROJECT", "GOOGLE_APPLICATION_CREDENTIALS"):
        monkeypatch.delenv(var, raising=False)
