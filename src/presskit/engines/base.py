"""The engine interface, the registry of engines and the retry policy they share."""
from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any, Callable, Protocol, runtime_checkable

from presskit.errors import PresskitError

DEFAULT_ENGINE = "google"
DEFAULT_TIMEOUT = 20.0  # seconds, for each HTTP request of a network engine
DEFAULT_WORKERS = 4  # requests a network engine has in flight at once


@runtime_checkable
class Engine(Protocol):
    """A machine-translation engine: translates a batch of texts between two languages ("fr", "en")."""

    name: str
    network: bool

    def translate(self, texts: list[str], source: str, target: str) -> list[str]:
        """Return one translation per text, in the same order."""
        ...


class EngineFailure(PresskitError):
    """A batch stopped by an error; `done` maps the index of each text already translated to it.

    It reads like the error that stopped the batch (same message, hint and exit code); a cache
    stores `done` before passing it on, so that a rerun sends only what is left.
    """

    def __init__(self, error: PresskitError, done: dict[int, str]) -> None:
        super().__init__(error.message, path=error.path, line=error.line, hint=error.hint)
        self.exit_code = error.exit_code
        self.done = done


@dataclass(frozen=True)
class EngineStatus:
    """Whether an engine can be used here, and why not or how to enable it (never a key)."""

    name: str
    available: bool
    network: bool
    reason: str


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


def engine_class(name: str) -> Any:
    """The registered class of an engine; an unknown name is a PresskitError listing the choices."""
    cls = _REGISTRY.get(name.strip().lower())
    if cls is None:
        raise PresskitError(f"unknown translation engine {name!r}",
                            hint=f"choose one of: {', '.join(engine_names())}")
    return cls


def engine_status(name: str, *, offline: bool = False) -> EngineStatus:
    """Can the engine `name` translate here (key set, package and model installed, not offline)?"""
    cls = engine_class(name)
    if offline and cls.network:
        return EngineStatus(cls.name, False, True, "sends text over the network: not with --offline")
    check = getattr(cls, "status", None)
    available, reason = check() if check else (True, "ready")
    return EngineStatus(cls.name, available, cls.network, reason)


def get_engine(name: str, *, url: str | None = None, offline: bool = False,
               timeout: float | None = None, retry: RetryPolicy | None = None,
               workers: int | None = None) -> Engine:
    """Return a ready engine; refuse network engines when `offline`, and unknown names or URLs."""
    cls = engine_class(name)
    key = cls.name
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
        options["workers"] = DEFAULT_WORKERS if workers is None else max(1, workers)
    return cls(**options)
