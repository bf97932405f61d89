"""Press contacts: name, role, organisation, e-mail and phones from the lines under "Contact presse"."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from presskit.document import Contact
from presskit.readers.links import find_urls
from presskit.readers.patterns import is_bullet, strip_bullet
from presskit.readers.quotes import is_role, take_name
from presskit.readers.reflow import Para, join_two

EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]++@[\w-]+(?:\.[\w-]+)+")
_LABEL = re.compile(r"^(?:t[ée]l[ée]?(?:phone)?|t|tel|mob(?:ile)?|m|portable|port|gsm|phone|fixe|standard"
                    r"|ligne\s+directe|m[ée]l|e-?mail|courriel|mail|e)\b\.?\s*:?\s*", re.IGNORECASE)
_PHONE = re.compile(r"(?<![\w@])\+?\(?\d[\d\s.()/-]{6,}\d(?![\w@])")
_PIECES = re.compile(r"\s+[|–—-]\s+|\s*[|•·]\s*|\s*;\s*|(?<=\D),\s+(?=[\w+(])|\s+\((?=[^)]*@)|(?<=[\w.])\)\s*$")
_ARTICLE = re.compile(r"^(?:du|de\s+la|de\s+l['’]|des|de|d['’])\s*", re.IGNORECASE)


@dataclass
class _Parts:
    """What the lines of one contact gave, field by field."""

    words: list[str] = field(default_factory=list)
    emails: list[str] = field(default_factory=list)
    phones: list[str] = field(default_factory=list)
    rest: list[str] = field(default_factory=list)


def _is_phone(piece: str) -> bool:
    """True for a piece that is a phone number (8 digits at least)."""
    match = _PHONE.fullmatch(piece.strip())
    return bool(match) and sum(c.isdigit() for c in piece) >= 8


def _has_phone(text: str) -> bool:
    """True when the text holds a phone number (8 digits at least) among other words."""
    numbers = list(_PHONE.finditer(text))
    return bool(numbers) and all(sum(c.isdigit() for c in m.group()) >= 8 and m.group()[:1] in "+0(" for m in numbers) \
        and not find_urls(text)


def _sort_piece(parts: _Parts, piece: str, line_rest: list[str]) -> None:
    """File one piece of a contact line under e-mail, phone, words or the rest."""
    bare = _LABEL.sub("", piece, count=1).strip() if _LABEL.match(piece) else piece.strip()
    if EMAIL.fullmatch(bare):
        parts.emails.append(bare)
    elif _is_phone(bare):
        parts.phones.append(bare)
    elif _PHONE.search(bare) and _has_phone(bare):
        for match in _PHONE.finditer(bare):
            parts.phones.append(match.group().strip())
        leftover = _PHONE.sub(" ", bare).strip(" .,;:–—-")
        if leftover:
            line_rest.append(leftover)
    elif find_urls(piece) or re.search(r"\d", piece) or not re.search(r"[^\W\d_]", piece):
        line_rest.append(piece.strip())
    else:
        parts.words.append(piece.strip())


_SPELLED_EMAIL = re.compile(r"(?<![\w.+-])([\w.+-]+)\s*(?:\bat\b|\[at\]|\(at\))\s*([\w-]+(?:\s*(?:\bdot\b|\[dot\]|\(dot\))\s*[\w-]+)+)",
                            re.IGNORECASE)


def spelled_emails(text: str) -> list[str]:
    """The e-mail addresses written out as words ("fr at postgresql dot org").

    >>> spelled_emails("Écrire à fr at postgresql dot org ou x [at] y [dot] fr")
    ['fr@postgresql.org', 'x@y.fr']
    """
    found = []
    for match in _SPELLED_EMAIL.finditer(text):
        domain = re.sub(r"\s*(?:\bdot\b|\[dot\]|\(dot\))\s*", ".", match[2], flags=re.IGNORECASE)
        found.append(f"{match[1]}@{domain}".lower())
    return found


def _split_line(parts: _Parts, line: str) -> None:
    """Split one line into pieces and file each; an e-mail written out in words is kept as
    written in the rest and understood as an address."""
    spelled = spelled_emails(line)
    if spelled:
        parts.emails += spelled
        parts.rest.append(line.strip())
        return
    line_rest: list[str] = []
    for piece in (p for p in _PIECES.split(line) if p and p.strip()):
        emails = EMAIL.findall(piece)
        if emails and not EMAIL.fullmatch(_LABEL.sub("", piece, count=1).strip()):
            parts.emails += emails
            leftover = EMAIL.sub(" ", piece).strip(" :,;")
            if leftover and _has_phone(leftover):
                _sort_piece(parts, leftover, line_rest)
            elif leftover and re.search(r"[^\W\d_]{2,}|\d", _LABEL.sub("", leftover)):
                line_rest.append(leftover)  # never drop what is left, even a lone "+33"
            continue
        _sort_piece(parts, piece, line_rest)
    if line_rest:
        parts.rest.append(" | ".join(line_rest))


def _who(words: list[str]) -> tuple[str, str, str, list[str]]:
    """(name, role, organisation, unused words) from the contact's word pieces."""
    name, role, org, unused = "", "", "", []
    for piece in words:
        label, colon, rest = piece.partition(" : ")
        if colon and not name and (is_role(label) or label[:1].islower()) and rest[:1].isupper():
            role, name = label.strip(), rest.strip()  # "Délégué général : Pierre-Yves Gosset"
            continue
        found, rest = ("", piece) if name else take_name(piece)
        if found and len(found.split()) >= 2 and (not rest or rest.startswith(",")):
            name, piece = found, rest.lstrip(", ").strip()
            if not piece:
                continue
        if not role and (is_role(piece) or piece[:1].islower()):
            role = piece
        elif not org:
            org = piece
        else:
            unused.append(piece)
    return name, role, org, unused


