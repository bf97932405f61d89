"""The release pipeline in one place: read → French steps → translate → English steps → gate → render.

`Publisher.publish` shows the whole flow of one release. The steps of each language are listed in
order below (`french_steps`, `english_steps`, `finishing_steps`); each is a `Document → Document`
callable of `presskit.transforms`, set up once per build from a `Context`.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from presskit import __version__
from presskit.document import Document
from presskit.glossary.glossary import Glossary, load_glossary
from presskit.kit.boilerplate import Boilerplate, load_boilerplate
from presskit.kit.folder import Kit
from presskit.qa.findings import Finding
from presskit.qa.gate import gate
from presskit.qa.kit_checks import kit_findings
from presskit.readers import read
from presskit.transforms import Step
from presskit.transforms.annotate_terms import AnnotateTerms
from presskit.transforms.check_terms import CheckTerms
from presskit.transforms.english_figures import EnglishFigures
from presskit.transforms.key_figures import ExtractFigures, MergeKitFigures
from presskit.transforms.kit_contacts import AddKitContacts
from presskit.transforms.library_about import AddLibraryAbout
from presskit.transforms.names import SpellAboutNames
from presskit.transforms.translate import Engine, Translate
from presskit.translation.memory import TranslationMemory

Progress = Callable[[str], None]
CACHE = Path(".presskit-cache") / "translations.sqlite"


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


@dataclass(frozen=True)
class Context:
    """What every release of a build shares, loaded once: the kit, glossary, memory, About library."""

    kit: Kit
    glossary: Glossary
    memory: TranslationMemory
    engine_for: Callable[[], Engine | None]
    library: dict[str, Boilerplate]

    @classmethod
    def load(cls, kit: Kit, options: Options = Options()) -> "Context":
        """Read the kit's translator files and About library, and set up the engine (made on need)."""
        glossary = load_glossary(kit.glossary)
        return cls(kit, glossary, TranslationMemory.load(kit.glossary),
                   engine_factory(kit, options, glossary), load_boilerplate(kit.root))


def french_steps(context: Context) -> tuple[Step, ...]:
    """The steps that make a release read from its source the French document of the kit."""
    names = [entry.fr for entry in context.glossary.entries if entry.kind == "name"]
    return (
        ExtractFigures(context.kit.figures_auto),
        MergeKitFigures(context.kit.figures),
        AnnotateTerms(context.glossary),
        SpellAboutNames(names),
        AddKitContacts(context.kit.contacts),
    )


def english_steps(context: Context) -> tuple[Step, ...]:
    """The steps that make the English document of the French one."""
    return (
        Translate(context.memory, context.engine_for, context.glossary, context.kit.locale),
        EnglishFigures(context.kit.figures, context.kit.figures_en, context.kit.locale),
        CheckTerms(context.glossary),
    )


def finishing_steps(context: Context) -> tuple[Step, ...]:
    """The steps run on each language's document once the gate has judged the English."""
    issuers = [organization.name for organization in context.kit.theme.organizations]
    return (AddLibraryAbout(context.library, issuers),)


def apply(document: Document, steps: tuple[Step, ...]) -> Document:
    """Run the steps in order."""
    for step in steps:
        document = step(document)
    return document


@dataclass(frozen=True)
class Published:
    """A release through the pipeline: both documents, ready to render, and what the gate found."""

    french: Document
    english: Document
    problems: list[Finding]

    @property
    def errors(self) -> list[Finding]:
        """The findings that stop a final build."""
        return [problem for problem in self.problems if problem.is_error]


class Publisher:
    """Runs releases through the pipeline; `french_ready` gets the French document as soon as it exists
    (a build renders it while the English is being made)."""

    def __init__(self, context: Context, progress: Progress = lambda message: None,
                 french_ready: Callable[[Document], None] = lambda document: None) -> None:
        self.context, self.progress, self.french_ready = context, progress, french_ready
        self.french_steps, self.english_steps = french_steps(context), english_steps(context)
        self.finishing_steps = finishing_steps(context)

    def publish(self, source: Path) -> Published:
        """Read, transform, translate and check one release (nothing is written)."""
        self.progress(f"{source.name}: reading")
        french = apply(read(source), self.french_steps)
        finished_french = apply(french, self.finishing_steps)
        self.french_ready(finished_french)
        self.progress(f"{source.name}: translating")
        english = apply(french, self.english_steps)
        problems = gate(french, english, self.context.glossary) + kit_findings(self.context.kit.placeholders,
                                                                                french)
        return Published(finished_french, apply(english, self.finishing_steps), problems)


def translate_release(kit: Kit, source: Path, options: Options = Options(), *,
                      memory: TranslationMemory | None = None,
                      engine_for: Callable[[], Engine | None] | None = None) -> Published:
    """Run one release through the pipeline without rendering (for `check` and the review round trip)."""
    context = Context.load(kit, options)
    if memory is not None or engine_for is not None:
        context = Context(kit, context.glossary, memory or context.memory, engine_for or context.engine_for,
                          context.library)
    return Publisher(context).publish(source)


def engine_factory(kit: Kit, options: Options, glossary: Glossary | None = None
                   ) -> Callable[[], Engine | None]:
    """Return a function that makes the engine on first need (so a build from memory sends nothing).

    The engine gets the glossary's terms where it takes them (DeepL) and a cache in the kit, so
    building the same release twice sends nothing the second time.
    """
    offline = options.offline or kit.offline_only
    name = options.engine or kit.engine
    made: dict[str, Engine | None] = {}
    if offline and options.engine is not None:
        from presskit.engines import get_engine  # the engine registry: loaded only when needed

        get_engine(name, url=options.engine_url, offline=True)  # refuse a network engine at once

    def engine_for() -> Engine | None:
        if "engine" not in made:
            made["engine"] = None if offline and options.engine is None else \
                _make_engine(kit, name, options.engine_url, offline, glossary)
        return made["engine"]

    return engine_for


def _make_engine(kit: Kit, name: str, url: str | None, offline: bool, glossary: Glossary | None) -> Engine:
    """The named engine, given the glossary's terms where it takes them, behind the kit's cache."""
    from presskit.engines import CachedEngine, apply_terms, get_engine  # the engine registry

    pairs = [(e.fr, e.en) for e in glossary.entries if e.kind == "term"] if glossary else []
    engine = apply_terms(get_engine(name, url=url, offline=offline), pairs)
    return CachedEngine(engine, kit.root / CACHE, glossary_version(kit))


def glossary_version(kit: Kit) -> str:
    """A fingerprint of the glossary files: a cached translation is reused only under the same one."""
    digest = hashlib.sha256(__version__.encode())
    for path in sorted(kit.glossary.glob("*.csv")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]
