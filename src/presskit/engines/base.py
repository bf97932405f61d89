"""The engine interface, the registry of engines and the retry policy they share.

Every engine class derives from `EngineBase` and declares what it can do in `capabilities`
(a service-side glossary, how many texts one request carries, how protected pieces travel) and
which `presskit.toml` settings it takes in `settings`: nothing is probed with `getattr`.
"""
from __future__ import annotations

import time
from dataclasses import dataclass
from importlib import import_module
from typing import Any, Callable, ClassVar, Protocol, runtime_checkable

from presskit.errors import PresskitError

DEFAULT_ENGINE = "google-free"
DEFAULT_TIMEOUT = 20.0  # seconds, for each HTTP request of a network engine
DEFAULT_WORKERS = 4  # requests a network engine has in flight at once
CHECK_TIMEOUT = 2.0  # seconds `presskit engines --check` waits for each engine


@dataclass(frozen=True)
class Capabilities:
    """What an engine can do beyond translating texts.

    `glossary`: it takes presskit's terms as a glossary the service applies (`with_terms`);
    `batch_size`: texts sent in one request; `tag_handling`: "xml" when protected names and
    numbers travel as XML tags rather than as ``⟦n⟧`` tokens (the engine converts both ways).
    """

    glossary: bool = False
    batch_size: int = 1
    tag_handling: str | None = None


@runtime_checkable
class Engine(Protocol):
    """A machine-translation engine: translates a batch of texts between two languages ("fr", "en")."""

    name: str
    network: bool
    capabilities: Capabilities
    applies_terms: bool

    def translate(self, texts: list[str], source: str, target: str) -> list[str]:
        """Return one translation per text, in the same order."""
        ...

    def with_terms(self, pairs: list[tuple[str, str]]) -> "Engine":
        """This engine with a service-side glossary of (French, English) pairs, or itself."""
        ...


class EngineBase:
    """Defaults every engine shares: no address, no glossary, one text per request, ⟦n⟧ tokens."""

    name: ClassVar[str] = ""
    network: ClassVar[bool] = False
    takes_url: ClassVar[bool] = False  # --engine-url / `url` applies to it
    capabilities: ClassVar[Capabilities] = Capabilities()
    settings: ClassVar[tuple[str, ...]] = ()  # [translation] keys of presskit.toml it takes
    summary: ClassVar[str] = ""  # one line for `presskit engines`: the API it uses
    applies_terms: bool = False  # True once `with_terms` gave it a glossary the service applies

    @property
    def cache_key(self) -> str:
        """What a cache keys this engine's translations by (its name unless it says more)."""
        return self.name

    @classmethod
    def status(cls) -> tuple[bool, str]:
        """Whether it can be used here and why (never a key); subclasses say more."""
        return True, "ready"

    def with_terms(self, pairs: list[tuple[str, str]]) -> Any:
        """Engines without a service-side glossary ignore terms (presskit protects them itself)."""
        return self

    def reach(self, timeout: float) -> str:
        """Try to reach the service within `timeout` seconds; return what was seen (raise if not)."""
        return "offline: nothing to reach"


class EngineFailure(PresskitError):
    """A batch stopped by an error; `done` maps the index of each text already translated to it.

    It reads like the error that stopped the batch (same message, hint and exit code); a cache
    stores `done` before passing it on, so that a rerun sends only what is left.
    """

    def __init__(self, error: PresskitError, done: dict[int, Any]) -> None:
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
        """Seconds to wait after `failures` failed attempts (1 for the first failure).

        >>> RetryPolicy().delay(1), RetryPolicy().delay(1, retry_after=3), RetryPolicy().delay(2, 60)
        (0.5, 3, 4.0)
        """
        backoff = min(self.max_delay, self.base_delay * 2 ** (failures - 1))
        if retry_after:
            return max(backoff, min(retry_after, self.max_delay))
        return backoff


@dataclass(frozen=True)
class Listing:
    """What the catalogue knows of an engine without loading it: its module, and what options it takes."""

    module: str
    network: bool
    takes_url: bool = False
    settings: tuple[str, ...] = ()


