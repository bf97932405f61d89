"""Quotations: « … », a souligné NAME, rôle, organisation — and the other French forms."""
from __future__ import annotations

import re

from presskit.document import Block, Speaker

_PAIRS = {"«": "»", "“": "”", "„": "“", '"': '"'}
_OPENING = re.compile(r"[«“„\"]")
_INTRO_WORD = re.compile(r"^(?:pour|selon|d['’]apr[èe]s|aux yeux d(?:e\s+|['’]))\s*", re.IGNORECASE)
_CAPITAL = re.compile(r"(?<![\w’'-])[A-ZÀ-ÖØ-Þ]")
_NAME_PARTICLES = {"de", "du", "des", "van", "von", "der", "den", "da", "di", "le", "la", "y", "bin", "ben"}
_ORG_PARTICLES = {"de", "du", "des", "la", "le", "les", "et", "en", "pour", "sur", "of", "the", "and",
                  "for", "au", "aux", "à", "&"}
_ROLE_STEMS = ("présid", "coprésid", "co-présid", "vice", "direct", "délégu", "fondat", "cofondat",
               "co-fondat", "respons", "secrétaire", "ministre", "maire", "chef", "ceo", "cto", "coo",
               "cfo", "pdg", "dg", "gérant", "manag", "associ", "chargé", "coordin", "conseill",
               "porte-parole", "administrat", "trésor", "membre", "expert", "profess", "cherch", "head",
               "partner", "chief", "vp", "sénat", "député", "commissaire", "doyen", "recteur", "avocat",
               "consult", "ambassad", "animat", "adjoint", "senior")
_PREPOSITION = re.compile(r"(?<!\w)(?:au\s+sein\s+d(?:e\s+|['’])|chez\s+|du\s+|des\s+|de\s+la\s+"
                          r"|de\s+l['’]|de\s+|d['’])(?=[A-ZÀ-ÖØ-Þ])")
_MAX_LEAD_WORDS = 4
_VERBS = (r"déclar|expliqu|soulign|ajout|précis|indiqu|comment|affirm|estim|rappell?|conclu|résum|insist"
          r"|confi|annonc|observ|poursui|témoign|analys|assur|martèl|reconn|détaill|salu|dit|lanc|résum"
          r"|se\s+réjoui|se\s+félicit|s['’]enthousiasm|s['’]exclam|sourit|reprend|complèt|complét|insist")
_VERB_TAIL = re.compile(rf"(?:\s*,\s*|\s+)(?:a\s+|avait\s+|vient\s+d['’]|vient\s+de\s+)?(?:{_VERBS})(?:e|é|ée|és|ent|ait|aît|it|t|a)?(?:-t-(?:il|elle))?\s*$")
_MARKS = "«»“”„\""
_SPEECH_INTRO = re.compile(rf"(?:^|[\s,])(?:a\s+|avait\s+)?(?:{_VERBS})[^\W\d_]*(?:-t-(?:il|elle))?"
                           r"(?:\s+(?:pour\s+sa\s+part|à\s+son\s+tour|quant\s+à\s+lui|quant\s+à\s+elle|ainsi"
                           r"|encore|aussi|alors|également|que|qu['’]))*\s*[:,]?$", re.IGNORECASE)
_SENTENCE_BREAK = re.compile(r"(?:(?<=[^\W\d_]{2}[.!?])|(?<=[^\W\d_]{2}\s[.!?]))\s+(?=[A-ZÀ-ÖØ-Þ«“\"])")
_MIN_SHARE = 0.5


def _closing_index(text: str, start: int) -> int:
    """Index of the mark closing the quotation opened at `start` (nesting counted), or -1."""
    opening = text[start]
    closing = _PAIRS[opening]
    if opening != closing:
        depth = 0
        for i in range(start, len(text)):
            if text[i] == opening:
                depth += 1
            elif text[i] == closing:
                depth -= 1
                if depth == 0:
                    return i
    last = text.rfind(closing)
    return last if last > start else -1


def introduces_quote(before: str) -> bool:
    """True for words that may stand before a quotation: "Selon X,", "X, rôle :", "X déclare".

    >>> introduces_quote("Stefane Fermigier, Vice-Président du CNLL, rappelle pour sa part")
    True
    >>> introduces_quote("Le titre de l'étude")
    False
    """
    before = before.strip()
    if not before:
        return True
    if len(before) > 200:
        return False
    if _INTRO_WORD.match(before):
        return True
    named = bool(_CAPITAL.search(before, 1)) or bool(re.search(rf"(?:{_VERBS})", before, re.IGNORECASE))
    return named and (before.endswith(":") or bool(_SPEECH_INTRO.search(before)))


