"""Translation engines behind one small interface, found by name in a registry.

`get_engine("libre", url="http://127.0.0.1:5000/")` returns an `Engine`; `engine_names()` lists
them and `engine_status(name)` says whether each can be used here. Network engines (google, deepl,
microsoft, mymemory, libre) go through deep-translator with timeouts, retries, bounded parallel
requests and clear `PresskitError`s; DeepL's glossary API is called directly (`with_terms`);
`argos` (an installed Argos Translate model) and `fake` are offline. `CachedEngine` wraps any of
them with a SQLite cache.
"""
from __future__ import annotations

from presskit.engines.argos import ArgosEngine
from presskit.engines.base import (
                                   DEFAULT_ENGINE,
                                   DEFAULT_TIMEOUT,
                                   DEFAULT_WORKERS,
                                   Engine,
                                   EngineFailure,
                                   EngineStatus,
                                   RetryPolicy,
                                   engine_names,
                                   engine_status,
                                   get_engine,
                                   register,
)
from presskit.engines.cache import CachedEngine
from presskit.engines.deep import (
                                   DeeplEngine,
                                   GoogleEngine,
                                   LibreEngine,
                                   MicrosoftEngine,
                                   MyMemoryEngine,
)
from presskit.engines.fake import FakeEngine


def apply_terms(engine: Engine, pairs: list[tuple[str, str]]) -> Engine:
    """The engine with its own glossary of (French, English) pairs when it has one, else itself."""
    if not pairs or not hasattr(engine, "with_terms"):
        return engine
    return engine.with_terms(pairs)  # type: ignore[attr-defined, no-any-return]


__all__ = [
    "DEFAULT_ENGINE", "DEFAULT_TIMEOUT", "DEFAULT_WORKERS", "Engine", "EngineFailure",
    "EngineStatus", "RetryPolicy", "engine_names", "engine_status", "get_engine", "register",
    "apply_terms", "CachedEngine", "FakeEngine", "ArgosEngine", "GoogleEngine", "DeeplEngine",
    "MicrosoftEngine", "MyMemoryEngine", "LibreEngine",
]
