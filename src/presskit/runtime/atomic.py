"""Write files whole or not at all: a temporary file beside the target, then a rename."""
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


def write_bytes(path: Path, data: bytes, *, what: str = "file", backup: bool = False) -> Path:
    """Write `data` to `path` atomically (optionally keeping `<name>.bak`); raise PresskitError on failure."""
    path = Path(path)
    temporary = None
    try:
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
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
