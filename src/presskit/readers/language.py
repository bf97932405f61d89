"""Is this text French? A count of each language's most frequent short words (no dictionary to load)."""
from __future__ import annotations

import re

from presskit.errors import PresskitError

MIN_WORDS = 40
"""Below this many words the text is too short to judge: it is accepted."""

# Words frequent in one language and rare in the others (words shared by French and a neighbour are
# left out: "de", "la", "en", "que", "un" would count Spanish and Italian as French).
_STOP_WORDS = {
    "fr": "le les des du et est une pour dans qui sur au aux avec ce cette ces son sa ses nous vous ils elle "
          "pas plus ont sont été où leur leurs mais ou par été être fait entre aussi notre nos très sera",
    "en": "the and of to is for on with that this are was be by from at as have has it its will which "
          "their our an or not been were into",
    "de": "der die das und ist mit für auf den dem nicht ein eine sich von zu im auch wird werden sind "
          "wir bei nach oder einer",
    "es": "el los las y es por con para una del se lo al su sus más como pero este esta son fue muy",
    "it": "il gli della delle di e è per con una che sono nel nella dei degli anche più questo come alla",
    "nl": "het een van en is dat op te voor met zijn niet aan ook worden wordt bij naar deze",
    "pt": "os das dos em uma para com não mais por ao pelo pela são foi também seu sua",
}
_SETS = {lang: frozenset(words.split()) for lang, words in _STOP_WORDS.items()}
_NAMES = {"en": "English", "de": "German", "es": "Spanish", "it": "Italian", "nl": "Dutch", "pt": "Portuguese"}
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


def language_scores(text: str) -> tuple[int, dict[str, float]]:
    """The number of words and, per language, the share of words that are its frequent words."""
    words = [w.lower() for w in _WORD.findall(text[:200_000])]
    words = [w.split("'")[-1].split("’")[-1] for w in words]
    total = len(words)
    if not total:
        return 0, {lang: 0.0 for lang in _SETS}
    return total, {lang: sum(w in vocabulary for w in words) / total for lang, vocabulary in _SETS.items()}


def guess_language(text: str) -> str:
    """"fr", another language code, or "" when the text is too short or has too few common words."""
    total, scores = language_scores(text)
    if total < MIN_WORDS:
        return ""
    best = max(scores, key=scores.__getitem__)
    if scores["fr"] >= 0.04 and scores["fr"] >= 0.5 * scores[best]:
        return "fr"
    return best if scores[best] >= 0.06 else ""


def check_french(text: str, source: str = "") -> None:
    """Raise PresskitError when the text is clearly written in another language than French."""
    language = guess_language(text)
    if language and language != "fr":
        raise PresskitError(
            f"this release seems to be written in {_NAMES.get(language, language)}, not French",
            path=source or None, line=None,
            hint="presskit reads French press releases; give it the French version of the release")
