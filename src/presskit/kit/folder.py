"""A kit folder: `sources/`, `glossary/`, `output/` and an optional `presskit.toml` (brand, organisations, contacts)."""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from presskit.document import Contact, Figure
from presskit.engines.base import DEFAULT_ENGINE, check_engine, engine_settings
from presskit.errors import PresskitError
from presskit.kit.paths import inside_kit
from presskit.kit.theme import Theme, theme_from_settings

SETTINGS = "presskit.toml"
SOURCE_SUFFIXES = (".txt", ".md", ".docx", ".pdf")
_TOP_KEYS = {"brand", "organizations", "contacts", "translation", "figures", "web", "wire", "kit"}
_KIT_KEYS = {"follow_symlinks"}
MAX_FIGURE_VALUE = 24  # what a key-figures cell holds (transforms.readable_figures)


@dataclass(frozen=True)
class Kit:
    """A kit folder and its settings."""

    root: Path
    theme: Theme = field(default_factory=Theme)
    contacts: tuple[Contact, ...] = ()
    offline_only: bool = False
    engine: str = "google-free"
    locale: str = "en_GB"
    figures: tuple[Figure, ...] = ()
    engine_url: str | None = None  # [translation] url: the engine's server (DeepL proxy, LibreTranslate)
    engine_settings: dict[str, Any] = field(default_factory=dict)  # formality, project, credentials...
    base_url: str = ""  # [web] base_url: where the press room is published
    end_mark: str = "###"  # [wire] end_mark: "###" or "ENDS"
    follow_symlinks: bool = False  # [kit] follow_symlinks: read sources, logos, fonts through links
    figures_en: tuple[Figure, ...] = ()  # the approved English of `figures` (label "" when none given)
    figures_auto: bool = True  # [figures] auto = false: no figure read from the text
    placeholders: tuple[str, ...] = ()  # example entries of `presskit init` left out of the settings

    @property
    def sources(self) -> Path:
        """The folder of the French releases."""
        return self.root / "sources"

    @property
    def glossary(self) -> Path:
        """The folder of the translators' files (CSV glossary, TMX memory)."""
        return self.root / "glossary"

    @property
    def output(self) -> Path:
        """The default output folder."""
        return self.root / "output"

    def readable(self, path: Path, what: str = "release") -> Path:
        """`path`, refused when it is a link from inside the kit to a file outside it (see `inside_kit`)."""
        return inside_kit(self.root, path, self.follow_symlinks, what)

    def releases(self) -> list[Path]:
        """Return every release in `sources/`, sorted by name."""
        if not self.sources.is_dir():
            raise PresskitError("this folder is not a kit: it has no sources/ folder", path=self.root,
                                hint="run `presskit init DIR` to create one, or cd into a kit folder")
        releases = sorted(p for p in self.sources.iterdir()
                          if p.is_file() and p.suffix.lower() in SOURCE_SUFFIXES)
        for release in releases:
            self.readable(release)
        return releases


def slug_of(source: Path) -> str:
    """Return the slug of a release: its file name without `.fr.txt` (or any extension), made safe.

    >>> slug_of(Path("sources/congres-france-bioproduction-2021.fr.txt"))
    'congres-france-bioproduction-2021'
    >>> slug_of(Path("../Mon communiqué.docx"))
    'Mon-communiqué'
    """
    name = source.name
    for suffix in SOURCE_SUFFIXES:
        if name.lower().endswith(suffix):
            name = name[: -len(suffix)]
            break
    if name.lower().endswith(".fr"):
        name = name[:-3]
    slug = re.sub(r"[^\w.-]+", "-", name, flags=re.UNICODE).strip(".-")
    return slug or "release"


def kit_folder(given: Path, sources: list[Path] | tuple[Path, ...] = ()) -> Path:
    """The kit to use: `given` when it is a kit; else, when every source lies in one kit's `sources/`
    folder, that kit (so `presskit build path/to/kit/sources/x.fr.txt` works from anywhere).

    >>> kit_folder(Path("/nowhere"), [Path("/srv/kit/sources/a.fr.txt")]) == Path("/nowhere")
    True
    """
    if _is_kit(given) or not sources:
        return given
    homes = {source.resolve().parent.parent for source in sources
             if source.resolve().parent.name == "sources"}
    if len(homes) == 1 and _is_kit(next(iter(homes))):
        return next(iter(homes))
    return given


def _is_kit(folder: Path) -> bool:
    """True when a folder holds a kit (a sources/ folder or presskit.toml)."""
    return (folder / "sources").is_dir() or (folder / SETTINGS).is_file()


