"""Build a tiny Argos Translate model (fr → en) for the tests: real files, real loading code.

The model is a CTranslate2 Transformer whose weights are set by hand rather than trained: every
attention and feed-forward block is zero (so each layer passes its input through), embeddings are
one-hot, and the output projection maps each previous target token to the next token of ANSWER.
Whatever the French, the model writes ANSWER and stops. The sentencepiece model is trained (in
word mode) on a few sentences. About 30 kB, built in about a second.
"""
from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

ANSWER = "Hello world."
CORPUS = ["Bonjour le monde.", "Hello world.", "Le salon ouvre demain.", "The show opens tomorrow.",
          "Vive Paris", "Les biomédicaments sont produits en France."]


def build_model(folder: Path, from_code: str = "fr", to_code: str = "en") -> Path:
    """Write an Argos model folder (metadata.json, sentencepiece.model, model/) and return it."""
    folder.mkdir(parents=True)
    vocab, answer = _sentencepiece(folder / "sentencepiece.model")
    _ctranslate2(folder / "model", vocab, answer)
    (folder / "metadata.json").write_text(json.dumps({
        "package_version": "0.1", "argos_version": "1.9", "type": "translate",
        "from_code": from_code, "from_name": "French", "to_code": to_code, "to_name": "English"}))
    return folder


def build_archive(folder: Path, path: Path) -> Path:
    """Zip a model folder as an .argosmodel file (one top folder, as argospm ships them)."""
    with zipfile.ZipFile(path, "w") as zf:
        for file in sorted(folder.rglob("*")):
            if file.is_file():
                zf.write(file, f"{folder.name}/{file.relative_to(folder).as_posix()}")
    return path


def _sentencepiece(path: Path) -> tuple[list[str], list[int]]:
    """Train a word-level sentencepiece model; return its vocabulary and ANSWER's ids."""
    import sentencepiece as spm
    buffer = io.BytesIO()
    spm.SentencePieceTrainer.train(
        sentence_iterator=iter(CORPUS * 20), model_writer=buffer, vocab_size=40, model_type="word",
        hard_vocab_limit=False, character_coverage=1.0, unk_id=0, bos_id=1, eos_id=2, pad_id=-1,
        minloglevel=2)
    path.write_bytes(buffer.getvalue())
    processor = spm.SentencePieceProcessor(model_file=str(path))
    vocab = [processor.id_to_piece(i) for i in range(processor.get_piece_size())]
    answer = processor.encode(ANSWER, out_type=int)
    assert len(set(answer)) == len(answer), "each answer token must be distinct"
    return vocab, answer


def _ctranslate2(folder: Path, vocab: list[str], answer: list[int]) -> None:
    """Save a one-layer Transformer that writes `answer` then </s> (ids 1 = <s>, 2 = </s>)."""
    import numpy as np
    from ctranslate2.specs import transformer_spec
    size = len(vocab) + len(vocab) % 2  # model width; even, for two attention heads
    spec = transformer_spec.TransformerSpec.from_config(1, 2)
    one_hot = np.zeros((len(vocab), size), np.float32)
    one_hot[np.arange(len(vocab)), np.arange(len(vocab))] = 10.0
    encoder, decoder = spec.encoder, spec.decoder
    encoder.embeddings[0].weight = one_hot.copy()
    decoder.embeddings.weight = one_hot.copy()
    _norm(encoder.layer_norm, size)
    _norm(decoder.layer_norm, size)
    for layer in encoder.layer:
        _attention(layer.self_attention, size, self_attention=True)
        _ffn(layer.ffn, size)
    for layer in decoder.layer:
        _attention(layer.self_attention, size, self_attention=True)
        _attention(layer.attention, size, self_attention=False)
        _ffn(layer.ffn, size)
    projection = np.zeros((len(vocab), size), np.float32)
    chain = [1, *answer, 2]
    for previous, following in zip(chain, chain[1:]):
        projection[following, previous] = 10.0
    decoder.projection.weight = projection
    decoder.projection.bias = np.zeros(len(vocab), np.float32)
    spec.register_source_vocabulary(vocab)
    spec.register_target_vocabulary(vocab)
    spec.validate()
    spec.optimize()
    folder.mkdir()
    spec.save(str(folder))


def _norm(layer, size: int) -> None:
    import numpy as np
    layer.gamma = np.ones(size, np.float32)
    layer.beta = np.zeros(size, np.float32)


def _linear(layer, rows: int, columns: int) -> None:
    import numpy as np
    layer.weight = np.zeros((rows, columns), np.float32)
    layer.bias = np.zeros(rows, np.float32)


def _attention(block, size: int, *, self_attention: bool) -> None:
    _norm(block.layer_norm, size)
    shapes = [(3 * size, size), (size, size)] if self_attention else \
        [(size, size), (2 * size, size), (size, size)]
    for linear, shape in zip(block.linear, shapes):
        _linear(linear, *shape)


def _ffn(block, size: int, hidden: int = 8) -> None:
    _norm(block.layer_norm, size)
    _linear(block.linear_0, hidden, size)
    _linear(block.linear_1, size, hidden)
