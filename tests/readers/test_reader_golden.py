"""Golden files: the JSON of each fixture release, compared exactly.

Regenerate after a deliberate change with `PRESSKIT_UPDATE_GOLDEN=1 pytest tests/readers`, then read
the diff of `tests/readers/golden/` before committing it.
"""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from presskit.document import to_dict
from presskit.readers import read

RELEASES = sorted((Path(__file__).parents[1] / "fixtures" / "releases").glob("*.txt"))
GOLDEN = Path(__file__).parent / "golden"


def as_json(path: Path) -> str:
    """The release's JSON as `presskit parse --json` prints it (source made relative)."""
    doc = read(path).evolve(source=path.name)
    return json.dumps(to_dict(doc), ensure_ascii=False, indent=2) + "\n"


@pytest.mark.parametrize("path", RELEASES, ids=lambda p: p.stem)
def test_release_matches_its_golden_file(path: Path) -> None:
    golden = GOLDEN / f"{path.name.removesuffix('.fr.txt')}.json"
    actual = as_json(path)
    if os.environ.get("PRESSKIT_UPDATE_GOLDEN") == "1":
        golden.write_text(actual, encoding="utf-8")
    assert golden.exists(), f"no golden file: run PRESSKIT_UPDATE_GOLDEN=1 pytest {__file__}"
    assert actual == golden.read_text(encoding="utf-8")


def test_every_golden_file_has_its_release() -> None:
    names = {f"{p.name.removesuffix('.fr.txt')}.json" for p in RELEASES}
    assert {p.name for p in GOLDEN.glob("*.json")} == names
