"""One writer at a time: an exclusive lock file, opened without following a symlink.

`build_lock` guards a build's output folder (fail at once when held); `files_lock` guards the
translators' files of a kit (glossary, memory): a second writer waits a few seconds, then refuses.
"""
from __future__ import annotations

import errno
import fcntl
import os
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from presskit.errors import PresskitError

LOCK_NAME = ".presskit.lock"
WAIT_SECONDS = 5.0  # how long a writer of translator files waits for another one to finish
_POLL = 0.05


@contextmanager
def build_lock(folder: Path) -> Iterator[None]:
    """Hold the kit's build lock in `folder` for the duration of the block, or fail at once."""
    with _locked(Path(folder), wait=0.0, busy="another build of this kit is running",
                 hint="wait for it to finish, or build into another folder with --out",
                 unusable="the output folder",
                 unusable_hint="choose another folder with --out, or fix its permissions"):
        yield


@contextmanager
def files_lock(folder: Path, wait: float = WAIT_SECONDS) -> Iterator[None]:
    """Hold the lock of the translators' files in `folder` (glossary/): wait up to `wait` s, then refuse."""
    with _locked(Path(folder), wait=wait,
                 busy="another presskit command is writing this kit's translator files",
                 hint=f"waited {wait:g} s; run it again when the other import or build has finished",
                 unusable="the glossary folder",
                 unusable_hint="fix the folder's permissions, or remove the symlink"):
        yield


@contextmanager
def _locked(folder: Path, *, wait: float, busy: str, hint: str, unusable: str,
            unusable_hint: str) -> Iterator[None]:
    """Take the lock file of `folder` (created without following symlinks), waiting up to `wait` s."""
    descriptor = _open_lock(folder, unusable, unusable_hint)
    try:
        deadline = time.monotonic() + wait
        while True:
            try:
                fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    owner = os.pread(descriptor, 32, 0).decode("ascii", "replace").strip()
                    raise PresskitError(f"{busy} (pid {owner or 'unknown'})", path=folder,
                                        hint=hint) from None
                time.sleep(_POLL)
        os.ftruncate(descriptor, 0)
        os.pwrite(descriptor, str(os.getpid()).encode("ascii"), 0)
        yield
    finally:
        os.close(descriptor)


def _open_lock(folder: Path, unusable: str, hint: str) -> int:
    """Open (create) the lock file of `folder`; a symlink in its place is refused, never followed."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        return os.open(folder / LOCK_NAME, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_CLOEXEC, 0o644)
    except OSError as error:
        if error.errno == errno.ELOOP:
            raise PresskitError(f"{folder / LOCK_NAME} is a symbolic link; presskit does not write "
                                "through links", path=folder,
                                hint=f"remove the link {LOCK_NAME} (presskit recreates it)") from None
        raise PresskitError(f"cannot use {unusable}: {error.strerror or error}", path=folder,
                            hint=hint) from None
