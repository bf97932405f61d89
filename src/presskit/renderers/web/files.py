"""The web renderer's folders, made with a clear error (no library needed: the cards and pages share it)."""
from __future__ import annotations

from pathlib import Path

from presskit.errors import PresskitError


def make_folder(folder: Path) -> None:
    """Create a folder, with a clear error when it cannot be."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise PresskitError(f"cannot create the web folder: {error.strerror}", path=folder,
                            hint="choose another output folder with --out or fix its permissions") from None
