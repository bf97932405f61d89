"""Shared fixtures: the repository's own kit, copied so tests never write into it."""
import pytest

from helpers import copy_kit


@pytest.fixture
def kit_dir(tmp_path):
    """A fresh copy of the sample kit."""
    return copy_kit(tmp_path / "kit")


@pytest.fixture
def no_network(monkeypatch):
    """Make any attempt to open a network connection fail the test."""
    import socket

    def refuse(*args, **kwargs):
        raise AssertionError(f"network connection attempted: {args!r}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
