"""One build of a kit at a time: an exclusive lock file in the output folder."""
from __future__ import annotations

import fcntl
import os
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from presskit.errors import PresskitError

LOCK_NAME = ".presskit.lock"


@contextmanager
def build_lock(folder: Path) -> Iterator[None]:
    """Hold the kit's build lock in `folder` for the duration of the block, or fail at once."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle = open(folder / LOCK_NAME, "a+", encoding="ascii")
    except OSError as error:
        raise PresskitError(f"cannot use the output folder: {error.strerror or error}", path=folder,
                            hint="choose another folder with --out, or fix its permissions") from None
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            owner = handle.read().strip() or "another process"
            raise PresskitError(f"another build of this kit is running (pid {owner})", path=folder,
                                hint="wait for it to finish, or build into another folder with --out"
                                ) from None
        handle.seek(0)
        handle.truncate()
        handle.write(str(os.getpid()))
        handle.flush()
        yield
    finally:
        handle.close()
