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

from presskit.engines.argos import ArgosEngine
from presskit.engines.base import (
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
from presskit.engines.cache import CachedEngine
from presskit.engines.deep import GoogleFreeEngine, LibreEngine, MyMemoryEngine
from presskit.engines.deepl_api import DeeplEngine
from presskit.engines.fake import FakeEngine
from presskit.engines.google_cloud import GoogleCloudEngine
from presskit.engines.microsoft import MicrosoftEngine


def apply_terms(engine: Engine, pairs: list[tuple[str, str]]) -> Engine:
    """The engine with a service-side glossary of (French, English) pairs when it takes one."""
    if not pairs or not engine.capabilities.glossary:
        return engine
    return engine.with_terms(pairs)


__all__ = [
    "CHECK_TIMEOUT", "DEFAULT_ENGINE", "DEFAULT_TIMEOUT", "DEFAULT_WORKERS", "Capabilities",
    "Engine", "EngineBase", "EngineFailure", "EngineStatus", "RetryPolicy", "check_engine",
    "engine_class", "engine_names", "engine_settings", "engine_status", "get_engine", "register",
    "apply_terms", "CachedEngine", "FakeEngine", "ArgosEngine", "GoogleCloudEngine",
    "GoogleFreeEngine", "DeeplEngine", "MicrosoftEngine", "MyMemoryEngine", "LibreEngine",
]
