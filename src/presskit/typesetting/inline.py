"""Pure helpers that cut a text into runs: plain text, web addresses, e-mails and footnote calls.

A text with `Mark`s (bold, italics and links from the source, `document.Mark`) is cut at its marks;
a text without any is read for Markdown-style marks as before (the kit's About texts are Markdown).
"""
from __future__ import annotations

import html as _html
import re
from dataclasses import dataclass, replace
from typing import Iterable

from presskit.document import Mark, NoteRef
from presskit.typesetting import typography

# bounded parts (RFC 5321: 64 characters before the @, 63 a label) that start where a word does, so a long
# word without an @ is read once, not once from each of its characters
_EMAIL = (r"(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63})*"
          r"\.[A-Za-z]{2,}")
_URL = r"(?:https?://|www\.)[^\s<>\"«»]+"
_LINK_RE = re.compile(f"(?P<email>{_EMAIL})|(?P<url>{_URL})")
_TRAILING = ".,;:!?'’\"”»)]}"


@dataclass(frozen=True)
class Run:
    """A piece of inline text: kind is "text", "url", "email" or "note" (text is then the call).

    `emphasis` is "", "strong" or "em" (from **bold**, *italic* or _italic_ in the source text).
    """

    kind: str
    text: str
    href: str = ""
    emphasis: str = ""


# Inline marks a source may carry in its text: [label](address), **strong**, *em*, _em_
_MARKED = re.compile(r"\[(?P<label>[^\]\n]+)\]\((?P<target>[^)\s]+)\)"
                     r"|(?<![\w*])\*\*(?P<strong>\S(?:[^*\n]*?\S)?)\*\*(?![\w*])"
                     r"|(?<![\w*])\*(?P<em>\S(?:[^*\n]*?\S)?)\*(?![\w*])"
                     r"|(?<![\w/])_(?P<em2>[^\W_](?:[^_\n/]*?[^\W_])?)_(?![\w/])")


def href_for(address: str) -> str:
    """Return a clickable target for a web address, e-mail or already-complete URL.

    >>> href_for("www.medicen.org")
    'https://www.medicen.org'
    >>> href_for("contact@medicen.org")
    'mailto:contact@medicen.org'
    >>> href_for("http://a.fr/x")
    'http://a.fr/x'
    """
    address = address.strip()
    if re.match(r"^[a-z][a-z0-9+.-]*:", address, re.IGNORECASE):
        return address
    if re.fullmatch(_EMAIL, address):
        return f"mailto:{address}"
    return f"https://{address}"


def tel_href(phone: str) -> str:
    """Return a tel: link for a phone number as written.

    >>> tel_href("+33 (0)1 23 45 67 89")
    'tel:+33123456789'
    >>> tel_href("01 23 45 67 89")
    'tel:0123456789'
    """
    digits = re.sub(r"[^\d+]", "", re.sub(r"\(0\)", "", phone))
    return f"tel:{digits}"


def _trim(url: str) -> str:
    """Drop the punctuation that ends a sentence rather than the address (keeps balanced ')')."""
    while url and url[-1] in _TRAILING:
        if url[-1] == ")" and url.count("(") >= url.count(")"):
            break
        url = url[:-1]
    return url


def split_links(text: str) -> list[Run]:
    """Cut `text` into text, url and email runs; joining their texts gives `text` back.

    >>> [(r.kind, r.text) for r in split_links("Voir www.a.fr. Écrire à x@y.fr !")]
    [('text', 'Voir '), ('url', 'www.a.fr'), ('text', '. Écrire à '), ('email', 'x@y.fr'), ('text', ' !')]
    >>> split_links("(https://a.fr/p_(x))")[1].href
    'https://a.fr/p_(x)'
    >>> split_links("")
    []
    >>> [r.kind for r in split_links("a" * 65 + "@x.fr " + "b" * 64 + "@x.fr")]  # 64 characters at most before @
    ['text', 'email']
    """
    runs: list[Run] = []
    pos = 0
    for match in _LINK_RE.finditer(text):
        kind = "email" if match.group("email") else "url"
        found = match.group() if kind == "email" else _trim(match.group())
        if not found:
            continue
        start = match.start()
        if start > pos:
            runs.append(Run("text", text[pos:start]))
        runs.append(Run(kind, found, href_for(found)))
        pos = start + len(found)
    if pos < len(text):
        runs.append(Run("text", text[pos:]))
    return _merge_text(runs)


