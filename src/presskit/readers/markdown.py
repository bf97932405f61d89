"""The Markdown reader: headings, lists, quotes, links, emphasis and footnotes → text and a Layout.

Links (inline, reference, autolinks) and emphasis (`**x**`, `__x__`, `*x*`, `_x_`) leave plain words
in the text and go to the Layout as marks (`readers.marks`); strikethrough and code keep their words only.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

import presskit.readers.text as plain
from presskit.document import Document, Footnote
from presskit.readers.decode import normalise
from presskit.readers.layout import Collected, Layout, note_marker
from presskit.readers.links import find_urls
from presskit.readers.marks import source_marks, strip, take, wrap

_ATX = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)(?:\s+#+)?\s*$")
_SETEXT = re.compile(r"^\s{0,3}(=+|-+)\s*$")
_RULE = re.compile(r"^\s{0,3}(?:(?:\*\s*){3,}|(?:-\s*){3,}|(?:_\s*){3,})$")
_QUOTE = re.compile(r"^\s{0,3}>\s?")
_ITEM = re.compile(r"^\s*[-*+]\s+(?=\S)")
_NUMBERED = re.compile(r"^\s*(\d{1,3})[.)]\s+(?=\S)")
_FOOTNOTE_DEF = re.compile(r"^\s{0,3}\[\^([^\]\s]+)\]:\s*(.*)$")
_REFERENCE_DEF = re.compile(r"^\s{0,3}\[([^\]^][^\]]*)\]:\s*<?(\S+?)>?(?:\s+[\"'(].*)?$")
_FENCE = re.compile(r"^\s{0,3}(```|~~~)")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!>|~<])")
# Every bracketed or delimited run below excludes its own opening mark, so that a scan from one
# opening stops at the next one: the time stays linear on thousands of unclosed `[`, `![`, `**`.
_IMAGE = re.compile(r"!\[([^\[\]]*)\]\([^()]*\)")
_LINK = re.compile(r"\[([^\[\]]+)\]\(\s*<?([^()\[\]\s<>]+)>?(?:\s+[\"'][^\"'()]*[\"'])?\s*\)")
_REF_LINK = re.compile(r"\[([^\[\]]+)\]\[([^\[\]]*)\]")
_AUTOLINK = re.compile(r"<((?:https?://|mailto:)[^<>\s]+|[\w.+-]++@[\w-]++(?:\.[\w-]++)++)>")
_NOTE_REF = re.compile(r"\[\^([^\[\]\s]+)\]")
_EMPHASIS = [re.compile(r"\*\*(?=\S)((?:[^*]|\*(?!\*))+?)(?<=\S)\*\*"),
             re.compile(r"(?<!\w)__(?=\S)((?:[^_]|_(?!_))+?)(?<=\S)__(?!\w)"),
             re.compile(r"~~(?=\S)((?:[^~]|~(?!~))+?)(?<=\S)~~"),
             re.compile(r"(?<![\w*])\*(?=[^\s*])([^*]+?)(?<=[^\s*])\*(?![\w*])"),
             re.compile(r"(?<!\w)_(?=[^\s_])([^_]+?)(?<=[^\s_])_(?!\w)"), re.compile(r"`([^`]+)`")]
_ESCAPED = "\ue000"
_EMPHASIS_KIND = ("strong", "strong", "", "em", "em", "")  # what each of _EMPHASIS marks


@dataclass
class _State(Collected):
    """What the conversion collected so far, and the footnote definitions met."""

    definitions: dict[str, list[str]] = field(default_factory=dict)
    references: dict[str, str] = field(default_factory=dict)
    titled: bool = False
    in_quote: bool = False
    hrefs: list[str] = field(default_factory=list)  # the link addresses of the line being read


def parse(text: str, source: str = "") -> Document:
    """Build the Document of a French press release written in Markdown."""
    body, layout = to_text(text)
    return plain.parse(body, source, layout)


def to_text(markdown: str) -> tuple[str, Layout]:
    """The release as plain text in the shape the text reader knows, and what the markup said."""
    state = _State()
    raw = normalise(markdown).split("\n")
    state.references = {m[1].lower(): m[2] for m in map(_REFERENCE_DEF.match, raw) if m}
    _convert(state, raw)
    footnotes = tuple(Footnote(id=str(number), text=strip(_inline(state, " ".join(state.definitions.get(label, [])))),
                               url=_first_url(" ".join(state.definitions.get(label, []))))
                      for label, number in state.notes.items() if label in state.definitions)
    return "\n".join(state.lines), Layout(hints=state.hints, links=tuple(state.links), footnotes=footnotes,
                                          structured=False, marks=tuple(state.marks))


def _first_url(text: str) -> str:
    """The first web address of a footnote's text."""
    urls = find_urls(_LINK.sub(r"\2", text))
    return urls[0][2] if urls else ""


