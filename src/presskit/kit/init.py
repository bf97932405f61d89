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