def marked_runs(text: str) -> list[Run]:
    """Cut `text` into runs, reading Markdown-style links and emphasis marks; addresses found too.

    >>> [(r.kind, r.text, r.href, r.emphasis) for r in marked_runs("la [Métropole](https://a.fr) **vite**")]
    [('text', 'la ', '', ''), ('url', 'Métropole', 'https://a.fr', ''), ('text', ' ', '', ''), ('text', 'vite', '', 'strong')]
    >>> [r.text for r in marked_runs("5 * 3 = 15, snake_case_name, https://a.fr/x_y_z")]
    ['5 * 3 = 15, snake_case_name, ', 'https://a.fr/x_y_z']
    >>> [(r.text, r.emphasis) for r in marked_runs("un _vrai_ *défi*")]
    [('un ', ''), ('vrai', 'em'), (' ', ''), ('défi', 'em')]
    """
    runs: list[Run] = []
    pos = 0
    for match in _MARKED.finditer(text):
        if match.group("label") and not _is_address(match.group("target")):
            continue
        runs.extend(split_links(text[pos:match.start()]))
        if match.group("label"):
            runs.append(Run("url", match.group("label"), href_for(match.group("target"))))
        else:
            emphasis = "strong" if match.group("strong") else "em"
            inner = match.group("strong") or match.group("em") or match.group("em2")
            runs.extend(replace(r, emphasis=emphasis) for r in split_links(inner))
        pos = match.end()
    runs.extend(split_links(text[pos:]))
    return _merge_text(runs)


def plain(text: str) -> str:
    """The text a reader sees once the inline marks are read (for bookmarks and alt text).

    >>> plain("Voir la [Métropole](https://a.fr), **vite**")
    'Voir la Métropole, vite'
    """
    return "".join(r.text for r in marked_runs(text))


def _is_address(target: str) -> bool:
    """True for what a link may point at: a URL, a www. address or an e-mail."""
    return bool(re.match(r"^(?:[a-z][a-z0-9+.-]*:|www\.)", target, re.IGNORECASE)
                or re.fullmatch(_EMAIL, target))


def _merge_text(runs: list[Run]) -> list[Run]:
    """Join neighbouring plain-text runs of the same emphasis."""
    merged: list[Run] = []
    for run in runs:
        if merged and run.kind == merged[-1].kind == "text" and run.emphasis == merged[-1].emphasis:
            merged[-1] = Run("text", merged[-1].text + run.text, emphasis=run.emphasis)
        else:
            merged.append(run)
    return merged


def note_numbers(ids: Iterable[str]) -> dict[str, int]:
    """Number footnote ids 1, 2, 3… in the order given (a stable, deterministic numbering).

    >>> note_numbers(["a", "7", "b"])
    {'a': 1, '7': 2, 'b': 3}
    """
    return {note_id: n for n, note_id in enumerate(ids, start=1)}


def typeset(runs: list[Run], lang: str) -> list[Run]:
    """Apply the typography of `lang` to the plain-text runs (addresses are left as written).

    >>> runs = typeset(split_links("Voir : https://a.fr/x:y !"), "fr")
    >>> [r.text for r in runs] == ["Voir\u202f: ", "https://a.fr/x:y", "\u202f!"]
    True
    """
    if not lang:
        return runs
    return [replace(r, text=typography.apply(r.text, lang)) if r.kind == "text" else r for r in runs]


def mark_runs(text: str, marks: Iterable[Mark]) -> list[Run]:
    """Cut `text` at its marks: a link is a "url" run of its words; addresses outside links are found.

    >>> [(r.kind, r.text, r.href, r.emphasis) for r in mark_runs("la Métropole vite", [
    ...     Mark("link", 3, 12, "www.a.fr"), Mark("strong", 13, 17)])]
    [('text', 'la ', '', ''), ('url', 'Métropole', 'https://www.a.fr', ''), ('text', ' ', '', ''), ('text', 'vite', '', 'strong')]
    >>> [r.text for r in mark_runs("a *b* c", [])]
    ['a *b* c']
    """
    events: dict[int, list[tuple[int, Mark]]] = {}
    for mark in marks:
        start, end = max(0, mark.start), min(len(text), mark.end)
        if start < end:
            events.setdefault(start, []).append((1, mark))
            events.setdefault(end, []).append((-1, mark))
    runs: list[Run] = []
    active: dict[Mark, None] = {}
    last = 0
    for at in sorted(events) + [len(text)]:
        if at > last:
            runs.extend(_under(text[last:at], active))
            last = at
        for step, mark in events.get(at, ()):
            if step > 0:
                active[mark] = None
            else:
                active.pop(mark, None)
    return _merge_text(runs)