def load_kit(root: Path) -> Kit:
    """Read the kit at `root`; without `presskit.toml`, defaults."""
    root = root.resolve()
    path = root / SETTINGS
    if path.is_dir():
        raise PresskitError(f"{SETTINGS} is a folder, not the kit's settings file", path=path,
                            hint=f"remove or rename the folder; {SETTINGS} must be a TOML text file")
    if not path.is_file():
        return Kit(root=root)
    data = _read_toml(path)
    unknown = set(data) - _TOP_KEYS
    if unknown:
        raise PresskitError(f"unknown section(s) {', '.join(sorted(unknown))}", path=path,
                            hint=f"the sections are: {', '.join(sorted(_TOP_KEYS))}")
    translation = _table(data, "translation", path)
    follow = _boolean(_kit_table(data, path), "kit", "follow_symlinks", False, path)
    figures, figures_en, auto = _figure_settings(data, path)
    brand, organizations, contacts, dropped = _without_placeholders(
        _table(data, "brand", path), _array(data, "organizations", path), _array(data, "contacts", path))
    return Kit(
        root=root,
        theme=theme_from_settings(brand, organizations, root, path, follow_symlinks=follow),
        contacts=tuple(_contact(item, path) for item in contacts),
        placeholders=dropped,
        offline_only=_boolean(translation, "translation", "offline", False, path),
        engine=_engine(translation, path),
        locale=_locale(translation.get("locale", "en_GB"), path),
        figures=figures, figures_en=figures_en, figures_auto=auto,
        engine_url=str(translation["url"]) if translation.get("url") else None,
        engine_settings=_engine_settings(translation, path, root),
        base_url=str(_table(data, "web", path).get("base_url", "")),
        end_mark=_end_mark(_table(data, "wire", path).get("end_mark", "###"), path),
        follow_symlinks=follow,
    )


_TRANSLATION_KEYS = {"engine", "offline", "locale", "url"}


def _engine(translation: dict[str, Any], path: Path) -> str:
    """The `[translation] engine`, refused with its line when no engine has that name."""
    name = str(translation.get("engine", DEFAULT_ENGINE))
    try:
        return check_engine(name, url=str(translation["url"]) if translation.get("url") else None)
    except PresskitError as error:
        key = "url" if "engine-url" in error.message else "engine"
        raise PresskitError(f"[translation] {key}: {error.message.replace('--engine-url', 'url')}",
                            path=path, line=_line_of(path, "translation", key),
                            hint=error.hint) from None


def _engine_settings(translation: dict[str, Any], path: Path, root: Path) -> dict[str, Any]:
    """The engines' own settings of `[translation]` (a credentials file relative to the kit)."""
    known = engine_settings()
    unknown = sorted(set(translation) - _TRANSLATION_KEYS - known)
    if unknown:
        raise PresskitError(f"unknown [translation] key {unknown[0]!r}", path=path,
                            line=_line_of(path, "translation", unknown[0]),
                            hint=f"the keys are: {', '.join(sorted(_TRANSLATION_KEYS | known))}")
    settings = {key: value for key, value in translation.items() if key in known}
    if "credentials" in settings:
        settings["credentials"] = str((root / str(settings["credentials"])).resolve())
    return settings


def _line_of(path: Path, table: str, key: str) -> int | None:
    """The line of `key = ...` inside `[table]` of a TOML file (None when not found)."""
    current = ""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        stripped = line.strip()
        header = re.match(r"^\[\[?\s*([^\]]+?)\s*\]\]?", stripped)
        if header:
            current = header[1]
        elif current == table and re.match(rf"^[\"']?{re.escape(key)}[\"']?\s*=", stripped):
            return number
    return None


def _kit_table(data: dict[str, Any], path: Path) -> dict[str, Any]:
    """The [kit] table (how presskit treats the kit folder itself), its keys checked."""
    table = _table(data, "kit", path)
    unknown = set(table) - _KIT_KEYS
    if unknown:
        raise PresskitError(f"unknown [kit] key(s) {', '.join(sorted(unknown))}", path=path,
                            hint=f"the keys are: {', '.join(sorted(_KIT_KEYS))}")
    return table


def _boolean(table: dict[str, Any], section: str, key: str, default: bool, path: Path) -> bool:
    """A true/false setting; a string such as "false" is refused (it would read as true)."""
    value = table.get(key, default)
    if not isinstance(value, bool):
        raise PresskitError(f"[{section}] {key} = {value!r} is not a boolean", path=path,
                            hint=f"write {key} = true or {key} = false, without quotes")
    return value


def _without_placeholders(brand: dict[str, Any], organizations: list[dict[str, Any]],
                          contacts: list[dict[str, Any]]):
    """Leave out the example entries `presskit init` wrote (Marie Dupont, Exemple SA): (brand,
    organisations, contacts, names left out)."""
    from presskit.kit.init import PLACEHOLDERS, is_placeholder

    dropped = [str(item.get("name", "")) for item in organizations + contacts if is_placeholder(item)]
    if str(brand.get("name", "")).strip().lower() in PLACEHOLDERS:
        dropped.append(str(brand["name"]))
        brand = {key: value for key, value in brand.items() if key != "name"}
    return (brand, [o for o in organizations if not is_placeholder(o)],
            [c for c in contacts if not is_placeholder(c)], tuple(dict.fromkeys(dropped)))


