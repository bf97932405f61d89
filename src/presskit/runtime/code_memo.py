"""The compiled methods that `dataclasses` writes, kept in the user's cache (`runtime.disk_memo`).

`dataclasses` writes each class's `__init__`, `__repr__`, `__eq__`, `__hash__`, `__setattr__`… as
Python source and compiles it with `exec` when the class is made: ~0.25 ms a method, some 250 methods
before a build has read its release (the model, the pipeline, the settings), 60 ms of the main
process. The source depends only on the class's fields and options, so its compiled code is kept by
that source, under a stamp of the interpreter's bytecode and of `dataclasses.py`; `exec` then runs the
kept code in the class's namespace exactly as it would have run the source.

This memo holds Python code, as `__pycache__` does: it lives in a folder of its own in the cache
(`private/`, made 0700, its file written 0600 whatever the umask), and is read only when that folder
and file belong to the user and nobody else can write them (else the methods are compiled as usual).
A damaged entry is compiled again, and replaced in the file.
"""
from __future__ import annotations

import builtins
import dataclasses
import os
import stat
from importlib.util import MAGIC_NUMBER
from pathlib import Path
from types import CodeType

from presskit.runtime.disk_memo import DiskMemo, cache_folder, file_stamp

LIMIT = 4000  # methods; past it the memo starts afresh
FEWEST_NEW = 16  # a run that makes fewer new methods leaves the file as it is
_installed: list[DiskMemo] = []


def install() -> bool:
    """Serve the code of the methods `dataclasses` writes from the memo, in this process and those it forks
    (False where this Python's `dataclasses` is not the one the memo knows, or the cache is not safe)."""
    if _installed or not hasattr(dataclasses, "_create_fn"):  # 3.11–3.12: one `exec` a method
        return bool(_installed)
    folder = cache_folder() / "private"
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError:  # no cache to keep it in
        return False
    memo = DiskMemo("dataclass-code", file_stamp(dataclasses.__file__, __file__) + MAGIC_NUMBER.hex(),
                    limit=LIMIT, fewest_new=FEWEST_NEW, folder=folder, private=True)
    if not only_yours(memo.path):
        return False

    def exec_memoised(source, globals=None, locals=None):
        if not isinstance(source, str):
            return builtins.exec(source, globals, locals)
        code = memo.get(source, compiled)
        if not isinstance(code, CodeType):  # a damaged entry
            code = compiled(source)
            memo.replace(source, code)
        return builtins.exec(code, globals, locals)

    dataclasses.exec = exec_memoised  # type: ignore[attr-defined]  # the module's name before the builtin's
    _installed.append(memo)
    return True


def compiled(source: str) -> CodeType:
    """The code `exec(source)` compiles in `dataclasses` (same file name, so a traceback reads the same;
    none of this module's `__future__` features, so annotations stay what they are).

    >>> namespace = {}; exec(compiled("def f(x: int) -> int:\\n return 2"), {}, namespace); namespace["f"](1)
    2
    >>> namespace["f"].__annotations__
    {'x': <class 'int'>, 'return': <class 'int'>}
    """
    return compile(source, "<string>", "exec", dont_inherit=True)


def only_yours(path: Path) -> bool:
    """True if `path`'s folder (and the file, when there is one) belong to this user and nobody else can
    write them; a folder not made yet counts as yours (it is made with your umask).

    >>> import tempfile; folder = Path(tempfile.mkdtemp()); only_yours(folder / "memo")
    True
    >>> folder.chmod(0o777); only_yours(folder / "memo")
    False
    """
    user = getattr(os, "getuid", None)
    if user is None:  # no owners to compare (Windows): the memo stays off
        return False
    for place in (path.parent, path):
        try:
            status = place.stat()
        except FileNotFoundError:
            continue
        except OSError:
            return False
        if status.st_uid != user() or status.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
            return False
    return True
