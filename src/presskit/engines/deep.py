"""Network engines backed by deep-translator: google, deepl, microsoft, mymemory and libre.

deep-translator is imported only when an engine translates. Keys are read from the environment
at call time and passed explicitly (deep-translator reads them once, at import). Every request has
a timeout (`http.timed`); transient failures are retried with exponential backoff; every failure
becomes a `PresskitError` whose text never contains an API key or a request URL with its query.
"""
from __future__ import annotations

import functools
import os
import threading
from typing import Any, Callable, TypeVar

from presskit.engines.base import (
    DEFAULT_TIMEOUT,
    DEFAULT_WORKERS,
    RetryPolicy,
    register,
)
from presskit.engines.http import (
    HttpStatusError,
    TransportError,
    display_url,
    install,
    is_transient,
    libre_base_url,
    timed,
)
from presskit.engines.parallel import map_bounded
from presskit.errors import PresskitError

LIBRE_PUBLIC_URL = "https://libretranslate.com/"
LIBRE_DUMMY_KEY = "presskit"  # deep-translator requires a key even for servers that need none

T = TypeVar("T")


class DeepEngine:
    """Machinery shared by the deep-translator engines; subclasses say how to build a translator."""

    name = ""
    network = True
    takes_url = False
    url = ""  # the address named in error messages
    key_env: str | None = None
    key_required = False
    source_codes = {"fr": "fr", "en": "en"}
    target_codes = {"fr": "fr", "en": "en"}

    def __init__(self, *, timeout: float = DEFAULT_TIMEOUT, retry: RetryPolicy | None = None,
                 workers: int = DEFAULT_WORKERS) -> None:
        self.timeout = timeout
        self.retry = retry or RetryPolicy()
        self.workers = workers

    @property
    def cache_key(self) -> str:
        """What a cache keys this engine's translations by (the name; libre adds its address)."""
        return self.name

    @classmethod
    def status(cls) -> tuple[bool, str]:
        """Available when its key is set (or it needs none); the reason names the variable only."""
        if cls.key_env and os.environ.get(cls.key_env, "").strip():
            return True, f"network; key from {cls.key_env}"
        if cls.key_required:
            return False, f"set {cls.key_env} to your API key"
        return True, "network; no key needed"

    def translate(self, texts: list[str], source: str, target: str) -> list[str]:
        """Translate each text (one request each, `workers` at once, in order); blanks unchanged."""
        src, tgt = self._code(source, self.source_codes), self._code(target, self.target_codes)
        if not texts or src == tgt:
            return list(texts)
        key = self._key()
        local = threading.local()  # deep-translator objects keep per-request state: one per thread

        def one(index: int) -> str:
            translator = getattr(local, "translator", None)
            if translator is None:
                translator = local.translator = self._call(lambda: self._make(key))
                translator.source, translator.target = src, tgt
            return self._one(translator, texts[index])

        with timed(self.timeout):
            return map_bounded(one, len(texts), self.workers)

    def _make(self, key: str | None) -> Any:
        """Build the deep-translator object (languages "auto"; the real codes are set after)."""
        raise NotImplementedError

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

    def _one(self, translator: Any, text: str) -> str:
        """Translate one text, keeping its leading and trailing whitespace."""
        core = text.strip()
        if not core:
            return text
        result = self._call(lambda: translator.translate(core))
        if not isinstance(result, str) or not result.strip():
            raise PresskitError(f"the {self.name} engine returned no translation for a text",
                                hint="try again, or choose another engine with --engine")
        self._check(result)
        return text[: len(text) - len(text.lstrip())] + result.strip() + text[len(text.rstrip()):]

    def _check(self, result: str) -> None:
        """Hook: reject a 200 answer that is really an error message."""

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
            except Exception as exc:  # deep-translator's own errors may quote the key: never show them
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
                             hint="check the engine address and languages")

    def _refused(self, status: int) -> PresskitError:
        """403/401: the key is wrong, or (for a keyless engine) access is denied."""
        if self.key_env and os.environ.get(self.key_env, "").strip():
            return PresskitError(f"the {self.name} engine refused the API key (HTTP {status})",
                                 hint=f"set {self.key_env} to a valid key")
        if self.key_env:
            return PresskitError(f"the {self.name} engine at {self.url} requires an API key "
                                 f"(HTTP {status})", hint=f"set {self.key_env}")
        return PresskitError(f"the {self.name} engine refused the request (HTTP {status})",
                             hint="try again later, or choose another engine with --engine")

    def _library_error(self, exc: Exception) -> PresskitError:
        """A deep-translator error that is not HTTP: text too long, unreadable answer..."""
        from deep_translator.exceptions import NotValidLength
        if isinstance(exc, NotValidLength):
            return PresskitError(f"a text is too long for the {self.name} engine",
                                 hint="shorten the sentence, or choose another engine with --engine")
        return PresskitError(f"the {self.name} engine returned an unreadable answer "
                             f"({type(exc).__name__})",
                             hint="try again, or choose another engine with --engine")


