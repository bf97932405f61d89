"""A Jinja2 bytecode cache in the user's cache folder: templates compile once, not on every build.

Shared by the two renderers that use Jinja2 (web pages and e-mails): a helper of their library, not a renderer.
"""
from __future__ import annotations

from pathlib import Path

from jinja2 import FileSystemBytecodeCache
from jinja2.bccache import Bucket

from presskit.runtime.disk_memo import cache_folder as presskit_cache


def cache_folder(name: str) -> Path | None:
    """`<the user's presskit cache>/<name>`, created; None when it cannot be."""
    folder = presskit_cache() / name
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