def _under(piece: str, active: dict[Mark, None]) -> list[Run]:
    """The runs of a piece of text under the marks `active` (the last link opened wins)."""
    kinds = {mark.kind for mark in active}
    emphasis = "strong" if "strong" in kinds else "em" if "em" in kinds else ""
    links = [mark.href for mark in active if mark.kind == "link" and mark.href]
    if links:
        return [Run("url", piece, href_for(links[-1]), emphasis)]
    return [replace(run, emphasis=emphasis) for run in split_links(piece)]


def inline_runs(text: str, notes: Iterable[NoteRef] = (), numbers: dict[str, int] | None = None,
                lang: str = "", marks: Iterable[Mark] = ()) -> list[Run]:
    """Cut `text` into link runs with a "note" run after each footnote call's offset.

    A note run's text is the footnote's number from `numbers` (its id when it has none); with
    `lang`, the plain-text runs get that language's typography; with `marks`, the text is cut at
    them (and not read for Markdown-style marks).

    >>> [(r.kind, r.text) for r in inline_runs("Vu sur a.fr ici.", [NoteRef("1", 6)])]
    [('text', 'Vu sur'), ('note', '1'), ('text', ' a.fr ici.')]
    >>> [(r.kind, r.text) for r in inline_runs("Fin", [NoteRef("z", 99)], {"z": 4})]
    [('text', 'Fin'), ('note', '4')]
    """
    numbers = numbers or {}
    marks = tuple(marks)
    runs: list[Run] = []
    pos = 0
    for ref in sorted(notes, key=lambda r: r.offset):
        cut = max(pos, min(ref.offset, len(text)))
        runs.extend(_piece_runs(text, pos, cut, marks))
        runs.append(Run("note", str(numbers.get(ref.id, ref.id)), ref.id))
        pos = cut
    runs.extend(_piece_runs(text, pos, len(text), marks))
    return typeset(_merge_text(runs), lang)


def _piece_runs(text: str, start: int, end: int, marks: tuple[Mark, ...]) -> list[Run]:
    """The runs of text[start:end]: cut at the marks when the text has any, else read for marks."""
    if not marks:
        return marked_runs(text[start:end])
    inside = [replace(m, start=m.start - start, end=m.end - start) for m in marks if m.start < end and m.end > start]
    return mark_runs(text[start:end], inside)


def marked_paragraphs(text: str, notes: Iterable[NoteRef] = (),
                      marks: Iterable[Mark] = ()) -> list[tuple[str, tuple[NoteRef, ...], tuple[Mark, ...]]]:
    r"""`paragraphs`, each with its marks too (a mark never crosses a paragraph: it is cut there).

    >>> marked_paragraphs("Un.\n\nDeux.", (), [Mark("em", 5, 9)])[1]
    ('Deux.', (), (Mark(kind='em', start=0, end=4, href='', part='text'),))
    """
    marks = tuple(marks)
    found = []
    for start, end, refs in _paragraph_spans(text, tuple(notes)):
        inside = tuple(replace(m, start=max(m.start, start) - start, end=min(m.end, end) - start)
                       for m in marks if m.start < end and m.end > start)
        found.append((text[start:end], refs, inside))
    return found


def shifted(marks: Iterable[Mark], by: int) -> tuple[Mark, ...]:
    """Marks moved `by` characters (a text given quotation marks before it).

    >>> shifted([Mark("em", 0, 2)], 1)[0].start
    1
    """
    return tuple(replace(m, start=m.start + by, end=m.end + by) for m in marks)