def _module(name: str) -> Any:
    """Import deep_translator.<name> and route its requests through presskit's timeouts."""
    import importlib
    module = importlib.import_module(f"deep_translator.{name}")
    install(module)
    return module


@register("google")
class GoogleEngine(DeepEngine):
    """Google Translate's free web endpoint (no key)."""

    url = "https://translate.google.com/"

    def _make(self, key: str | None) -> Any:
        return _module("google").GoogleTranslator(source="auto", target="auto")


@register("deepl")
class DeeplEngine(DeepEngine):
    """DeepL API; key from DEEPL_API_KEY (a key ending in ":fx" uses the free host)."""

    key_env = "DEEPL_API_KEY"
    key_required = True
    source_codes = {"fr": "FR", "en": "EN"}
    target_codes = {"fr": "FR", "en": "EN-GB"}

    @property
    def url(self) -> str:  # type: ignore[override]
        free = os.environ.get("DEEPL_API_KEY", "").strip().endswith(":fx")
        return "https://api-free.deepl.com/" if free else "https://api.deepl.com/"

    def _make(self, key: str | None) -> Any:
        return _module("deepl").DeeplTranslator(source="auto", target="auto", api_key=key,
                                                use_free_api=bool(key and key.endswith(":fx")))

    def with_terms(self, pairs: list[tuple[str, str]], *, base_url: str | None = None) -> Any:
        """This engine with a DeepL glossary of (French, English) pairs; itself when there are none."""
        from presskit.engines.deepl_glossary import DeeplGlossaryEngine
        if not any(fr.strip() and en.strip() for fr, en in pairs):
            return self
        return DeeplGlossaryEngine(pairs, base_url=base_url, timeout=self.timeout,
                                   retry=self.retry, workers=self.workers)


@functools.cache
def _microsoft_class() -> type:
    """MicrosoftTranslator without its constructor's unauthenticated network call for languages."""
    base = _module("microsoft").MicrosoftTranslator

    class Microsoft(base):  # type: ignore[misc, valid-type]
        def _get_supported_languages(self) -> dict[str, str]:
            return {"french": "fr", "english": "en"}

    return Microsoft


@register("microsoft")
class MicrosoftEngine(DeepEngine):
    """Microsoft Translator; key from MICROSOFT_API_KEY, optional region from MICROSOFT_REGION."""

    url = "https://api.cognitive.microsofttranslator.com/"
    key_env = "MICROSOFT_API_KEY"
    key_required = True

    def _make(self, key: str | None) -> Any:
        region = os.environ.get("MICROSOFT_REGION", "").strip() or None
        return _microsoft_class()(source="auto", target="auto", api_key=key, region=region)


@register("mymemory")
class MyMemoryEngine(DeepEngine):
    """MyMemory's free API (no key; 500 characters per text; a daily quota)."""

    url = "https://api.mymemory.translated.net/"
    source_codes = {"fr": "fr-FR", "en": "en-GB"}
    target_codes = {"fr": "fr-FR", "en": "en-GB"}

    def _make(self, key: str | None) -> Any:
        return _module("mymemory").MyMemoryTranslator(source="auto", target="auto")

    def _check(self, result: str) -> None:
        if result.upper().startswith("MYMEMORY WARNING"):
            raise PresskitError("the mymemory engine's daily quota is used up",
                                hint="try again tomorrow, or choose another engine with --engine")


@register("libre")
class LibreEngine(DeepEngine):
    """A LibreTranslate server at --engine-url (default the public instance); key LIBRE_API_KEY."""

    takes_url = True
    key_env = "LIBRE_API_KEY"

    def __init__(self, *, url: str | None = None, timeout: float = DEFAULT_TIMEOUT,
                 retry: RetryPolicy | None = None, workers: int = DEFAULT_WORKERS) -> None:
        super().__init__(timeout=timeout, retry=retry, workers=workers)
        self.base_url = libre_base_url(url or LIBRE_PUBLIC_URL)
        self.url = display_url(self.base_url)

    @property
    def cache_key(self) -> str:
        """Two LibreTranslate servers may run different models: the address is part of the key."""
        return f"libre@{self.url}"

    @classmethod
    def status(cls) -> tuple[bool, str]:
        """Always usable: the public instance by default, or a server given with --engine-url."""
        key = "key from LIBRE_API_KEY" if os.environ.get(cls.key_env or "", "").strip() else "no key set"
        return True, f"network; {LIBRE_PUBLIC_URL} or --engine-url; {key}"

    def _make(self, key: str | None) -> Any:
        return _module("libre").LibreTranslator(source="auto", target="auto",
                                                api_key=key or LIBRE_DUMMY_KEY,
                                                custom_url=self.base_url)
