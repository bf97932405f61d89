"""The end matter: "À propos de X" sections and press contacts."""
from __future__ import annotations

import re

from presskit.document import About
from presskit.readers.contacts import EMAIL, spelled_emails
from presskit.readers.patterns import (
    about_organization,
    ends_sentence,
    is_bullet,
    is_contact_heading,
    split_about_line,
    split_contact_line,
    strip_bullet,
)
from presskit.readers.quotes import take_name
from presskit.readers.reflow import Para

_NOT_ORG_ABOUT = re.compile(r"^(?:[AÀ]\s+propos|au\s+sujet)\s+d", re.IGNORECASE)
_LOOKAHEAD = 2
_HEADING_WORDS = 12


def _split_heading(para: Para) -> list[Para]:
    """A paragraph whose first line is "À propos de X : text" or "Contact presse : NAME…" as a
    heading paragraph and the rest of the paragraph."""
    first = para.lines[0]
    split = split_about_line(first) or split_contact_line(first)
    if not split:
        return [para]
    head, rest = split
    return [Para([head], para.line, para.gap_before), Para([rest] + para.lines[1:], para.line, False)]


def named_about(para: Para, following: Para | None) -> str:
    """The organisation of an About section headed by its name alone ("Framasoft", then
    "Framasoft est …"), or "". Two or three capitalised words ("Philippe Montargès") name a
    person, not an organisation.

    >>> named_about(Para(["Framasoft"], 1), Para(["Framasoft est un réseau."], 2))
    'Framasoft'
    """
    name = para.text.strip()
    words = name.split()
    if following is None or len(para.lines) > 1 or not 1 <= len(words) <= 3:
        return ""
    if re.search(r"[^\w\s&.'’-]|\d", name) or not words[0][:1].isupper():
        return ""
    if len(words) > 1 and all(w[:1].isupper() and w[1:].islower() and w.isalpha() for w in words):
        return ""
    rest = following.text
    return name if rest.startswith(name) and re.match(r"[\s,(]", rest[len(name):len(name) + 1] or "") else ""


def _opens(para: Para, following: Para | None) -> str:
    """"about" or "contact" when the paragraph opens such a section, "body" for an "À propos de la
    brochure"-like heading (it ends a section), else ""."""
    text = para.text
    if about_organization(text) or named_about(para, following):
        return "about"
    if is_contact_heading(para.lines[0]) or is_bullet(text) and is_contact_heading(strip_bullet(text)):
        return "contact"
    if _NOT_ORG_ABOUT.match(text) and len(text) <= 160 and len(para.lines) == 1:
        return "body"
    return ""


def _reaches(para: Para) -> bool:
    """True when the paragraph gives an e-mail address or a phone number."""
    text = para.text
    return bool(EMAIL.search(text) or spelled_emails(text) or re.search(r"\d{2}[\s.]?\d{2}[\s.]?\d{2}[\s.]?\d{2}", text))


def _ends_section(kind: str, section: list[Para], para: Para, after: list[Para]) -> bool:
    """True for a heading that closes an About or contact section ("Liens", "Notes", "Images et
    logos"): a short line without final punctuation, and no e-mail or phone in what follows."""
    text = para.text
    if len(para.lines) > 1 or len(text.split()) > _HEADING_WORDS or ends_sentence(text) or re.search(r"[@,:;]|\d", text):
        return False
    if is_bullet(text) or take_name(text)[0] == text and len(text.split()) >= 2:
        return False  # a list item, or a person's name in a contact block
    if kind == "contact":
        return not any(_reaches(p) for p in after[:_LOOKAHEAD])
    organization = about_organization(section[0].text) or section[0].text
    if organization.lower() in text.lower():
        return False  # "Les missions du CNLL" goes on with the About of the CNLL
    return bool(after) and not _opens(after[0], after[1] if len(after) > 1 else None)  # body follows


def split_sections(paras: list[Para]) -> tuple[list[Para], list[list[Para]], list[list[Para]]]:
    """Split paragraphs into the body, About sections and contact sections (heading first)."""
    body: list[Para] = []
    abouts: list[list[Para]] = []
    contacts: list[list[Para]] = []
    current: list[Para] | None = None
    kind = ""
    pieces = [piece for p in paras for piece in _split_heading(p)]
    for i, para in enumerate(pieces):
        opens = _opens(para, pieces[i + 1] if i + 1 < len(pieces) else None)
        if opens == "about":
            current, kind = [para], "about"
            abouts.append(current)
        elif opens == "contact":
            current, kind = [para], "contact"
            contacts.append(current)
        elif opens == "body" or current is not None and len(current) > 1 and _ends_section(kind, current, para, pieces[i + 1:]):
            current = None
            body.append(para)
        elif current is None:
            body.append(para)
        else:
            current.append(para)
    return body, abouts, contacts


def _about_paragraphs(paras: list[Para]) -> list[str]:
    """The texts of an About section's paragraphs; a list keeps one item per line as written."""
    texts: list[str] = []
    for para in paras:
        if is_bullet(para.text) and texts and is_bullet(texts[-1].split("\n")[-1]):
            texts[-1] += "\n" + para.text
        else:
            texts.append(para.text)
    return texts


def build_about(paras: list[Para]) -> About:
    """An About section from its heading paragraph and the paragraphs that follow it."""
    heading = paras[0].text
    organization = about_organization(heading) or heading.strip()  # or headed by its name alone
    return About(organization=organization, heading=heading,
                 text="\n\n".join(_about_paragraphs(paras[1:])))
