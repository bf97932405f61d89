"""DeepL through the official `deepl` client: v2/translate, v3 glossaries, formality, XML tags.

The key comes from `DEEPL_AUTH_KEY` (a key ending in ":fx" is a Free account: api-free.deepl.com;
otherwise api.deepl.com, as the client decides); `--engine-url` or `url` in presskit.toml sets the
client's `server_url` instead (a DeepL-compatible proxy, or a local test server). Texts go 50 per
request with `tag_handling="xml"`: protected pieces travel as ``<x id="n"/>`` (`tags`). With
presskit's terms (`with_terms`) a v3 glossary is kept in step (`deepl_glossary`) and passed with
each French → English request. The client's own retry loop (which ignores Retry-After and may
sleep two minutes) is replaced by one request per attempt under presskit's `RetryPolicy`.
"""
from __future__ import annotations

import hashlib
import threading
from typing import TYPE_CHECKING, Any, ClassVar

from presskit.engines.base import (
    DEFAULT_TIMEOUT,
    DEFAULT_WORKERS,
    Capabilities,
    EngineFailure,
    RetryPolicy,
    register,
)
from presskit.engines.deepl_glossary import glossary_entries, sync_glossary
from presskit.engines.http import (
    HttpStatusError,
    TransportError,
    display_url,
    http_base_url,
)
from presskit.engines.network import NetworkEngine, keep_space
from presskit.engines.parallel import map_bounded
from presskit.engines.tags import TAG_NAME, from_xml, to_xml
from presskit.errors import PresskitError

if TYPE_CHECKING:  # requests is imported when a request is sent, not with the registry
    import requests

BATCH = 50  # DeepL's limit of texts per /v2/translate request
FREE_URL = "https://api-free.deepl.com/"
PRO_URL = "https://api.deepl.com/"
FORMALITIES = ("default", "prefer_more", "prefer_less")  # "more"/"less" do not exist for English
_KNOWN: dict[tuple[str, str, str, tuple], str] = {}  # (server, key digest, name, entries) → id
_LOCK = threading.Lock()


