"""--offline: network engines are refused; fake, argos and the cache open no socket at all."""
from __future__ import annotations

import socket

import pytest

from presskit.engines import CachedEngine, engine_names, engine_status, get_engine
from presskit.errors import PresskitError

NETWORK = ["deepl", "google", "google-free", "libre", "microsoft", "mymemory"]


@pytest.fixture
def sockets_blocked(monkeypatch):
    """Any attempt to connect fails the test, and is recorded."""
    attempts = []

    def refuse(*args, **kwargs):
        attempts.append(args)
        raise AssertionError(f"network connection attempted: {args!r}")
    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    return attempts


@pytest.mark.parametrize("name", NETWORK)
def test_offline_refuses_every_network_engine(name, sockets_blocked):
    with pytest.raises(PresskitError, match="would send text over the network"):
        get_engine(name, offline=True)
    assert not engine_status(name, offline=True).available
    assert sockets_blocked == []


def test_the_blocker_does_block(sockets_blocked):
    with pytest.raises(AssertionError):
        socket.create_connection(("127.0.0.1", 9))
    assert len(sockets_blocked) == 1


def test_every_engine_is_classified():
    assert set(engine_names()) == set(NETWORK) | {"fake", "argos"}


def test_fake_and_cache_translate_with_sockets_blocked(sockets_blocked, tmp_path):
    engine = CachedEngine(get_engine("fake", offline=True), tmp_path / "c.sqlite", "g")
    assert engine.translate(["Bonjour."], "fr", "en") == ["[EN] Bonjour."]
    assert engine.translate(["Bonjour."], "fr", "en") == ["[EN] Bonjour."]
    assert sockets_blocked == []


def test_argos_translates_with_sockets_blocked(argos_packages, sockets_blocked, tmp_path):
    engine = CachedEngine(get_engine("argos", offline=True), tmp_path / "c.sqlite", "g")
    assert engine.translate(["Bonjour le monde.", "Vive Paris"], "fr", "en") == \
        ["Hello world.", "Hello world."]
    assert engine_status("argos", offline=True).available
    assert sockets_blocked == []
