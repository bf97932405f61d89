"""Terminology through machine translation: protect, restore, repair and verify names and terms.

Before a sentence goes to an engine, `protect` replaces its names, glossary terms and quantities by
tokens ``⟦n⟧`` that engines copy. `restore` puts back, in the engine's output, each name as
written, each term as its approved English in the French's number, each quantity localised; it
then repairs what it safely can (a forbidden translation the engine wrote instead of a lost token)
and gives each glossary match a status: "applied", "repaired" or "missing". `verify` gives the
statuses of an approved translation (memory) without changing it: "applied", "missing", "forbidden".

>>> from presskit.glossary.glossary import Entry, Glossary
>>> glossary = Glossary([Entry("biomédicament", "biopharmaceutical"), Entry("Medicen", "Medicen", "name"),
...                      Entry("biomédicament", "biomedicine", "forbidden")])
>>> protected = protect("Medicen produit 85 % des biomédicaments.", glossary)
>>> protected.text
'⟦1⟧ produit ⟦3⟧ des ⟦2⟧.'
>>> outcome = restore("⟦1⟧ makes ⟦3⟧ of the ⟦2⟧.", protected)
>>> outcome.text, [str(status) for status in outcome.statuses]
('Medicen makes 85% of the biopharmaceuticals.', ['applied', 'applied'])
>>> restore("⟦1⟧ makes ⟦3⟧ of the biomedicines.", protected)
Outcome(text='Medicen makes 85% of the biopharmaceuticals.', statuses=('applied', 'repaired'))
>>> verify("Medicen makes 85% of the biomedicines.", protected.matches)
('applied', 'forbidden')
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from presskit.document import TermStatus
from presskit.glossary.entries import english_spans, normalize, pluralize
from presskit.glossary.glossary import Glossary, Match
from presskit.translation import quantities as localize
from presskit.translation.placeholders import locate, substitute

APPLIED, REPAIRED, MISSING, FORBIDDEN = (TermStatus.APPLIED, TermStatus.REPAIRED, TermStatus.MISSING,
                                         TermStatus.FORBIDDEN)
_TOKEN = re.compile(r"⟦\s*\d+\s*⟧")
_ELIDED = re.compile(r"(?<![^\W\d_])([dDlL])\s*['’ʼ]\s*$")
_ARTICLE = {"d": "de ", "D": "De ", "l": "le ", "L": "Le "}


@dataclass(frozen=True)
class Slot:
    """One protected piece of a sentence: its token, kind ("term", "name", "quantity") and English."""

    token: str
    kind: str
    source: str
    english: str
    match: Match | None = None
    sent: bool = True  # False: a term left in the text (token ""), for the service's glossary


@dataclass(frozen=True)
class Protected:
    """A French sentence ready for an engine: the text with tokens, and what each token stands for."""

    source: str
    text: str
    slots: tuple[Slot, ...]
    matches: tuple[Match, ...]

    @property
    def wordless(self) -> bool:
        """True when nothing is left to translate once names, terms and quantities are tokens."""
        return not re.search(r"[^\W\d_]", _TOKEN.sub(" ", self.text))

    @property
    def has_terms(self) -> bool:
        """True when a glossary term (not only names) was protected."""
        return any(slot.kind == "term" for slot in self.slots)


@dataclass(frozen=True)
class Outcome:
    """The English of a sentence and the status of each of its glossary matches, in order."""

    text: str
    statuses: tuple[str, ...]


def protect(sentence: str, glossary: Glossary | None, locale: str = "en_GB", *,
            terms: bool = True) -> Protected:
    """Replace the names, terms and quantities of a French sentence by tokens an engine keeps.

    With `terms=False` (an engine whose service applies presskit's glossary itself) the terms stay
    in the text as written; `restore` then checks the engine's English for them.

    >>> from presskit.glossary.glossary import Entry, Glossary
    >>> protect("Medicen et les biomédicaments.", Glossary([Entry("biomédicament", "biopharmaceutical"),
    ...         Entry("Medicen", "Medicen", "name")]), terms=False).text
    '⟦1⟧ et les biomédicaments.'
    """
    matches = tuple(glossary.find(sentence)) if glossary is not None else ()
    parts, slots, position = [], [], 0
    for match in matches:
        sent = terms or match.entry.kind != "term"
        token = f"⟦{sum(slot.sent for slot in slots) + 1}⟧" if sent else ""  # "": not in the text
        if sent:
            parts += [unelide(sentence[position:match.start]), token]
            position = match.end
        slots.append(Slot(token, match.entry.kind, match.surface, term_english(match), match, sent))
    text, table = localize.protect("".join(parts) + sentence[position:])
    slots += [Slot(token, "quantity", q.source, q.english(locale)) for token, q in table.items()]
    return Protected(sentence, text, tuple(slots), matches)


def unelide(text: str) -> str:
    """Write an elided article before a token in full, so the engine reads "de ⟦1⟧" as "of".

    >>> unelide("capacité d’"), unelide("L'"), unelide("pour ")
    ('capacité de ', 'Le ', 'pour ')
    """
    return _ELIDED.sub(lambda m: _ARTICLE[m[1]], text)


def term_english(match: Match) -> str:
    """What goes back for a match: a name as written; a term's English in number, capitals kept.

    >>> from presskit.glossary.glossary import Entry
    >>> term_english(Match(0, 14, "BIOMÉDICAMENTS", Entry("biomédicament", "biopharmaceutical"), True))
    'BIOPHARMACEUTICALS'
    """
    if match.entry.kind == "name":
        return match.surface
    english = match.english
    if len(match.surface) > 1 and match.surface.isupper() and not match.entry.fr.isupper():
        return english.upper()
    return english


def restore(english: str, protected: Protected) -> Outcome:
    """Put the protected pieces back into an engine's output, repair lost terms, give statuses."""
    raw = normalize(english)
    spots = locate(raw, [slot.token for slot in protected.slots if slot.sent], protected.text)
    text = substitute(raw, spots, {slot.token: slot.english for slot in protected.slots})
    if spots and _slot(protected, spots[0].token).kind == "term" and not re.search(
            r"\w", raw[:spots[0].start]):
        text = _capitalise(text)
    how: dict[str, str] = {}
    for spot in spots:
        how.setdefault(spot.token, spot.how)
    return _enforce(text, protected, how)


def _slot(protected: Protected, token: str) -> Slot:
    """The slot of a token."""
    return next(slot for slot in protected.slots if slot.token == token)


def _capitalise(text: str) -> str:
    """Capitalise the first letter of a sentence.

    >>> _capitalise("« biopharmaceuticals are")
    '« Biopharmaceuticals are'
    """
    return re.sub(r"^(\W*)(\w)", lambda m: m[1] + m[2].upper(), text, count=1)


def _enforce(text: str, protected: Protected, how: dict[str, str]) -> Outcome:
    """Statuses from the restored tokens; lost terms found, repaired or missing; forbidden replaced."""
    slots = [slot for slot in protected.slots if slot.match is not None]
    claimed = Counter(_key(slot) for slot in slots if slot.token in how)
    statuses: list[str] = []
    for slot in slots:
        if slot.token in how:
            statuses.append(APPLIED if how[slot.token] == "exact" else REPAIRED)
            continue
        text, status = _lost(text, slot, claimed[_key(slot)])
        claimed[_key(slot)] += status != MISSING
        statuses.append(status)
    text, cleaned = _replace_all_forbidden(text, [slot.match for slot in slots])
    statuses = [REPAIRED if status == APPLIED and slot.match.entry.fr in cleaned else status
                for slot, status in zip(slots, statuses)]
    return Outcome(text, tuple(statuses))


def _key(slot: Slot) -> tuple[str, str]:
    """Which glossary entry a slot stands for."""
    return slot.match.entry.kind, slot.match.entry.fr


def _lost(text: str, slot: Slot, claimed: int) -> tuple[str, str]:
    """A match whose token the engine lost: its English is there anyway, repaired, or missing.

    `claimed` counts the occurrences of the entry's English already accounted for by other matches.
    """
    entry = slot.match.entry
    if entry.kind == "name":
        return text, APPLIED if _has_name(text, slot.match) else MISSING
    if len(english_spans(text, entry.english_forms())) > claimed:
        return text, APPLIED
    spans = english_spans(text, forbidden_forms(entry))
    if spans:
        start, end, _ = spans[0]
        return text[:start] + _same_case(text[start:end], term_english(slot.match)) + text[end:], REPAIRED
    return text, MISSING


def forbidden_forms(entry) -> dict[str, bool]:
    """The forbidden English forms of a term, each with whether it is the plural.

    >>> from presskit.glossary.glossary import Entry
    >>> forbidden_forms(Entry("biomédicament", "biopharmaceutical", forbidden=("biomedicine",)))
    {'biomedicine': False, 'biomedicines': True}
    """
    forms: dict[str, bool] = {}
    for form in entry.forbidden:
        forms.setdefault(form, False)
        forms.setdefault(pluralize(form), True)
    return forms


def _replace_all_forbidden(text: str, matches: list[Match]) -> tuple[str, set[str]]:
    """Replace every forbidden form of the sentence's terms by the approved English, in its number."""
    cleaned: set[str] = set()
    for entry in {m.entry.fr: m.entry for m in matches if m.entry.forbidden}.values():
        forms = forbidden_forms(entry)
        for start, end, form in reversed(english_spans(text, forms)):
            text = text[:start] + _same_case(text[start:end], entry.english(forms[form])) + text[end:]
            cleaned.add(entry.fr)
    return text, cleaned


def _same_case(found: str, replacement: str) -> str:
    """Give a replacement the case of the words it replaces.

    >>> _same_case("Subcontracting", "contract manufacturing"), _same_case("BIOMEDICINES", "biopharmaceuticals")
    ('Contract manufacturing', 'BIOPHARMACEUTICALS')
    """
    if len(found) > 1 and found.isupper():
        return replacement.upper()
    if found[:1].isupper():
        return replacement[:1].upper() + replacement[1:]
    return replacement


def _has_name(text: str, match: Match) -> bool:
    """True if the English writes the name exactly as the French did (or as the glossary spells it)."""
    return any(re.search(rf"(?<!\w){re.escape(form)}(?!\w)", text)
               for form in {match.surface, match.entry.fr})


def verify(english: str, matches: tuple[Match, ...] | list[Match]) -> tuple[str, ...]:
    """The status of each match in an approved English text: applied, missing or forbidden."""
    statuses = []
    for match in matches:
        entry = match.entry
        if entry.kind == "name":
            statuses.append(APPLIED if _has_name(english, match) else MISSING)
        elif english_spans(english, forbidden_forms(entry)):
            statuses.append(FORBIDDEN)
        else:
            statuses.append(APPLIED if english_spans(english, entry.english_forms()) else MISSING)
    return tuple(statuses)