@register("deepl")
class DeeplEngine(NetworkEngine):
    """DeepL API (official client); key DEEPL_AUTH_KEY; glossary, formality and XML tags."""

    summary = "DeepL API v2/translate + v3 glossaries (official deepl client)"
    takes_url = True
    key_env = "DEEPL_AUTH_KEY"
    key_required = True
    settings: ClassVar[tuple[str, ...]] = ("formality", "glossary_name", "locale")
    capabilities = Capabilities(glossary=True, batch_size=BATCH, tag_handling="xml")
    source_codes = {"fr": "FR", "en": "EN"}

    def __init__(self, *, url: str | None = None, formality: str | None = None,
                 glossary_name: str = "presskit", locale: str = "en_GB",
                 terms: tuple[tuple[str, str], ...] = (), timeout: float = DEFAULT_TIMEOUT,
                 retry: RetryPolicy | None = None, workers: int = DEFAULT_WORKERS) -> None:
        super().__init__(timeout=timeout, retry=retry, workers=workers)
        self.server_url = http_base_url(url, "deepl") if url else None
        self.formality = _formality(formality)
        self.glossary_name = str(glossary_name)
        self.locale = locale
        self.terms = glossary_entries(list(terms))
        self.applies_terms = bool(self.terms)
        self.glossary_action: str | None = None  # reused, updated or created, once known

    @classmethod
    def status(cls) -> tuple[bool, str]:
        """Set up when DEEPL_AUTH_KEY is; an old DEEPL_API_KEY is pointed out, never used."""
        import os
        if not os.environ.get("DEEPL_AUTH_KEY", "").strip() and os.environ.get("DEEPL_API_KEY", ""):
            return False, "rename DEEPL_API_KEY to DEEPL_AUTH_KEY (the official client's name)"
        return super().status()

    def _key(self) -> str | None:
        """DEEPL_AUTH_KEY, read now; a missing one says so (and about an old DEEPL_API_KEY)."""
        import os
        if not os.environ.get("DEEPL_AUTH_KEY", "").strip() and os.environ.get("DEEPL_API_KEY", ""):
            raise PresskitError("the deepl engine reads its key from DEEPL_AUTH_KEY",
                                hint="rename DEEPL_API_KEY to DEEPL_AUTH_KEY")
        return super()._key()

    @property
    def target_codes(self) -> dict[str, str]:  # type: ignore[override]
        """English as the kit's variant (EN-GB or EN-US; DeepL refuses plain EN)."""
        return {"fr": "FR", "en": "EN-US" if self.locale == "en_US" else "EN-GB"}

    @property
    def url(self) -> str:  # type: ignore[override]
        """The server named in messages: the one given, or DeepL's Free or Pro host by the key."""
        if self.server_url:
            return display_url(self.server_url)
        import os
        return FREE_URL if os.environ.get(self.key_env or "", "").strip().endswith(":fx") else PRO_URL

    @property
    def cache_key(self) -> str:
        """Server, glossary contents and formality all change the translations."""
        key = "deepl" + (f"@{display_url(self.server_url)}" if self.server_url else "")
        if self.terms:
            key += "+glossary-" + hashlib.sha256(repr(self.terms).encode()).hexdigest()[:16]
        return key + (f"+{self.formality}" if self.formality else "")

    def with_terms(self, pairs: list[tuple[str, str]]) -> "DeeplEngine":
        """This engine with a v3 glossary of the pairs; itself when there are none."""
        if not glossary_entries(pairs):
            return self
        return DeeplEngine(url=self.server_url, formality=self.formality,
                           glossary_name=self.glossary_name, locale=self.locale,
                           terms=tuple(pairs), timeout=self.timeout, retry=self.retry,
                           workers=self.workers)

    def translate(self, texts: list[str], source: str, target: str) -> list[str]:
        """Translate the non-blank texts, 50 a request, with the glossary when French → English."""
        src, tgt = self._code(source, self.source_codes), self._code(target, self.target_codes)
        todo = [i for i, text in enumerate(texts) if text.strip()]
        if not todo or src == tgt:
            return list(texts)
        key = self._key() or ""
        client = self._client(key)
        glossary = self.glossary_id(client) if self.terms and src == "FR" and tgt.startswith("EN") else None
        chunks = [todo[k:k + BATCH] for k in range(0, len(todo), BATCH)]
        local = threading.local()  # one client (one requests.Session) per worker thread

        def send(c: int) -> list[str]:
            if getattr(local, "client", None) is None:
                local.client = self._client(key)
            return self._send(local.client, [texts[i] for i in chunks[c]], src, tgt, glossary)
        try:
            results = map_bounded(send, len(chunks), self.workers)
        except EngineFailure as failure:
            raise EngineFailure(failure, _spread(chunks, failure.done, texts)) from None
        out = list(texts)
        for chunk, translated in zip(chunks, results):
            for index, text in zip(chunk, translated):
                out[index] = keep_space(texts[index], text)
        return out

    def glossary_id(self, client: Any) -> str:
        """The id of the glossary holding this engine's terms: reused, updated or created, once."""
        digest = hashlib.sha256(client.headers["Authorization"].encode()).hexdigest()[:16]
        memo = (client.server_url, digest, self.glossary_name, self.terms)
        with _LOCK:
            if memo not in _KNOWN:
                _KNOWN[memo], self.glossary_action = sync_glossary(client, self._call,
                                                                   self.glossary_name, self.terms)
            return _KNOWN[memo]

    def _client(self, key: str) -> Any:
        """A `deepl.DeepLClient` whose requests go through presskit's timeout and errors."""
        import deepl
        client = deepl.DeepLClient(key, server_url=self.server_url.rstrip("/") if self.server_url
                                   else None, send_platform_info=False)
        client._client = _OneAttempt(self.timeout)  # type: ignore[assignment]  # deepl 1.32's private HTTP layer
        client.set_app_info("presskit", _version())
        return client

    def _send(self, client: Any, texts: list[str], src: str, tgt: str,
              glossary: str | None) -> list[str]:
        """One /v2/translate request for up to 50 texts; the translations in order."""
        options: dict[str, Any] = {"source_lang": src, "target_lang": tgt, "tag_handling": "xml",
                                   "ignore_tags": [TAG_NAME]}
        if glossary:
            options["glossary"] = glossary
        if self.formality:
            options["formality"] = self.formality
        answer = self._call(lambda: client.translate_text([to_xml(t.strip()) for t in texts],
                                                          **options))
        translated = [from_xml(result.text) for result in answer]
        if len(translated) != len(texts) or not all(t.strip() for t in translated):
            raise PresskitError("the deepl engine returned no translation for a text",
                                hint="try again, or choose another engine with --engine")
        return translated

    def _library_error(self, exc: Exception) -> PresskitError:
        """The deepl client's own errors (a bad answer, a refused glossary term)."""
        if isinstance(exc, ValueError):
            return PresskitError(f"the deepl engine cannot use this request ({exc})",
                                 hint="check the glossary's terms (no tabs or line breaks)")
        return super()._library_error(exc)

    def reach(self, timeout: float) -> str:
        """GET /v2/usage within `timeout` seconds (sends no text; tells whether the key works)."""
        client = self._client(self._key() or "")
        client._client.timeout = timeout
        try:
            usage = client.get_usage()
        except HttpStatusError as exc:
            if exc.status in (401, 403):
                raise self._refused(exc.status) from None
            return f"reached {self.url} (HTTP {exc.status})"
        except TransportError:
            raise PresskitError(f"cannot reach deepl at {self.url} within {timeout:g} s") from None
        count = usage.character
        left = f"; {count.count:,} of {count.limit:,} characters used" if count.valid else ""
        return f"reached {self.url}{left}"


