"""Kits swapped in whole: a release's outputs go to a staging folder beside its kit folder, which
replaces the kit folder (two renames on one filesystem) only once the whole build has succeeded.

On any failure the staging folders are removed and every earlier kit stays as it was.
"""
from __future__ import annotations

import os
import shutil
import stat
from pathlib import Path

from presskit.errors import PresskitError

STAGING_PREFIX = ".staging-"
PREVIOUS_PREFIX = ".previous-"
_TEMPORARY_NAME = ".{name}.XXXXXXXX.tmp"  # what runtime.atomic writes beside a file before the rename


def staging_of(out: Path, slug: str, token: int) -> Path:
    """The staging folder of release `slug` in the build `token` (the building process's id).

    >>> staging_of(Path("output"), "rel", 42)
    PosixPath('output/.staging-rel-42')
    """
    return out / f"{STAGING_PREFIX}{slug}-{token}"


def refuse_link(path: Path, what: str) -> None:
    """Refuse to write into `path` when it is a symbolic link (it would send files elsewhere)."""
    try:
        mode = os.lstat(path).st_mode
    except FileNotFoundError:
        return
    except OSError as error:
        raise PresskitError(f"cannot use the {what}: {error.strerror}", path=path,
                            hint="fix its permissions or build into another folder with --out") from None
    if stat.S_ISLNK(mode):
        raise PresskitError(f"the {what} is a symbolic link; presskit does not write through links",
                            path=path, hint="remove the link (presskit creates the folder) or "
                                            "build into another folder with --out")


def fresh_folder(folder: Path) -> Path:
    """Create `folder` empty (an earlier one, left by a killed build, is removed first)."""
    refuse_link(folder, "staging folder")
    try:
        if folder.exists():
            shutil.rmtree(folder)
        folder.mkdir(parents=True)
    except OSError as error:
        raise PresskitError(f"cannot create the output folder: {error.strerror or error}", path=folder,
                            hint="choose another folder with --out or fix its permissions") from None
    return folder


def changes(final: Path, names: list[str]) -> dict[str, list[str]]:
    """What swapping in files `names` does to the kit folder `final`: files new, replaced, removed."""
    old = sorted(p.name for p in final.iterdir()) if final.is_dir() and not final.is_symlink() else []
    return {"new": sorted(set(names) - set(old)), "replaced": sorted(set(names) & set(old)),
            "removed": sorted(set(old) - set(names))}


def swap_in(staging: Path, final: Path) -> None:
    """Put the staging folder in the kit folder's place (the old kit is removed once replaced)."""
    refuse_link(final, "kit folder")
    previous = final.with_name(PREVIOUS_PREFIX + staging.name.removeprefix(STAGING_PREFIX))
    try:
        if previous.exists():
            shutil.rmtree(previous)
        moved = final.exists()
        if moved:
            os.rename(final, previous)
        try:
            os.rename(staging, final)
        except OSError:
            if moved:
                os.rename(previous, final)
            raise
    except OSError as error:
        raise PresskitError(f"cannot put the new kit in place: {error.strerror or error}", path=final,
                            hint="the previous kit is unchanged; check the folder's permissions") from None
    shutil.rmtree(previous, ignore_errors=True)


def discard(out: Path) -> None:
    """Clear what a killed build left in `out`: staging folders go, a half-swapped old kit comes back."""
    try:
        leftovers = [p for p in out.iterdir() if p.name.startswith((STAGING_PREFIX, PREVIOUS_PREFIX))]
    except OSError:
        return
    for path in leftovers:
        kit = out / path.name.removeprefix(PREVIOUS_PREFIX).rsplit("-", 1)[0]
        if path.is_symlink():
            path.unlink(missing_ok=True)
        elif path.name.startswith(PREVIOUS_PREFIX) and not os.path.lexists(kit):
            os.rename(path, kit)  # killed between the two renames of a swap: the old kit goes back
        else:
            shutil.rmtree(path, ignore_errors=True)


def longest_name(slug: str, token: int) -> str:
    """The longest file or folder name a build of `slug` creates (its staging folder or a temporary file).

    >>> len(longest_name("rel", 42)) < 40
    True
    """
    files = [f"{slug}.en.pdfa.pdf", f"{slug}.bilingual.pdf", "report.json"]
    names = [_TEMPORARY_NAME.format(name=name) for name in files]
    names.append(staging_of(Path(), slug, token).name)
    names.append(PREVIOUS_PREFIX + f"{slug}-{token}")
    return max(names, key=lambda name: len(name.encode("utf-8")))
