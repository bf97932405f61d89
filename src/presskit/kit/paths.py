"""Files a kit reads: a symbolic link out of the kit is refused unless the kit allows it."""
from __future__ import annotations

from pathlib import Path

from presskit.errors import PresskitError


def inside_kit(root: Path, path: Path, follow_symlinks: bool, what: str) -> Path:
    """Return `path`, refusing a symbolic link that leads out of the kit `root` (unless allowed).

    A link inside the kit to another file of the kit is fine; one to elsewhere would send text from
    outside the kit to a translation engine, so it needs `[kit] follow_symlinks = true`.
    """
    if follow_symlinks or not Path(path).absolute().is_relative_to(Path(root).absolute()):
        return path  # a file named outside the kit is the user's own choice
    if not any(part.is_symlink() for part in _parts_within(root, path)):
        return path
    target = path.resolve()
    if target.is_relative_to(root.resolve()):
        return path
    raise PresskitError(f"this {what} is a symbolic link to {target}, outside the kit", path=path,
                        hint="copy the file into the kit, or allow links with [kit] "
                             "follow_symlinks = true in presskit.toml")


def _parts_within(root: Path, path: Path) -> list[Path]:
    """`path` and its parent folders, up to (not including) the kit's root."""
    path = Path(path).absolute()
    root = Path(root).absolute()
    parts = [path]
    while parts[-1].parent != root and parts[-1].parent != parts[-1]:
        parts.append(parts[-1].parent)
    return parts
