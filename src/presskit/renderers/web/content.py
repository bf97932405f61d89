"""The release's text as the templates need it: blocks cut into runs, notes, figures, About, contacts."""
from __future__ import annotations

from dataclasses import dataclass, field

from presskit.document import Block, Document, Figure, marks_of
from presskit.typesetting import labels, typography
from presskit.typesetting.figures import charted_series, split_value
from presskit.typesetting.inline import (
    Run,
    footnote_runs,
    inline_runs,
    marked_paragraphs,
    note_numbers,
    phones,
    shifted,
    tel_href,
)


@dataclass(frozen=True)
class Part:
    """One block of the page body: its kind, its paragraphs of runs, list items, quote attribution."""

    kind: str
    paragraphs: tuple[tuple[Run, ...], ...] = ()
    items: tuple[tuple[Run, ...], ...] = ()
    attribution: str = ""
    href: str = ""


@dataclass(frozen=True)
class Content:
    """Everything of one language's page that comes from the release itself."""

    lede: tuple[Part, ...]
    body: tuple[Part, ...]
    notes: tuple[tuple[str, str, tuple[Run, ...]], ...]  # (number, id, runs)
    cards: tuple[tuple[str, str, str], ...]  # (qualifier, number, label)
    series: tuple[tuple[str, tuple[Figure, ...]], ...]
    about: tuple[tuple[str, tuple[tuple[Run, ...], ...]], ...]
    contacts: tuple[dict, ...] = field(default=())


def content(document: Document) -> Content:
    """Cut `document` into the parts its page shows."""
    lang = document.lang
    numbers = note_numbers(note.id for note in document.footnotes)
    parts = [_part(block, lang, numbers) for block in document.blocks]
    charted = charted_series(document.figures)
    in_chart = {id(f) for _, items in charted for f in items}
    return Content(
        lede=tuple(p for p, b in zip(parts, document.blocks) if b.kind == "lede"),
        body=tuple(p for p, b in zip(parts, document.blocks) if b.kind != "lede"),
        notes=tuple((str(numbers[n.id]), n.id, tuple(footnote_runs(n.text, n.url, lang)))
                    for n in document.footnotes),
        cards=tuple((*split_value(typography.apply(f.value, lang)), typography.apply(f.label, lang))
                    for f in document.figures if id(f) not in in_chart),
        series=tuple((typography.apply(name, lang), tuple(items)) for name, items in charted),
        about=tuple((labels.label(lang, "about", org=a.organization), _paragraph_runs(a.text, lang, marks=a.marks))
                    for a in document.about),
        contacts=tuple(_contact(c, lang) for c in document.contacts),
    )


def _paragraph_runs(text: str, lang: str, notes=(), numbers=None, marks=()) -> tuple[tuple[Run, ...], ...]:
    """A text cut on blank lines, each paragraph into runs (with its marks)."""
    return tuple(tuple(inline_runs(para, refs, numbers, lang, inside))
                 for para, refs, inside in marked_paragraphs(text, notes, marks))


def _part(block: Block, lang: str, numbers: dict[str, int]) -> Part:
    """One block as a page part."""
    if block.kind == "list":
        return Part("list", items=tuple(
            tuple(inline_runs(item, (), numbers, lang, marks_of(block.marks, f"items[{j}]")))
            for j, item in enumerate(block.items)))
    text = block.text
    if block.kind == "quote":
        opening, closing = labels.quote_marks(lang)
        text = f"{opening}{text.strip()}{closing}"
        notes = tuple(type(n)(n.id, n.offset + len(opening)) for n in block.notes)
        marks = shifted(marks_of(block.marks), len(opening) - (len(block.text) - len(block.text.lstrip())))
        return Part("quote", _paragraph_runs(text, lang, notes, numbers, marks),
                    attribution=typography.apply(labels.attribution_line(block), lang))
    return Part(block.kind, _paragraph_runs(text, lang, block.notes, numbers, marks_of(block.marks)), href=block.url)


def _contact(contact, lang: str) -> dict:
    """A press contact with its mailto: and tel: links."""
    return {
        "heading": contact.heading.strip().rstrip(":").strip(),
        "name": contact.name, "role": typography.apply(contact.role, lang),
        "organization": contact.organization,
        "email": contact.email, "mailto": f"mailto:{contact.email}" if contact.email else "",
        "phones": [(number, tel_href(number)) for number in phones(contact.phone)],
        "text": _paragraph_runs(contact.text, lang) if contact.text else (),
    }
