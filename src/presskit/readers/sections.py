"""The end matter: "À propos de X" sections and press contacts."""
from __future__ import annotations

import re

from presskit.document import About, Contact
from presskit.readers.patterns import about_organization, is_bullet, is_contact_heading
from presskit.readers.reflow import Para

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_PHONE_LABEL = re.compile(r"(?:t[ée]l[ée]?(?:phone)?|mob(?:ile)?|portable|phone|ligne directe)\b\.?\s*:?\s*",
                          re.IGNORECASE)
_PHONE = re.compile(r"\+?\(?\d[\d\s.()/-]{6,}\d")
_ARTICLE = re.compile(r"^(?:du|de\s+la|de\s+l['’]|des|de|d['’])\s*", re.IGNORECASE)


def split_sections(paras: list[Para]) -> tuple[list[Para], list[list[Para]], list[list[Para]]]:
    """Split paragraphs into the body, About sections and contact sections (heading first)."""
    body: list[Para] = []
    abouts: list[list[Para]] = []
    contacts: list[list[Para]] = []
    current: list[Para] | None = None
    for para in paras:
        if about_organization(para.text):
            current = [para]
            abouts.append(current)
        elif is_contact_heading(para.text):
            current = [para]
            contacts.append(current)
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


def _phone(lines: list[str]) -> str:
    """The first phone number, preferring one after a "Tél" label."""
    for line in lines:
        label = _PHONE_LABEL.search(line)
        match = _PHONE.search(line, label.end()) if label else None
        if match:
            return match.group().strip()
    for line in lines:
        match = _PHONE.search(line)
        if match and sum(c.isdigit() for c in match.group()) >= 8:
            return match.group().strip()
    return ""


def _is_detail(line: str) -> bool:
    """True for a line that gives an e-mail, a phone or a web address rather than a name."""
    return bool(_EMAIL.search(line) or _PHONE_LABEL.match(line) or re.search(r"\d{2}[\s.]?\d{2}", line)
                or "://" in line or line.lower().startswith("www."))


def _contact(heading: str, lines: list[str]) -> Contact:
    """One contact from its lines; the organisation comes from its lines or from the heading."""
    people = [line for line in lines if not _is_detail(line)]
    name = re.split(r"\s*[,–—|]\s*|\s+-\s+", people[0])[0] if people else ""
    organization = people[1] if len(people) > 1 else ""
    if not organization and heading:
        rest = re.sub(r"^\S+\s+\S+\s*", "", heading).rstrip(" :")
        organization = _ARTICLE.sub("", rest) if _ARTICLE.match(rest) else ""
    email = _EMAIL.search("\n".join(lines))
    return Contact(name=name, organization=organization, email=email.group() if email else "",
                   phone=_phone(lines), text="\n".join(([heading] if heading else []) + lines))


def build_contacts(paras: list[Para]) -> list[Contact]:
    """Contacts of one section: the heading, then one contact per run of lines between blank lines."""
    heading = paras[0].lines[0]
    runs: list[list[str]] = []
    tail = paras[0].lines[1:]
    if tail:
        runs.append(tail)
    for para in paras[1:]:
        if para.gap_before or not runs:
            runs.append([])
        runs[-1].extend(para.lines)
    if not runs:
        return [Contact(text=heading)]
    return [_contact(heading if i == 0 else "", run) for i, run in enumerate(runs)]