def _read_toml(path: Path) -> dict[str, Any]:
    """Parse a TOML file into a dict, turning syntax errors into a clear error with the line."""
    try:
        return tomllib.loads(path.read_text(encoding="utf-8").removeprefix("\ufeff"))
    except RecursionError:
        raise PresskitError("the settings nest tables or arrays too deeply to read", path=path,
                            hint="presskit.toml needs at most a few levels of [tables] and [arrays]"
                            ) from None
    except tomllib.TOMLDecodeError as error:
        line = re.search(r"line (\d+)", str(error))
        raise PresskitError(f"invalid TOML: {error}", path=path,
                            line=int(line.group(1)) if line else None,
                            hint="fix the syntax (see the README's presskit.toml example)") from None
    except (OSError, UnicodeDecodeError) as error:
        raise PresskitError(f"cannot read the settings: {error}", path=path,
                            hint="save it as UTF-8 text") from None


def _figure_settings(data: dict[str, Any], path: Path) -> tuple[tuple[Figure, ...], tuple[Figure, ...], bool]:
    """(figures, their approved English, auto): `[[figures]]` entries, or a `[figures]` table with
    `auto = false` and its entries as `[[figures.items]]`."""
    value = data.get("figures", [])
    auto = True
    if isinstance(value, dict):
        unknown = set(value) - {"auto", "items"}
        if unknown or not isinstance(value.get("auto", True), bool):
            raise PresskitError(f"[figures] takes auto = true/false and [[figures.items]] entries, "
                                f"not {', '.join(sorted(unknown)) or 'this auto'}", path=path,
                                hint="write auto = false to turn automatic key figures off")
        auto, value = value.get("auto", True), value.get("items", [])
    if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
        raise PresskitError("figures must be [[figures]] entries or a [figures] table", path=path,
                            hint="write each entry as [[figures]] (or [[figures.items]])")
    return figures_from_settings(value, path), english_figures_from_settings(value), auto


def english_figures_from_settings(items: list[dict[str, Any]]) -> tuple[Figure, ...]:
    """The approved English of each [[figures]] entry (`en`, `series_en`; "" when not given)."""
    return tuple(Figure(str(item.get("value", "")), str(item.get("en", "")), str(item.get("series_en", "")))
                 for item in items)


def _end_mark(value: object, path: Path) -> str:
    """Check the wire copy's end mark."""
    if value not in ("###", "ENDS"):
        raise PresskitError(f"[wire] end_mark = {value!r} is not an end mark", path=path,
                            hint='use "###" (the default) or "ENDS"')
    return str(value)


def _locale(value: object, path: Path) -> str:
    """Check the English variant the kit is localised for."""
    locale = str(value).replace("-", "_")
    if locale not in ("en_GB", "en_US"):
        raise PresskitError(f"[translation] locale = {value!r} is not supported", path=path,
                            hint='use "en_GB" (the default) or "en_US"')
    return locale


def _table(data: dict[str, Any], key: str, path: Path) -> dict[str, Any]:
    """Return the table `key` of the settings (empty when absent)."""
    value = data.get(key, {})
    if not isinstance(value, dict):
        raise PresskitError(f"[{key}] must be a table", path=path, hint=f"write it as [{key}]")
    return value


def _array(data: dict[str, Any], key: str, path: Path) -> list[dict[str, Any]]:
    """Return the array of tables `key` of the settings (empty when absent)."""
    value = data.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        raise PresskitError(f"{key} must be an array of tables", path=path,
                            hint=f"write each entry as [[{key}]]")
    return value


def _contact(item: dict[str, Any], path: Path) -> Contact:
    """Build a press contact from a [[contacts]] entry."""
    known = {"name", "organization", "email", "phone"}
    unknown = set(item) - known
    if unknown:
        raise PresskitError(f"unknown [[contacts]] key(s) {', '.join(sorted(unknown))}", path=path,
                            hint=f"the keys are: {', '.join(sorted(known))}")
    return Contact(**{k: str(v) for k, v in item.items()})

def figures_from_settings(items: list[dict[str, Any]], path: Path) -> tuple[Figure, ...]:
    """Build figures from presskit.toml's [[figures]] entries (value, label, optional series)."""
    figures = []
    for n, item in enumerate(items, start=1):
        unknown = set(item) - {"value", "label", "series", "en", "series_en"}
        if unknown or not item.get("value") or not item.get("label"):
            raise PresskitError(f"[[figures]] entry {n} needs value and label (and only series, en "
                                f"and series_en besides)", path=path,
                                hint='write value = "85 %", label = "…", en = "…" (the English label)')
        if len(str(item["value"])) > MAX_FIGURE_VALUE:
            raise PresskitError(f"[[figures]] entry {n}: the value {str(item['value'])[:30]!r}… is too "
                                f"long for a key figure (at most {MAX_FIGURE_VALUE} characters)",
                                path=path, hint='keep the number in value ("25,3 Md€") and the words in label')
        figures.append(Figure(str(item["value"]), str(item["label"]), str(item.get("series", ""))))
    return tuple(figures)
