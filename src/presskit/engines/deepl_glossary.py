"""DeepL with a glossary: DeepL's HTTP API called directly (deep-translator cannot pass glossaries).

`get_engine("deepl").with_terms([("biomédicament", "biopharmaceutical"), ...])` returns a
`DeeplGlossaryEngine`. On first use it looks for a glossary named `presskit-<hash of the entries>`
(GET /v2/glossaries) and creates it when missing (POST /v2/glossaries, entries as TSV), so the same
terms reuse the same glossary across runs; then it translates French → English with its
`glossary_id` (POST /v2/translate, up to 50 texts per request, `workers` requests at once). The key
goes in the `Authorization: DeepL-Auth-Key …` header and never into a message.
"""
from __future__ import annotations

import hashlib
import threading
from typing import Any

from presskit.engines.base import (
    DEFAULT_TIMEOUT,
    DEFAULT_WORKERS,
    EngineFailure,
    RetryPolicy,
)
from presskit.engines.deep import DeeplEngine, display_url
from presskit.engines.http import TimedRequests, timed
from presskit.engines.parallel import map_bounded
from presskit.errors import PresskitError

CHUNK = 50  # DeepL's limit of texts per /v2/translate request
FREE_URL = "https://api-free.deepl.com/"
PRO_URL = "https://api.deepl.com/"

_HTTP = TimedRequests()
_KNOWN: dict[tuple[str, str, str], str] = {}  # (base URL, key digest, glossary name) -> glossary_id
_LOCK = threading.Lock()


