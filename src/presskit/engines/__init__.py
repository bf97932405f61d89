"""Translation engines behind one small interface, found by name in a registry.

`get_engine("libre", url="http://127.0.0.1:5000/")` returns an `Engine`; `engine_names()` lists
them. Network engines (google, deepl, microsoft, mymemory, libre) go through deep-translator with
timeouts, retries and clear `PresskitError`s; `fake` is offline and deterministic.
"""
from __future__ import annotations

from presskit.engines.base import (
                                   DEFAULT_ENGINE,
                                   DEFAULT_TIMEOUT,
                                   Engine,
                                   RetryPolicy,
                                   engine_names,
                                   get_engine,
                                   register,
)
from presskit.engines.deep import (
                                   DeeplEngine,
                                   GoogleEngine,
                                   LibreEngine,
                                   MicrosoftEngine,
                                   MyMemoryEngine,
)
from presskit.engines.fake import FakeEngine

__all__ = [
    "DEFAULT_ENGINE", "DEFAULT_TIMEOUT", "Engine", "RetryPolicy", "engine_names", "get_engine",
    "register", "FakeEngine", "GoogleEngine", "DeeplEngine", "MicrosoftEngine", "MyMemoryEngine",
    "LibreEngine",
]
