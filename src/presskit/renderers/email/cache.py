"""A Jinja2 bytecode cache in the user's cache folder (the web renderer has the same: renderers share nothing)."""
from __future__ import annotations

import os
from pathlib import Path

from jinja2 import FileSystemBytecodeCache
from jinja2.bccache import Bucket


def cache_folder(name: str) -> Path | None:
    """`<XDG_CACHE_HOME or ~/.cache>/presskit/<name>`, created; None when it cannot be."""
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    folder = base / "presskit" / name
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return folder


class QuietBytecodeCache(FileSystemBytecodeCache):
    """Jinja's file cache (keyed by each template's source checksum), which never fails a build."""

    def load_bytecode(self, bucket: Bucket) -> None:
        """Load the compiled template when the cache has it (a broken entry is compiled again)."""
        try:
            super().load_bytecode(bucket)
        except Exception:  # a truncated or foreign file: compile the template again
            bucket.reset()

    def dump_bytecode(self, bucket: Bucket) -> None:
        """Store the compiled template; a read-only or full disk only costs the next compile."""
        try:
            super().dump_bytecode(bucket)
        except OSError:
            pass


def bytecode_cache(name: str) -> QuietBytecodeCache | None:
    """The bytecode cache of one template folder, or None when there is no cache folder."""
    folder = cache_folder(f"templates-{name}")
    return QuietBytecodeCache(str(folder)) if folder else None
