"""Translation engines behind one small interface, found by name in a registry.

`get_engine("deepl", url="http://127.0.0.1:8080/")` returns an `Engine`; `engine_names()` lists
them and `engine_status(name)` says whether each can be used here. Each engine class derives from
`EngineBase` and declares its `capabilities` (service-side glossary, batch size, tag handling).
Network engines: `deepl` (official client, v3 glossaries), `google` (Cloud Translation v3, REST),
`microsoft` (Translator v3, dynamic dictionary), and through deep-translator `google-free` (the
unofficial web endpoint), `mymemory` and `libre`. Offline: `argos` (an installed Argos Translate
model) and `fake`. `CachedEngine` wraps any of them with a SQLite cache.
"""
from __future__ import annotations

from importlib import import_module

from presskit.engines.base import (
    CATALOGUE,
    CHECK_TIMEOUT,
    DEFAULT_ENGINE,
    DEFAULT_TIMEOUT,
    DEFAULT_WORKERS,
    Capabilities,
    Engine,
    EngineBase,
    EngineFailure,
    EngineStatus,
    RetryPolicy,
    check_engine,
    engine_class,
    engine_names,
    engine_settings,
    engine_status,
    get_engine,
    register,
)

_CLASSES = {  # class name → module: loaded on first use (`from presskit.engines import DeeplEngine`)
    "ArgosEngine": "presskit.engines.argos", "CachedEngine": "presskit.engines.cache",
    "DeeplEngine": "presskit.engines.deepl_api", "FakeEngine": "presskit.engines.fake",
    "GoogleCloudEngine": "presskit.engines.google_cloud", "GoogleFreeEngine": "presskit.engines.deep",
    "LibreEngine": "presskit.engines.deep", "MicrosoftEngine": "presskit.engines.microsoft",
    "MyMemoryEngine": "presskit.engines.deep",
}


def __getattr__(name: str):
    """An engine class, its module loaded by name on first use (PEP 562)."""
    if name in _CLASSES:
        return getattr(import_module(_CLASSES[name]), name)
    raise AttributeError(f"module 'presskit.engines' has no attribute {name!r}")


def apply_terms(engine: Engine, pairs: list[tuple[str, str]]) -> Engine:
    """The engine with a service-side glossary of (French, English) pairs when it takes one."""
    if not pairs or not engine.capabilities.glossary:
        return engine
    return engine.with_terms(pairs)


__all__ = [
    "CATALOGUE", "CHECK_TIMEOUT", "DEFAULT_ENGINE", "DEFAULT_TIMEOUT", "DEFAULT_WORKERS", "Capabilities",
    "Engine", "EngineBase", "EngineFailure", "EngineStatus", "RetryPolicy", "check_engine",
    "engine_class", "engine_names", "engine_settings", "engine_status", "get_engine", "register",
    "apply_terms", "CachedEngine", "FakeEngine", "ArgosEngine", "GoogleCloudEngine",
    "GoogleFreeEngine", "DeeplEngine", "MicrosoftEngine", "MyMemoryEngine", "LibreEngine",
]
