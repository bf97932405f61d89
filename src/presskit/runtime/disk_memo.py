"""Memos of pure functions kept in the user's cache between runs: lemmas, sentence spans.

A press officer rebuilds the same release many times, and every release shares most of its words;
looking a word's lemma up in simplemma or a paragraph's sentences up in pysbd costs more than the
import of either library. A memo is one marshal file per function, named after what its results
depend on (the library's installed files and presskit's own module), so an upgrade or an edit starts
it afresh. It is read whole on first use and written whole (temporary file, then rename) when the process
ends (`presskit.runtime.startup.finish`, or a forked worker when its work is done), and a memo
file of an older stamp is removed then; when the cache folder cannot be read or written, the
function simply runs every time. Use it as a decorator on a pure function of one hashable argument,
or of any arguments given a `key` that names them:

    @disk_memo("lemmas", "simplemma")
    def lemma_of(word: str) -> str: ...

    @disk_memo("docx-styles", "docx", key=lambda theme, lang: f"{lang} {theme!r}")
    def styled_template(theme: Theme, lang: str) -> bytes: ...
"""
from __future__ import annotations

import functools
import hashlib
import marshal
import os
from importlib.util import find_spec
from pathlib import Path
from typing import Callable, Hashable

LIMIT = 300_000  # entries; a memo grown beyond this starts afresh
_OPEN: list["DiskMemo"] = []


def cache_folder() -> Path:
    """The user's cache folder for presskit (XDG_CACHE_HOME, else ~/.cache)."""
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "presskit"


def store(path: Path, data: bytes, private: bool = False) -> None:
    """Write a cache file whole (temporary file, then rename); a cache that cannot be written is skipped.

    `private`: the file is readable and writable by the user alone (0600), whatever the umask.
    """
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        temporary.write_bytes(data)
        if private:
            os.chmod(temporary, 0o600)
        os.replace(temporary, path)
    except OSError:
        pass


def file_stamp(*files: str | Path | None) -> str:
    """A short fingerprint of files' paths, sizes and modification times (changes when any is replaced).

    >>> file_stamp(__file__) == file_stamp(__file__) != file_stamp(__file__, None)
    True
    """
    parts = []
    for name in files:
        try:
            stat = os.stat(name) if name else None
        except OSError:
            stat = None
        parts.append(f"{name}|{stat.st_mtime_ns}|{stat.st_size}" if stat else f"{name}|missing")
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:16]


def module_file(name: str) -> str | None:
    """The file of an installed module, found without importing it (None when it is not installed)."""
    spec = find_spec(name)
    return spec.origin if spec is not None else None


def disk_memo(name: str, *libraries: str, key: Callable[..., Hashable] | None = None,
              limit: int | None = None) -> Callable[[Callable], Callable]:
    """Keep the results of a pure function between runs, in the user's cache.

    The memo's stamp covers the installed `libraries` (module names, presskit's own included) and the
    function's own module, so an upgrade or an edit of either starts it afresh. A function of one
    argument is memoised by that argument; any other gives `key`, which makes a marshal-able key
    (a string, a tuple of strings) of its arguments. `limit` caps the entries of a memo whose results
    are large (a memo past its limit starts afresh).
    """
    def decorate(function: Callable) -> Callable:
        memo: list[DiskMemo] = []

        @functools.wraps(function)
        def memoised(*arguments):
            if not memo:
                files = [module_file(library) for library in libraries]
                memo.append(DiskMemo(name, file_stamp(*files, function.__code__.co_filename), limit))
            if key is None:
                return memo[0].get(arguments[0], function)
            return memo[0].get(key(*arguments), lambda _key: function(*arguments))

        return memoised

    return decorate


class DiskMemo:
    """The results of one pure function, by argument, read from and saved to one marshal file."""

    def __init__(self, name: str, stamp: str, limit: int | None = None, fewest_new: int = 1,
                 folder: Path | None = None, private: bool = False) -> None:
        self.path = (folder or cache_folder()) / f"{name}-{stamp}.marshal"
        self.private = private  # written for the user alone (0600)
        self.limit = limit or LIMIT  # entries; a memo grown beyond this starts afresh
        self.fewest_new = fewest_new  # fewer new results than this are not worth rewriting the file
        self.results: dict | None = None
        self.new: dict = {}

    def get(self, argument: Hashable, compute: Callable):
        """The result for `argument`, from the memo, else `compute(argument)` (and remembered)."""
        if self.results is None:
            self.results = _read(self.path)
            _OPEN.append(self)
        try:
            return self.results[argument]
        except KeyError:
            result = self.results[argument] = self.new[argument] = compute(argument)
            return result

    def replace(self, argument: Hashable, result) -> None:
        """Remember `result` for `argument` in place of what the file held (a damaged entry)."""
        if self.results is not None:
            self.results[argument] = self.new[argument] = result

    def save(self) -> None:
        """Add the new results to the file, merged with what other runs saved meanwhile."""
        if len(self.new) < self.fewest_new:
            return
        results = _read(self.path)
        if len(results) + len(self.new) > self.limit:
            results = {}
        results.update(self.new)
        store(self.path, marshal.dumps(results), private=self.private)
        self.new = {}
        self.prune()

    def prune(self) -> None:
        """Remove the files this memo had under older stamps (another version of a library or module)."""
        name = self.path.name.rsplit("-", 1)[0]
        for old in self.path.parent.glob(f"{name}-*.marshal"):
            if old != self.path:
                try:
                    old.unlink()
                except OSError:
                    pass


def _read(path: Path) -> dict:
    """The memo saved at `path` ({} when it is missing or unreadable)."""
    try:
        results = marshal.loads(path.read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        return {}
    return results if isinstance(results, dict) else {}


def save_memos() -> None:
    """Save every memo used in this process (called as the process ends: presskit skips exit handlers)."""
    for memo in _OPEN:
        memo.save()