def _convert(state: _State, raw: list[str]) -> None:
    """Convert the Markdown lines one by one into `state.lines`."""
    fenced, footnote = False, ""
    for i, line in enumerate(raw):
        if _FENCE.match(line):
            fenced = not fenced
            continue
        if fenced:
            state.lines.append(line)
            continue
        definition = _FOOTNOTE_DEF.match(line)
        if definition:
            footnote = definition[1]
            state.definitions[footnote] = [definition[2]]
            continue
        if footnote and line.strip() and raw[i - 1].strip():
            state.definitions[footnote].append(line.strip())
            continue
        footnote = ""
        if _REFERENCE_DEF.match(line):
            continue
        _block_line(state, line, raw[i + 1] if i + 1 < len(raw) else "")


def _block_line(state: _State, line: str, following: str) -> None:
    """Convert one line outside code and definitions."""
    previous = state.lines[-1] if state.lines else ""
    if _SETEXT.match(line) and previous and not state.in_quote and (
            line.strip()[0] == "=" or not _ITEM.match(previous)):
        _hint_heading(state, len(state.lines) - 1, 1 if line.strip()[0] == "=" else 2)
        state.lines.append("")
        return
    if _RULE.match(line):
        state.lines.append("")
        return
    quoted = bool(_QUOTE.match(line))
    while _QUOTE.match(line):
        line = _QUOTE.sub("", line, count=1)
    if quoted and (not state.in_quote or not state.lines or not state.lines[-1]) and line.strip():
        state.hints[len(state.lines)] = "quote"
    state.in_quote = quoted
    heading = _ATX.match(line)
    if heading:
        _blank(state)
        _append(state, _inline(state, heading[2]))
        _hint_heading(state, len(state.lines) - 1, len(heading[1]))
        state.lines.append("")
        return
    line = _ITEM.sub("- ", line, count=1)
    _append(state, _inline(state, line.strip()))


def _append(state: _State, marked: str) -> None:
    """Append a converted line as plain text; its marks go to `state.marks`."""
    text, found = take(marked, state.hrefs)
    state.marks += source_marks(text, found, len(state.lines))
    state.lines.append(text)


def _blank(state: _State) -> None:
    """End the current paragraph."""
    if state.lines and state.lines[-1]:
        state.lines.append("")


def _hint_heading(state: _State, index: int, level: int) -> None:
    """Mark a line as the title (the first level-1 heading) or a heading."""
    if level == 1 and not state.titled:
        state.hints[index], state.titled = "title", True
    else:
        state.hints[index] = "heading"


def _inline(state: _State, text: str) -> str:
    """Text of one line with its marks as `readers.marks` characters: links become their text (the
    address goes to the links too), emphasis marks go, footnote references become superscript numbers."""
    state.hrefs = []
    text = _ESCAPE.sub(lambda m: _ESCAPED + str(ord(m[1])) + _ESCAPED, text)
    text = _IMAGE.sub(r"\1", text)
    text = _LINK.sub(lambda m: _link(state, m[1], m[2]), text)
    text = _REF_LINK.sub(lambda m: _link(state, m[1], state.references.get((m[2] or m[1]).lower(), "")), text)
    text = _AUTOLINK.sub(lambda m: _link(state, m[1].removeprefix("mailto:"), m[1]), text)
    text = _plain_outside_urls(text)
    text = _NOTE_REF.sub(lambda m: note_marker(state.notes.setdefault(m[1], len(state.notes) + 1)), text)
    return re.sub(_ESCAPED + r"(\d+)" + _ESCAPED, lambda m: chr(int(m[1])), text)


def _plain_outside_urls(text: str) -> str:  # (its marks stay, as `readers.marks` characters)
    """Drop emphasis marks, leaving web addresses as written ("a_b_c" in a URL stays)."""
    out, last = [], 0
    for start, end, _ in find_urls(text) + [(len(text), len(text), "")]:
        piece = text[last:start]
        for pattern, kind in zip(_EMPHASIS, _EMPHASIS_KIND):
            piece = pattern.sub(lambda m, kind=kind: wrap(kind, m[1]) if kind else m[1], piece)
        out += [piece, text[start:end]]
        last = end
    return "".join(out)


def _link(state: _State, label: str, url: str) -> str:
    """Record a link's address; return its text, marked as a link."""
    if not url or url.startswith("#"):
        return label
    address = url if "://" in url or url.startswith("mailto:") or "@" not in url else f"mailto:{url}"
    state.links.append(address)
    return wrap("link", label, state.hrefs, address)
