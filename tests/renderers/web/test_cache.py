"""The templates' bytecode cache speeds builds up and never breaks one."""
from __future__ import annotations

from jinja2 import DictLoader, Environment

from presskit.renderers.jinja_cache import bytecode_cache


def test_a_broken_cache_entry_is_compiled_again(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    cache = bytecode_cache("t")
    environment = Environment(loader=DictLoader({"a.html": "{{ x }}!"}), bytecode_cache=cache, autoescape=True)
    assert environment.get_template("a.html").render(x="<b>") == "&lt;b&gt;!"
    (entry,) = (tmp_path / "presskit" / "templates-t").iterdir()
    entry.write_bytes(b"j2\x00garbage")
    fresh = Environment(loader=DictLoader({"a.html": "{{ x }}!"}), bytecode_cache=bytecode_cache("t"), autoescape=True)
    assert fresh.get_template("a.html").render(x="&") == "&amp;!"


def test_no_cache_folder_means_no_cache(tmp_path, monkeypatch):
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))
    assert bytecode_cache("t") is None
