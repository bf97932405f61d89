"""Typography per language: French spaces and guillemets, English curly quotes."""
import pytest

from presskit.typesetting.typography import NNBSP, apply, english, french


@pytest.mark.parametrize("mark", [";", ":", "!", "?"])
def test_french_high_punctuation_gets_a_narrow_no_break_space(mark):
    assert french(f"Voici {mark} la suite") == f"Voici{NNBSP}{mark} la suite"
    assert french(f"Voici{mark} la suite") == f"Voici{NNBSP}{mark} la suite"


def test_french_numbers_units_and_guillemets():
    assert french("10 000 emplois et 25 % « ici »") == \
        f"10{NNBSP}000 emplois et 25{NNBSP}% «{NNBSP}ici{NNBSP}»"


def test_french_leaves_times_and_years_alone():
    assert french("à 10:30 en 2021 2022") == "à 10:30 en 2021 2022"


def test_english_curly_quotes_and_no_space_before_punctuation():
    assert english('"Yes" , he said : it\'s \'done\' !') == "“Yes” , he said: it’s ‘done’!"


def test_every_rule_is_idempotent():
    for text in ('« a » : b ! 10 000 "c"', "l'été ; x ?", "it's \"a\" : b"):
        for lang in ("fr", "en"):
            once = apply(text, lang)
            assert apply(once, lang) == once