def _organization_of(heading: str) -> str:
    """The organisation a heading names ("Contact presse du CNLL :" → "CNLL"), or ""."""
    rest = re.sub(r"^\S+\s+\S+\s*", "", heading).rstrip(" :")
    return _ARTICLE.sub("", rest) if _ARTICLE.match(rest) else ""


def contact_from_lines(heading: str, lines: list[str]) -> Contact:
    """One contact from its lines; the organisation comes from its lines or from the heading."""
    parts = _parts(rejoin_wrapped_numbers(lines))
    name, role, org, unused = _who(parts.words)
    return Contact(name=name, organization=org or _organization_of(heading), role=role,
                   email=", ".join(dict.fromkeys(parts.emails)), phone=" / ".join(parts.phones),
                   text="\n".join(unused + parts.rest), heading=heading)


def _reaches(lines: list[str]) -> bool:
    """True when the lines give an e-mail address or a phone number."""
    parts = _parts(lines)
    return bool(parts.emails or parts.phones)


def _names_someone(line: str) -> bool:
    """True for a line opening with a personal name of two words or more ("Jeanne Martin, …")."""
    name, rest = take_name(strip_bullet(line))
    return len(name.split()) >= 2 and (not rest or rest.startswith((",", "–", "-", "(")))


def _runs(paras: list[Para]) -> list[list[str]]:
    """The lines of a contact section, one run per person: blank lines, bullets and a line naming
    someone new after an e-mail or a phone start a run; a run that names nobody (only an e-mail or
    a phone, as after a page break) joins the run before it."""
    runs: list[list[str]] = []
    for i, para in enumerate(paras):
        lines = [piece for line in (para.lines[1:] if i == 0 else para.lines) for piece in split_people(line)]
        for j, line in enumerate(lines):
            new_para = j == 0 and para.gap_before and bool(_parts([line]).words)
            new_person = is_bullet(line) or bool(runs) and _reaches(runs[-1]) and _names_someone(line)
            if not runs or new_para or new_person:
                runs.append([strip_bullet(line)])
            else:
                runs[-1].append(line)
    return runs


_PERSON_JOIN = re.compile(r"(?<=[)\w.])\s*(?:,|;|\bet\b|&|/)\s+(?=[A-ZÀ-ÖØ-Þ][^\W\d_]+(?:[ -][A-ZÀ-ÖØ-Þ][^\W\d_]+)+)")


def split_people(line: str) -> list[str]:
    """One line naming several people, each with an e-mail address, as one line per person.

    >>> split_people("Jeanne Martin (jm@acme.fr) et Paul Roux (pr@acme.fr)")
    ['Jeanne Martin (jm@acme.fr)', 'Paul Roux (pr@acme.fr)']
    """
    if len(EMAIL.findall(line)) < 2:
        return [line]
    pieces, start = [], 0
    for match in _PERSON_JOIN.finditer(line):
        if EMAIL.search(line, start, match.start()) and EMAIL.search(line, match.end()):
            pieces.append(line[start:match.start()].strip())
            start = match.end()
    return pieces + [line[start:].strip()]


def rejoin_wrapped_numbers(lines: list[str]) -> list[str]:
    """Join a line of digits to the line before when that one ends with digits (a phone number
    wrapped across two lines).

    >>> rejoin_wrapped_numbers(["Jeanne Tadeusz, jt@april.org +33 1 78 76", "92 82"])
    ['Jeanne Tadeusz, jt@april.org +33 1 78 76 92 82']
    """
    out: list[str] = []
    for line in lines:
        if out and re.search(r"(?<![\w@.])[+(]?\d[\d\s.()-]*\d$", out[-1]) and (re.fullmatch(r"[\d\s.()-]{1,16}", line.strip()) or re.match(r"\d{2}[\s.)-]+\d{2}(?:[\s.)-]|$)", line.strip())):
            out[-1] = f"{out[-1]} {line.strip()}"
        elif out and re.search(r"[^\W\d_]-$", out[-1]) and line[:1].islower():
            out[-1] = join_two(out[-1], line.strip())  # "jean-" + "yves.jeannas@aful.org"
        else:
            out.append(line)
    return out


def _parts(lines: list[str]) -> _Parts:
    """The pieces of some contact lines, filed."""
    parts = _Parts()
    for line in lines:
        _split_line(parts, line)
    return parts


def build_contacts(paras: list[Para]) -> list[Contact]:
    """Contacts of one section: its heading (kept by the first contact), then one contact per run."""
    heading = paras[0].lines[0]
    runs = _runs(paras)
    if not runs:
        return [Contact(heading=heading, organization=_organization_of(heading))]
    return [contact_from_lines(heading if i == 0 else "", run) for i, run in enumerate(runs)]
