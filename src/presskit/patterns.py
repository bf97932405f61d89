"""The text patterns every part of presskit shares, defined once: web and e-mail addresses,
protection tokens and month names (French and English, as CLDR writes them: a test compares them with
Babel's, so that reading a release and dating a document need no locale data).

>>> [m.group() for m in URL.finditer("Voir medicen.org, https://x.fr/a et www.cnll.fr.")]
['medicen.org', 'https://x.fr/a', 'www.cnll.fr.']
>>> EMAIL.findall("écrire à presse@medicen.org.")
['presse@medicen.org']
>>> TOKEN.findall("Plus de ⟦1⟧ des ⟦ 2 ⟧ emplois")
['1', '2']
"""
from __future__ import annotations

import re

TLDS = (r"(?:gouv\.fr|asso\.fr|com|fr|org|net|eu|io|info|biz|be|ch|de|lu|ca|uk|it|es|nl|co|edu|int"
        r"|tech|app|dev|ai|paris|bzh|coop|health|bio|news|media)")
URL_CHAR = r"[^\s<>«»\"“”]"  # what an address is made of: anything but spaces, angle brackets and quotes
# an address with a scheme or "www.", or a bare domain of a known top-level domain ("medicen.org/fr")
URL = re.compile(
    rf"(?i:https?://{URL_CHAR}+|www\.{URL_CHAR}+)"
    rf"|(?<![\w@./-])[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.{TLDS}(?![\w@-])(?:/{URL_CHAR}*)?")
URL_TRAILING = ".,;:!?'’\"”»)]}"  # punctuation glued after an address that is not part of it
EMAIL = re.compile(r"(?<![\w.+-])[\w.%+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){0,8}\.[A-Za-z]{2,24}(?![\w-])")
TOKEN = re.compile(r"⟦\s*(\d+)\s*⟧")  # a protection token put in place of a name, term or quantity
FRENCH_MONTHS = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
                 "octobre", "novembre", "décembre")
FRENCH_MONTHS_ABBREVIATED = ("janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.",
                             "nov.", "déc.")
ENGLISH_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
                  "October", "November", "December")


def trim_url(url: str) -> str:
    """Drop punctuation glued after an address ("http://x.fr/)." → "http://x.fr/").

    >>> trim_url("http://x.fr/)."), trim_url("https://fr.wikipedia.org/wiki/A_(B)")
    ('http://x.fr/', 'https://fr.wikipedia.org/wiki/A_(B)')
    """
    while url:
        last = url[-1]
        if last in URL_TRAILING and not (last == ")" and url.count("(") >= url.count(")")):
            url = url[:-1]
        else:
            break
    return url


def urls_in(text: str) -> list[str]:
    """The web addresses of a text, trailing punctuation excluded.

    >>> urls_in("Voir medicen.org, puis https://www.polepharma.com/fr/.")
    ['medicen.org', 'https://www.polepharma.com/fr/']
    """
    return [url for url in (trim_url(m.group()) for m in URL.finditer(text)) if "." in url]


def url_key(url: str) -> str:
    """The address without scheme, "www.", trailing slash or case: equal keys, same address.

    >>> url_key("https://www.Medicen.org/"), url_key("medicen.org")
    ('medicen.org', 'medicen.org')
    """
    key = re.sub(r"^(?i:https?://)", "", url.strip())
    key = re.sub(r"^(?i:www\.)", "", key)
    return key.rstrip("/").lower()
