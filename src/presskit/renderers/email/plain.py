"""The release as plain text wrapped at 72 columns: the e-mail's text part."""
from __future__ import annotations

import re
import textwrap

from presskit.document import Block, Document, marks_of
from presskit.typesetting import labels, typography
from presskit.typesetting.inline import (
    inline_runs,
    marked_paragraphs,
    note_numbers,
    shifted,
    spelled_out,
    with_addresses,
)

WIDTH = 72
_ASCII_SPACES = re.compile(r"[ \t\r\n]+")  # no-break spaces stay: they bind


def fill(text: str, width: int = WIDTH, indent: str = "") -> str:
    """Wrap one paragraph at `width` columns, never breaking a word or a web address.

    >>> fill("a " * 40).splitlines()[0] == "a " * 35 + "a"
    True
    >>> fill("see https://example.org/" + "x" * 80)
    'see\\nhttps://example.org/xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'
    """
    return textwrap.fill(_ASCII_SPACES.sub(" ", text).strip(), width, initial_indent=indent, subsequent_indent=indent,
                         break_long_words=False, break_on_hyphens=False)


def run_text(text: str, notes, numbers: dict[str, int], lang: str, marks=()) -> str:
    """A text with its footnote calls as "[1]", its links' addresses and the language's typography.

    >>> from presskit.document import NoteRef
    >>> run_text("Vu ici.", [NoteRef("a", 6)], {"a": 1}, "fr")
    'Vu ici[1].'
    """
    return "".join(f"[{r.text}]" if r.kind == "note" else spelled_out(r)
                   for r in inline_runs(text, notes, numbers, lang, marks))


def block_text(block: Block, lang: str, numbers: dict[str, int]) -> list[str]:
    """One block as wrapped paragraphs (a list as dashed items, a quote with its attribution)."""
    if block.kind == "list":
        return ["\n".join(fill(run_text(item, (), numbers, lang, marks_of(block.marks, f"items[{j}]")),
                               indent="  ").replace("  ", "- ", 1)
                          for j, item in enumerate(block.items))]
    if block.kind == "quote":
        opening, closing = labels.quote_marks(lang)
        marks = shifted(marks_of(block.marks), len(opening) - (len(block.text) - len(block.text.lstrip())))
        said = run_text(f"{opening}{block.text.strip()}{closing}", (), numbers, lang, marks)
        line = typography.apply(labels.attribution_line(block), lang)
        return [fill(said)] + ([fill(line)] if line else [])
    if block.kind == "heading":
        heading = typography.apply(block.text, lang)
        return [fill(heading) + "\n" + "-" * min(WIDTH, len(heading))]
    found = [fill(run_text(text, refs, numbers, lang, marks))
             for text, refs, marks in marked_paragraphs(block.text, block.notes, marks_of(block.marks))]
    if block.kind == "closing" and block.url and _bare(block.url) not in block.text:
        found.append(block.url)
    return found


def plain_text(document: Document, *, page_url: str = "", online_label: str = "") -> str:
    """The whole release as text: header, body, figures, notes, About, contacts, web page."""
    lang = document.lang
    numbers = note_numbers(n.id for n in document.footnotes)
    parts: list[str] = []
    if document.embargo:
        parts.append(fill(document.embargo.upper()))
    parts += [fill(item.upper()) for item in document.labels]
    title = typography.apply(document.title, lang)
    parts.append(fill(title) + "\n" + "=" * min(WIDTH, len(title)))
    if document.subtitle:
        parts.append(fill(typography.apply(document.subtitle, lang)))
    if document.dateline:
        parts.append(fill(document.dateline.text))
    for block in document.blocks:
        parts += block_text(block, lang, numbers)
    if document.figures:
        parts.append(labels.label(lang, "key_figures").upper() + "\n" + "\n".join(
            fill(typography.apply(f"{f.value} – {f.label}", lang), indent="  ").replace("  ", "- ", 1)
            for f in document.figures))
    if document.footnotes:
        parts.append(labels.label(lang, "notes").upper() + "\n" + "\n".join(
            fill(f"[{numbers[n.id]}] {typography.apply(n.text, lang) if n.text != n.url else n.url}")
            for n in document.footnotes))
    for about in document.about:
        parts.append(labels.label(lang, "about", org=about.organization).upper())
        parts += [fill(typography.apply(with_addresses(text, marks), lang))
                  for text, _, marks in marked_paragraphs(about.text, (), about.marks)]
    if document.contacts:
        parts.append(contacts_text(document))
    if page_url:
        parts.append(fill(f"{online_label}: {page_url}"))
    return "\n\n".join(parts) + "\n"


def contacts_text(document: Document) -> str:
    """The press contacts, one line per detail."""
    lang = document.lang
    lines = [labels.label(lang, "contacts" if len(document.contacts) > 1 else "contact").upper()]
    for contact in document.contacts:
        for value in (contact.name, typography.apply(contact.role, lang), contact.organization,
                      contact.email, contact.phone, typography.apply(contact.text, lang)):
            if value.strip():
                lines.append(fill(value))
    return "\n".join(lines)


def _bare(url: str) -> str:
    """A web address without its scheme and final slash, as releases write it.

    >>> _bare("http://france-bioproduction.com/")
    'france-bioproduction.com'
    """
    return url.split("//", 1)[-1].rstrip("/")
