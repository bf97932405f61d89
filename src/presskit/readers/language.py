"""Is this text French? lingua (the QA gate's identifier) on its words; no language's common words at all: gibberish."""
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


GIBBERISH = "?"
"""What `guess_language` says of a text whose words are no language's."""
_LANGUAGES = ("fr", "en", "de", "es", "it", "nl", "pt")
_SAMPLE_WORDS = 1500  # enough to identify a language; a long release is not read twice
_MIN_COMMON = 0.05  # real text of any language has far more of its frequent words than this
_PLAINLY_FRENCH = 0.12  # the share of French frequent words in running French prose (the sample: about 0.2)


def guess_language(text: str) -> str:
    """"fr", another language code, GIBBERISH, or "" when the text has too few words to judge.

    The same identifier as the QA gate's (`presskit.language_id`, lingua) on the words left once
    names, numbers, addresses and punctuation are set aside, so French full of punctuation or names
    is judged by its words; words that are no language's frequent words at all are gibberish.
    """
    from presskit.language_id import best_language, mask, plain_words

    words = plain_words(text[:200_000]).split()
    unnamed = mask(" ".join(words[:_SAMPLE_WORDS])).split()
    if len(words) < MIN_WORDS or len(unnamed) < MIN_WORDS // 2:
        return ""  # too short, or mostly names: nothing to judge
    _total, scores = language_scores(" ".join(unnamed))
    if max(scores.values()) < _MIN_COMMON:
        return GIBBERISH
    if scores["fr"] >= _PLAINLY_FRENCH and scores["fr"] >= 2 * max(v for k, v in scores.items() if k != "fr"):
        return "fr"  # French by its frequent words, twice any other language's: lingua has nothing to add
    language, _confidence = best_language(" ".join(words[:_SAMPLE_WORDS]), _LANGUAGES, low_accuracy=True)
    return language


def check_french(text: str, source: str = "") -> None:
    """Raise PresskitError when the text is clearly written in another language than French, or is no text."""
    language = guess_language(text)
    if language == GIBBERISH:
        raise PresskitError(
            "this release does not read as text in any language (its words are no language's "
            "common words)", path=source or None, line=None,
            hint="check that the file is the press release itself, saved as text (not an export of "
                 "codes or a damaged copy)")
    if language and language != "fr":
        raise PresskitError(
            f"this release seems to be written in {_NAMES.get(language, language)}, not French",
            path=source or None, line=None,
            hint="presskit reads French press releases; give it the French version of the release")
