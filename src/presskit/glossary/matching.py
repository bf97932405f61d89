"""Find glossary entries in French text: tokens compared on lemmas, longest entry first, no overlaps.

A token is a run of letters (or of digits); apostrophes, spaces and hyphens only separate tokens,
so "d’anticorps monoclonaux" gives "d", "anticorps", "monoclonaux" and "CSF-ITS" equals "CSF ITS".
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from presskit.glossary.entries import Entry, normalize
from presskit.glossary.lemmas import known_lemma  # simplemma itself loads on first need
from presskit.patterns import EMAIL, URL

_TOKEN = re.compile(r"(?:[^\W\d_\u02bc][\u0300-\u036f]*)+|\d+")
_SKIP = re.compile(f"(?:{EMAIL.pattern})|(?:{URL.pattern})")  # addresses hold no term
_SPACE = re.compile(r"[\s\-\u2010\u2011\u00ad]+")
_ELISION = re.compile(r"\s*['\u2019\u02bc]\s*")
_FR_LINKS = frozenset("de des du d à au aux en pour et sur par avec dans contre".split())


@dataclass(frozen=True)
class Token:
    """A word of the text: its span, case-folded form and the kind of gap before it."""

    start: int
    end: int
    word: str
    gap: str

    @property
    def caps(self) -> bool:
        """Written in capitals (accents are often dropped there)."""
        return len(self.word) > 1 and self.word.isupper()

    @property
    def lower(self) -> bool:
        """Written all in lower case."""
        return self.word.islower()


@dataclass(frozen=True)
class PatternToken:
    """One word of a French form: the keys it accepts and whether it must keep its capital."""

    keys: frozenset[str]
    bare_keys: frozenset[str]
    capital: bool


@dataclass(frozen=True)
class Pattern:
    """One French form of an entry, ready to compare with the text's tokens."""

    index: int
    tokens: tuple[PatternToken, ...]
    gaps: tuple[str, ...]
    reference: tuple[str, ...]
    head: int
    inflects: bool


def tokenize(text: str) -> list[Token]:
    """Split text into word tokens, ignoring web and e-mail addresses.

    >>> [(t.word, t.gap) for t in tokenize("d’anticorps CSF-ITS, www.x.fr")]
    [('d', ''), ('anticorps', 'apostrophe'), ('CSF', 'space'), ('ITS', 'space')]
    """
    masked = _SKIP.sub(lambda m: "\x00" * len(m.group()), text)
    tokens: list[Token] = []
    previous = 0
    for match in _TOKEN.finditer(masked):
        gap = gap_kind(masked[previous:match.start()]) if tokens else ""
        tokens.append(Token(match.start(), match.end(), normalize(match.group()), gap))
        previous = match.end()
    return tokens


def gap_kind(gap: str) -> str:
    """Classify what separates two words: 'space' (spaces, hyphens), 'apostrophe', 'none' or 'break'.

    >>> [gap_kind(g) for g in (" ", " - ", "’", "", ", ")]
    ['space', 'space', 'apostrophe', 'none', 'break']
    """
    if not gap:
        return "none"
    if _SPACE.fullmatch(gap):
        return "space"
    return "apostrophe" if _ELISION.fullmatch(gap) else "break"


