"""Golden structure files: each example of ../shared/examples in each variant (.txt, LibreOffice PDF,
pdftotext), its structure only: block kinds and first words, speakers, About organisations, contacts,
footnote count and doubts. The release's text itself is never stored in the project.

Regenerate after a deliberate change with `PRESSKIT_UPDATE_GOLDEN=1 pytest tests/readers`, then read
each changed file against its release before committing it.
"""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from examples import VARIANTS, example_files, example_ids, variant_path

from presskit.document import Block, Document
from presskit.readers import read

GOLDEN = Path(__file__).parent / "golden" / "examples"
FIRST_WORDS = 6


def first_words(text: str, count: int = FIRST_WORDS) -> str:
    """The first words of a text, enough to recognise a block.

    >>> first_words("Un deux trois quatre cinq six sept huit")
    'Un deux trois quatre cinq six …'
    """
    words = text.split()
    return " ".join(words[:count]) + (" …" if len(words) > count else "")


def block_summary(block: Block) -> list:
    """[kind, first words] for a block; a list gives its item count, a quote its speaker."""
    if block.kind == "quote":
        return ["quote", block.speaker.name if block.speaker else None, first_words(block.text)]
    if block.items:
        return [block.kind, len(block.items), first_words(block.items[0])]
    return [block.kind, first_words(block.text)]


def structure(doc: Document) -> dict:
    """What a golden file records of a document: its structure, not its text."""
    return {
        "title": first_words(doc.title, 10), "subtitle": first_words(doc.subtitle),
        "labels": list(doc.labels), "dateline": doc.dateline.date or doc.dateline.text if doc.dateline else None,
        "blocks": [block_summary(b) for b in doc.blocks],
        "about": [a.organization for a in doc.about],
        "contacts": [[c.name, c.email] for c in doc.contacts],
        "footnotes": len(doc.footnotes), "doubts": len(doc.doubts),
    }


def as_json(doc: Document) -> str:
    """The structure as the golden file holds it: one block per line, to read and diff by eye."""
    data = structure(doc)
    lines = []
    for key, value in data.items():
        if isinstance(value, list) and value and isinstance(value[0], list):
            rows = ",\n".join("    " + json.dumps(row, ensure_ascii=False) for row in value)
            lines.append(f'  "{key}": [\n{rows}\n  ]')
        else:
            lines.append(f'  "{key}": {json.dumps(value, ensure_ascii=False)}')
    return "{\n" + ",\n".join(lines) + "\n}\n"


@pytest.mark.parametrize("variant", VARIANTS)
@pytest.mark.parametrize("path", example_files(), ids=example_ids)
def test_example_structure_matches_its_golden_file(path: Path, variant: str) -> None:
    actual = as_json(read(variant_path(path, variant)))
    golden = GOLDEN / f"{example_ids(path)}.{variant}.json"
    if os.environ.get("PRESSKIT_UPDATE_GOLDEN") == "1":
        GOLDEN.mkdir(parents=True, exist_ok=True)
        golden.write_text(actual, encoding="utf-8")
    assert golden.exists(), f"no golden file: run PRESSKIT_UPDATE_GOLDEN=1 pytest {__file__}"
    assert actual == golden.read_text(encoding="utf-8")


def test_every_golden_structure_file_has_its_example() -> None:
    if not example_files():
        pytest.skip("no examples in ../shared/examples")
    names = {f"{example_ids(p)}.{v}.json" for p in example_files() for v in VARIANTS}
    assert {p.name for p in GOLDEN.glob("*.json")} <= names
