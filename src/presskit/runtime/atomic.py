"""Write files whole or not at all: a temporary file beside the target, then a rename.

Two kinds of files: what translators own (memory, glossary, review files) is also forced to disk
before the rename (`write_bytes`), so that not even a power cut loses an edit; what a build makes
(documents, pages, messages, reports: `write_output`) is only written whole, since the next build
makes it again, and forcing each of a kit's twenty files to disk would cost more than rendering some.
"""
from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from presskit.errors import PresskitError


def _umask_mode() -> int:
    """Return the mode a new file gets under the current umask (0o644 under the usual 022)."""
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


def _fill(handle: int, data: bytes, sync: bool) -> None:
    """Write `data` to the open file `handle` and close it (forced to disk first when `sync`)."""
    with os.fdopen(handle, "wb") as stream:
        stream.write(data)
        stream.flush()
        if sync:
            os.fsync(stream.fileno())


def write_bytes(path: Path, data: bytes, *, what: str = "file", backup: bool = False, sync: bool = True) -> Path:
    """Write `data` to `path` atomically and durably (optionally keeping `<name>.bak`); PresskitError on failure."""
    path = Path(path)
    temporary = None
    try:
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
        _fill(handle, data, sync)
        os.chmod(temporary, os.stat(path).st_mode & 0o777 if path.exists() else _umask_mode())
        if backup and path.exists():
            shutil.copy2(path, path.with_name(path.name + ".bak"))
        os.replace(temporary, path)
        return path
    except OSError as error:
        raise PresskitError(f"cannot write the {what} ({error.strerror or error})", path=path,
                            hint="check that the folder exists, is writable and the disk is not full"
                            ) from None
    finally:
        if temporary and os.path.exists(temporary):
            os.unlink(temporary)


def write_output(path: Path, data: bytes, *, what: str = "file") -> Path:
    """Write an output a build makes again (a document, page or report) whole, without forcing it to disk."""
    return write_bytes(path, data, what=what, sync=False)


def make_folder(folder: Path, what: str = "output folder") -> None:
    """Create a folder (and its parents), with a clear error naming it when it cannot be."""
    try:
        Path(folder).mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise PresskitError(f"cannot create the {what}: {error.strerror}", path=folder,
                            hint="choose another output folder with --out or fix its permissions") from None
