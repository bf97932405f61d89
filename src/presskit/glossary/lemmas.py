"""French lemmas (simplemma), with its decoded dictionary and the lemmas found kept between runs.

simplemma decodes its French dictionary (250,000 forms) in pure Python on first use (~0.13 s), and
importing it compiles its rules (~0.05 s). presskit keeps the decoded dictionary in the user's cache
folder as a marshal file (~0.035 s to load), and the lemmas it has found in a memo
(`presskit.runtime.disk_memo`): a release whose words are all in the memo never loads simplemma at all.
"""
from __future__ import annotations

import marshal
from functools import lru_cache
from pathlib import Path
from typing import Mapping

from presskit.runtime.disk_memo import cache_folder, disk_memo, store


class CachedDictionaries:
    """A simplemma DictionaryFactory that reads decoded dictionaries from a marshal cache."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    @lru_cache(maxsize=4)  # noqa: B019 — one factory per process, alive for the whole run
    def get_dictionary(self, lang: str) -> Mapping[str, str]:
        """The dictionary of `lang`, from the cache when it holds it."""
        import simplemma
        from simplemma.strategies.dictionaries.dictionary_factory import (
            MappingStrToByteString,
            _load_dictionary_from_disk,
        )

        path = self.folder / f"simplemma-{simplemma.__version__}-{lang}.marshal"
        try:
            return MappingStrToByteString(marshal.loads(path.read_bytes()))
        except (OSError, ValueError, EOFError, TypeError):
            pass
        decoded = _load_dictionary_from_disk(lang)
        store(path, marshal.dumps(decoded))
        return MappingStrToByteString(decoded)


@lru_cache(maxsize=1)
def _lookups():
    """simplemma's lemmatizer and dictionary lookup, on the cached dictionaries."""
    from simplemma import Lemmatizer
    from simplemma.strategies import DefaultStrategy, DictionaryLookupStrategy

    factory = CachedDictionaries(cache_folder())
    return (Lemmatizer(lemmatization_strategy=DefaultStrategy(dictionary_factory=factory)),
            DictionaryLookupStrategy(dictionary_factory=factory))


def simplemma_lemma(word: str) -> str | None:
    """Ask simplemma: the French lemma of a word it knows, else None."""
    from simplemma.lemmatizer import normalize_token

    lemmatizer, lookup = _lookups()
    if lookup.get_lemma(normalize_token(word), "fr") is None:
        return None
    return lemmatizer.lemmatize(word, "fr")


@disk_memo("lemmas", "simplemma")
def known_lemma(word: str) -> str | None:
    """The French lemma of a word simplemma knows, else None.

    >>> known_lemma("monoclonaux"), known_lemma("industriels"), known_lemma("biothérapies")
    ('monoclonal', 'industriel', None)
    """
    return simplemma_lemma(word)