def glossary_entries(pairs: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Entries DeepL accepts: trimmed, one line each, no empty side, first English per French, sorted.

    >>> glossary_entries([(" biothérapie ", "biotherapy"), ("biothérapie", "x"), ("a", " ")])
    [('biothérapie', 'biotherapy')]
    """
    entries: dict[str, str] = {}
    for french, english in pairs:
        fr, en = " ".join(french.split()), " ".join(english.split())
        if fr and en and fr not in entries:
            entries[fr] = en
    return sorted(entries.items())


def glossary_name(entries: list[tuple[str, str]], source: str = "fr", target: str = "en") -> str:
    """`presskit-` + a hash of the languages and entries: equal terms give the same name.

    >>> glossary_name([("a", "b")]) == glossary_name([("a", "b")]) != glossary_name([("a", "c")])
    True
    """
    tsv = entries_tsv(entries)
    digest = hashlib.sha256(f"{source}>{target}\n{tsv}".encode("utf-8")).hexdigest()
    return f"presskit-{digest[:16]}"


def entries_tsv(entries: list[tuple[str, str]]) -> str:
    """The entries as DeepL's TSV: `French<TAB>English`, one per line."""
    return "\n".join(f"{fr}\t{en}" for fr, en in entries)


class DeeplGlossaryEngine(DeeplEngine):
    """DeepL French → English through a glossary of term pairs (other directions: no glossary)."""

    def __init__(self, pairs: list[tuple[str, str]], *, base_url: str | None = None,
                 timeout: float = DEFAULT_TIMEOUT, retry: RetryPolicy | None = None,
                 workers: int = DEFAULT_WORKERS) -> None:
        super().__init__(timeout=timeout, retry=retry, workers=workers)
        self.entries = glossary_entries(pairs)
        self.glossary = glossary_name(self.entries)
        self.base_url = base_url.rstrip("/") + "/" if base_url else None

    @property
    def url(self) -> str:  # type: ignore[override]
        """The API address named in messages."""
        return display_url(self.base_url) if self.base_url else super().url

    @property
    def cache_key(self) -> str:
        """Translations through a glossary differ from plain DeepL ones."""
        return f"deepl+{self.glossary}"

    def translate(self, texts: list[str], source: str, target: str) -> list[str]:
        """Translate the non-blank texts in chunks of 50, with the glossary when French → English."""
        src, tgt = self._code(source, self.source_codes), self._code(target, self.target_codes)
        if not texts or src == tgt:
            return list(texts)
        key = self._key() or ""
        todo = [i for i, text in enumerate(texts) if text.strip()]
        chunks = [todo[k:k + CHUNK] for k in range(0, len(todo), CHUNK)]
        with timed(self.timeout):
            glossary_id = self.glossary_id(key) if (src, tgt) == ("FR", "EN-GB") else None
            try:
                results = map_bounded(
                    lambda c: self._send(key, [texts[i].strip() for i in chunks[c]], src, tgt,
                                         glossary_id), len(chunks), self.workers)
            except EngineFailure as failure:
                raise EngineFailure(failure, _spread(chunks, failure.done, texts)) from None
        out = list(texts)
        for chunk, translated in zip(chunks, results):
            for index, text in zip(chunk, translated):
                out[index] = _keep_space(texts[index], text)
        return out

    def glossary_id(self, key: str) -> str:
        """The id of this engine's glossary: known, found by name, or created (once)."""
        memo = (self._api(key), hashlib.sha256(key.encode()).hexdigest()[:16], self.glossary)
        with _LOCK:
            if memo not in _KNOWN:
                _KNOWN[memo] = self._find(key) or self._create(key)
            return _KNOWN[memo]

    def _api(self, key: str) -> str:
        """The base URL: the injected one, else DeepL's free or pro host according to the key."""
        return self.base_url or (FREE_URL if key.endswith(":fx") else PRO_URL)

    def _headers(self, key: str) -> dict[str, str]:
        return {"Authorization": f"DeepL-Auth-Key {key}", "User-Agent": "presskit"}

    def _find(self, key: str) -> str | None:
        """An existing, ready glossary of ours with the same name and languages."""
        answer = self._call(lambda: _HTTP.get(self._api(key) + "v2/glossaries",
                                              headers=self._headers(key)).json())
        for item in _list(answer, "glossaries"):
            if (item.get("name") == self.glossary and item.get("ready", True)
                    and str(item.get("source_lang", "")).lower() == "fr"
                    and str(item.get("target_lang", "")).lower() == "en"):
                return str(item["glossary_id"])
        return None

    def _create(self, key: str) -> str:
        """POST the entries as TSV; return the new glossary's id."""
        form = {"name": self.glossary, "source_lang": "fr", "target_lang": "en",
                "entries": entries_tsv(self.entries), "entries_format": "tsv"}
        answer = self._call(lambda: _HTTP.post(self._api(key) + "v2/glossaries", data=form,
                                               headers=self._headers(key)).json())
        if not isinstance(answer, dict) or not answer.get("glossary_id"):
            raise PresskitError("the deepl engine did not create the glossary",
                                hint="try again, or build without the glossary's terms")
        return str(answer["glossary_id"])

    def _send(self, key: str, texts: list[str], src: str, tgt: str,
              glossary_id: str | None) -> list[str]:
        """One /v2/translate request for up to 50 texts; the translations in order."""
        form: list[tuple[str, str]] = [("text", text) for text in texts]
        form += [("source_lang", src), ("target_lang", tgt)]
        if glossary_id:
            form.append(("glossary_id", glossary_id))
        answer = self._call(lambda: _HTTP.post(self._api(key) + "v2/translate", data=form,
                                               headers=self._headers(key)).json())
        translated = [item.get("text") for item in _list(answer, "translations")]
        if len(translated) != len(texts) or not all(isinstance(t, str) and t.strip()
                                                    for t in translated):
            raise PresskitError("the deepl engine returned no translation for a text",
                                hint="try again, or choose another engine with --engine")
        return translated


def _list(answer: Any, field: str) -> list[dict]:
    """`answer[field]` when it is a list of objects, else an empty list."""
    items = answer.get(field) if isinstance(answer, dict) else None
    return [item for item in items or [] if isinstance(item, dict)]


def _spread(chunks: list[list[int]], done: dict[int, list[str]], texts: list[str]) -> dict[int, str]:
    """Per-text results of the chunks that were translated before a failure."""
    return {index: _keep_space(texts[index], text)
            for c, translated in done.items() for index, text in zip(chunks[c], translated)}


def _keep_space(original: str, translated: str) -> str:
    """The translation with the original's leading and trailing whitespace."""
    lead = original[: len(original) - len(original.lstrip())]
    return lead + translated.strip() + original[len(original.rstrip()):]
