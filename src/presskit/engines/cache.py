"""A SQLite cache of machine translations, wrapped around any engine.

`CachedEngine(engine, path, glossary_version)` is itself an `Engine`: it answers from the cache
what it has (keyed by engine, source and target language, glossary version and exact text) and
sends only the rest, each distinct text once, to the wrapped engine. Each batch is stored in one
transaction; when the engine fails part-way (`EngineFailure`) the translations obtained are stored
before the error goes on, so a rerun resumes. A file that is not a readable SQLite database is set
aside as `<name>.corrupt` and rebuilt, with a warning. Only texts and translations are stored:
never a key, a URL or a setting.
"""
from __future__ import annotations

import logging
import os
import sqlite3
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Callable, Iterator, TypeVar

from presskit.engines.base import Engine, EngineBase, EngineFailure
from presskit.errors import PresskitError

SCHEMA_VERSION = 1
SCHEMA = """
CREATE TABLE IF NOT EXISTS translations (
    engine TEXT NOT NULL, source TEXT NOT NULL, target TEXT NOT NULL, glossary TEXT NOT NULL,
    text TEXT NOT NULL, translation TEXT NOT NULL, stored TEXT NOT NULL,
    PRIMARY KEY (engine, source, target, glossary, text)
) WITHOUT ROWID
"""
_BROKEN = {getattr(sqlite3, "SQLITE_CORRUPT", 11), getattr(sqlite3, "SQLITE_NOTADB", 26)}
_LOOKUP_BATCH = 500  # texts per SELECT (SQLite limits the number of parameters)
log = logging.getLogger("presskit.cache")
T = TypeVar("T")


def cache_key(engine: Any) -> str:
    """What identifies an engine's translations: its `cache_key` (e.g. libre@address)."""
    return str(engine.cache_key or engine.name)


class CachedEngine(EngineBase):
    """An engine that remembers: translations come from the SQLite file at `path` when known."""

    def __init__(self, engine: Engine, path: str | Path, glossary_version: str = "") -> None:
        self.engine = engine
        self.path = Path(path)
        self.glossary_version = glossary_version
        self.name = engine.name  # type: ignore[misc]
        self.network = engine.network  # type: ignore[misc]
        self.capabilities = engine.capabilities  # type: ignore[misc]
        self.applies_terms = engine.applies_terms
        self.hits = 0  # texts answered from the cache, over this object's life
        self.misses = 0  # distinct texts sent to the engine
        self.warnings: list[str] = []

    @property
    def cache_key(self) -> str:
        """The wrapped engine's."""
        return cache_key(self.engine)

    def with_terms(self, pairs: list[tuple[str, str]]) -> "CachedEngine":
        """The wrapped engine with the terms (when it takes them), behind the same cache."""
        inner = self.engine.with_terms(pairs)
        return self if inner is self.engine else CachedEngine(inner, self.path, self.glossary_version)

    def reach(self, timeout: float) -> str:
        """The wrapped engine's."""
        return str(self.engine.reach(timeout)) if isinstance(self.engine, EngineBase) else "ready"

    def translate(self, texts: list[str], source: str, target: str) -> list[str]:
        """Translations of `texts` in order: cached ones read, the others translated and stored."""
        scope = (cache_key(self.engine), _lang(source), _lang(target), self.glossary_version)
        wanted = list(dict.fromkeys(t for t in texts if t.strip()))
        known = self._db(lambda db: _lookup(db, scope, wanted)) if wanted else {}
        missing = [t for t in wanted if t not in known]
        self.hits += sum(1 for t in texts if t in known)
        if missing:
            known.update(self._translate(scope, missing, source, target))
        return [known.get(t, t) for t in texts]

    def _translate(self, scope: tuple[str, ...], missing: list[str], source: str,
                   target: str) -> dict[str, str]:
        """Send the missing texts to the engine; store what came back, even on a failure."""
        self.misses += len(missing)
        try:
            result = self.engine.translate(missing, source, target)
        except EngineFailure as failure:
            done = {missing[i]: text for i, text in failure.done.items()}
            self._db(lambda db: _store(db, scope, done))
            raise
        if len(result) != len(missing):
            raise PresskitError(f"the {self.name} engine returned {len(result)} translations "
                                f"for {len(missing)} texts", hint="choose another engine with --engine")
        found = dict(zip(missing, result))
        self._db(lambda db: _store(db, scope, found))
        return found

    def _db(self, work: Callable[[sqlite3.Connection], T]) -> T:
        """Run `work` on an open database; a broken file is set aside and rebuilt once."""
        try:
            return _with_connection(self.path, work)
        except sqlite3.DatabaseError as exc:
            if getattr(exc, "sqlite_errorcode", None) not in _BROKEN:
                raise _unusable(self.path, exc) from None
        self._set_aside()
        try:
            return _with_connection(self.path, work)
        except sqlite3.DatabaseError as exc:
            raise _unusable(self.path, exc) from None

    def _set_aside(self) -> None:
        """Move the unreadable file to `<name>.corrupt` and say so."""
        aside = self.path.with_name(self.path.name + ".corrupt")
        os.replace(self.path, aside)
        for suffix in ("-journal", "-wal", "-shm"):
            self.path.with_name(self.path.name + suffix).unlink(missing_ok=True)
        message = (f"{self.path}: the translation cache was unreadable; it was moved to "
                   f"{aside.name} and a new one started (translations will be requested again)")
        self.warnings.append(message)
        log.warning(message)


