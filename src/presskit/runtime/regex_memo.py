"""Compiled regular expressions kept between runs, as Python keeps compiled modules in .pyc files.

A build compiles some 500 regular expressions (presskit's readers and checks, reportlab's paragraph
parser, babel, Jinja2...): parsing and optimising them costs about 0.15 s of CPU over the three
processes of a build, every run, for the same results. Python's `re` turns a pattern into a list of
opcodes (`re._compiler._code`) and hands that list to `_sre.compile`; this memo keeps the list, by
pattern and flags, in the user's cache (`presskit.runtime.disk_memo`), and hands it over again.

The opcodes belong to one build of CPython: the memo's stamp covers the interpreter's version, the
`_sre` engine's magic number and `re`'s own compiler file, so another Python starts it afresh. Any
pattern the memo cannot serve (a debug flag, an unexpected interpreter) is compiled as usual.
"""
from __future__ import annotations

import re
import sys

from presskit.runtime.disk_memo import DiskMemo, file_stamp

try:  # CPython's regular-expression internals (3.11+); elsewhere the memo stays off
    import _sre
    from re import _compiler, _parser  # type: ignore[attr-defined]  # private, not in the stubs
except ImportError:  # pragma: no cover — not CPython
    _sre = _compiler = _parser = None

# Some patterns are new in every process: built from a set, in another order each time (reportlab's
# safe eval, the e-mail header parser's character classes, Babel's plural-rule tokens), or from a
# random value (the MIME boundary of each e-mail): a sample build makes 7 of them. A run that adds
# fewer new patterns than FEWEST_NEW leaves the file as it is: rewriting its ~600 KB costs ~8–11 ms,
# compiling a pattern ~0.1–0.5 ms. Past LIMIT patterns the memo starts afresh.
LIMIT = 3000
FEWEST_NEW = 32
_installed: list[DiskMemo] = []
ORIGINAL = _compiler.compile if _compiler is not None else None  # re's own compiler, before `install`


def install() -> bool:
    """Serve `re`'s compilations from the memo from now on, in this process and those it forks."""
    if _installed or not _supported():
        return bool(_installed)
    stamp = file_stamp(_compiler.__file__, __file__) + f"py{sys.version_info[0]}{sys.version_info[1]}sre{_sre.MAGIC}"
    memo = DiskMemo("regex", stamp, limit=LIMIT, fewest_new=FEWEST_NEW)

    def compile_memoised(pattern, flags=0):
        if not isinstance(pattern, (str, bytes)) or flags & re.DEBUG:
            return ORIGINAL(pattern, flags)
        parts = memo.get((pattern, flags), lambda key: compiled_parts(*key))
        try:
            return _sre.compile(pattern, *parts)
        except (TypeError, ValueError, RuntimeError):  # a damaged entry: `_sre` checks the opcodes it is given
            return ORIGINAL(pattern, flags)

    _compiler.compile = compile_memoised
    _installed.append(memo)
    return True


def compiled_parts(pattern: str | bytes, flags: int) -> tuple:
    """What `_sre.compile` needs besides the pattern: flags, opcodes, groups, group names both ways.

    >>> parts = compiled_parts(r"(?P<year>\\d{4})", 0)
    >>> _sre.compile(r"(?P<year>\\d{4})", *parts).match("en 2026") is None
    True
    >>> _sre.compile(r"(?P<year>\\d{4})", *parts).search("en 2026")["year"]
    '2026'
    """
    parsed = _parser.parse(pattern, flags)
    code = _compiler._code(parsed, flags)
    groupindex = dict(parsed.state.groupdict)
    indexgroup = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    return (int(flags | parsed.state.flags), [int(op) for op in code], parsed.state.groups - 1, groupindex,
            tuple(indexgroup))  # plain ints: the opcodes are named int constants, which marshal refuses


def _supported() -> bool:
    """Whether this interpreter compiles patterns the way this memo expects (CPython 3.11 to 3.13)."""
    return (_sre is not None and sys.implementation.name == "cpython" and (3, 11) <= sys.version_info[:2] <= (3, 13)
            and hasattr(_compiler, "_code") and hasattr(_parser, "parse"))
