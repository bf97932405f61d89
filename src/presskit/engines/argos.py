"""Argos Translate models: an offline engine, used when an fr → en model is installed.

An Argos model (a `.argosmodel` file) is a zip of one folder holding `metadata.json`, a CTranslate2
model in `model/` and a `sentencepiece.model`. presskit reads that folder itself and runs it with
CTranslate2 the way argostranslate does (same tokenizer, beam search and target prefix), so the
`argos` extra needs only `ctranslate2` and `sentencepiece` (`pip install ctranslate2 sentencepiece`), not
argostranslate's own dependencies (stanza, spacy, torch: about 1 GB), nor its sentence splitter,
which downloads a model from the network on first use: presskit's texts are already sentences,
and an offline engine must never open a socket.

Models are found where argostranslate installs them: `ARGOS_PACKAGES_DIR`, else
`$XDG_DATA_HOME/argos-translate/packages` (~/.local/share/...). Install one with
`presskit engines install-argos translate-fr_en.argosmodel` (the only command presskit
suggests: argostranslate's `argospm` is not installed with presskit).
Older models tokenized with BPE (`bpe.model`) are refused with a clear message.
"""
from __future__ import annotations

import importlib.util
import json
import os
import threading
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from presskit.engines.base import EngineBase, register
from presskit.errors import PresskitError

INSTALL_HINT = "pip install ctranslate2 sentencepiece (the argos extra of presskit)"
MODEL_HINT = "presskit engines install-argos FILE.argosmodel (a fr → en .argosmodel file)"
_LOADED: dict[Path, tuple[Any, Any]] = {}  # model folder -> (translator, tokenizer), per process
_LOCK = threading.Lock()


@dataclass(frozen=True)
class ArgosModel:
    """An installed model folder and what its metadata.json says."""

    path: Path
    from_code: str
    to_code: str
    version: str = ""
    target_prefix: str = ""


def argos_installed() -> bool:
    """True when CTranslate2 and sentencepiece can be imported."""
    return all(importlib.util.find_spec(name) is not None for name in ("ctranslate2", "sentencepiece"))


def packages_dirs() -> list[Path]:
    """Where Argos models are installed: ARGOS_PACKAGES_DIR, else argostranslate's default folder."""
    configured = os.environ.get("ARGOS_PACKAGES_DIR", "").strip()
    if configured:
        return [Path(configured).expanduser()]
    data = os.environ.get("XDG_DATA_HOME", "").strip() or str(Path.home() / ".local" / "share")
    return [Path(data) / "argos-translate" / "packages"]


def read_model(path: Path) -> ArgosModel:
    """The model described by `path/metadata.json`; an unreadable one is a PresskitError."""
    try:
        meta = json.loads((path / "metadata.json").read_text(encoding="utf-8"))
        if not isinstance(meta, dict):
            raise ValueError("not an object")
    except (OSError, ValueError) as exc:
        raise PresskitError(f"unreadable Argos model metadata ({type(exc).__name__})",
                            path=path / "metadata.json", hint="reinstall the model") from None
    return ArgosModel(path, str(meta.get("from_code", "")), str(meta.get("to_code", "")),
                      str(meta.get("package_version", "")), str(meta.get("target_prefix", "")))


def find_model(source: str, target: str, dirs: list[Path] | None = None) -> ArgosModel | None:
    """The installed translation model for `source` → `target`, if any."""
    for folder in dirs or packages_dirs():
        for path in sorted(folder.iterdir()) if folder.is_dir() else []:
            if (path / "metadata.json").is_file():
                model = read_model(path)
                if (model.from_code, model.to_code) == (source, target):
                    return model
    return None


def install_model(archive: str | Path, dirs: list[Path] | None = None) -> Path:
    """Unpack an .argosmodel file (a zip with <folder>/metadata.json) into the models folder."""
    archive = Path(archive)
    if not zipfile.is_zipfile(archive):
        raise PresskitError("not an Argos model (an .argosmodel file is a zip archive)", path=archive,
                            hint="download the model file again")
    with zipfile.ZipFile(archive) as zf:
        roots = {name.split("/", 1)[0] for name in zf.namelist()}
        if len(roots) != 1 or f"{next(iter(roots))}/metadata.json" not in zf.namelist():
            raise PresskitError("not an Argos model: no metadata.json in one top folder",
                                path=archive, hint="download the model file again")
        target = (dirs or packages_dirs())[0]
        target.mkdir(parents=True, exist_ok=True)
        zf.extractall(target)  # zipfile drops absolute paths and ".." components
    return target / next(iter(roots))


