"""French lemmas (simplemma), with its decoded dictionary kept in the user's cache between runs.

simplemma decodes its French dictionary (250,000 forms) in pure Python on first use: ~0.13 s of
every build. Decoded once, the same dictionary loads from a marshal file in ~0.035 s. The cache is
keyed by simplemma's version; when it cannot be read or written, simplemma's own loading is used.
"""
from __future__ import annotations

import marshal
import os
from functools import lru_cache
from pathlib import Path
from typing import Mapping


def cache_folder() -> Path:
    """The user's cache folder for presskit (XDG_CACHE_HOME, else ~/.cache)."""
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "presskit"


class CachedDictionaries:
    """A simplemma DictionaryFactory that reads decoded dictionaries from a marshal cache."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    @lru_cache(maxsize=4)
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
        _store(path, marshal.dumps(decoded))
        return MappingStrToByteString(decoded)


def _store(path: Path, data: bytes) -> None:
    """Write the cache file whole (temporary file, then rename); a cache that cannot be written is skipped."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        temporary.write_bytes(data)
        os.replace(temporary, path)
    except OSError:
        pass


@lru_cache(maxsize=1)
def _lookups():
    """simplemma's lemmatizer and dictionary lookup, on the cached dictionaries."""
    from simplemma import Lemmatizer
    from simplemma.strategies import DefaultStrategy, DictionaryLookupStrategy

    factory = CachedDictionaries(cache_folder())
    return (Lemmatizer(lemmatization_strategy=DefaultStrategy(dictionary_factory=factory)),
            DictionaryLookupStrategy(dictionary_factory=factory))


def known_lemma(word: str) -> str | None:
    """The French lemma of a word simplemma knows, else None.

    >>> known_lemma("monoclonaux"), known_lemma("industriels"), known_lemma("biothérapies")
    ('monoclonal', 'industriel', None)
    """
    from simplemma.lemmatizer import normalize_token

    lemmatizer, lookup = _lookups()
    if lookup.get_lemma(normalize_token(word), "fr") is None:
        return None
    return lemmatizer.lemmatize(word, "fr")