class _OneAttempt:
    """Stands in for `deepl.http_client.HttpClient`: one attempt, presskit's timeout and errors."""

    def __init__(self, timeout: float) -> None:
        import deepl.http_client as deepl_http
        self._inner = deepl_http.HttpClient(send_platform_info=False)
        self.timeout = timeout

    def set_app_info(self, name: str, version: str) -> "_OneAttempt":
        """Name the application in the requests, as the official client does."""
        self._inner.set_app_info(name, version)
        return self

    def close(self) -> None:
        """Close the underlying HTTP session."""
        self._inner.close()

    def request_with_backoff(self, method: str, url: str, data: Any, json: Any, headers: dict,
                             stream: bool = False, **kwargs: Any) -> tuple[int, str]:
        """Send once; a non-2xx answer or no answer raises HttpStatusError / TransportError."""
        import requests
        request = self._inner._prepare_request(method, url, data, json, headers, **kwargs)
        try:
            response = self._inner._session.send(request, timeout=self.timeout)
        except requests.ConnectionError:
            raise TransportError("connect") from None
        except requests.Timeout:
            raise TransportError("timeout") from None
        except requests.RequestException:
            raise TransportError("invalid") from None
        with response:
            if not 200 <= response.status_code < 300:
                raise HttpStatusError(response.status_code, _retry_after(response))
            response.encoding = "UTF-8"
            return response.status_code, response.text

    request = request_with_backoff


def _retry_after(response: requests.Response) -> float | None:
    """The Retry-After header in seconds, when it is a number."""
    try:
        return float(response.headers.get("Retry-After", ""))
    except ValueError:
        return None


def _formality(value: str | None) -> str | None:
    """A formality DeepL applies to English (or None for its default)."""
    if value is None or str(value).strip() in ("", "default"):
        return None
    text = str(value).strip().lower()
    if text not in FORMALITIES:
        raise PresskitError(f"[translation] formality = {value!r} is not one DeepL takes for English",
                            hint='use "prefer_more" or "prefer_less" (DeepL has no strict '
                                 'formality for English), or "default"')
    return text


def _spread(chunks: list[list[int]], done: dict[int, list[str]], texts: list[str]) -> dict[int, str]:
    """Per-text results of the chunks that were translated before a failure."""
    return {index: keep_space(texts[index], text)
            for c, translated in done.items() for index, text in zip(chunks[c], translated)}


def _version() -> str:
    from presskit import __version__
    return __version__
