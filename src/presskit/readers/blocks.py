"""Body paragraphs to blocks: lists, "Label : text" runs, quotes (also over several paragraphs),
headings, the lede (a paragraph or a bullet list) and the closing lines."""
from __future__ import annotations

import re
from dataclasses import replace

from presskit.document import Block, Footnote
from presskit.readers.links import find_urls, full_url, has_scheme, url_key
from presskit.readers.notes import place_notes
from presskit.readers.patterns import (
    ends_sentence,
    is_bullet,
    is_url_line,
    link_line_url,
    strip_bullet,
)
from presskit.readers.quotes import (
    closes_quote,
    continuation,
    is_quote_intro,
    opens_unclosed_quote,
    parse_speaker,
    quote_block,
    signature,
)
from presskit.readers.reflow import Para

_CLOSING_MAX = 120
_QUOTE_SPAN = 8
_LABELLED = re.compile(r"^[^\W\d_][^:\n]{0,40}?\s?:\s*\S")
_MARKS = "«»“”„\""


def is_heading(text: str) -> bool:
    """True for a short line without final punctuation between paragraphs, or a short question
    ("Pourquoi se certifier ?")."""
    words = len(text.split())
    if text.endswith(":"):
        return words <= 6 and not text[:1].islower()
    if text.endswith("?") and text.count("?") == 1:
        return len(text) <= 100 and words <= 12 and text[:1].isupper() and not find_urls(text)
    return (len(text) <= 120 and words <= 14 and not text[:1].islower() and not find_urls(text)
            and not ends_sentence(text) and not text.endswith((",", ";")) and text[:1] not in "«“\"")


def _labelled_run(paras: list[Para], i: int) -> tuple[list[str], int]:
    """The items of a run of "Label : text" lines from `i`, and how many paragraphs they take.

    A line that follows an item ending with a comma is that item wrapped (text layers of PDFs).
    Fewer than two items are no run: ([], 0).
    """
    items: list[str] = []
    n = 0
    while i + n < len(paras) and (n == 0 or not paras[i + n].gap_before):
        text = paras[i + n].text
        if _LABELLED.match(text) and len(text) <= 200 and not is_url_line(text):
            items.append(text)
        elif items and items[-1].rstrip().endswith(","):
            items[-1] = f"{items[-1].rstrip()} {text.strip()}"
        else:
            break
        n += 1
    return (items, n) if len(items) >= 2 else ([], 0)


def _quote_span(paras: list[Para], i: int) -> int:
    """How many paragraphs a quotation opened in paragraph `i` spans (1 when it closes there or never)."""
    if not opens_unclosed_quote(paras[i].text):
        return 1
    for j in range(i + 1, min(i + _QUOTE_SPAN, len(paras))):
        if is_bullet(paras[j].text) or paras[j].hint == "heading":
            return 1
        if closes_quote(paras[j].text):
            return j - i + 1
    return 1


def _quote(paras: list[Para], i: int) -> tuple[Block, int] | None:
    """A quote block starting at paragraph `i` and how many paragraphs it used, or None."""
    span = _quote_span(paras, i)
    text = "\n\n".join([paras[i].text] + [continuation(p.text) for p in paras[i + 1:i + span]])
    following = paras[i + span].text if i + span < len(paras) else ""
    found = quote_block(text, following)
    if found:
        return found[0], span + found[1]
    if paras[i].hint == "quote":
        return Block("quote", text=text.strip(_MARKS + " ")), 1
    return None


def _unmarked_quote(paras: list[Para], i: int) -> tuple[Block, int] | None:
    """A quotation without quotation marks: announced by "X confirme :" or signed by the line right
    under it ("Philippe Donadieu, le fondateur de Kozea group"); else None."""
    if i + 1 >= len(paras) or paras[i + 1].hint == "heading":
        return None
    text, following = paras[i].text, paras[i + 1].text
    dashed = following[:1] in "–—" and signature(following) is not None  # "— Jean Dupont, président d'Acme"
    if is_bullet(following) and not dashed:
        return None
    if is_quote_intro(text) and not is_heading(following):
        return Block("quote", text=following.strip(_MARKS + " "), attribution=text.rstrip(" :"),
                     speaker=parse_speaker(text)), 2
    speaker = None if len(text) < 60 else signature(following)
    if speaker and ends_sentence(text) and not is_heading(text):
        return Block("quote", text=text.strip(_MARKS + " "), attribution=following.strip(), speaker=speaker), 2
    return None


def _one_block(paras: list[Para], i: int) -> tuple[Block, int]:
    """The block starting at paragraph `i` and how many paragraphs it used."""
    text = paras[i].text
    if is_bullet(text):
        n = 1
        while i + n < len(paras) and is_bullet(paras[i + n].text):
            n += 1
        return Block("list", items=tuple(strip_bullet(p.text) for p in paras[i:i + n])), n
    items, labelled = _labelled_run(paras, i)
    if labelled and paras[i].hint != "heading":
        return Block("list", items=tuple(items)), labelled
    found = None if paras[i].hint == "heading" else _quote(paras, i) or _unmarked_quote(paras, i)
    if found:
        return found
    heading = paras[i].hint in ("heading", "title", "subtitle") or (not paras[i].hint and is_heading(text))
    return Block("heading" if heading else "paragraph", text=text), 1


def build_blocks(paras: list[Para]) -> list[Block]:
    """Classify body paragraphs: lists, quotes, headings, paragraphs."""
    blocks: list[Block] = []
    paras = list(paras)
    i = 0
    while i < len(paras):
        block, used = _one_block(paras, i)
        split = _two_quotes(paras[i]) if block.kind in ("paragraph", "quote") and used == 1 else None
        if split:  # two attributed quotations run together (wrapped text without blank lines)
            paras[i:i + 1] = split
            continue
        blocks.append(block)
        i += used
    return once_each(same_speaker(merge_quotes(blocks)))


