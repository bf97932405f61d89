"""Hard-wrapped lines to paragraphs: line joins, hyphenated breaks, page breaks inside a paragraph."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import pairwise

from presskit.readers.patterns import (
    LINK_LABEL,
    about_organization,
    ends_sentence,
    first_word,
    is_bullet,
    is_section_heading,
    is_url_line,
    link_line_url,
    starts_lower,
)

_HYPHEN_BREAK = re.compile(r"[^\W\d_]-$")
_OPEN_END = re.compile(r"(?:^|\s)(?i:le|la|les|de|du|des|d['’]|l['’]|un|une|et|ou|à|au|aux|en|pour|par|sur|dans|avec"
                       r"|sans|sous|entre|vers|chez|ce|cette|ces|son|sa|ses|leur|leurs|notre|nos|votre|vos|qui|que"
                       r"|dont|mais)$")
_SPEAKER_INTRO = re.compile(r"^[A-ZÀ-ÖØ-Þ][^\W\d_]+(?:[ -][A-ZÀ-ÖØ-Þ][^\W\d_]+)+(?:,[^:«“\"]{2,160})?\s*:\s*[«“\"]")
_ELISION = re.compile(r"\b[^\W\d_]['’]$")


@dataclass
class Para:
    """A paragraph of the source: its lines as written, the line number of the first, and
    whether blank lines separate it from the previous one."""

    lines: list[str]
    line: int
    gap_before: bool = True
    hint: str = ""

    _joined: tuple[tuple[str, ...], str] | None = field(default=None, repr=False, compare=False)

    @property
    def text(self) -> str:
        """The paragraph as one line of text (joined again only when its lines changed)."""
        key = tuple(self.lines)
        if self._joined is None or self._joined[0] != key:
            self._joined = (key, join_lines(self.lines))
        return self._joined[1]


def join_lines(lines: list[str]) -> str:
    """Join the lines of one paragraph: a space, or nothing after a hyphenated word break.

    `join_two` looks only at the end of the text so far (its last word and last characters): the
    text is joined in pieces, its tail kept whole, so that the time stays linear in its length.
    """
    pieces: list[str] = []
    tail = ""
    for line in lines:
        if not tail:
            tail = line
            continue
        tail = join_two(tail, line)  # keeps all of the left text but maybe its last character
        if len(tail) > 512:
            cut = tail.rfind(" ", 0, len(tail) - 256)  # the last word stays whole in the tail
            if cut > 0:
                pieces.append(tail[:cut])
                tail = tail[cut:]
    return "".join(pieces) + tail


def join_two(left: str, right: str) -> str:
    """Join two lines of one paragraph."""
    tail = left[-3:]  # both rules end at the end of the line and look at most 3 characters back
    last_token = left.rsplit(" ", 1)[-1]
    if "://" in last_token or last_token.startswith("www."):
        head = right.split(" ", 1)[0]
        glued = not right[:1].isupper() and (left.endswith(("-", "/", "_", "=", "&", "?"))
                                             or starts_lower(right) and ("/" in head or " " not in right))
        return left + right if glued else f"{left} {right}"
    if _HYPHEN_BREAK.search(tail):
        head = right.split(" ", 1)[0]
        keep = "@" in head or "@" in last_token  # an e-mail address wrapped at its hyphen
        return left[:-1] + right if starts_lower(right) and not keep else left + right
    if _ELISION.search(tail):
        return left + right
    return f"{left} {right}"


def wrap_width(lines: list[str]) -> int:
    """The width the source was hard-wrapped at, or 0 when its lines are whole paragraphs."""
    lengths = sorted(len(line) for line in lines if line and "://" not in line)
    if len(lengths) < 5:
        return 0
    width = lengths[int(0.9 * (len(lengths) - 1))]
    if not 40 <= width <= 160:
        return 0
    full = sum(1 for n in lengths if n >= 0.7 * width)
    return width if full >= 0.5 * len(lengths) else 0


def is_tight(lines: list[str], width: int) -> bool:
    """True when the text was wrapped at exactly `width` characters (a fixed-pitch export, a
    pdftotext copy): hardly a line is longer (a proportional font gives lines of uneven lengths).
    The first word of a line then never fits at the end of the line before it, unless that line
    ends a paragraph."""
    lengths = sorted(len(line) for line in lines if line and "://" not in line)
    return bool(width) and len(lengths) >= 5 and lengths[int(0.98 * (len(lengths) - 1))] <= width + 2


def starts_paragraph(line: str) -> bool:
    """True for a line that opens a paragraph whatever the line before it: a dateline, a label
    ("Communiqué de presse"), an About or contact heading."""
    from presskit.readers.front import label_of, parse_dateline  # front imports this module's helpers

    return (bool(parse_dateline(line)) or bool(label_of(line)) or is_section_heading(line)
            or line[:1].isupper() and bool(LINK_LABEL.match(line)) and bool(link_line_url(line)))


def _signs(line: str) -> bool:
    """True for a line signing a quotation: "Philippe Donadieu, le fondateur de Kozea group"."""
    from presskit.readers.quotes import signature  # quotes sits above this module

    return signature(line) is not None


def groups(lines: list[str]) -> list[tuple[int, list[str]]]:
    """Runs of non-blank lines, each with the index of its first line."""
    runs: list[tuple[int, list[str]]] = []
    current: list[str] = []
    start = 0
    for i, line in enumerate(lines + [""]):
        if line:
            if not current:
                start = i
            current.append(line)
        elif current:
            runs.append((start, current))
            current = []
    return runs


def breaks_between(left: str, right: str, width: int, tight: bool = False) -> bool:
    """True when two adjacent lines (no blank between) belong to different paragraphs.

    In text wrapped at exactly `width` (`tight`), a line after which the next line's first word
    would still have fitted ends its paragraph.
    """
    if is_bullet(right):
        return True
    if starts_paragraph(right) and not _OPEN_END.search(left) or ends_sentence(left) and _signs(right):
        return True
    if width and ends_sentence(left) and (right[:1] in "«“" or _SPEAKER_INTRO.match(right)):
        return True  # in wrapped text, a quotation (or "Name, role : « …") opening a line opens a paragraph
    if about_organization(left) and right.endswith(":") and about_organization(f"{left} {right}"):
        return False  # an "À propos de …" heading wrapped over two lines
    if is_section_heading(left) or is_section_heading(right):
        return True
    if _OPEN_END.search(left):
        return False
    if starts_lower(right):
        return ends_sentence(left) and is_url_line(right)
    if not width:
        return True
    if tight and len(left) + 1 + len(first_word(right)) <= width and not _HYPHEN_BREAK.search(left):
        return True
    if tight and ends_sentence(left) and _heading_line(right, width):
        return True
    return len(left) + 1 + len(first_word(right)) < 0.75 * width


def _heading_line(line: str, width: int) -> bool:
    """True for a short capitalised line without final punctuation (a heading, in wrapped text)."""
    return (len(line) < 0.6 * width and line[:1].isupper() and not ends_sentence(line)
            and not line.endswith((",", ";", ":", ")")))


def continues(previous: list[str], right: str, width: int, tight: bool = False) -> bool:
    """True when a paragraph (its lines so far) goes on after blank lines, as at a PDF page break."""
    left = previous[-1]
    if is_bullet(right) or is_url_line(right) or is_section_heading(left) or is_section_heading(right):
        return False
    if tight and len(left) + 1 + len(first_word(right)) <= width:
        return False  # the next word would have fitted: the paragraph ended there
    if ends_sentence(left):
        return False
    if starts_lower(right) or left.endswith(",") or _HYPHEN_BREAK.search(left) or _OPEN_END.search(left):
        return True
    return bool(width) and len(previous) > 1 and len(left) >= 0.8 * width


def _quote_closed(lines: list[str], right: str) -> bool:
    """True when the paragraph so far opened with a quotation mark, its last line closes every
    quotation, and the next line starts a new sentence: the quotation's paragraph ends there."""
    first, last = lines[0], lines[-1].rstrip()
    if first[:1] not in "«“" or not last.endswith(("»", "”")) or not (right[:1].isupper() or right[:1] in "«“"):
        return False
    text = " ".join(lines)
    return text.count("«") == text.count("»") and text.count("“") == text.count("”")


