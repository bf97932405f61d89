"""The end matter: "À propos de X" sections and press contacts."""
from __future__ import annotations

import re

from presskit.document import About
from presskit.readers.patterns import (
    about_organization,
    is_bullet,
    is_contact_heading,
    split_about_line,
    split_contact_line,
)
from presskit.readers.reflow import Para

_NOT_ORG_ABOUT = re.compile(r"^[AÀ]\s+propos\s+d", re.IGNORECASE)


def _split_heading(para: Para) -> list[Para]:
    """A paragraph whose first line is "À propos de X : text" or "Contact presse : NAME…" as a
    heading paragraph and the rest of the paragraph."""
    first = para.lines[0]
    split = split_about_line(first) or split_contact_line(first)
    if not split:
        return [para]
    head, rest = split
    return [Para([head], para.line, para.gap_before), Para([rest] + para.lines[1:], para.line, False)]


def _opens(para: Para) -> str:
    """"about" or "contact" when the paragraph opens such a section, "body" for an "À propos de la
    brochure"-like heading (it ends a section), else ""."""
    text = para.text
    if about_organization(text):
        return "about"
    if is_contact_heading(para.lines[0]):
        return "contact"
    if _NOT_ORG_ABOUT.match(text) and len(text) <= 160 and len(para.lines) == 1:
        return "body"
    return ""


def split_sections(paras: list[Para]) -> tuple[list[Para], list[list[Para]], list[list[Para]]]:
    """Split paragraphs into the body, About sections and contact sections (heading first)."""
    body: list[Para] = []
    abouts: list[list[Para]] = []
    contacts: list[list[Para]] = []
    current: list[Para] | None = None
    for para in (piece for p in paras for piece in _split_heading(p)):
        opens = _opens(para)
        if opens == "about":
            current = [para]
            abouts.append(current)
        elif opens == "contact":
            current = [para]
            contacts.append(current)
        elif opens == "body":
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
    return About(organization=about_organization(heading), heading=heading,
                 text="\n\n".join(_about_paragraphs(paras[1:])))
