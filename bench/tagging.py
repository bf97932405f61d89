"""What tagging costs a PDF: the sample's English PDF rendered in this process with and without its tags.

"Without" takes out the two parts of the accessibility layer: the marked content around every
paragraph, heading, list item, quote and figure (`tags.tagging`), and the structure tree written
as the file is saved (`structure.write_structure`). The page artifacts stay, so the difference is
what the layer costs at least. Run by `bench/run.py`, or alone: `.venv/bin/python bench/tagging.py`.
"""
from __future__ import annotations

import statistics
import tempfile
import time
from contextlib import contextmanager, nullcontext
from pathlib import Path
from typing import Iterator

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = "congres-france-bioproduction-2021"


def english_document():
    """The sample release's English document and the kit's theme, as a build makes them (from the memory)."""
    from presskit.kit.folder import load_kit
    from presskit.pipeline import Options, translate_release

    kit = load_kit(ROOT)
    published = translate_release(kit, ROOT / "sources" / f"{SAMPLE}.fr.txt", Options(offline=True))
    return published.english, kit.theme


@contextmanager
def untagged() -> Iterator[None]:
    """Render without marked content around the blocks and without the structure tree."""
    from presskit.renderers.pdf import template

    saved = template.tagging, template.write_structure
    template.tagging, template.write_structure = nullcontext, lambda *args, **kwargs: None
    try:
        yield
    finally:
        template.tagging, template.write_structure = saved


def render_once(document, theme, folder: Path, tagged: bool) -> float:
    """Seconds of one render of `document` as a PDF in `folder`, tagged or not."""
    from presskit.renderers.pdf.writer import render

    with nullcontext() if tagged else untagged():
        start = time.perf_counter()
        render(document, theme, folder / "kit.pdf")
        return time.perf_counter() - start


def tagging_cost(runs: int = 15) -> tuple[float, float]:
    """Median milliseconds of one PDF render, tagged and untagged (alternating, so both see the same machine)."""
    document, theme = english_document()
    times: dict[bool, list[float]] = {True: [], False: []}
    with tempfile.TemporaryDirectory() as scratch:
        for tagged in (True, False):  # fonts registered, memos read, caches warm
            render_once(document, theme, Path(scratch), tagged)
        for _ in range(runs):
            for tagged in (True, False):
                times[tagged].append(render_once(document, theme, Path(scratch), tagged))
    return statistics.median(times[True]) * 1000, statistics.median(times[False]) * 1000


def line(tagged_ms: float, plain_ms: float) -> str:
    """The benchmark's line on tagging.

    >>> line(41.0, 35.0)
    'tagging (marked content and structure tree): 41.0 ms per PDF against 35.0 ms untagged, +6.0 ms (+17 %)'
    """
    extra = tagged_ms - plain_ms
    return (f"tagging (marked content and structure tree): {tagged_ms:.1f} ms per PDF against {plain_ms:.1f} ms "
            f"untagged, {extra:+.1f} ms ({extra / plain_ms * 100:+.0f} %)")


if __name__ == "__main__":
    print(line(*tagging_cost()))
