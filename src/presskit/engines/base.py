"""The engine interface, the registry of engines and the retry policy they share."""
from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any, Callable, Protocol, runtime_checkable

from presskit.errors import PresskitError

DEFAULT_ENGINE = "google"
DEFAULT_TIMEOUT = 20.0  # seconds, for each HTTP request of a network engine


@runtime_checkable
class Engine(Protocol):
    """A machine-translation engine: translates a batch of texts between two languages ("fr", "en")."""

    name: str
    network: bool

    def translate(self, texts: list[str], source: str, target: str) -> list[str]:
        """Return one translation per text, in the same order."""
        ...


@dataclass(frozen=True)
class RetryPolicy:
    """How often and how patiently a network engine retries a request that failed transiently.

    `attempts` counts the first try; the n-th retry waits `base_delay * 2**(n-1)` seconds, capped at
    `max_delay` (a server's Retry-After is honoured up to that cap). `sleep` is injectable for tests.
    """

    attempts: int = 3
    base_delay: float = 0.5
    max_delay: float = 4.0
    sleep: Callable[[float], None] = time.sleep

    def delay(self, failures: int, retry_after: float | None = None) -> float:
        """Seconds to wait after `failures` failed attempts (1 for the first failure)."""
        backoff = min(self.max_delay, self.base_delay * 2 ** (failures - 1))
        if retry_after:
            return max(backoff, min(retry_after, self.max_delay))
        return backoff


_REGISTRY: dict[str, Any] = {}


def register(name: str) -> Callable[[type], type]:
    """Class decorator: make an engine class available to `get_engine(name)`."""
    def decorator(cls: type) -> type:
        if _REGISTRY.get(name, cls) is not cls:
            raise ValueError(f"an engine named {name!r} is already registered")
        cls.name = name
        _REGISTRY[name] = cls
        return cls
    return decorator


def engine_names() -> list[str]:
    """Names of the registered engines, sorted."""
    return sorted(_REGISTRY)


def get_engine(name: str, *, url: str | None = None, offline: bool = False,
               timeout: float | None = None, retry: RetryPolicy | None = None) -> Engine:
    """Return a ready engine; refuse network engines when `offline`, and unknown names or URLs."""
    key = name.strip().lower()
    cls = _REGISTRY.get(key)
    if cls is None:
        raise PresskitError(f"unknown translation engine {name!r}",
                            hint=f"choose one of: {', '.join(engine_names())}")
    if offline and cls.network:
        raise PresskitError(f"--offline: the {key} engine would send text over the network",
                            hint="drop --engine to build offline from the translation memory alone, "
                                 "or drop --offline to use the engine")
    if url is not None and not getattr(cls, "takes_url", False):
        raise PresskitError(f"--engine-url does not apply to the {key} engine",
                            hint="only the libre engine (LibreTranslate) takes an address")
    options: dict[str, Any] = {}
    if url is not None:
        options["url"] = url
    if cls.network:
        options["timeout"] = DEFAULT_TIMEOUT if timeout is None else timeout
        options["retry"] = retry or RetryPolicy()
    return cls(**options)
