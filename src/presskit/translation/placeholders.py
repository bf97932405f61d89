"""Find protection tokens (``⟦n⟧``) in an engine's output, even when the engine mangled them.

Engines mostly copy ``⟦1⟧`` as it is, but some add spaces (``⟦ 1 ⟧``), swap the brackets for
square ones (``[1]``), drop one bracket (``⟦1``), drop both (``1``) or change the digit (``⟦7⟧``).
`locate` finds each token's place in the output and says whether it was found intact ("exact")
or recovered from a mangled form ("recovered"); a token it cannot place safely is left out.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

_EXACT = re.compile(r"(\(\s+)?⟦\s*(\d+)\s*⟧(\s+(?=[.,;:!?)]))?")
_LOOSE = re.compile(r"[⟦\[]\s*(\d+)\s*[⟧\]]|⟦\s*(\d+)|(?<![\d.,])(\d+)\s*⟧")
_TOKEN = re.compile(r"⟦\s*\d+\s*⟧")


@dataclass(frozen=True)
class Spot:
    """Where a token sits in the engine's output: the span to replace, the token, and how it was found."""

    start: int
    end: int
    token: str
    how: str  # "exact" or "recovered"


def locate(english: str, tokens: set[str] | list[str], french: str = "") -> list[Spot]:
    """Find the tokens of `tokens` in `english`; `french` (the protected source) vetoes bare digits.

    >>> [(s.token, s.how) for s in locate("More than ⟦ 1⟧ of the ⟦7⟧ jobs (⟦3].", ["⟦1⟧", "⟦2⟧", "⟦3⟧"])]
    [('⟦1⟧', 'exact'), ('⟦2⟧', 'recovered'), ('⟦3⟧', 'recovered')]
    >>> [(s.token, s.how) for s in locate("Both 1 and 5 sites.", ["⟦1⟧"], "Les ⟦1⟧ et 5 sites.")]
    [('⟦1⟧', 'recovered')]
    >>> locate("Site 5 opens.", ["⟦5⟧"], "Le site 5 ouvre, ⟦5⟧.")
    []
    """
    known = set(tokens)
    spots, unknown = _exact(english, known)
    taken = [(s.start, s.end) for s in spots] + [span for span, _ in unknown]
    spots += _loose(english, known - {s.token for s in spots}, taken)
    missing = sorted(known - {s.token for s in spots}, key=_number)
    if len(unknown) == 1 and len(missing) == 1:  # one digit changed: the only possible pairing
        (start, end), _ = unknown[0]
        spots.append(Spot(start, end, missing[0], "recovered"))
        missing = []
    taken = [(s.start, s.end) for s in spots] + [span for span, _ in unknown]
    spots += _bare(english, missing, french, taken)
    return sorted(spots, key=lambda s: s.start)


def _number(token: str) -> int:
    """The number of a token ("⟦12⟧" → 12)."""
    return int(re.sub(r"\D", "", token))


def _exact(english: str, known: set[str]) -> tuple[list[Spot], list[tuple[tuple[int, int], str]]]:
    """Intact tokens (spaces forgiven), and those whose number is not one of ours."""
    spots, unknown = [], []
    for match in _EXACT.finditer(english):
        token = f"⟦{match[2]}⟧"
        start = match.start() + 1 if match[1] else match.start()  # keep "(", drop the spaces after it
        if token in known:
            spots.append(Spot(start, match.end(), token, "exact"))
        else:
            unknown.append(((start, match.end()), token))
    return spots, unknown


def _loose(english: str, wanted: set[str], taken: list[tuple[int, int]]) -> list[Spot]:
    """Tokens with square or missing brackets, for tokens not yet found."""
    spots = []
    for match in _LOOSE.finditer(english):
        token = f"⟦{match[1] or match[2] or match[3]}⟧"
        if token in wanted and not _overlaps(match.span(), taken):
            spots.append(Spot(match.start(), match.end(), token, "recovered"))
            wanted = wanted - {token}
            taken = taken + [match.span()]
    return spots


def _bare(english: str, missing: list[str], french: str, taken: list[tuple[int, int]]) -> list[Spot]:
    """Tokens whose brackets were both dropped: a bare number the French does not have, seen once."""
    spots = []
    for token in missing:
        digits = str(_number(token))
        bare = re.compile(rf"(?<![\w.,⟦\[]){digits}(?![\w⟧\]]|[.,]\d)")
        if bare.search(_TOKEN.sub(" ", french)):
            continue
        found = [m for m in bare.finditer(english) if not _overlaps(m.span(), taken)]
        if len(found) == 1:
            spots.append(Spot(found[0].start(), found[0].end(), token, "recovered"))
            taken = taken + [found[0].span()]
    return spots


def _overlaps(span: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    """Whether `span` shares a character with one of `spans`."""
    return any(span[0] < end and start < span[1] for start, end in spans)


def substitute(english: str, spots: list[Spot], replacement: dict[str, str]) -> str:
    """Replace each located token by its text (spots must not overlap).

    >>> text = "( ⟦1⟧ ) and ⟦2⟧ ."
    >>> substitute(text, locate(text, ["⟦1⟧", "⟦2⟧"]), {"⟦1⟧": "85%", "⟦2⟧": "Medicen"})
    '(85%) and Medicen.'
    """
    parts, position = [], 0
    for spot in sorted(spots, key=lambda s: s.start):
        parts += [english[position:spot.start], replacement[spot.token]]
        position = spot.end
    return "".join(parts) + english[position:]