def split_quote(text: str) -> tuple[str, str, str] | None:
    """(words before, quotation, words after) when the paragraph is a quotation, else None."""
    match = _OPENING.search(text)
    if not match:
        return None
    before = text[:match.start()].strip()
    if not introduces_quote(before):
        return None
    end = _closing_index(text, match.start())
    if end < 0:
        return None
    return before, text[match.start() + 1:end].strip(), text[end + 1:].strip()


def _words(text: str) -> list[str]:
    """Runs of letters and digits."""
    return re.findall(r"[^\W_]+", text)


def _split_top(text: str) -> list[str]:
    """Split on commas outside parentheses."""
    parts, depth, current = [], 0, []
    for char in text:
        depth += (char == "(") - (char == ")")
        if char == "," and depth <= 0:
            parts.append("".join(current))
            current = []
        else:
            current.append(char)
    parts.append("".join(current))
    return [part.strip() for part in parts if part.strip()]


def _tidy(text: str) -> str:
    """Strip spaces, a final full stop and unbalanced closing parentheses."""
    text = text.strip().rstrip(".").strip()
    while text.endswith(")") and text.count(")") > text.count("("):
        text = text[:-1].rstrip()
    return text


def org_like(text: str) -> bool:
    """True when every word is capitalised, a number or a linking word (an organisation's name)."""
    words = [re.sub(r"^[ld]['’]", "", w, flags=re.IGNORECASE) for w in re.findall(r"[\w’'&-]+", text)]
    words = [w for w in words if w]
    return any(w[0].isupper() for w in words) and all(
        w[0].isupper() or w[0].isdigit() or w.lower() in _ORG_PARTICLES for w in words)


def is_role(text: str) -> bool:
    """True when the text starts with a job title (président, directrice, CEO…)."""
    return text.split()[0].lower().startswith(_ROLE_STEMS) if text.split() else False


def organization_in_role(role: str) -> str:
    """The organisation a role names ("Président de la FEFIS (…)" → "FEFIS"; "directrice du
    numérique (DINUM)" → "DINUM"), or ""."""
    plain = re.sub(r"\([^()]*\)?", " ", role)
    for match in _PREPOSITION.finditer(plain):
        candidate = _tidy(re.sub(r"\s+", " ", plain[match.end():]))
        if org_like(candidate):
            return candidate
    acronym = re.search(r"\(([A-Z][A-Z0-9&-]{1,11})\)", role)
    return acronym.group(1) if acronym else ""


def _role_and_org(parts: list[str]) -> tuple[str, str]:
    """Role and organisation from the comma-separated parts following a name."""
    if not parts:
        return "", ""
    last = _tidy(parts[-1])
    if org_like(last) and not is_role(last):
        return _tidy(", ".join(parts[:-1])), last
    role = _tidy(", ".join(parts))
    return role, organization_in_role(role)


def take_name(text: str) -> tuple[str, str]:
    """Split a leading personal name ("Jessica Leygues, …") from the rest of the text."""
    tokens = text.split(" ")
    name: list[str] = []
    for i, token in enumerate(tokens):
        bare = token.rstrip(",;:")
        capital = bare[:1].isupper() or bool(re.match(r"[dl]['’][A-ZÀ-Þ]", bare))
        if not bare or not (capital or bare in _NAME_PARTICLES) or len(name) == 6:
            break
        name.append(bare)
        if token != bare:
            return _finish_name(name, " ".join(tokens[i:])[len(bare):])
    return _finish_name(name, " ".join(tokens[len(name):]))


def _finish_name(name: list[str], rest: str) -> tuple[str, str]:
    """Drop trailing particles from a name; return (name, rest)."""
    while name and name[-1] in _NAME_PARTICLES:
        rest = f"{name.pop()} {rest}"
    return " ".join(name), rest.strip()


