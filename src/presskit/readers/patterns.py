"""Small predicates on lines of French press releases, shared by the reader's modules."""
from __future__ import annotations

import re

from presskit.readers.links import find_urls

BULLET = re.compile(r"^(?:[•●▪■◦·‣∙➢►▸*\-–—]|\d{1,2}[.)]|[a-h]\))\s+(?=\S)")
SENTENCE_END = ".!?…»”\""
ABOUT = re.compile(
    r"^(?:[AÀ]\s+propos|au\s+sujet)\s+(?:de\s+la\s+|de\s+l['’]\s*|du\s+|des\s+|de\s+|d['’]\s*)(?P<org>.+?)\s*:?$",
    re.IGNORECASE)
CONTACT = re.compile(
    r"^(?P<head>(?:(?:contacts?|relations?)\s+(?:presse|m[ée]dias?|publiques|journalistes)"
    r"|service\s+(?:de\s+)?presse|press\s+contacts?|attach[ée]e?s?\s+de\s+presse"
    r"|contacts?\s+pour\s+(?:plus\s+d['’]\s*informations?|toute\s+information)|contacts?\s+m[ée]dias?)"
    r"\b[^:.!?]{0,120}?)\s*(?::\s*(?P<rest>.*))?$", re.IGNORECASE)


def is_bullet(line: str) -> bool:
    """True when the line starts with a list marker (•, -, –, *, "1.", "2)")."""
    return bool(BULLET.match(line))


def strip_bullet(line: str) -> str:
    """The line without its list marker."""
    return BULLET.sub("", line, count=1).strip()


def ends_sentence(text: str) -> bool:
    """True when the text ends with final punctuation (. ! ? … » ” ")."""
    text = text.rstrip()
    return bool(text) and text[-1] in SENTENCE_END


def starts_lower(text: str) -> bool:
    """True when the first character is a lowercase letter."""
    return bool(text) and text[0].islower()


def first_word(text: str) -> str:
    """The first whitespace-separated word of the text."""
    parts = text.split(maxsplit=1)
    return parts[0] if parts else ""


def about_organization(line: str) -> str:
    """The organisation named by an "À propos de X" heading, or "" when the line is not one.

    A common noun ("À propos de la brochure") names no organisation: one word at least must
    start with a capital letter.
    """
    if len(line) > 160 or ends_sentence(line):
        return ""
    match = ABOUT.match(line.strip())
    if not match:
        return ""
    org = match.group("org").strip().rstrip(":").strip()
    org = re.sub(r"\s*\((?:https?://|www\.)[^()]*\)$", "", org)  # "CNLL (www.cnll.fr)": the address is no name
    if re.search(r",\s+(?:le|la|l['’]|notre|son|sa)\b", org):
        return ""  # "À propos de Philippe Donadieu, le dirigeant fondateur": a person
    return org if any(word[:1].isupper() for word in re.findall(r"\w+", org)) else ""


def is_contact_heading(line: str) -> bool:
    """True for "Contact presse", "Contacts presse :", "Relations presse" and the like."""
    match = CONTACT.match(line.strip())
    return bool(match) and len(line) <= 160 and not match["rest"]


def split_contact_line(line: str) -> tuple[str, str] | None:
    """("Contact presse :", "Jeanne Martin – 01 23 45 67 89") for a heading with the contact on its line."""
    match = CONTACT.match(line.strip())
    if not match or not match["rest"] or len(match["rest"]) > 300:
        return None
    rest = match["rest"].strip()
    return line.strip()[: len(line.strip()) - len(rest)].rstrip(), rest


def split_about_line(line: str) -> tuple[str, str] | None:
    """("À propos de X :", "X est …") for an About heading followed by its text on the same line."""
    head, colon, rest = line.partition(":")
    if not colon or not rest.strip() or "://" in head + colon + rest[:2] or not about_organization(head):
        return None
    return head.strip() + " :" if head.endswith(" ") else head.strip() + ":", rest.strip()


def is_section_heading(line: str) -> bool:
    """True for a line opening an About or a press-contact section."""
    return bool(about_organization(line)) or is_contact_heading(line) or bool(split_contact_line(line)) \
        or bool(split_about_line(line))


def is_url_line(line: str) -> bool:
    """True when the whole line is one web address."""
    line = line.strip()
    urls = find_urls(line)
    return len(urls) == 1 and urls[0][0] == 0 and not line[urls[0][1]:].strip(".,;:!? ")


LINK_LABEL = re.compile(r"^[^\W\d_][^:]{0,40}?\s?:(?!//)\s*")


def link_line_url(line: str) -> str:
    """The address of a line that is one web address, or a short label and one address
    ("Plus d'info : https://www.cnll.fr/"); else ""."""
    line = line.strip()
    label = LINK_LABEL.match(line)
    rest = line[label.end():] if label and len(line[:label.end()].split()) <= 6 else line
    if not is_url_line(rest) or "://" in line[:len(line) - len(rest)]:
        return ""
    return find_urls(rest)[0][2]
