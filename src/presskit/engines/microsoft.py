"""Microsoft Translator v3 called directly: `POST /translate?api-version=3.0`, terms as markup.

deep-translator's Microsoft engine sends no glossary, so presskit calls the API itself: up to
100 texts (and 40,000 characters) per request, key in `Ocp-Apim-Subscription-Key` (from
MICROSOFT_API_KEY), region in `Ocp-Apim-Subscription-Region` (MICROSOFT_REGION). With presskit's
terms, each French term in a text is sent as Microsoft's dynamic dictionary markup,
``<mstrans:dictionary translation="biopharmaceutical">biomédicament</mstrans:dictionary>``, which
the service writes out as given; terms are found as presskit's glossary finds them (plurals and
inflections by lemma), so plural French gets the plural English.
"""
from __future__ import annotations

import hashlib
import os
from typing import TYPE_CHECKING, Any

from presskit.engines.base import (
    DEFAULT_TIMEOUT,
    DEFAULT_WORKERS,
    Capabilities,
    EngineFailure,
    RetryPolicy,
    register,
)
from presskit.engines.deepl_glossary import glossary_entries
from presskit.engines.http import display_url, http_base_url, send
from presskit.engines.network import NetworkEngine, keep_space
from presskit.engines.parallel import map_bounded
from presskit.errors import PresskitError

if TYPE_CHECKING:  # requests is imported when a request is sent, not with the registry
    pass

PUBLIC_URL = "https://api.cognitive.microsofttranslator.com/"
BATCH, BATCH_CHARS = 100, 40_000  # the API allows 1,000 texts and 50,000 characters a request


@register("microsoft")
class MicrosoftEngine(NetworkEngine):
    """Microsoft Translator v3; key MICROSOFT_API_KEY, region MICROSOFT_REGION; dynamic dictionary."""

    summary = "Microsoft Translator v3 /translate, terms as dynamicDictionary markup (direct HTTP)"
    takes_url = True
    key_env = "MICROSOFT_API_KEY"
    key_required = True
    capabilities = Capabilities(glossary=True, batch_size=BATCH)

    def __init__(self, *, url: str | None = None, terms: tuple[tuple[str, str], ...] = (),
                 timeout: float = DEFAULT_TIMEOUT, retry: RetryPolicy | None = None,
                 workers: int = DEFAULT_WORKERS) -> None:
        super().__init__(timeout=timeout, retry=retry, workers=workers)
        self.base_url = http_base_url(url, "microsoft") if url else PUBLIC_URL
        self.url = display_url(self.base_url)
        self.terms = glossary_entries(list(terms))
        self.applies_terms = bool(self.terms)
        self._glossary = _glossary(self.terms)

    @property
    def cache_key(self) -> str:
        """Address and terms change the translations."""
        key = "microsoft" + (f"@{self.url}" if self.base_url != PUBLIC_URL else "")
        digest = hashlib.sha256(repr(self.terms).encode("utf-8")).hexdigest()[:16]
        return key + (f"+terms-{digest}" if self.terms else "")

    def with_terms(self, pairs: list[tuple[str, str]]) -> "MicrosoftEngine":
        """This engine with the pairs sent as dynamic dictionary markup."""
        if not glossary_entries(pairs):
            return self
        return MicrosoftEngine(url=self.base_url, terms=tuple(pairs), timeout=self.timeout,
                               retry=self.retry, workers=self.workers)

    def translate(self, texts: list[str], source: str, target: str) -> list[str]:
        """Translate the non-blank texts in batches; terms marked up when French → English."""
        src, tgt = self._code(source, self.source_codes), self._code(target, self.target_codes)
        todo = [i for i, text in enumerate(texts) if text.strip()]
        if not todo or src == tgt:
            return list(texts)
        key = self._key() or ""
        marked = {i: self.markup(texts[i].strip()) if (src, tgt) == ("fr", "en") else texts[i].strip()
                  for i in todo}
        chunks = _chunks(todo, marked)
        try:
            results = map_bounded(lambda c: self._send(key, [marked[i] for i in chunks[c]], src, tgt),
                                  len(chunks), self.workers)
        except EngineFailure as failure:
            raise EngineFailure(failure, {i: keep_space(texts[i], t) for c, done in failure.done.items()
                                          for i, t in zip(chunks[c], done)}) from None
        out = list(texts)
        for chunk, translated in zip(chunks, results):
            for index, text in zip(chunk, translated):
                out[index] = keep_space(texts[index], text)
        return out

    def markup(self, text: str) -> str:
        """The text with each glossary term (found as presskit finds them) as dynamic dictionary
        markup, its English in the French's number and with its initial capital.

        >>> MicrosoftEngine(terms=(("biomédicament", "biopharmaceutical"),)).markup(
        ...     "Les biomédicaments, un Biomédicament.")  # doctest: +NORMALIZE_WHITESPACE
        'Les <mstrans:dictionary translation="biopharmaceuticals">biomédicaments</mstrans:dictionary>,
         un <mstrans:dictionary translation="Biopharmaceutical">Biomédicament</mstrans:dictionary>.'
        """
        if self._glossary is None:
            return text
        parts, position = [], 0
        for match in self._glossary.find(text):
            english = match.english
            if match.surface[:1].isupper():
                english = english[:1].upper() + english[1:]
            parts += [text[position:match.start], f'<mstrans:dictionary translation="'
                      f'{_attribute(english)}">{match.surface}</mstrans:dictionary>']
            position = match.end
        return "".join(parts) + text[position:]

    def _send(self, key: str, texts: list[str], src: str, tgt: str) -> list[str]:
        """One POST /translate for a batch; the translations in order."""
        headers = {"Ocp-Apim-Subscription-Key": key, "Content-Type": "application/json"}
        region = os.environ.get("MICROSOFT_REGION", "").strip()
        if region:
            headers["Ocp-Apim-Subscription-Region"] = region
        params = {"api-version": "3.0", "from": src, "to": tgt}

        def post() -> Any:
            return send("post", self.base_url + "translate", self.timeout, params=params, headers=headers,
                        json=[{"Text": text} for text in texts]).json()

        answer = self._call(post)
        translated = [_first_text(item) for item in answer] if isinstance(answer, list) else []
        if len(translated) != len(texts) or not all(translated):
            raise PresskitError("the microsoft engine returned no translation for a text",
                                hint="try again, or choose another engine with --engine")
        return translated  # type: ignore[return-value]


def _glossary(entries: tuple[tuple[str, str], ...]) -> Any:
    """presskit's matcher over the term pairs (plurals and inflections found by lemma), or None."""
    if not entries:
        return None
    from presskit.glossary.glossary import Entry, Glossary
    return Glossary([Entry(french, english) for french, english in entries])


def _chunks(todo: list[int], texts: dict[int, str]) -> list[list[int]]:
    """Indexes in batches of at most 100 texts and 40,000 characters."""
    chunks: list[list[int]] = [[]]
    size = 0
    for index in todo:
        if chunks[-1] and (len(chunks[-1]) >= BATCH or size + len(texts[index]) > BATCH_CHARS):
            chunks.append([])
            size = 0
        chunks[-1].append(index)
        size += len(texts[index])
    return chunks


def _first_text(item: Any) -> str | None:
    """`item["translations"][0]["text"]` when it is a non-blank string."""
    translations = item.get("translations") if isinstance(item, dict) else None
    text = translations[0].get("text") if translations and isinstance(translations[0], dict) else None
    return text if isinstance(text, str) and text.strip() else None


def _attribute(value: str) -> str:
    """A value fit for a double-quoted attribute of the markup."""
    return value.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")
