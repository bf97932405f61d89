"""A readable indented outline of a Document, for `presskit parse FILE`."""
from __future__ import annotations

from presskit.document import Block, Contact, Document

WIDTH = 72
INDENT = "  "


def shorten(text: str, width: int = WIDTH) -> str:
    """The text on one line, cut with "…" when longer than `width`."""
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def render_tree(document: Document) -> str:
    """The document's structure as an indented tree, one element a line."""
    lines = [f"Document ({document.lang})" + (f" {document.source}" if document.source else "")]
    lines += _front(document)
    lines += _section("blocks", [_block(i, b) for i, b in enumerate(document.blocks)])
    lines += _section("footnotes", [[f"[{n.id}] {shorten(n.text)}"] for n in document.footnotes])
    lines += _section("about", [[f"{a.organization}: {shorten(a.heading)}",
                                 f"{INDENT}{shorten(a.text)}"] for a in document.about])
    lines += _section("contacts", [_contact_lines(c) for c in document.contacts])
    lines += _section("links", [[link] for link in document.links])
    lines += _section("doubts", [[f"unsure: {doubt}"] for doubt in document.doubts])
    return "\n".join(lines) + "\n"


def _front(document: Document) -> list[str]:
    """Lines for title, subtitle, dateline, labels and embargo (only those present)."""
    lines = []
    for name in ("title", "subtitle"):
        if getattr(document, name):
            lines.append(f"{INDENT}{name}: {shorten(getattr(document, name))}")
    if document.embargo:
        until = document.meta_value("embargo")
        lines.append(f"{INDENT}embargo: {shorten(document.embargo)}" + (f" [{until}]" if until else ""))
    if document.dateline:
        d = document.dateline
        lines.append(f"{INDENT}dateline: {d.text}" + (f" [{d.place}, {d.date}]" if d.place or d.date else ""))
    if document.labels:
        lines.append(f"{INDENT}labels: " + " | ".join(document.labels))
    return lines


def _section(name: str, entries: list[list[str]]) -> list[str]:
    """A titled section with its entries indented under it; nothing when empty."""
    if not entries:
        return []
    lines = [f"{INDENT}{name} ({len(entries)})"]
    for entry in entries:
        lines += [INDENT * 2 + line for line in entry]
    return lines


def _block(index: int, block: Block) -> list[str]:
    """Lines describing one block."""
    head = f"[{index}] {block.kind}"
    if block.items:
        return [f"{head} ({len(block.items)} items)"] + [f"{INDENT}- {shorten(it)}" for it in block.items]
    text = f"« {shorten(block.text)} »" if block.kind == "quote" else shorten(block.text)
    lines = [f"{head}: {text}"]
    if block.speaker:
        who = ", ".join(p for p in (block.speaker.name, block.speaker.role, block.speaker.organization) if p)
        lines.append(f"{INDENT}speaker: {shorten(who)}")
    elif block.attribution:
        lines.append(f"{INDENT}attribution: {shorten(block.attribution)}")
    if block.url:
        lines.append(f"{INDENT}url: {block.url}")
    if block.notes:
        lines.append(f"{INDENT}notes: " + ", ".join(f"[{n.id}]@{n.offset}" for n in block.notes))
    return lines


def _contact_lines(contact: Contact) -> list[str]:
    """Lines for a contact: its section heading, the fields it has, then what else it says."""
    lines = [f"({shorten(contact.heading)})"] if contact.heading else []
    fields = [contact.name, contact.role, contact.organization, contact.email, contact.phone]
    lines.append(" | ".join(f for f in fields if f) or "(no name)")
    lines += [f"{INDENT}{shorten(line)}" for line in contact.text.splitlines() if line.strip()]
    return lines