def _with_connection(path: Path, work: Callable[[sqlite3.Connection], T]) -> T:
    """Open (creating the file and schema if needed), run `work` in one transaction, close."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise PresskitError(f"cannot create the folder of the translation cache ({exc.strerror})",
                            path=path.parent, hint="check the kit folder's permissions") from None
    db = sqlite3.connect(path, timeout=10)
    try:
        with db:
            _prepare(db)
            return work(db)
    finally:
        db.close()


def _prepare(db: sqlite3.Connection) -> None:
    """Create the table; a cache of another schema version is emptied (it is only a cache)."""
    version = db.execute("PRAGMA user_version").fetchone()[0]
    if version not in (0, SCHEMA_VERSION):
        db.execute("DROP TABLE IF EXISTS translations")
    db.execute(SCHEMA)
    if version != SCHEMA_VERSION:
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")


def _lookup(db: sqlite3.Connection, scope: tuple[str, ...], texts: list[str]) -> dict[str, str]:
    """The cached translations of `texts` in this scope."""
    found: dict[str, str] = {}
    for batch in _batches(texts, _LOOKUP_BATCH):
        marks = ",".join("?" * len(batch))
        rows = db.execute("SELECT text, translation FROM translations WHERE engine=? AND source=? "
                          f"AND target=? AND glossary=? AND text IN ({marks})", (*scope, *batch))
        found.update(rows.fetchall())
    return found


def _store(db: sqlite3.Connection, scope: tuple[str, ...], pairs: dict[str, str]) -> None:
    """Insert or replace the translations of this scope (inside the caller's transaction)."""
    stamp = datetime.now(timezone.utc).isoformat(timespec="seconds")
    db.executemany("INSERT OR REPLACE INTO translations VALUES (?, ?, ?, ?, ?, ?, ?)",
                   [(*scope, text, translation, stamp) for text, translation in pairs.items()])


def _batches(items: list[str], size: int) -> Iterator[list[str]]:
    for start in range(0, len(items), size):
        yield items[start:start + size]


def _lang(code: str) -> str:
    """A language code as keyed: lower case, "_" as "-" ("en_GB" → "en-gb")."""
    return code.strip().lower().replace("_", "-")


def _unusable(path: Path, exc: sqlite3.DatabaseError) -> PresskitError:
    """A cache that cannot be used for another reason (locked, read-only, disk full)."""
    return PresskitError(f"cannot use the translation cache ({exc})", path=path,
                         hint="close other presskit runs, check the folder's permissions, "
                              "or delete the file to start a new cache")
