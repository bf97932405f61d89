"""The release pipeline in one place: read → French steps → translate → English steps → gate → render.

`Publisher.publish` shows the whole flow of one release. The steps of each language are listed in
order below (`french_steps`, `english_steps`, `finishing_steps`); each is a `Document → Document`
callable of `presskit.transforms`, set up once per build from a `Context`.
"""
from __future__ import annotations

import hashlib
import re
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
from presskit.transforms.readable_figures import KeepReadableFigures
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
    attach: bool = False  # attach each language's PDF to its e-mail
    now: str | None = None  # ISO time the web pages take as now (embargoes); default: the clock


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
        KeepReadableFigures(),  # a 60-group number is no key figure (its cell would not fit a page)
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
        french = apply(read(self.context.kit.readable(source)), self.french_steps)  # no link out of the kit
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
    check_options(kit, options)
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
    check_options(kit, options)
    offline = options.offline or kit.offline_only
    name = options.engine or kit.engine
    made: dict[str, Engine | None] = {}

    def engine_for() -> Engine | None:
        if "engine" not in made:
            made["engine"] = None if offline and options.engine is None else \
                _make_engine(kit, name, _engine_url(kit, options), offline, glossary)
        return made["engine"]

    return engine_for


def check_options(kit: Kit, options: Options) -> None:
    """Refuse, before anything is read or written, an unknown engine, a network engine with
    --offline, and --engine-url on an engine that has no address (a PresskitError)."""
    from presskit.engines import check_engine  # the engine registry

    name = options.engine or kit.engine
    offline = options.offline or kit.offline_only
    check_engine(name, url=_engine_url(kit, options), offline=offline and options.engine is not None)


def _engine_url(kit: Kit, options: Options) -> str | None:
    """--engine-url, else the kit's `url` when the engine is the kit's own."""
    if options.engine_url is not None:
        return options.engine_url
    same = options.engine is None or options.engine.strip().lower() == kit.engine
    return kit.engine_url if same else None


def _make_engine(kit: Kit, name: str, url: str | None, offline: bool, glossary: Glossary | None) -> Engine:
    """The named engine, given the glossary's terms where it takes them, behind the kit's cache."""
    from presskit.engines import CachedEngine, apply_terms, get_engine  # the engine registry

    pairs = [(e.fr, e.en) for e in glossary.entries if e.kind == "term"] if glossary else []
    settings = {"locale": kit.locale, "glossary_name": f"presskit-{resource_name(kit.root.name)}",
                **kit.engine_settings}
    engine = apply_terms(get_engine(name, url=url, offline=offline, settings=settings), pairs)
    return CachedEngine(engine, kit.root / CACHE, glossary_version(kit))


def resource_name(name: str) -> str:
    """A name fit for a glossary resource at a service: lower-case letters, digits and dashes.

    >>> resource_name("Kit Médicen 2026")
    'kit-m-dicen-2026'
    """
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")[:40] or "kit"


def glossary_version(kit: Kit) -> str:
    """A fingerprint of the glossary files: a cached translation is reused only under the same one."""
    digest = hashlib.sha256(__version__.encode())
    for path in sorted(kit.glossary.glob("*.csv")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]
