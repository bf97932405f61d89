"""What every network engine shares: key from the environment, timeouts, retries, clear errors.

`NetworkEngine._call(fn)` runs one request, retries transport failures, 429 and 5xx (honouring
Retry-After, see `RetryPolicy`), and turns every failure into a `PresskitError` whose text never
holds an API key or a request URL with its query.
"""
from __future__ import annotations

import os
from typing import Callable, ClassVar, TypeVar

from presskit.engines.base import (
    DEFAULT_TIMEOUT,
    DEFAULT_WORKERS,
    EngineBase,
    RetryPolicy,
)
from presskit.engines.http import HttpStatusError, TransportError, is_transient
from presskit.errors import PresskitError

T = TypeVar("T")


class NetworkEngine(EngineBase):
    """A service reached over HTTP(S); subclasses say how to send a batch."""

    network: ClassVar[bool] = True
    url = ""  # the address named in error messages
    key_env: ClassVar[str | None] = None
    key_required: ClassVar[bool] = False
    source_codes: ClassVar[dict[str, str]] = {"fr": "fr", "en": "en"}
    target_codes: ClassVar[dict[str, str]] = {"fr": "fr", "en": "en"}

    def __init__(self, *, timeout: float = DEFAULT_TIMEOUT, retry: RetryPolicy | None = None,
                 workers: int = DEFAULT_WORKERS) -> None:
        self.timeout = timeout
        self.retry = retry or RetryPolicy()
        self.workers = workers

    @classmethod
    def status(cls) -> tuple[bool, str]:
        """Available when its key is set (or it needs none); the reason names the variable only."""
        if cls.key_env and os.environ.get(cls.key_env, "").strip():
            return True, f"network; key from {cls.key_env}"
        if cls.key_required:
            return False, f"set {cls.key_env} to your API key"
        return True, "network; no key needed"

    def _code(self, language: str, table: dict[str, str]) -> str:
        """The provider's code for "fr" or "en" (a region such as "en-GB" is accepted and ignored)."""
        code = table.get(language.strip().lower().replace("_", "-").split("-")[0])
        if code is None:
            raise PresskitError(f"the {self.name} engine cannot translate {language!r}",
                                hint="presskit translates between 'fr' and 'en'")
        return code

    def _key(self) -> str | None:
        """The API key from the environment, read now; a missing required key is an error."""
        key = os.environ.get(self.key_env, "").strip() if self.key_env else ""
        if not key and self.key_required:
            raise PresskitError(f"the {self.name} engine needs an API key",
                                hint=f"set {self.key_env}, choose another engine with --engine, "
                                     "or build with --offline")
        return key or None

    def _call(self, fn: Callable[[], T]) -> T:
        """Run `fn`, retrying transient failures; turn every failure into a PresskitError."""
        failures = 0
        while True:
            try:
                return fn()
            except (TransportError, HttpStatusError) as exc:
                failures += 1
                if not is_transient(exc) or failures >= self.retry.attempts:
                    raise self._error(exc, failures) from None
                self.retry.sleep(self.retry.delay(failures, getattr(exc, "retry_after", None)))
            except PresskitError:
                raise
            except Exception as exc:  # a library's own errors may quote the key: never show them
                raise self._library_error(exc) from None

    def _error(self, exc: TransportError | HttpStatusError, failures: int) -> PresskitError:
        """The user's message for a transport failure or an HTTP error status."""
        tries = f" ({failures} attempts)" if failures > 1 else ""
        if isinstance(exc, TransportError):
            if exc.kind == "timeout":
                return PresskitError(f"{self.name} at {self.url} did not answer within "
                                     f"{self.timeout:g} s{tries}",
                                     hint="try again later, or build with --offline")
            if exc.kind == "invalid":
                return PresskitError(f"cannot send a request to {self.name} at {self.url}",
                                     hint="check the address")
            return PresskitError(f"cannot reach {self.name} at {self.url}{tries}",
                                 hint="check the address or build with --offline")
        status = exc.status
        if status in (401, 403):
            return self._refused(status)
        if status == 429:
            return PresskitError(f"the {self.name} engine is limiting requests (HTTP 429){tries}",
                                 hint="wait a few minutes, or choose another engine with --engine")
        if status == 456:
            return PresskitError(f"the {self.name} engine's quota is used up (HTTP 456)",
                                 hint="wait for the quota to renew, or choose another engine")
        if status >= 500:
            return PresskitError(f"the {self.name} engine at {self.url} failed with HTTP "
                                 f"{status}{tries}",
                                 hint="try again later, or choose another engine with --engine")
        return PresskitError(f"the {self.name} engine rejected the request (HTTP {status})",
                             hint="check the engine address, languages and settings")

    def _refused(self, status: int) -> PresskitError:
        """403/401: the key is wrong, or (for a keyless engine) access is denied."""
        if self.key_env and os.environ.get(self.key_env, "").strip():
            return PresskitError(f"the {self.name} engine refused the API key (HTTP {status})",
                                 hint=f"set {self.key_env} to a valid key")
        if self.key_env:
            return PresskitError(f"the {self.name} engine at {self.url} requires an API key "
                                 f"(HTTP {status})", hint=f"set {self.key_env}")
        return PresskitError(f"the {self.name} engine refused the request (HTTP {status})",
                             hint="check the credentials, or choose another engine with --engine")

    def _library_error(self, exc: Exception) -> PresskitError:
        """An error of the client library that is not HTTP: an unreadable answer..."""
        return PresskitError(f"the {self.name} engine returned an unreadable answer "
                             f"({type(exc).__name__})",
                             hint="try again, or choose another engine with --engine")

    def reach(self, timeout: float) -> str:
        """Open a connection to the service's host within `timeout` seconds (sends no text)."""
        from presskit.engines.http import reach
        return reach(self.url, timeout)


def keep_space(original: str, translated: str) -> str:
    """The translation with the original's leading and trailing whitespace.

    >>> keep_space("  Bonjour. ", "Hello.")
    '  Hello. '
    """
    lead = original[: len(original) - len(original.lstrip())]
    return lead + translated.strip() + original[len(original.rstrip()):]
