"""Dataclass methods served from the user's cache behave as those `dataclasses` compiles, and the memo is
used only from a cache that is the user's alone."""
import json
import os
import subprocess
import sys

import pytest

from presskit.runtime.disk_memo import cache_folder

# makes a frozen dataclass through the memo and prints what its methods do, and whether each of its
# methods' source was compiled in this process
PROGRAM = """
import json, sys
from dataclasses import FrozenInstanceError, dataclass, field, make_dataclass
from presskit.runtime import code_memo, disk_memo
installed = code_memo.install()
compiled = []
real = code_memo.compiled
code_memo.compiled = lambda source: compiled.append(source) or real(source)
# enough methods for the run to be worth saving (code_memo.FEWEST_NEW)
others = [make_dataclass(f"Other{n}", [(f"field_{n}", int)], frozen=True) for n in range(code_memo.FEWEST_NEW)]

@dataclass(frozen=True)
class Quote:
    text: str
    speaker: str = ""
    notes: tuple = field(default=())

a, b = Quote("Oui", "Ann"), Quote("Oui", "Ann")
try:
    a.text = "Non"
    frozen = False
except FrozenInstanceError:
    frozen = True
disk_memo.save_memos()
import typing
hints = {name: str(hint) for name, hint in typing.get_type_hints(Quote.__init__).items()}
print(json.dumps([installed, repr(a), a == b, hash(a) == hash(b), frozen, Quote("x").notes, hints, len(compiled)]))
"""


def run(program: str = PROGRAM, env: dict | None = None, umask: int | None = None) -> list:
    """Run `program` in a new process (sharing the tests' private user cache, or `env`'s); return what it
    printed."""
    done = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, check=True, timeout=60,
                          env=env, preexec_fn=None if umask is None else lambda: os.umask(umask))
    return json.loads(done.stdout.strip().splitlines()[-1])


def memo_files() -> list:
    """The memo's files in the user cache."""
    return sorted((cache_folder() / "private").glob("dataclass-code-*.marshal"))


def test_a_second_process_takes_the_methods_code_from_the_cache_and_they_behave_the_same():
    if os.name != "posix":
        pytest.skip("the memo needs file owners to trust its cache (POSIX)")
    first, second = run(), run()
    hints = {"text": "<class 'str'>", "speaker": "<class 'str'>", "notes": "<class 'tuple'>",
             "return": "<class 'NoneType'>"}  # annotations as dataclasses makes them (no `__future__` of the memo's)
    behaviour = [True, "Quote(text='Oui', speaker='Ann', notes=())", True, True, True, [], hints]
    assert first[:-1] == second[:-1] == behaviour
    assert first[-1] > 4 and second[-1] == 0  # __init__, __repr__, __eq__, __hash__, __setattr__…: kept
    assert memo_files()


def test_a_damaged_entry_is_compiled_again(tmp_path):
    if os.name != "posix":
        pytest.skip("the memo needs file owners to trust its cache (POSIX)")
    run()
    import marshal

    (path,) = memo_files()
    entries = marshal.loads(path.read_bytes())
    path.write_bytes(marshal.dumps({source: "not code" for source in entries}))
    damaged = run()
    assert damaged[:6] == [True, "Quote(text='Oui', speaker='Ann', notes=())", True, True, True, []]
    assert damaged[-1] >= 4  # each method compiled as if nothing was kept
    assert run()[-1] == 0  # and put back in the file


def test_a_memo_folder_others_can_write_is_not_used(tmp_path):
    if os.name != "posix":
        pytest.skip("the memo needs file owners to trust its cache (POSIX)")
    shared = tmp_path / "shared"
    (shared / "presskit" / "private").mkdir(parents=True)
    (shared / "presskit" / "private").chmod(0o777)
    installed, *_, compiled = run(env={**os.environ, "XDG_CACHE_HOME": str(shared)})
    assert installed is False and compiled == 0  # the memo is off: dataclasses compiles as it always does
    assert not list((shared / "presskit" / "private").glob("dataclass-code-*"))


def test_a_user_whose_umask_lets_the_group_write_still_gets_a_private_memo(tmp_path):
    if os.name != "posix":
        pytest.skip("the memo needs file owners to trust its cache (POSIX)")
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}
    first, second = run(env=env, umask=0o002), run(env=env, umask=0o002)
    assert first[0] is second[0] is True and first[-1] > 4 and second[-1] == 0
    (path,) = (tmp_path / "cache" / "presskit" / "private").glob("dataclass-code-*.marshal")
    assert path.stat().st_mode & 0o777 == 0o600 and path.parent.stat().st_mode & 0o777 == 0o700
