"""The plain-text reader: a French press release as text (often exported from a PDF) → Document."""
from __future__ import annotations

import re
from dataclasses import replace

from presskit.document import Block, Document, Footnote
from presskit.readers.decode import normalise
from presskit.readers.front import Front, is_title_like, take_front_item
from presskit.readers.links import full_url, has_scheme, unique_links, url_key
from presskit.readers.notes import extract_footnotes, place_notes
from presskit.readers.patterns import (
    ends_sentence,
    is_bullet,
    is_url_line,
    strip_bullet,
)
from presskit.readers.quotes import quote_block
from presskit.readers.reflow import Para, paragraphs
from presskit.readers.sections import build_about, build_contacts, split_sections

_DATELINE_SEARCH = 3
_CLOSING_MAX = 120


def parse(text: str, source: str = "") -> Document:
    """Build the Document of a French press release given as plain text."""
    text = normalise(text)
    lines, footnotes = extract_footnotes(text.split("\n"))
    paras = paragraphs(lines)
    front, paras = read_front(paras)
    body, abouts, contact_sections = split_sections(paras)
    blocks = finish_blocks(build_blocks(body), footnotes)
    about = tuple(build_about(section) for section in abouts)
    contacts = tuple(c for section in contact_sections for c in build_contacts(section))
    document = Document(
        lang="fr", title=front.title, subtitle=front.subtitle, dateline=front.dateline,
        labels=tuple(front.labels), embargo=front.embargo, blocks=tuple(blocks), footnotes=footnotes,
        about=about, contacts=contacts, source=source)
    date = front.dateline.date if front.dateline else ""
    return document.evolve(links=unique_links([text]), meta=(("date", date),) if date else ())


def read_front(paras: list[Para]) -> tuple[Front, list[Para]]:
    """Take title, subtitle, labels, embargo and dateline from the first paragraphs."""
    front = Front()
    rest = list(paras)
    while rest:
        text = rest[0].text
        matched, remainder = take_front_item(front, text)
        if matched:
            rest = ([Para([remainder], rest[0].line)] if remainder else []) + rest[1:]
            if remainder:
                break
        elif is_title_like(text) and not front.subtitle:
            front.title, front.subtitle = (front.title, text) if front.title else (text, "")
            rest = rest[1:]
        else:
            break
    if not front.dateline:
        rest = _dateline_in_body(front, rest)
    return front, rest


def _dateline_in_body(front: Front, paras: list[Para]) -> list[Para]:
    """Find a dateline opening one of the first body paragraphs (it may follow the chapô)."""
    for i, para in enumerate(paras[:_DATELINE_SEARCH]):
        matched, remainder = take_front_item(front, para.text)
        if matched:
            kept = [Para([remainder], para.line)] if remainder else []
            return paras[:i] + kept + paras[i + 1:]
    return paras


def is_heading(text: str) -> bool:
    """True for a short line without final punctuation between paragraphs."""
    words = len(text.split())
    if text.endswith(":"):
        return words <= 6 and not text[:1].islower()
    return (len(text) <= 120 and words <= 14 and not text[:1].islower() and not is_url_line(text)
            and not ends_sentence(text) and not text.endswith((",", ";")) and text[:1] not in "«“\"")


def build_blocks(paras: list[Para]) -> list[Block]:
    """Classify body paragraphs: lists, quotes, headings, paragraphs."""
    blocks: list[Block] = []
    i = 0
    while i < len(paras):
        text = paras[i].text
        if is_bullet(text):
            items = []
            while i < len(paras) and is_bullet(paras[i].text):
                items.append(strip_bullet(paras[i].text))
                i += 1
            blocks.append(Block("list", items=tuple(items)))
            continue
        found = quote_block(text, paras[i + 1].text if i + 1 < len(paras) else "")
        if found:
            blocks.append(found[0])
            i += 2 if found[1] else 1
            continue
        blocks.append(Block("heading" if is_heading(text) else "paragraph", text=text))
        i += 1
    return blocks


def finish_blocks(blocks: list[Block], footnotes: tuple[Footnote, ...]) -> list[Block]:
    """Mark the lede and the closing lines, and place the footnote calls."""
    blocks = mark_closing(blocks)
    if blocks and blocks[0].kind == "paragraph":
        blocks[0] = replace(blocks[0], kind="lede")
    return place_notes(blocks, footnotes)


def _is_closing(block: Block) -> bool:
    """True for a web address or one short sentence, as a release's last body lines are."""
    if block.kind != "paragraph":
        return False
    if is_url_line(block.text):
        return True
    sentences = re.findall(r"[.!?…](?:\s|$)", block.text)
    return len(block.text) <= _CLOSING_MAX and ends_sentence(block.text) and len(sentences) == 1


def mark_closing(blocks: list[Block]) -> list[Block]:
    """Turn the last lines into closing blocks when web addresses end the body: the addresses
    (one block per address) and the short sentences just before them."""
    start = len(blocks)
    while start > 1 and _is_closing(blocks[start - 1]):
        start -= 1
    while start < len(blocks) and not any(is_url_line(b.text) for b in blocks[start:]):
        start += 1
    closing: list[Block] = []
    for block in blocks[start:]:
        if not is_url_line(block.text):
            closing.append(replace(block, kind="closing"))
            continue
        url = block.text.rstrip(".,;:!? ")
        same = next((i for i, b in enumerate(closing) if b.url and url_key(b.url) == url_key(url)), None)
        if same is None:
            closing.append(Block("closing", text=block.text, url=full_url(url)))
        elif has_scheme(url) and not has_scheme(closing[same].text):
            closing[same] = replace(closing[same], url=url)
    return blocks[:start] + closing
