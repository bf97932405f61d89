"""The kit's boilerplate library: approved "About" texts per organisation, reused across releases.

Files: `boilerplate/<org-slug>.<lang>.md` (e.g. `medicen-paris-region.fr.md`, `….en.md`), UTF-8,
paragraphs separated by blank lines. A first line `# Name` gives the organisation's name as it is
printed ("About Name"); without it, the issuing organisation's name is used.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from presskit.document import About, Document
from presskit.errors import PresskitError

FOLDER = "boilerplate"
_FILE = re.compile(r"^(?P<slug>[\w-]+)\.(?P<lang>[a-z]{2})\.(?:md|txt)$")


@dataclass(frozen=True)
class Boilerplate:
    """One organisation's approved texts: its name and a text per language."""

    slug: str
    name: str = ""
    texts: dict[str, str] = field(default_factory=dict, hash=False)


def org_slug(name: str) -> str:
    """The file-name slug of an organisation's name.

    >>> org_slug("Médicen Paris Région"), org_slug("  L’Oréal & Co. ")
    ('medicen-paris-region', 'loreal-co')
    """
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", plain).strip("-")


def load_boilerplate(kit_root: Path) -> dict[str, Boilerplate]:
    """Read `kit_root/boilerplate/*.<lang>.md` into {slug: Boilerplate} (empty without the folder)."""
    folder = Path(kit_root) / FOLDER
    if not folder.is_dir():
        return {}
    library: dict[str, Boilerplate] = {}
    for path in sorted(folder.iterdir()):
        match = _FILE.match(path.name)
        if not match or not path.is_file():
            continue
        name, text = _read(path)
        slug, lang = match.group("slug").lower(), match.group("lang")
        entry = library.get(slug, Boilerplate(slug))
        library[slug] = Boilerplate(slug, entry.name or name, {**entry.texts, lang: text})
    return library


def _read(path: Path) -> tuple[str, str]:
    """Return the optional `# Name` heading and the text (paragraphs joined by blank lines)."""
    try:
        raw = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        raise PresskitError(f"cannot read the boilerplate text: {error}", path=path,
                            hint="save it as UTF-8 text") from None
    name = ""
    lines = raw.strip().splitlines()
    if lines and lines[0].startswith("# "):
        name, lines = lines[0][2:].strip(), lines[1:]
    paragraphs = [" ".join(p.split()) for p in re.split(r"\n\s*\n", "\n".join(lines)) if p.strip()]
    if not paragraphs:
        raise PresskitError("the boilerplate text is empty", path=path,
                            hint="write the organisation's approved About text, or delete the file")
    return name, "\n\n".join(paragraphs)


def same_organization(a: str, b: str) -> bool:
    """Whether two names designate one organisation (one's words contain the other's).

    >>> same_organization("MEDICEN", "Medicen Paris Region"), same_organization("Medicen", "Polepharma")
    (True, False)
    """
    words_a, words_b = set(org_slug(a).split("-")) - {""}, set(org_slug(b).split("-")) - {""}
    return bool(words_a and words_b) and (words_a <= words_b or words_b <= words_a)


def with_boilerplate(document: Document, library: dict[str, Boilerplate], lang: str,
                     organizations: Iterable[str] | None = None) -> Document:
    """Add an About, from the library in `lang`, for each issuing organisation the release lacks.

    `organizations` are the issuing organisations' names (default: the document's meta "author",
    comma-separated).
    """
    names = list(organizations) if organizations is not None else \
        [n.strip() for n in document.meta_value("author").split(",") if n.strip()]
    added = list(document.about)
    for name in names:
        if any(same_organization(name, a.organization or a.heading) for a in added):
            continue
        entry = _find(library, name)
        if entry and entry.texts.get(lang):
            added.append(About(entry.name or name, entry.texts[lang]))
    return document.evolve(about=tuple(added))


def _find(library: dict[str, Boilerplate], name: str) -> Boilerplate | None:
    """The library entry of an organisation: by slug, else by a matching name."""
    if org_slug(name) in library:
        return library[org_slug(name)]
    for entry in library.values():
        if same_organization(name, entry.name or entry.slug.replace("-", " ")):
            return entry
    return None