def with_addresses(text: str, marks: Iterable[Mark]) -> str:
    """Plain text with each link's address after its words, for copy that cannot link.

    >>> with_addresses("Voir la Métropole.", [Mark("link", 8, 17, "https://a.fr")])
    'Voir la Métropole (https://a.fr).'
    >>> with_addresses("Voir a.fr.", [Mark("link", 5, 9, "https://a.fr")])
    'Voir a.fr.'
    """
    out, last = [], 0
    for mark in sorted((m for m in marks if m.kind == "link" and m.href), key=lambda m: m.end):
        end = min(mark.end, len(text))
        if end < last:
            continue
        address = shown_address(mark.href)
        label = text[mark.start:end]
        out.append(text[last:end])
        if _bare(address) not in label:
            out.append(f" ({address})")
        last = end
    return "".join(out) + text[last:]


def spelled_out(run: Run) -> str:
    """A run as plain text: a link whose words are not its address gets the address after them.

    >>> spelled_out(Run("url", "la Métropole", "https://a.fr")), spelled_out(Run("url", "a.fr", "https://a.fr"))
    ('la Métropole (https://a.fr)', 'a.fr')
    """
    if run.kind != "url" or not run.href:
        return run.text
    address = shown_address(run.href)
    return run.text if _bare(address) in run.text else f"{run.text} ({address})"


def shown_address(href: str) -> str:
    """A link's address as a reader would type it (no "mailto:").

    >>> shown_address("mailto:a@b.fr"), shown_address("https://a.fr/")
    ('a@b.fr', 'https://a.fr/')
    """
    return href.removeprefix("mailto:")


def _bare(address: str) -> str:
    """An address without its scheme and final slash ("a.fr")."""
    return address.split("//", 1)[-1].rstrip("/")


def footnote_runs(text: str, url: str = "", lang: str = "") -> list[Run]:
    """Cut a footnote's text into runs; a note whose URL is not written in it links as a whole.

    >>> [(r.kind, r.href) for r in footnote_runs("Rapport 2021", "https://a.fr/r.pdf")]
    [('url', 'https://a.fr/r.pdf')]
    >>> [(r.kind, r.text) for r in footnote_runs("Voir https://a.fr", "https://a.fr")]
    [('text', 'Voir '), ('url', 'https://a.fr')]
    """
    runs = split_links(text)
    if url and not any(r.kind != "text" for r in runs):
        return [Run("url", text.strip() or url, href_for(url))]
    return typeset(runs, lang)


def paragraphs(text: str, notes: Iterable[NoteRef] = ()) -> list[tuple[str, tuple[NoteRef, ...]]]:
    r"""Split a text on blank lines into paragraphs, each with the footnote calls that fall in it.

    >>> paragraphs("Un¹.\n\nDeux.", [NoteRef("1", 2)])
    [('Un¹.', (NoteRef(id='1', offset=2),)), ('Deux.', ())]
    >>> paragraphs("Deux.\n\nTrois.", [NoteRef("1", 12)])
    [('Deux.', ()), ('Trois.', (NoteRef(id='1', offset=5),))]
    """
    return [(text[start:end], refs) for start, end, refs in _paragraph_spans(text, tuple(notes))]


def _paragraph_spans(text: str, notes: tuple[NoteRef, ...]) -> list[tuple[int, int, tuple[NoteRef, ...]]]:
    """(start, end, footnote calls) of each paragraph of a text split on blank lines."""
    found, start = [], 0
    for gap in [*re.finditer(r"\n[ \t]*\n\s*", text), None]:
        end = gap.start() if gap else len(text)
        inside = tuple(NoteRef(n.id, n.offset - start) for n in notes if start <= n.offset <= end)
        if text[start:end].strip():
            found.append((start, end, inside))
        start = gap.end() if gap else end
    return found


def phones(value: str) -> list[str]:
    """Split a contact's phone field into its numbers.

    >>> phones("+33 1 23 45 67 89 / 06 12 34 56 78")
    ['+33 1 23 45 67 89', '06 12 34 56 78']
    """
    return [part.strip() for part in re.split(r"\s+/\s+|\s*;\s*", value) if part.strip()]


def escape(text: str) -> str:
    """Escape text for reportlab's paragraph markup (and XML): &, < and >.

    (xml.sax.saxutils.escape does the same but imports urllib.request, 14 ms of every start.)

    >>> escape("R&D <b> ]]> </para>")
    'R&amp;D &lt;b&gt; ]]&gt; &lt;/para&gt;'
    """
    return _html.escape(text, quote=False)
