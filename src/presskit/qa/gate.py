"""The QA gate: what is wrong with each English segment, as findings ("error" stops a final build).

Errors: a segment untranslated, left in French (lingua, names and numbers masked) or half French;
a number, web or e-mail
address of the French lost; brackets or quotation marks unpaired; a placeholder left; a glossary
term missing or forbidden; a name changed. Warnings: a number added, a term repaired, an extreme
length ratio.
"""
from __future__ import annotations

from dataclasses import replace

from presskit.document import Document, Origin, Segment, TermStatus
from presskit.glossary.entries import english_spans, pluralize
from presskit.qa import segment_checks as qa
from presskit.qa.document_checks import lost_marks, missing_links, missing_numbers
from presskit.qa.findings import Finding, Severity
from presskit.qa.places import place_of

UNTRANSLATED, MEMORY, KEPT, GLOSSARY = Origin.UNTRANSLATED, Origin.MEMORY, Origin.KEPT, Origin.GLOSSARY
RATIO_LIMITS = (0.5, 2.0)
_DISAGREES = " (the translation memory disagrees with the glossary)"


def gate(source: Document, target: Document, glossary=None) -> list[Finding]:
    """List what is wrong with the English, segment by segment (a document without segments as a whole).

    Errors stop a final build: untranslated or French segments, a term missing or forbidden, a name
    changed, a number, address or bracket lost, a placeholder left. Warnings go to the report, among
    them a bold, italic or link of the French that the English lost (its words are there).
    """
    marks = mark_findings(source, target)
    if not target.segments:
        return document_findings(source, target) + term_findings(target) + marks
    found = segment_findings(target, glossary) + term_findings(target) + marks
    sentences = {segment.path: segment.source for segment in target.segments}
    return [replace(f, place=place_of(f.path, source, sentences.get(f.path, ""))) for f in found]


def mark_findings(source: Document, target: Document) -> list[Finding]:
    """A warning for each mark of the French lost in translation (the words are kept)."""
    return [Finding(path, f"{what} was lost in translation; the English keeps the words", Severity.WARNING)
            for path, what in lost_marks(source, target)]


def excerpt(text: str, width: int = 60) -> str:
    """A short quotation of a segment for messages.

    >>> excerpt("Une phrase bien trop longue pour un message d’erreur qui doit rester lisible.", 30)
    '“Une phrase bien trop longue…”'
    """
    text = " ".join(text.split())
    if len(text) > width:
        text = text[:width].rsplit(" ", 1)[0] + "…"
    return f"“{text}”"


def segment_findings(target: Document, glossary=None) -> list[Finding]:
    """Check every segment of the English document against its French sentence."""
    names: dict[str, list[str]] = {}
    for use in target.terms:
        if use.kind == "name":
            names.setdefault(use.path, []).append(use.surface)
    known = glossary_words(glossary)
    found: list[Finding] = []
    for segment in target.segments:
        if segment.origin == UNTRANSLATED:
            found.append(Finding(segment.path, f"untranslated: {segment.source}"))
            continue
        found += _segment(segment, tuple(names.get(segment.path, ())) + known)
        if glossary is not None:
            found += _forbidden_anywhere(segment, target, glossary)
    return found


def _segment(segment: Segment, names: tuple[str, ...]) -> list[Finding]:
    """The problems of one translated segment."""
    source, english, where = segment.source, segment.target, excerpt(segment.source)
    errors = []
    if qa.placeholders_left(english):
        errors.append(f"a placeholder is left in the English {excerpt(english)}")
    missing, extra = qa.number_problems(source, english)
    errors += [f"number {n} of the French is missing in English, in {where}" for n in missing]
    errors += [f"address {a} is missing or changed in English, in {where}"
               for a in qa.lost_addresses(source, english)]
    errors += [f"unpaired {kind} in English {excerpt(english)}" for kind in qa.new_imbalance(source, english)]
    if segment.origin not in (KEPT, GLOSSARY, MEMORY):  # the memory's English was checked at import
        errors += qa.french_left(english, names)
    warnings = [f"number {n} is in the English but not in the French {where}" for n in extra]
    ratio = qa.length_ratio(source, english)
    if ratio is not None and not RATIO_LIMITS[0] <= ratio <= RATIO_LIMITS[1]:
        warnings.append(f"length ratio {ratio} (English/French) in {where}")
    return ([Finding(segment.path, message) for message in errors]
            + [Finding(segment.path, message, Severity.WARNING) for message in warnings])


def glossary_words(glossary) -> tuple[str, ...]:
    """The names and terms of the glossary, in both languages: masked before identifying a language."""
    if glossary is None:
        return ()
    return tuple({form for entry in glossary.entries for form in (entry.fr, entry.en) if form})


def _forbidden_anywhere(segment: Segment, target: Document, glossary) -> list[Finding]:
    """Forbidden translations in a segment whose French does not hold the term (so nothing repaired them)."""
    reported = {u.fr for u in target.terms if u.path == segment.path and u.status == "forbidden"}
    found = []
    for row in glossary.forbidden:
        if row.fr in reported or not english_spans(segment.target, {row.en, pluralize(row.en)}):
            continue
        approved = glossary.entry(row.fr)
        use = f"; the glossary translates {row.fr!r} as {approved.en!r}" if approved else ""
        found.append(Finding(segment.path, f"forbidden translation {row.en!r} in English{use}"))
    return found


def term_findings(target: Document) -> list[Finding]:
    """Terms missing or forbidden, names changed (errors); terms repaired (warnings)."""
    origins = {s.path: s.origin for s in target.segments}
    found = []
    for use in target.terms:
        origin = origins.get(use.path)
        if origin == UNTRANSLATED:
            continue  # the segment itself is reported
        note = _DISAGREES if origin == MEMORY else ""
        if use.status == TermStatus.FORBIDDEN:
            found.append(Finding(use.path, f"forbidden translation of {use.fr!r} ({use.surface!r}): "
                                           f"the glossary requires {use.en!r}{note}"))
        elif use.status == TermStatus.MISSING or (use.status == TermStatus.EXPECTED and use.found is False):
            message = (f"name {use.surface!r} must stay as written" if use.kind == "name" else
                       f"term {use.fr!r} should read {use.en!r} in English ({use.surface!r})")
            found.append(Finding(use.path, message + note))
        elif use.status == TermStatus.REPAIRED:
            found.append(Finding(use.path, f"{use.kind} {use.fr!r} repaired after machine translation: "
                                           f"now reads {use.en!r}", Severity.WARNING))
    return found


def document_findings(source: Document, target: Document) -> list[Finding]:
    """Whole-document checks for an English document without segments: numbers and links."""
    found = [Finding("document", f"number {n!r} of the French is missing in English", Severity.WARNING)
             for n in missing_numbers(source, target)]
    found += [Finding("document", f"link {url} of the French is missing in English")
              for url in missing_links(source, target)]
    return found
