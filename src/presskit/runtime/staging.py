"""Kits swapped in whole: a release's outputs go to a staging folder beside its kit folder, which
replaces the kit folder (two renames on one filesystem) only once the whole build has succeeded.

On any failure the staging folders are removed and every earlier kit stays as it was.
"""
from __future__ import annotations

import json
import os
import re
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
    """What swapping in files `names` does to the kit folder `final`: files new, replaced, removed,
    and kept (files presskit did not write there, such as an exported review file: carried over)."""
    old = _files(final)
    written_before = _outputs_of(final)
    foreign = [name for name in old if name not in written_before and name not in names]
    return {"new": sorted(set(names) - set(old)), "replaced": sorted(set(names) & set(old)),
            "removed": sorted(set(old) - set(names) - set(foreign)), "kept": sorted(foreign)}


def _files(folder: Path) -> list[str]:
    """The regular files of a kit folder, by path relative to it (none when it is absent or a link)."""
    if not folder.is_dir() or folder.is_symlink():
        return []
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def _outputs_of(final: Path) -> set[str]:
    """The files an earlier build wrote in the kit folder, as its report.json lists them.

    Without a readable report, every file named like a kit document (`<slug>.fr.pdf`…) counts.
    """
    try:
        report = json.loads((final / "report.json").read_text(encoding="utf-8"))
        listed = [Path(path) for path in report["outputs"] + report.get("press", [])]
        return {str(p.relative_to(final)) if p.is_relative_to(final) else p.name for p in listed} | {"report.json"}
    except (OSError, ValueError, KeyError, TypeError):
        slug = final.name
        return {name for name in _files(final) if name == "report.json" or re.fullmatch(
            rf"{re.escape(slug)}\.(?:fr|en)\.(?:docx|pdf|pdfa\.pdf)|{re.escape(slug)}\.bilingual\.pdf", name)}


def swap_in(staging: Path, final: Path, keep: tuple[str, ...] | list[str] = ()) -> None:
    """Put the staging folder in the kit folder's place (the old kit is removed once replaced);
    the old kit's files named in `keep` are carried over first (hard links, else copies)."""
    refuse_link(final, "kit folder")
    for name in keep:
        _carry(final / name, staging / name)
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


def _carry(old: Path, new: Path) -> None:
    """Put an old kit file in the staging folder (a hard link: same file, no copy), or say why not."""
    try:
        if not new.exists() and old.is_file() and not old.is_symlink():
            new.parent.mkdir(parents=True, exist_ok=True)
            try:
                os.link(old, new)
            except OSError:
                shutil.copy2(old, new)
    except OSError as error:
        raise PresskitError(f"cannot keep {old.name} in the new kit: {error.strerror or error}",
                            path=old, hint="the previous kit is unchanged; check the disk and permissions"
                            ) from None


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
    files = [f"{slug}.en.draft.docx", f"{slug}.bilingual.pdfa.pdf", "report.json"]
    names = [_TEMPORARY_NAME.format(name=name) for name in files]
    names.append(staging_of(Path(), slug, token).name)
    names.append(PREVIOUS_PREFIX + f"{slug}-{token}")
    return max(names, key=lambda name: len(name.encode("utf-8")))