def split_run(start: int, run: list[str], width: int, tight: bool = False) -> list[Para]:
    """Split one run of non-blank lines into paragraphs."""
    paras = [Para([run[0]], start + 1)]
    for offset, (left, right) in enumerate(pairwise(run), start=1):
        if breaks_between(left, right, width, tight) or tight and _quote_closed(paras[-1].lines, right):
            paras.append(Para([right], start + offset + 1, gap_before=False))
        else:
            paras[-1].lines.append(right)
    return paras


_PRONOUNS = {"je", "moi", "tu", "toi", "il", "elle", "on", "nous", "vous", "ils", "elles", "le", "la", "les",
             "lui", "leur", "y", "en", "ce", "t-il", "t-elle", "t-on", "là", "ci"}


def keep_line_end_hyphens(lines: list[str], typeset: bool = False) -> list[str]:
    """Lines where a hyphen ending a line belongs to the text ("Soutenons-⏎les", "tiers-⏎payant")
    get the next line's first word, so that joining them keeps the hyphen; a word hyphenated at the
    line end ("bio-⏎production") is left to be joined without it.

    The text itself decides (the compound or the joined word written elsewhere), then the word after
    the hyphen (a pronoun), then the source: a word processor (`typeset`) never hyphenates a word.

    >>> keep_line_end_hyphens(["Soutenons-", "les car ils"])
    ['Soutenons-les', 'car ils']
    >>> keep_line_end_hyphens(["la bio-", "production et la bioproduction"])
    ['la bio-', 'production et la bioproduction']
    """
    words = {w.lower() for line in lines for w in re.findall(r"[^\W\d_]+(?:-[^\W\d_]+)*", line)}
    out = list(lines)
    for i in range(len(out) - 1):
        left, right = out[i], out[i + 1]
        head, _, rest = right.partition(" ")
        if not _HYPHEN_BREAK.search(left) or not starts_lower(right) or not rest or "://" in left:
            continue
        stem = left.rsplit(" ", 1)[-1][:-1].lower()
        bare = re.match(r"[^\W\d_]+", head)
        piece = bare.group().lower() if bare else ""
        if f"{stem}-{piece}" in words:
            keep = True
        elif f"{stem}{piece}" in words:
            keep = False
        else:
            keep = piece in _PRONOUNS or typeset
        if keep:
            out[i], out[i + 1] = left + head, rest.lstrip()
    return out


def paragraphs(lines: list[str], structured: bool = False, typeset: bool = False) -> list[Para]:
    """The paragraphs of the text (lines already stripped; blank lines separate runs, and always end
    a paragraph when the source is `structured`; `typeset`: see keep_line_end_hyphens)."""
    width = wrap_width(lines)
    tight = is_tight(lines, width)
    lines = keep_line_end_hyphens(lines, typeset)
    result: list[Para] = []
    for start, run in groups(lines):
        for para in split_run(start, run, width, tight):
            if (result and para.gap_before and not structured
                    and continues(result[-1].lines, para.lines[0], width, tight)):
                result[-1].lines.extend(para.lines)  # in place: a long run of joins stays linear
            else:
                result.append(para)
    if result:
        result[0].gap_before = False
    return result
