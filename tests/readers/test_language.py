"""The release's language, by the QA gate's identifier (lingua): gibberish refused, French with punctuation accepted."""
import random
import string

import pytest

from presskit.errors import PresskitError
from presskit.readers.language import GIBBERISH, check_french, guess_language


def test_gibberish_is_refused_with_a_clear_error():
    rng = random.Random(1)
    gibberish = " ".join("".join(rng.choice(string.ascii_lowercase) for _ in range(rng.randint(2, 9)))
                         for _ in range(200))
    assert guess_language(gibberish) == GIBBERISH
    with pytest.raises(PresskitError) as caught:
        check_french(gibberish, "release.txt")
    assert "does not read as text in any language" in caught.value.message and caught.value.path == "release.txt"


def test_french_full_of_punctuation_is_accepted():
    text = "« Oui ! » — (a-t-il dit) ; … « Non ? » : [voir] {ici} / « Le 12/03 : 85 % ! » " * 30
    text += "La bioproduction est un enjeu pour la France et pour les patients de demain."
    assert guess_language(text) == "fr"
    check_french(text)  # no error
