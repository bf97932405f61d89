"""The build report (`report.json`): outputs, where each English segment came from, terms, problems."""
from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

from presskit.document import Document
from presskit.runtime.atomic import write_output


def build_report(source: Path, french: Document, english: Document, problems: list, outputs: list[Path],
                 status: str, *, engine: str | None, offline: bool) -> dict[str, Any]:
    """Return the report of one release's build as JSON-ready data."""
    origins = Counter(s.origin for s in english.segments)
    engines = {o.split(":", 1)[1]: n for o, n in origins.items() if o.startswith("engine:")}
    return {
        "source": str(source),
        "status": status,
        "outputs": [str(p) for p in outputs],
        "engine": engine,
        "offline": offline,
        "segments": {
            "total": len(english.segments),
            "memory": origins.get("memory", 0),
            "glossary": origins.get("glossary", 0),
            "engines": engines,
            "untranslated": origins.get("untranslated", 0),
            "kept": origins.get("kept", 0),
        },
        "terms": _terms(english),
        "problems": [{"path": p.path, "place": getattr(p, "place", "") or p.path, "message": p.message,
                      "severity": p.severity} for p in problems],
        "segment_provenance": [{"path": s.path, "origin": s.origin, "score": s.score, "note": s.note,
                                "source": s.source, "target": s.target} for s in english.segments],
        "structure": {"blocks": len(french.blocks), "footnotes": len(french.footnotes),
                      "about": [a.organization for a in french.about],
                      "quotes": [b.speaker.name for b in french.blocks if b.speaker],
                      "doubts": list(french.doubts)},  # what the reader was unsure of
    }


TERM_STATUSES = ("applied", "repaired", "missing", "forbidden")


def _terms(english: Document) -> dict[str, Any]:
    """Summarise the glossary terms per segment: expected, applied, repaired, missing, forbidden."""
    uses, segments = list(english.terms), {}
    for use in uses:
        segment = segments.setdefault(use.path, {"path": use.path, "expected": [],
                                                 **{status: [] for status in TERM_STATUSES}})
        segment["expected"].append(use.en)
        if use.status in TERM_STATUSES:
            segment[use.status].append(use.en)
    return {
        "expected": len(uses),
        "found": sum(1 for use in uses if use.found),
        "counts": dict(Counter(use.status for use in uses)),
        "missing": [{"path": u.path, "fr": u.fr, "en": u.en} for u in uses if u.found is False],
        "segments": list(segments.values()),
        "uses": [{"path": u.path, "fr": u.fr, "en": u.en, "kind": u.kind, "surface": u.surface,
                  "found": u.found, "status": u.status} for u in uses],
    }


def write_json(path: Path, data: Any) -> None:
    """Write JSON atomically: a temporary file in the same folder, then a rename."""
    text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    write_output(path, text.encode("utf-8"), what="report")
