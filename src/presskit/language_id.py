"""Which language a piece of text reads as: lingua's statistical identifier, loaded on first need.

The QA gate asks it of every English segment (names, terms, numbers and addresses masked first), the
reader of the whole French release. lingua (lingua-language-detector) was chosen over py3langid by
measuring both on the sample memory's 67 French/English pairs, masked: at a French confidence of
0.7, lingua flags no English sentence and py3langid flags one ("participants"); lingua leaves
one-word English headings that French shares below 0.7 ("Innovation" 0.52, "participants" 0.64,
"Programme" 0.70) and is sure of short French ones ("Liens utiles" 0.92, "Partenaires" 0.99); lingua is also
surer on half-French sentences (0.88 against 0.58 for "The nouvelles plants … will créeront jobs")
and loads its two models in about 0.9 s against 3.1 s for py3langid's single model.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable

from presskit.patterns import EMAIL, URL

FRENCH_CONFIDENCE = 0.7
"""A text of four words or more is French when lingua is at least this sure of it (against English)."""
SURELY_FRENCH = 0.9
"""A text of any length is French when lingua is at least this sure ("Liens utiles": 0.92)."""
MARKED_FRENCH = 0.6
"""A text holding a French-only word ("les", "d'…", an accent) is French from this confidence on."""

RUN_CONFIDENCE = 0.75
"""A stretch of a mixed sentence counts as French when lingua is at least this sure of it alone."""

_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
_NUMBER = re.compile(r"\d[\d\u00a0\u202f .,:/%€$£-]*")
# Function words and elisions that English never writes in running text (words English shares with
# French, "a", "on", "plus", "sur", "son", "ou"… are left out); with French-only letters they mark a
# word as French.
_FRENCH_WORDS = frozenset(
    "le la les des du de un une et est sont aux au ce cette ces qui que pour dans avec par nous vous "
    "leur leurs sa ses notre nos été être avoir ont aussi mais donc où très entre sous chez comme afin "
    "ainsi dont lors depuis ne pas se il elle ils elles sera seront était cela ceci tous toutes "
    "qu".split())
_CONNECTORS = frozenset("de des du la le et d l of for and the".split())
_FRENCH_LETTERS = re.compile(r"[éèêëàâîïôûùçœÉÈÊÀÂÎÔÛÇŒ]")
_ELISION = re.compile(r"^(?:[dlnjscm]|qu)['’]", re.IGNORECASE)


def mask(text: str, names: Iterable[str] = ()) -> str:
    """The words left once names, addresses, numbers and capitalised words inside a sentence are removed.

    >>> mask("Lyon, le 12 March 2026 : voir www.aquelia.fr")
    'le voir'
    >>> mask("présidente-directrice générale de Aquélia")
    'présidente-directrice générale de'
    >>> mask("President of FEFIS (Fédération Française des Industries de Santé)")
    'President of FEFIS'
    """
    for name in sorted({n for n in names if n.strip()}, key=len, reverse=True):
        text = text.replace(name, " ")
    text = _NUMBER.sub(" ", URL.sub(" ", EMAIL.sub(" ", text)))
    matches = list(_WORD.finditer(text))
    words = [match.group() for match in matches]
    # a proper noun (or a name the glossary lacks) says nothing of the language, nor do the small
    # words inside a name ("Fédération Française des Industries de Santé"); a first word followed
    # by a comma is a dateline's place ("Lyon, le…")
    proper = [bool(w[:1].isupper() and not w.isupper()
                   and (i or text[m.end():m.end() + 1] == ",")) for i, (w, m) in enumerate(zip(words, matches))]
    for i in range(1, len(words) - 1):
        joined = not text[matches[i - 1].end():matches[i + 1].start()].replace(words[i], "").strip()
        if words[i].lower() in _CONNECTORS and proper[i - 1] and proper[i + 1] and joined:
            proper[i] = True
    return " ".join(word for word, is_proper in zip(words, proper) if not is_proper)


def plain_words(text: str) -> str:
    """The words of a text, addresses, numbers and punctuation left out.

    >>> plain_words("« Oui ! » — (a-t-il dit) ; 85 % : voir www.cnll.fr")
    'Oui a-t-il dit voir'
    """
    return " ".join(_WORD.findall(_NUMBER.sub(" ", URL.sub(" ", EMAIL.sub(" ", text)))))


def french_words(words: str) -> list[str]:
    """The words of a (masked) text that only French writes: its function words, elisions, accents.

    >>> french_words("The nouvelles plants of biopharmaceuticals créeront des jobs")
    ['créeront', 'des']
    >>> french_words("Innovation participants")
    []
    """
    found = []
    for word in words.split():
        lower = word.lower()
        if lower in _FRENCH_WORDS or _ELISION.match(lower) or _FRENCH_LETTERS.search(word):
            found.append(word)
    return found


@lru_cache(maxsize=4)
def _detector(languages: tuple[str, ...], low_accuracy: bool = False):
    """lingua's detector for these ISO 639-1 codes (its models load once, on first use); the low
    accuracy mode (trigrams only, 0.2 s to load seven languages against 2 s) is for whole texts."""
    from lingua import IsoCode639_1, LanguageDetectorBuilder  # a large library: loaded on need

    codes = [getattr(IsoCode639_1, code.upper()) for code in languages]
    builder = LanguageDetectorBuilder.from_iso_codes_639_1(*codes)
    return (builder.with_low_accuracy_mode() if low_accuracy else builder).build()


def confidence(text: str, language: str = "fr", among: tuple[str, ...] = ("en", "fr")) -> float:
    """How sure lingua is (0–1) that `text` is in `language` rather than the others of `among`."""
    from lingua import IsoCode639_1, Language

    if not text.strip():
        return 0.0
    code = getattr(IsoCode639_1, language.upper())
    return _detector(among).compute_language_confidence(text, Language.from_iso_code_639_1(code))


def french_runs(text: str) -> list[str]:
    """The words of `text` inside the stretches lingua reads as French (mixed French and English).

    >>> french_runs("The new plants of the sector will create des emplois directs et indirects in the region.")
    ['des', 'emplois', 'directs', 'et']
    """
    from lingua import Language

    words = []
    for run in _detector(("en", "fr")).detect_multiple_languages_of(text):
        found = _WORD.findall(text[run.start_index:run.end_index])
        if run.language == Language.FRENCH and len(found) >= 2 and \
                confidence(" ".join(found)) >= RUN_CONFIDENCE:
            words += found
    return words


def best_language(text: str, among: tuple[str, ...], low_accuracy: bool = False) -> tuple[str, float]:
    """(ISO code, confidence) of the language of `among` that `text` most reads as ("", 0) if none."""
    values = _detector(among, low_accuracy).compute_language_confidence_values(text)
    if not values:
        return "", 0.0
    top = values[0]
    return top.language.iso_code_639_1.name.lower(), top.value
