"""Web addresses: find them in text, normalise them, and list each address once."""
from __future__ import annotations

import re
from collections.abc import Iterable

_TLDS = (r"(?:gouv\.fr|asso\.fr|com|fr|org|net|eu|io|info|biz|be|ch|de|lu|ca|uk|it|es|nl|co|edu|int"
         r"|tech|app|dev|ai|paris|bzh|coop|health|bio|news|media)")
_STOP = r"[^\s<>«»\"“”]"
URL = re.compile(
    rf"(?i:https?://{_STOP}+|www\.{_STOP}+)"
    rf"|(?<![\w@./-])[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.{_TLDS}(?![\w@-])(?:/{_STOP}*)?")
_TRAILING = ".,;:!?'’"


def trim_url(url: str) -> str:
    """Drop punctuation glued after an address ("http://x.fr/)." → "http://x.fr/")."""
    while url:
        if url[-1] in _TRAILING or url[-1] == ")" and url.count("(") < url.count(")"):
            url = url[:-1]
        else:
            break
    return url


def find_urls(text: str) -> list[tuple[int, int, str]]:
    """(start, end, url) for every web address in the text, trailing punctuation excluded."""
    found = []
    for match in URL.finditer(text):
        url = trim_url(match.group())
        if "." in url:
            found.append((match.start(), match.start() + len(url), url))
    return found


def url_key(url: str) -> str:
    """The address without scheme, "www.", trailing slash or case: equal keys, same address."""
    key = re.sub(r"^(?i:https?://)", "", url.strip())
    key = re.sub(r"^(?i:www\.)", "", key)
    return key.rstrip("/").lower()


def has_scheme(url: str) -> bool:
    """True when the address starts with http:// or https://."""
    return bool(re.match(r"(?i)https?://", url))


def full_url(url: str) -> str:
    """The address with a scheme ("www.x.fr" → "https://www.x.fr")."""
    return url if has_scheme(url) else f"https://{url}"


def unique_links(texts: Iterable[str]) -> tuple[str, ...]:
    """Every address of the texts once, in order; an address written with a scheme wins."""
    links: dict[str, str] = {}
    for text in texts:
        for _, _, url in find_urls(text):
            key = url_key(url)
            if key not in links or (has_scheme(url) and not has_scheme(links[key])):
                links[key] = url
    return tuple(full_url(url) for url in links.values())
