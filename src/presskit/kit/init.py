"""`presskit init`: create a new kit folder with a short example that builds offline."""
from __future__ import annotations

import shutil
from pathlib import Path

from presskit.errors import PresskitError

TEMPLATE = Path(__file__).parent.parent / "data" / "init"
LAYOUT = {
    "example.fr.txt": "sources/example.fr.txt",
    "terms.csv": "glossary/terms.csv",
    "memory.tmx": "glossary/memory.tmx",
    "presskit.toml": "presskit.toml",
}


def create_kit(folder: Path) -> list[Path]:
    """Create the kit folder `folder` and return the files written; an existing kit is left alone."""
    if (folder / "sources").exists() or (folder / "presskit.toml").exists():
        raise PresskitError("a kit already exists here; nothing was changed", path=folder,
                            hint="choose a new folder name")
    try:
        for name in ("sources", "glossary", "output"):
            (folder / name).mkdir(parents=True, exist_ok=True)
        written = []
        for template, target in LAYOUT.items():
            shutil.copyfile(TEMPLATE / template, folder / target)
            written.append(folder / target)
    except OSError as error:
        raise PresskitError(f"cannot create the kit: {error.strerror}", path=folder,
                            hint="choose a folder you can write to") from None
    return written


PLACEHOLDERS = frozenset({"marie dupont", "exemple sa", "presse@example.org", "https://example.org/",
                          "example.org", "+33 1 23 45 67 89"})
"""The made-up names of the example settings: they never reach a real release."""


def is_placeholder(item: dict) -> bool:
    """True when a settings entry (contact, organisation) is the example's, not the kit's own.

    >>> is_placeholder({"name": "Marie Dupont", "email": "presse@example.org"}), is_placeholder({"name": "Ann"})
    (True, False)
    """
    return any(str(value).strip().lower() in PLACEHOLDERS for value in item.values())


def run_hint() -> str:
    """How to run presskit from the kit when it is installed in a virtual environment (`make kit`)."""
    import sys

    venv = Path(sys.prefix)
    if sys.prefix == sys.base_prefix:
        return "presskit is on your PATH: run `presskit build` in the kit folder"
    return (f"presskit is installed in {venv}: run `{venv / 'bin' / 'presskit'} build`, or first "
            f"`source {venv / 'bin' / 'activate'}` and then `presskit build`")
