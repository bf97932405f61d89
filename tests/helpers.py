"""Helpers shared by the tests: the repository's kit and how to copy it."""
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = "congres-france-bioproduction-2021"


def copy_kit(target: Path) -> Path:
    """Copy the repository's kit (sources, glossary, settings) into `target`."""
    for name in ("sources", "glossary"):
        shutil.copytree(ROOT / name, target / name)
    shutil.copy(ROOT / "presskit.toml", target / "presskit.toml")
    return target


def long_release(times: int) -> str:
    """The sample with its body repeated `times` times (see bench/synthetic.py)."""
    import sys

    sys.path.insert(0, str(ROOT))
    from bench.synthetic import longer_release

    return longer_release((ROOT / "sources" / f"{SAMPLE}.fr.txt").read_text(encoding="utf-8"), times)


def disk_full_after(files: int):
    """A stand-in for `runtime.atomic._fill` that writes `files` files whole, then finds the disk full.

    Its `.attempts` lists every file it was asked to write.
    """
    import errno
    import os

    from presskit.runtime import atomic

    real = atomic._fill

    def fill(handle, data, sync):
        fill.attempts.append(handle)
        if len(fill.attempts) > files:
            os.close(handle)
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(handle, data, sync)

    fill.attempts = []
    return fill