def bare(word: str) -> str:
    """Case-folded word without accents.

    >>> bare("Biomédicaments")
    'biomedicaments'
    """
    decomposed = unicodedata.normalize("NFD", word.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@lru_cache(maxsize=65536)
def lemma(word: str) -> str:
    """The French lemma of a case-folded word; a plain singular when simplemma does not know it."""
    return known_lemma(word) or singular(word)


def singular(word: str) -> str:
    """A naive French singular for words the lemmatizer does not know.

    >>> [singular(w) for w in ("biomédicaments", "monoclonaux", "anticorps", "bureaux", "its")]
    ['biomédicament', 'monoclonal', 'anticorps', 'bureau', 'its']
    """
    if len(word) <= 3 or word.endswith(("ss", "us", "is", "os", "rps")):
        return word
    if word.endswith("aux") and not word.endswith("eaux"):
        return word[:-3] + "al"
    return word[:-1] if word.endswith(("s", "x")) else word


def word_keys(word: str, inflects: bool) -> frozenset[str]:
    """The keys a word is known by: its case-folded form and, when it inflects, its lemma."""
    folded = word.casefold()
    return frozenset({folded, lemma(folded)}) if inflects else frozenset({folded})


def compile_form(index: int, entry: Entry, form: str) -> Pattern | None:
    """Turn one French form of an entry into a pattern (None if it has no word)."""
    tokens = tokenize(form)
    if not tokens:
        return None
    inflects = entry.kind != "name"
    ptokens = tuple(_pattern_token(t, i, inflects) for i, t in enumerate(tokens))
    fr_words = tuple(t.word.casefold() for t in tokenize(entry.fr))
    reference = fr_words if len(fr_words) == len(tokens) else tuple(t.word.casefold() for t in tokens)
    return Pattern(index, ptokens, tuple(t.gap for t in tokens[1:]), reference,
                   head_length(reference), inflects)


def _pattern_token(token: Token, position: int, inflects: bool) -> PatternToken:
    """A pattern word; a capital after the first word marks a proper name that lower case must not match."""
    keys = word_keys(token.word, inflects)
    capital = position > 0 and not token.lower and not token.word.isdigit()
    return PatternToken(keys, frozenset(bare(k) for k in keys), capital)


def head_length(words: tuple[str, ...]) -> int:
    """How many words form the head of a French term (those before "de", "et", "pour"…).

    >>> head_length(("pôle", "de", "compétitivité")), head_length(("anticorps", "monoclonal"))
    (1, 2)
    """
    for i, word in enumerate(words[1:], start=1):
        if word in _FR_LINKS:
            return i
    return len(words)


class Matcher:
    """All French forms of a glossary, indexed by their first word."""

    def __init__(self, entries: tuple[Entry, ...]) -> None:
        self.patterns: list[Pattern] = []
        self._seen: set[Pattern] = set()
        self._by_key: dict[str, list[Pattern]] = {}
        self._by_bare: dict[str, list[Pattern]] = {}
        for index, entry in enumerate(entries):
            for form in entry.french_forms():
                self._add(compile_form(index, entry, form))

    def _add(self, pattern: Pattern | None) -> None:
        """Index a pattern under every key of its first word."""
        if pattern is None or pattern in self._seen:
            return
        self._seen.add(pattern)
        self.patterns.append(pattern)
        for key in pattern.tokens[0].keys:
            self._by_key.setdefault(key, []).append(pattern)
        for key in pattern.tokens[0].bare_keys:
            self._by_bare.setdefault(key, []).append(pattern)

    def find(self, text: str) -> list[tuple[int, int, int, bool]]:
        """Return (start, end, entry index, plural) for each match, longest first, without overlaps."""
        tokens = tokenize(text)
        keys = [word_keys(t.word, True) for t in tokens]
        candidates = [(len(p.tokens), i, p) for i in range(len(tokens))
                      for p in self._candidates(tokens[i], keys[i])
                      if _matches(p, tokens, keys, i)]
        candidates.sort(key=lambda c: (-c[0], c[1], c[2].index))
        taken = [False] * len(tokens)
        found = []
        for length, i, pattern in candidates:
            if any(taken[i:i + length]):
                continue
            taken[i:i + length] = [True] * length
            span = tokens[i:i + length]
            found.append((span[0].start, span[-1].end, pattern.index, _plural(pattern, span)))
        return sorted(found)

    def _candidates(self, token: Token, keys: frozenset[str]) -> list[Pattern]:
        """Patterns whose first word may be this token."""
        index, lookup = (self._by_bare, {bare(k) for k in keys}) if token.caps else (self._by_key, keys)
        seen: dict[int, Pattern] = {}
        for key in lookup:
            for pattern in index.get(key, ()):
                seen.setdefault(id(pattern), pattern)
        return list(seen.values())


def _matches(pattern: Pattern, tokens: list[Token], keys: list[frozenset[str]], start: int) -> bool:
    """True if the pattern matches the tokens from `start` on, words and gaps alike."""
    if start + len(pattern.tokens) > len(tokens):
        return False
    for offset, ptoken in enumerate(pattern.tokens):
        token, token_keys = tokens[start + offset], keys[start + offset]
        if offset and token.gap != pattern.gaps[offset - 1]:
            return False
        if ptoken.capital and token.lower:
            return False
        if not _word_matches(ptoken, token, token_keys, pattern.inflects):
            return False
    return True


def _word_matches(ptoken: PatternToken, token: Token, keys: frozenset[str], inflects: bool) -> bool:
    """Compare one word: on lemmas for terms, on the written form for names; accents ignored in capitals."""
    if not inflects:
        keys = frozenset({token.word.casefold()})
    if token.caps:
        return bool(ptoken.bare_keys & {bare(k) for k in keys})
    return bool(ptoken.keys & keys)


def _plural(pattern: Pattern, span: list[Token]) -> bool:
    """True if a head word of the match carries a plural ending its reference form lacks."""
    if not pattern.inflects:
        return False
    for token, ref in zip(span[:pattern.head], pattern.reference):
        word, ref = bare(token.word), bare(ref)
        if word != ref and word[-1:] in ("s", "x") and ref[-1:] not in ("s", "x"):
            return True
    return False