# Every engine, by name: options are checked against this before any engine module is loaded (a
# build served from the memory loads none); `tests/engines/test_registry.py` checks it against the classes.
CATALOGUE: dict[str, Listing] = {
    "argos": Listing("presskit.engines.argos", network=False),
    "deepl": Listing("presskit.engines.deepl_api", network=True, takes_url=True,
                     settings=("formality", "glossary_name", "locale")),
    "fake": Listing("presskit.engines.fake", network=False),
    "google": Listing("presskit.engines.google_cloud", network=True, takes_url=True,
                      settings=("project", "location", "credentials", "glossary_bucket", "glossary_name")),
    "google-free": Listing("presskit.engines.deep", network=True),
    "libre": Listing("presskit.engines.deep", network=True, takes_url=True),
    "microsoft": Listing("presskit.engines.microsoft", network=True, takes_url=True),
    "mymemory": Listing("presskit.engines.deep", network=True),
}
_REGISTRY: dict[str, type[EngineBase]] = {}
_ALIASES = {"google_free": "google-free", "googlefree": "google-free"}


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
    """Names of the engines, sorted."""
    return sorted(CATALOGUE)


def engine_settings() -> set[str]:
    """Every `[translation]` setting some engine takes."""
    return {key for listing in CATALOGUE.values() for key in listing.settings}


def canonical_name(name: str) -> str:
    """The catalogue's name of an engine; an unknown name is a PresskitError listing the choices.

    >>> canonical_name(" DeepL "), canonical_name("google_free")
    ('deepl', 'google-free')
    """
    key = name.strip().lower()
    key = _ALIASES.get(key, key)
    if key not in CATALOGUE:
        raise PresskitError(f"unknown translation engine {name!r}",
                            hint=f"choose one of: {', '.join(engine_names())}")
    return key


def engine_class(name: str) -> type[EngineBase]:
    """The class of an engine, its module loaded on first need (the registry loads engines by name)."""
    key = canonical_name(name)
    if key not in _REGISTRY:
        import_module(CATALOGUE[key].module)
    return _REGISTRY[key]


def check_engine(name: str, *, url: str | None = None, offline: bool = False) -> str:
    """Refuse an unknown engine, a network engine when offline, and an address it cannot take.

    Nothing is loaded: the catalogue says what each engine takes. Returns the engine's name.
    """
    key = canonical_name(name)
    listing = CATALOGUE[key]
    if offline and listing.network:
        raise PresskitError(f"--offline: the {key} engine would send text over the network",
                            hint="drop --engine to build offline from the translation memory alone, "
                                 "or drop --offline to use the engine")
    if url is not None and not listing.takes_url:
        takers = ", ".join(n for n in engine_names() if CATALOGUE[n].takes_url)
        raise PresskitError(f"--engine-url does not apply to the {key} engine",
                            hint=f"only these engines take an address: {takers}")
    return key


def engine_status(name: str, *, offline: bool = False) -> EngineStatus:
    """Can the engine `name` translate here (key set, package and model installed, not offline)?"""
    cls = engine_class(name)
    if offline and cls.network:
        return EngineStatus(cls.name, False, True, "sends text over the network: not with --offline")
    available, reason = cls.status()
    return EngineStatus(cls.name, available, cls.network, reason)


def get_engine(name: str, *, url: str | None = None, offline: bool = False,
               timeout: float | None = None, retry: RetryPolicy | None = None,
               workers: int | None = None, settings: dict[str, Any] | None = None) -> Any:
    """Return a ready engine; refuse network engines when `offline`, and unknown names or URLs.

    `settings` are the `[translation]` values of presskit.toml; each engine takes the ones it
    declares (DeepL's formality, Google Cloud's project...) and ignores the others.
    """
    cls = engine_class(check_engine(name, url=url, offline=offline))
    options: dict[str, Any] = {k: v for k, v in (settings or {}).items() if k in cls.settings}
    if url is not None:
        options["url"] = url
    if cls.network:
        options["timeout"] = DEFAULT_TIMEOUT if timeout is None else timeout
        options["retry"] = retry or RetryPolicy()
        options["workers"] = DEFAULT_WORKERS if workers is None else max(1, workers)
    return cls(**options)
