"""The review round trip on a kit: a release's English out for review (XLIFF), approved units back in.

The XLIFF and memory rules are `presskit.translation.review`'s; this module runs the pipeline to
know the release's segments.
"""
from __future__ import annotations

from pathlib import Path

from presskit.document import Segment
from presskit.kit.folder import Kit
from presskit.pipeline import Options, translate_release
from presskit.translation import review
from presskit.translation.memory import TranslationMemory


def export_review(kit: Kit, source: Path, options: Options = Options()) -> tuple[Path, list[Segment]]:
    """Translate a release (memory, then engine unless offline) and write its XLIFF; return path and segments."""
    segments = list(translate_release(kit, source, options).english.segments)
    return review.export_review(kit, source, segments, options.out), segments


def import_review(kit: Kit, path: Path) -> review.ImportResult:
    """Store a review file's approved units in the kit's memory (the release read again, offline)."""
    def segments_of(release: Path, memory: TranslationMemory) -> list[Segment]:
        return list(translate_release(kit, release, Options(offline=True), memory=memory).english.segments)

    return review.import_review(kit, path, segments_of)