def _two_quotes(para: Para) -> list[Para] | None:
    """The paragraph as two when it holds an attributed quotation, then, after the sentence that
    names its speaker, another quotation with its own attribution; else None."""
    text = para.text
    match = _CLOSING_MARK.search(text)
    while match:
        for cut in _SENTENCE_CUT.finditer(text, match.end()):
            head, tail = text[:cut.start()], text[cut.end():]
            first, second = quote_block(head), quote_block(tail)
            if first and second and first[0].speaker and second[0].speaker and second[0].attribution:
                return [Para([head], para.line, para.gap_before), Para([tail], para.line, False)]
        match = _CLOSING_MARK.search(text, match.end())
    return None


_SENTENCE_CUT = re.compile(r"(?<=[^\W\d_]{2}[.!?])\s+(?=[A-ZÀ-ÖØ-Þ«“\"])")


_CLOSING_MARK = re.compile(r"[»”\"]\s*,?\s*")


def _plain(text: str) -> str:
    """Letters and digits only, lower case: quotations compared loosely."""
    return re.sub(r"[^\w]+", " ", text.lower()).strip()


def once_each(blocks: list[Block]) -> list[Block]:
    """A quotation given again further on (a "full quotations" section, a longer version) stays
    text: the same statement counts once."""
    seen: list[tuple[str, set[str]]] = []
    out = []
    for block in blocks:
        if block.kind == "quote":
            plain = _plain(block.text)
            words = {w for w in plain.split() if len(w) >= 4}
            if any(_same_statement(plain, words, earlier, earlier_words) for earlier, earlier_words in seen):
                text = " ".join(p for p in (f"« {block.text} »", block.attribution) if p)
                block = Block("paragraph", text=text)
            else:
                seen.append((plain, words))
        out.append(block)
    return out


def _same_statement(plain: str, words: set[str], earlier: str, earlier_words: set[str]) -> bool:
    """True when two quotations are one statement: one holds the other, or most of the shorter
    one's words are in the other (a longer version)."""
    if len(earlier) <= 40 or len(plain) <= 40:
        return False
    if plain in earlier or earlier in plain:
        return True
    shorter = min(words, earlier_words, key=len)
    return len(shorter) >= 8 and len(words & earlier_words) >= 0.6 * len(shorter)


_PRONOUN_ATTRIBUTION = re.compile(r"-t-(?:il|elle)\b|^(?:il|elle)\s|\s(?:il|elle)$", re.IGNORECASE)


def same_speaker(blocks: list[Block]) -> list[Block]:
    """Give a quote attributed by a pronoun ("ajoute-t-il", "poursuit-elle") the previous quote's
    speaker."""
    out: list[Block] = []
    last = None
    for block in blocks:
        if block.kind == "quote":
            pronoun = _PRONOUN_ATTRIBUTION.search(block.attribution.strip(" .,:"))
            if pronoun and last and (block.speaker is None or block.speaker.name.lower() in ("il", "elle")):
                block = replace(block, speaker=last)
            last = block.speaker or last
        out.append(block)
    return out


def merge_quotes(blocks: list[Block]) -> list[Block]:
    """Join a quotation without attribution to the attributed quotation right after it: French
    writes a quotation of several paragraphs as « … » « … », a dit X."""
    merged: list[Block] = []
    for block in blocks:
        previous = merged[-1] if merged else None
        if (block.kind == "quote" and block.attribution and previous and previous.kind == "quote"
                and not previous.attribution and previous.speaker is None):
            merged[-1] = replace(block, text=f"{previous.text}\n\n{block.text}")
        else:
            merged.append(block)
    return merged


def finish_blocks(blocks: list[Block], footnotes: tuple[Footnote, ...]) -> list[Block]:
    """Mark the lede (a paragraph, or a bullet list opening the body) and the closing lines, and
    place the footnote calls."""
    blocks = mark_closing(blocks)
    if blocks and blocks[0].kind in ("paragraph", "list"):
        blocks[0] = replace(blocks[0], kind="lede")
    return place_notes(blocks, footnotes)


def _is_closing(block: Block) -> bool:
    """True for a web address or one short sentence, as a release's last body lines are."""
    if block.kind != "paragraph":
        return False
    if link_line_url(block.text):
        return True
    sentences = re.findall(r"[.!?…](?:\s|$)", block.text)
    return len(block.text) <= _CLOSING_MAX and ends_sentence(block.text) and len(sentences) == 1


def mark_closing(blocks: list[Block]) -> list[Block]:
    """Turn the last lines into closing blocks when web addresses end the body: the addresses
    (one block per address) and the short sentences just before them."""
    start = len(blocks)
    while start > 1 and _is_closing(blocks[start - 1]):
        start -= 1
    if not any(link_line_url(b.text) for b in blocks[start:]):
        start = len(blocks)
    closing: list[Block] = []
    for block in blocks[start:]:
        url = link_line_url(block.text)
        if not url:
            closing.append(replace(block, kind="closing"))
            continue
        same = next((i for i, b in enumerate(closing) if b.url and url_key(b.url) == url_key(url)), None)
        if same is None:
            closing.append(Block("closing", text=block.text, url=full_url(url)))
        elif has_scheme(url) and not has_scheme(closing[same].text):
            closing[same] = replace(closing[same], url=url)
    return blocks[:start] + closing
