"""French lemmas (simplemma), remembered in the user's cache between runs.

simplemma decodes its French dictionary (250,000 forms) in pure Python on first use (~0.13 s), and
importing it compiles its rules (~0.05 s). presskit keeps two things in the user's cache folder:
the decoded dictionary (a marshal file, ~0.035 s to load) and a memo of the lemmas it has already
looked up, word by word. A release whose words are all in the memo never loads simplemma at all.
Both are keyed by simplemma's installed files, so an upgrade starts them afresh; when the cache
cannot be read or written, simplemma is used directly.
"""
from __future__ import annotations

import atexit
import hashlib
import marshal
import os
from functools import lru_cache
from importlib.util import find_spec
from pathlib import Path
from typing import Mapping

MEMO_FORMAT = 1  # bump when what `known_lemma` returns for a word changes
MEMO_LIMIT = 300_000  # words; beyond this the memo starts afresh


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


def simplemma_lemma(word: str) -> str | None:
    """Ask simplemma: the French lemma of a word it knows, else None."""
    from simplemma.lemmatizer import normalize_token

    lemmatizer, lookup = _lookups()
    if lookup.get_lemma(normalize_token(word), "fr") is None:
        return None
    return lemmatizer.lemmatize(word, "fr")


class LemmaMemo:
    """Lemmas already looked up, read from and saved to one marshal file."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.words: dict[str, str | None] = _read_words(path) if path else {}
        self.new: dict[str, str | None] = {}

    def lemma(self, word: str) -> str | None:
        """The lemma of `word` from the memo, else from simplemma (and remembered)."""
        try:
            return self.words[word]
        except KeyError:
            value = self.words[word] = self.new[word] = simplemma_lemma(word)
            return value

    def save(self) -> None:
        """Add the new lemmas to the file (merged with what other runs wrote meanwhile)."""
        if not self.new or self.path is None:
            return
        words = _read_words(self.path)
        if len(words) + len(self.new) > MEMO_LIMIT:
            words = {}
        words.update(self.new)
        _store(self.path, marshal.dumps(words))
        self.new = {}


def _read_words(path: Path) -> dict[str, str | None]:
    """The memo saved at `path` ({} when it is missing or unreadable)."""
    try:
        words = marshal.loads(path.read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        return {}
    return words if isinstance(words, dict) else {}


def memo_path() -> Path | None:
    """Where the lemma memo of the installed simplemma lives (None when simplemma is not found)."""
    spec = find_spec("simplemma")
    if spec is None or not spec.origin:
        return None
    try:
        stat = os.stat(spec.origin)
    except OSError:
        return None
    key = f"{MEMO_FORMAT}|{spec.origin}|{stat.st_mtime_ns}|{stat.st_size}"
    return cache_folder() / f"lemmas-{hashlib.sha256(key.encode()).hexdigest()[:16]}.marshal"


@lru_cache(maxsize=1)
def _memo() -> LemmaMemo:
    """This process's lemma memo (saved when the process ends, or by `save_lemmas`)."""
    memo = LemmaMemo(memo_path())
    atexit.register(memo.save)
    return memo


def save_lemmas() -> None:
    """Save the lemmas looked up so far (forked workers end without running exit handlers)."""
    _memo().save()


def known_lemma(word: str) -> str | None:
    """The French lemma of a word simplemma knows, else None.

    >>> known_lemma("monoclonaux"), known_lemma("industriels"), known_lemma("biothérapies")
    ('monoclonal', 'industriel', None)
    """
    return _memo().lemma(word)
