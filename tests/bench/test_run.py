"""The benchmark's timing: a command's time ends when it returns, and what it leaves running is waited
for before the next one starts (LibreOffice leaves gpg processes behind)."""
import subprocess
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(__import__("helpers").ROOT))
from bench.run import timed  # noqa: E402


def test_what_a_command_leaves_running_ends_before_the_next_command(tmp_path):
    if not Path("/proc").is_dir():
        pytest.skip("no /proc here: nothing left behind can be waited for")
    # the command returns at once; the process it leaves behind writes "done" a little later
    timed(["sh", "-c", "(sleep 0.3; echo done > left) >/dev/null 2>&1 &"], tmp_path)
    assert (tmp_path / "left").read_text() == "done\n"


def test_a_failing_command_is_an_error(tmp_path):
    with pytest.raises(subprocess.CalledProcessError):
        timed(["sh", "-c", "exit 3"], tmp_path)
