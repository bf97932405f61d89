"""The plain-text reader: a French press release as text (often exported from a PDF) → Document.

The Markdown, DOCX and PDF readers turn their file into text of the same shape and hand it here,
with a `Layout` of what their markup said (headings, links, footnotes).
"""
from __future__ import annotations

from presskit.document import Document, Footnote
from presskit.readers.blocks import build_blocks, finish_blocks
from presskit.readers.contacts import EMAIL, build_contacts
from presskit.readers.decode import normalise
from presskit.readers.front import Front, can_be_title, is_kicker, is_title_like, take_front_item
from presskit.readers.layout import Layout
from presskit.readers.links import full_url, unique_links, url_key
from presskit.readers.marks import attach
from presskit.readers.notes import extract_footnotes
from presskit.readers.patterns import is_bullet, is_url_line
from presskit.readers.reflow import Para, paragraphs
from presskit.readers.sections import build_about, split_sections

_DATELINE_SEARCH = 3


def parse(text: str, source: str = "", layout: Layout | None = None) -> Document:
    """Build the Document of a French press release given as plain text."""
    layout = layout or Layout()
    text = normalise(text)
    lines, footnotes = extract_footnotes(text.split("\n"))
    footnotes = _renumbered(footnotes, layout.footnotes)
    paras = paragraphs(lines, structured=layout.structured, typeset=layout.typeset)
    for para in paras:
        para.hint = layout.hints.get(para.line - 1, "")
    front, paras = read_front(paras)
    body, abouts, contact_sections = split_sections(paras)
    blocks = finish_blocks(build_blocks(body), footnotes)
    document = Document(
        lang="fr", title=front.title, subtitle=front.subtitle, dateline=front.dateline,
        labels=tuple(front.labels), embargo=front.embargo, blocks=tuple(blocks), footnotes=footnotes,
        about=tuple(build_about(section) for section in abouts),
        contacts=tuple(c for section in contact_sections for c in build_contacts(section)), source=source)
    return attach(document, layout.marks).evolve(links=_links(text, footnotes, layout.links),
                                                 meta=_meta(front), doubts=doubts(document))


def doubts(document: Document) -> tuple[str, ...]:
    """What the reader could not decide and did not guess: no title, a quote without a speaker."""
    found = []
    if not document.title:
        found.append("no title found: the first line reads like body text; put the title on the first line")
    for i, block in enumerate(document.blocks):
        if block.kind == "quote" and not block.speaker:
            words = " ".join(block.text.split()[:6])
            found.append(f"blocks[{i}]: a quote without a speaker (« {words} … »)")
    return tuple(found)


def _renumbered(found: tuple[Footnote, ...], given: tuple[Footnote, ...]) -> tuple[Footnote, ...]:
    """The footnotes of the text followed by those of the file (a file's own take precedence)."""
    ids = {note.id for note in given}
    return tuple(note for note in found if note.id not in ids) + given


def _links(text: str, footnotes: tuple[Footnote, ...], extra: tuple[str, ...]) -> tuple[str, ...]:
    """Every web address of the text and of the file's links, then every e-mail address (mailto:)."""
    urls = unique_links([text, *(note.text for note in footnotes)])
    seen = {url_key(url) for url in urls}
    for url in extra:
        if url.lower().startswith("mailto:"):
            continue
        if url_key(url) not in seen:
            seen.add(url_key(url))
            urls += (full_url(url),)
    emails = dict.fromkeys(m.group().lower() for m in EMAIL.finditer(text))
    emails.update((url[7:].lower(), None) for url in extra if url.lower().startswith("mailto:"))
    return urls + tuple(f"mailto:{email}" for email in emails)


def _meta(front: Front) -> tuple[tuple[str, str], ...]:
    """The release date and the embargo's date and time, when the front gave them."""
    meta = []
    if front.dateline and front.dateline.date:
        meta.append(("date", front.dateline.date))
    if front.embargo_at:
        meta.append(("embargo", front.embargo_at))
    return tuple(meta)


def _take_title(front: Front, para: Para, following: Para | None) -> bool:
    """Record the paragraph as title, subtitle or kicker when its place, text or markup makes it one."""
    text = para.text
    if para.hint == "title" and not front.title:
        front.title = text
    elif para.hint == "subtitle" and not front.subtitle:
        front.subtitle = text
    elif para.hint not in ("", "title", "subtitle", "heading"):
        return False
    elif is_kicker(text) and _kicker_here(front, text, following) or not front.title and is_url_line(text):
        front.labels.append(text)  # a kicker, or the web address heading the page
    elif not front.title and can_be_title(text):
        front.title = text
    elif front.title and not front.subtitle and is_title_like(text):
        front.subtitle = text
    else:
        return False
    return True


def _title_cut(paras: list[Para]) -> list[Para]:
    """In text with no blank lines the title may run into the next paragraph: cut the first
    paragraph after its first line ending a sentence ("… (CNLL)." then "10 associations …")."""
    if not paras or paras[0].hint or len(paras[0].lines) < 2:
        return paras
    first = paras[0]
    for i, line in enumerate(first.lines[:-1]):
        if line.rstrip().endswith((".", "!", "?")) and can_be_title(" ".join(first.lines[:i + 1])):
            return [Para(first.lines[:i + 1], first.line, first.gap_before),
                    Para(first.lines[i + 1:], first.line + i + 1, False)] + paras[1:]
    return paras


def _kicker_here(front: Front, text: str, following: Para | None) -> bool:
    """True when a kicker-like line ("Framasoft", "VILLE DE LYON") stands as a label: next to a
    label or a dateline, or in capitals above a title."""
    if front.title:
        return bool(front.labels)
    if following is None:
        return False
    probe = Front()
    next_is_front = take_front_item(probe, following.text)[0]
    return next_is_front or (text.isupper() or bool(front.labels)) and is_title_like(following.text)


def read_front(paras: list[Para]) -> tuple[Front, list[Para]]:
    """Take title, subtitle, labels, embargo and dateline from the first paragraphs."""
    front = Front()
    rest = _title_cut(list(paras))
    while rest:
        matched, remainder = take_front_item(front, rest[0].text)
        if matched:
            rest = ([Para([remainder], rest[0].line)] if remainder else []) + rest[1:]
            if remainder:
                break
        elif _take_title(front, rest[0], rest[1] if len(rest) > 1 else None):
            rest = rest[1:]
        else:
            break
    if not front.dateline:
        rest = _dateline_in_body(front, rest)
    return front, rest


def _dateline_in_body(front: Front, paras: list[Para]) -> list[Para]:
    """Find a dateline opening one of the first body paragraphs (it may follow the chapô)."""
    searched = 0
    for i, para in enumerate(paras):
        if is_bullet(para.text) or para.hint:
            continue
        searched += 1
        if searched > _DATELINE_SEARCH:
            break
        matched, remainder = take_front_item(front, para.text)
        if matched:
            kept = [Para([remainder], para.line)] if remainder else []
            return paras[:i] + kept + paras[i + 1:]
    return paras