def parse_speaker(attribution: str) -> Speaker | None:
    """Who speaks, from "a souligné NAME, role, organisation" or "NAME, role" or "Pour NAME"."""
    text = re.sub(r"^[–—-]\s*", "", attribution.strip())
    text = _SENTENCE_BREAK.split(text, maxsplit=1)[0]
    text = _INTRO_WORD.sub("", text).rstrip(":.").strip()
    text = re.sub(r"\s+(?:pour\s+sa\s+part|à\s+son\s+tour|quant\s+à\s+(?:lui|elle))$", "", text)
    text = _VERB_TAIL.sub("", text)
    match = _CAPITAL.search(text)
    if not match or len(text[:match.start()].split()) > _MAX_LEAD_WORDS:
        return None
    name, rest = take_name(text[match.start():])
    if not name:
        return None
    if _not_a_given_name(name.split()[0]) or any(_is_acronym(w) for w in name.split()[:-1]):
        found = person_in(text)  # "Le Président de la FSFE Matthias Kirschner"
        if found:
            return found
    if not rest.startswith(","):
        return Speaker(name=name, role=rest.strip() if is_role(rest) else "",
                       organization=organization_in_role(rest) if is_role(rest) else "")
    role, org = _role_and_org(_split_top(rest[1:]))
    return Speaker(name=name, role=role, organization=org)


_ARTICLES = {"le", "la", "les", "l", "un", "une", "selon", "pour", "monsieur", "madame", "m", "mme"}


def _is_acronym(word: str) -> bool:
    """True for an all-capitals word of letters (FSFE, CNLL, DUPLAQUET)."""
    return len(word) >= 2 and word.isalpha() and word.isupper()


def _is_given(word: str) -> bool:
    """True for a word written as a given name: a capital then small letters ("Jean-Michel", "Rémi")."""
    return bool(re.fullmatch(r"[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]+(?:-[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]+)*", word))


def _not_a_given_name(word: str) -> bool:
    """True for a capitalised word that does not open a personal name (an article, a job title)."""
    return word.lower().strip("'’") in _ARTICLES or is_role(word) or _is_acronym(word)


def person_in(text: str) -> Speaker | None:
    """The first personal name in the text, separated from the role and organisation around it even
    without commas: a given name, then capitalised or upper-case words and particles.

    >>> person_in("Le Président de la FSFE Matthias Kirschner")
    Speaker(name='Matthias Kirschner', role='Le Président de la FSFE', organization='FSFE')
    >>> person_in("Guy DUPLAQUET chef du département Qualité")
    Speaker(name='Guy DUPLAQUET', role='chef du département Qualité', organization='')
    """
    tokens = text.split()
    for i, token in enumerate(tokens):
        if not _is_given(token) or _not_a_given_name(token):
            continue
        j = i + 1
        while j < len(tokens) and (_is_given(tokens[j].rstrip(",")) or _is_acronym(tokens[j].rstrip(","))
                                   or tokens[j] in _NAME_PARTICLES and j + 1 < len(tokens) and tokens[j + 1][:1].isupper()):
            j += 1
            if tokens[j - 1].endswith(","):
                break
        if j - i < 2:
            continue
        name = " ".join(tokens[i:j]).rstrip(",")
        before, after = " ".join(tokens[:i]).strip(" ,"), " ".join(tokens[j:]).strip(" ,")
        role = ", ".join(part for part in (before, after) if part)
        org = organization_in_role(before) or (organization_in_role(after) if after else "")
        return Speaker(name=name, role=role, organization=org)
    return None


def is_speaker_line(text: str) -> bool:
    """True for a line naming who was quoted: "NAME, role, organisation" (a name of 2+ words)."""
    text = re.sub(r"^[–—-]\s*", "", text.strip())
    if len(text) > 200 or _OPENING.search(text) or text.endswith(("?", "!")):
        return False
    name, rest = take_name(text)
    return len(name.split()) >= 2 and (not rest or rest.startswith(","))


def _speaks(attribution: str) -> bool:
    """True when the first sentence of words after a quotation says who spoke: a speech verb
    ("», déclare X") or a name and a role ("», X, présidente d'Acme.")."""
    first = _SENTENCE_BREAK.split(attribution.strip(), maxsplit=1)[0]
    verb = re.search(rf"(?<![^\W\d_])(?:{_VERBS})", first, re.IGNORECASE)
    if verb and verb.start() < 60 or is_speaker_line(first.rstrip(". ")):
        return True
    match = _CAPITAL.search(first)
    name = take_name(first[match.start():])[0] if match else ""
    return len(name.split()) >= 2 and len(first[:match.start()].split()) <= 3


