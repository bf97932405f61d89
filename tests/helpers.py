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