@register("argos")
class ArgosEngine(EngineBase):
    """Offline neural translation with an installed Argos Translate model (fr → en)."""

    summary = "offline: an installed Argos Translate model (ctranslate2 + sentencepiece)"
    beam_size = 4

    def __init__(self, *, packages_dir: str | Path | None = None) -> None:
        self.dirs = [Path(packages_dir)] if packages_dir else None

    @classmethod
    def status(cls) -> tuple[bool, str]:
        """Available when CTranslate2 and sentencepiece are installed and an fr → en model is found."""
        if not argos_installed():
            return False, f"ctranslate2 or sentencepiece is missing: {INSTALL_HINT}"
        try:
            model = find_model("fr", "en")
        except PresskitError as error:
            return False, f"{error.path}: {error.message}"
        if model is None:
            return False, f"no fr → en model installed: {MODEL_HINT}"
        return True, f"offline; model {model.path.name} {model.version}".rstrip()

    def translate(self, texts: list[str], source: str, target: str) -> list[str]:
        """Translate the non-blank texts in one CTranslate2 batch; whitespace around each is kept."""
        src, tgt = _lang(source), _lang(target)
        todo = [i for i, text in enumerate(texts) if text.strip()]
        if not todo or src == tgt:
            return list(texts)
        model = self._model(src, tgt)
        translator, tokenizer = _load(model.path)
        tokens = [tokenizer.encode(texts[i].strip(), out_type=str) for i in todo]
        prefix = [[model.target_prefix]] * len(tokens) if model.target_prefix else None
        try:
            results = translator.translate_batch(
                tokens, target_prefix=prefix, replace_unknowns=True, max_batch_size=32,
                beam_size=self.beam_size, num_hypotheses=1, length_penalty=0.2)
        except (RuntimeError, ValueError) as exc:
            raise PresskitError(f"the argos model failed to translate ({type(exc).__name__})",
                                path=model.path, hint="reinstall the model") from None
        out = list(texts)
        for index, result in zip(todo, results):
            value = _decode(tokenizer, result.hypotheses[0], model.target_prefix)
            out[index] = _keep_space(texts[index], value)
        return out

    def _model(self, src: str, tgt: str) -> ArgosModel:
        """The installed model for this direction, or a PresskitError saying how to get one."""
        if not argos_installed():
            raise PresskitError("the argos engine needs ctranslate2 and sentencepiece",
                                hint=INSTALL_HINT)
        model = find_model(src, tgt, self.dirs)
        if model is None:
            raise PresskitError(f"no Argos Translate model for {src} → {tgt} is installed",
                                hint=MODEL_HINT)
        return model


def _load(folder: Path) -> tuple[Any, Any]:
    """The CTranslate2 translator (CPU) and sentencepiece tokenizer of a model, loaded once."""
    with _LOCK:
        if folder not in _LOADED:
            _LOADED[folder] = (_translator(folder), _tokenizer(folder))
        return _LOADED[folder]


def _translator(folder: Path) -> Any:
    """`ctranslate2.Translator` on the model/ folder; a broken model is a PresskitError."""
    import ctranslate2
    try:
        return ctranslate2.Translator(str(folder / "model"), device="cpu", compute_type="auto")
    except (RuntimeError, ValueError, OSError) as exc:
        raise PresskitError(f"cannot load the Argos model ({type(exc).__name__})", path=folder,
                            hint="reinstall the model") from None


def _tokenizer(folder: Path) -> Any:
    """The model's sentencepiece processor (BPE models are not supported)."""
    import sentencepiece
    model = folder / "sentencepiece.model"
    if not model.is_file():
        old = (folder / "bpe.model").is_file()
        raise PresskitError("this Argos model has no sentencepiece.model" +
                            (" (it uses BPE, which presskit does not read)" if old else ""),
                            path=folder, hint="install a current fr → en model")
    try:
        return sentencepiece.SentencePieceProcessor(model_file=str(model))
    except (RuntimeError, OSError) as exc:
        raise PresskitError(f"unreadable sentencepiece.model ({type(exc).__name__})", path=folder,
                            hint="reinstall the model") from None


def _decode(tokenizer: Any, tokens: list[str], target_prefix: str) -> str:
    """Tokens back to text, without the model's target prefix."""
    if target_prefix and tokens[:1] == [target_prefix]:
        tokens = tokens[1:]
    return str(tokenizer.decode_pieces(tokens)).replace("\u2581", " ").strip()


def _lang(code: str) -> str:
    """"fr", "en-GB", "en_US" → "fr", "en"."""
    return code.strip().lower().replace("_", "-").split("-")[0]


def _keep_space(original: str, translated: str) -> str:
    """The translation with the original's leading and trailing whitespace."""
    lead = original[: len(original) - len(original.lstrip())]
    return lead + translated + original[len(original.rstrip()):]