def _split_after(after: str) -> tuple[str, str]:
    """(attribution, quotation going on) for the words after a quotation's closing mark: in
    "« A », déclare X. « B »" the quotation goes on after the attribution."""
    match = _OPENING.search(after)
    if not match or not _words(after[match.start():]):
        return after, ""
    return after[:match.start()].strip(), after[match.start():].strip()


def quote_block(text: str, next_text: str = "") -> tuple[Block, bool] | None:
    """A quote block for the paragraph, and whether it used the next paragraph as its attribution."""
    parts = split_quote(text)
    if not parts or len(_words(parts[1])) < 3:
        return None
    before, quote, after = parts
    if before and len(quote) < _MIN_SHARE * len(after):
        return None  # a few quoted words in a paragraph of prose
    after = re.sub(r"^[\s,;:–—-]+", "", after)
    if not _words(after):
        after = ""
    if before:
        attribution = " ".join(p for p in (before.rstrip(" ,:"), after) if p)
        return Block("quote", text=quote, attribution=attribution, speaker=parse_speaker(before)), False
    if after:
        attribution, going_on = _split_after(after)
        if going_on:
            quote = f"{quote} {going_on.strip(_MARKS + ' ')}"
        if not _speaks(attribution) or len(attribution) > 300:
            return None
        speaker = parse_speaker(attribution)
        if speaker is None and not re.search(r"-t-(?:il|elle)\b", attribution):
            return None  # "ajoute-t-il": the previous speaker (blocks.same_speaker)
        return Block("quote", text=quote, attribution=attribution, speaker=speaker), False
    if next_text and is_speaker_line(next_text):
        line = re.sub(r"^[–—-]\s*", "", next_text.strip())
        return Block("quote", text=quote, attribution=line, speaker=parse_speaker(line)), True
    incise = _INCISE.search(quote)
    if incise:  # « A, explique X, rôle. B »: the attribution stands inside the quotation
        return Block("quote", text=quote, speaker=parse_speaker(incise["words"])), False
    return Block("quote", text=quote), False


_INCISE = re.compile(rf"[,;]\s+(?P<words>(?:{_VERBS})[^\W\d_]*(?:-t-(?:il|elle))?\s+[A-ZÀ-ÖØ-Þ][^.;!?»”]{{2,160}}?)"
                     r"(?=[.;]\s|\s*$)")


def is_quote_intro(text: str) -> bool:
    """True for a short line announcing the quotation in the next paragraph: "X confirme :".

    >>> is_quote_intro("Philippe Donadieu confirme :"), is_quote_intro("Les points clés à retenir :")
    (True, False)
    """
    text = text.strip()
    if not text.endswith(":") or len(text) > 160 or _OPENING.search(text):
        return False
    speaker = parse_speaker(text)
    return bool(_SPEECH_INTRO.search(text)) and speaker is not None and len(speaker.name.split()) >= 2


def signature(text: str) -> Speaker | None:
    """The speaker of a line signing the paragraph above it: "Philippe Donadieu, le fondateur de
    Kozea group" (a name of two words or more, then a role)."""
    text = re.sub(r"^[–—-]\s*", "", text.strip())
    if len(text) > 160 or ends_with_sentence(text) or not is_speaker_line(text):
        return None
    name, rest = take_name(text)
    role = rest.lstrip(", ").strip()
    if not role or not (is_role(role) or re.match(r"(?:le|la|l['’]|notre)\s", role, re.IGNORECASE)):
        return None
    return parse_speaker(text)


def ends_with_sentence(text: str) -> bool:
    """True when the text ends with a full stop, "!" or "?"."""
    return text.rstrip().endswith((".", "!", "?", "…"))


def opens_unclosed_quote(text: str) -> bool:
    """True when the paragraph opens a quotation (at its start, or after "Pour X," / "X déclare :")
    that it does not close: the quotation goes on in the next paragraphs."""
    match = _OPENING.search(text)
    if not match:
        return False
    if not introduces_quote(text[:match.start()]):
        return False
    return _closing_index(text, match.start()) < 0


def closes_quote(text: str) -> bool:
    """True when the paragraph holds a closing quotation mark (» ” or a straight quote)."""
    return any(mark in text for mark in "»”\"")


def continuation(text: str) -> str:
    """A quotation's next paragraph without the marks French puts at its start (« or »)."""
    return text.lstrip(_MARKS + " \xa0\u202f")
