"""Dates written out in full: the month names presskit keeps are CLDR's, as Babel writes them."""
from datetime import date, timedelta

import pytest
from babel.dates import format_date, get_month_names

from presskit import patterns
from presskit.typesetting import labels


@pytest.mark.parametrize("names, locale, width", [
    (patterns.FRENCH_MONTHS, "fr_FR", "wide"),
    (patterns.FRENCH_MONTHS_ABBREVIATED, "fr_FR", "abbreviated"),
    (patterns.ENGLISH_MONTHS, "en_GB", "wide"),
])
def test_the_month_names_are_babels(names, locale, width):
    babel = tuple(get_month_names(width, locale=locale).values())
    assert names == (tuple(n.lower() for n in babel) if locale == "fr_FR" else babel)


@pytest.mark.parametrize("lang, locale", [("fr", "fr_FR"), ("en", "en_GB"), ("en-GB", "en_GB"), ("de", "en_GB")])
def test_a_long_date_is_the_one_babel_writes(lang, locale):
    days = [date(2021, 1, 1) + timedelta(days=n) for n in range(0, 366, 17)] + [date(999, 12, 31), date(2026, 2, 28)]
    for day in days:
        assert labels.long_date(day.isoformat(), lang) == format_date(day, "d MMMM y", locale=locale), day


def test_a_long_date_of_what_is_not_a_date_is_empty():
    assert labels.long_date("", "fr") == labels.long_date("2021-13-01", "en") == ""
