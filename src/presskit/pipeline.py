"""The release pipeline up to rendering: read the French, apply the glossary, translate, check."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from presskit.document import Document
from presskit.kit import Kit

Progress = Callable[[str], None]


@dataclass(frozen=True)
class Options:
    """How to build: the engine and its address, network use, draft mode, output folder."""

    out: Path | None = None
    engine: str | None = None
    engine_url: str | None = None
    offline: bool = False
    draft: bool = False
    bilingual: bool = False
    pdfa: bool = False
    attach: bool = False  # attach each language's PDF to its e-mail
    now: str | None = None  # ISO time the web pages take as now (embargoes); default: the clock


@dataclass(frozen=True)
class Translated:
    """A release read and translated: both documents and what the checks found."""

    french: Document
    english: Document
    problems: list


def prepare_french(kit: Kit, source: Path, glossary, progress: Progress = lambda message: None
                   ) -> Document:
    """Read a release and make it the French document of the kit: figures, terms, names, contacts.

    The About texts of the kit's boilerplate library are added after translation
    (`with_library_about`): they have their own approved English.
    """
    from presskit.figures import extract_figures, merge_figures
    from presskit.glossary import annotate
    from presskit.readers import read
    from presskit.transforms.names import about_names

    progress(f"{source.name}: reading")
    names = [e.fr for e in glossary.entries if e.kind == "name"]
    french = merge_figures(extract_figures(read(source)), kit.figures)
    return _with_kit_contacts(about_names(annotate(french, glossary), names), kit)


def with_library_about(document: Document, kit: Kit) -> Document:
    """Add, in the document's language, the approved About of each issuing organisation it lacks."""
    from presskit.boilerplate import load_boilerplate, with_boilerplate

    return with_boilerplate(document, load_boilerplate(kit.root), document.lang, _issuers(kit))


def translate_french(kit: Kit, french: Document, glossary, memory, engine_for,
                     progress: Progress = lambda message: None) -> Translated:
    """Translate the French document and check the English (nothing is written)."""
    from presskit.transforms.check import check_terms, findings
    from presskit.transforms.translate import translate

    progress(f"{Path(french.source).name or 'release'}: translating")
    english = check_terms(translate(french, memory, engine_for, glossary=glossary, locale=kit.locale),
                          glossary)
    problems = findings(french, english, glossary)
    return Translated(with_library_about(french, kit), with_library_about(english, kit), problems)


def translate_release(kit: Kit, source: Path, options: Options = Options(), *, glossary=None,
                      memory=None, engine_for=None, progress: Progress = lambda message: None
                      ) -> Translated:
    """Read one release, apply the glossary, translate it and check the English (nothing is written)."""
    from presskit.glossary import load_glossary
    from presskit.memory import TranslationMemory

    glossary = glossary if glossary is not None else load_glossary(kit.glossary)
    memory = memory if memory is not None else TranslationMemory.load(kit.glossary)
    engine_for = engine_for or engine_factory(kit, options, glossary)
    french = prepare_french(kit, source, glossary, progress)
    return translate_french(kit, french, glossary, memory, engine_for, progress)


def _issuers(kit: Kit) -> list[str]:
    """The issuing organisations named in the settings."""
    return [organization.name for organization in kit.theme.organizations]


CACHE = Path(".presskit-cache") / "translations.sqlite"


def engine_factory(kit: Kit, options: Options, glossary=None) -> Callable[[], object | None]:
    """Return a function that makes the engine on first need (so a build from memory sends nothing).

    The engine gets the glossary's terms where it takes them (DeepL) and a cache in the kit, so
    building the same release twice sends nothing the second time.
    """
    offline = options.offline or kit.offline_only
    name = options.engine or kit.engine
    made: dict[str, object | None] = {}
    if offline and options.engine is not None:
        from presskit.engines import get_engine

        get_engine(name, url=options.engine_url, offline=True)  # refuse a network engine at once

    def engine_for():
        if "engine" not in made:
            made["engine"] = None if offline and options.engine is None else \
                _make_engine(kit, name, options.engine_url, offline, glossary)
        return made["engine"]

    return engine_for


def _make_engine(kit: Kit, name: str, url: str | None, offline: bool, glossary):
    """The named engine, given the glossary's terms where it takes them, behind the kit's cache."""
    from presskit.engines import CachedEngine, apply_terms, get_engine

    pairs = [(e.fr, e.en) for e in glossary.entries if e.kind == "term"] if glossary else []
    engine = apply_terms(get_engine(name, url=url, offline=offline), pairs)
    return CachedEngine(engine, kit.root / CACHE, glossary_version(kit))


def glossary_version(kit: Kit) -> str:
    """A fingerprint of the glossary files: a cached translation is reused only under the same one."""
    import hashlib

    from presskit import __version__

    digest = hashlib.sha256(__version__.encode())
    for path in sorted(kit.glossary.glob("*.csv")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


def _with_kit_contacts(document: Document, kit: Kit) -> Document:
    """Add the kit's press contacts when the release names none."""
    if document.contacts or not kit.contacts:
        return document
    return document.evolve(contacts=kit.contacts)
