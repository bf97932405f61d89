"""Network engines backed by deep-translator: google-free, mymemory and libre.

deep-translator is imported only when an engine translates. Keys are read from the environment
at call time and passed explicitly (deep-translator reads them once, at import). Every request has
a timeout (`http.timed`); transient failures are retried with exponential backoff (`NetworkEngine`).
"""
from __future__ import annotations

import os
import threading
from typing import Any

from presskit.engines.base import (
    DEFAULT_TIMEOUT,
    DEFAULT_WORKERS,
    RetryPolicy,
    register,
)
from presskit.engines.http import display_url, install, libre_base_url, timed
from presskit.engines.network import NetworkEngine
from presskit.engines.parallel import map_bounded
from presskit.errors import PresskitError

LIBRE_PUBLIC_URL = "https://libretranslate.com/"
LIBRE_DUMMY_KEY = "presskit"  # deep-translator requires a key even for servers that need none

class DeepEngine(NetworkEngine):
    """Machinery shared by the deep-translator engines; subclasses say how to build a translator."""

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


@register("google-free")
class GoogleFreeEngine(DeepEngine):
    """Google Translate's free web endpoint, scraped by deep-translator: unofficial, rate-limited."""

    summary = "Google Translate's free web page, scraped (deep-translator); no key, no glossary"
    url = "https://translate.google.com/"

    @classmethod
    def status(cls) -> tuple[bool, str]:
        """Usable without a key, but say plainly what it is."""
        return True, ("network; no key; UNOFFICIAL endpoint, rate-limited (HTTP 429 after about "
                      "60 calls), 5,000 characters a text: use google (Cloud) or deepl for a real kit")

    def _make(self, key: str | None) -> Any:
        return _module("google").GoogleTranslator(source="auto", target="auto")


@register("mymemory")
class MyMemoryEngine(DeepEngine):
    """MyMemory's free API (no key; 500 characters per text; a daily quota)."""

    summary = "MyMemory's free API (deep-translator); 500 characters a text, a daily quota"
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

    summary = "LibreTranslate's /translate API (deep-translator); free to self-host"
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
