"""Flowables of a press release in reportlab: title block, body blocks, notes, About, contacts."""
from __future__ import annotations

import html as _html
from dataclasses import dataclass
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import (
    Flowable,
    HRFlowable,
    KeepTogether,
    ListFlowable,
    ListItem,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from presskit.document import Block, Contact, Document, Mark, marks_of
from presskit.kit.theme import Theme
from presskit.renderers.pdf.quote import PullQuote
from presskit.renderers.pdf.setup import color
from presskit.renderers.pdf.tags import Group, tag
from presskit.typesetting import labels, typography
from presskit.typesetting.inline import (
    Run,
    escape,
    footnote_runs,
    href_for,
    inline_runs,
    marked_paragraphs,
    note_numbers,
    phones,
    plain,
    tel_href,
)


@dataclass
class Context:
    """What building the flowables of one document needs."""

    document: Document
    theme: Theme
    fonts: dict[str, str]
    styles: dict[str, Any]
    width: float
    anchor: str = "note"
    languages: tuple[str, ...] = ()  # the bilingual edition's page furniture speaks both

    @property
    def page_languages(self) -> tuple[str, ...]:
        """The languages of headers and footers: both in the bilingual edition."""
        return self.languages or (self.document.lang,)

    @property
    def lang(self) -> str:
        """The document's language code."""
        return self.document.lang

    @property
    def numbers(self) -> dict[str, int]:
        """Footnote numbers by id."""
        return note_numbers(n.id for n in self.document.footnotes)


def markup(runs: list[Run], link_color: str, anchor: str = "note") -> str:
    """Turn inline runs into escaped reportlab paragraph markup with links and note calls."""
    parts = []
    for run in runs:
        text = escape(run.text)
        if run.emphasis and run.kind != "note":
            tag = "b" if run.emphasis == "strong" else "i"
            text = f"<{tag}>{text}</{tag}>"
        if run.kind == "note":
            parts.append(f'<a href="#{anchor}-{text}"><super>{text}</super></a>')
        elif run.href:
            href = _html.escape(run.href, quote=True)
            parts.append(f'<a href="{href}" color="{link_color}">{text}</a>')
        else:
            parts.append(text)
    return "".join(parts)


def tagged(ctx: Context, paragraph: Paragraph, parent: Group | None = None) -> Paragraph:
    """`paragraph` tagged in the document's language (role from its style), under `parent`."""
    return tag(paragraph, lang=labels.lang_tag(ctx.lang), parent=parent)


def para(ctx: Context, text: str, style: str, notes: tuple = (), outline: int | None = None,
         parent: Group | None = None, marks: tuple[Mark, ...] = ()) -> Paragraph:
    """A paragraph of plain `text`, linkified and typeset, with its footnote calls and marks."""
    runs = inline_runs(text, notes, ctx.numbers, ctx.lang, marks)
    paragraph = tagged(ctx, Paragraph(markup(runs, ctx.theme.primary, ctx.anchor), ctx.styles[style]),
                       parent)
    if outline is not None:
        paragraph._outline = (typography.apply(plain(text), ctx.lang), outline)
    return paragraph


def title_block(ctx: Context, outline: int | None = 0) -> list[Flowable]:
    """Embargo, title, subtitle and dateline."""
    doc = ctx.document
    story: list[Flowable] = []
    if doc.embargo:
        story.append(para(ctx, doc.embargo, "embargo"))
    story.append(para(ctx, doc.title, "title", outline=outline))
    if doc.subtitle:
        story.append(para(ctx, doc.subtitle, "subtitle"))
    if doc.dateline and doc.dateline.text:
        story.append(para(ctx, doc.dateline.text, "dateline"))
    return story


def block(ctx: Context, item: Block) -> list[Flowable]:
    """The flowables of one body block."""
    if item.kind == "lede":
        return [boxed(ctx, texts(ctx, item, "lede") + ([bullets(ctx, item)] if item.items else []))]
    if item.kind == "heading":
        return [para(ctx, item.text, "heading", item.notes, outline=1, marks=marks_of(item.marks))]
    if item.kind == "list":
        return texts(ctx, item, "body") + [bullets(ctx, item)]
    if item.kind == "quote":
        return [quote(ctx, item)]
    if item.kind == "closing" and item.url:
        runs = [Run("url", item.text or item.url, href_for(item.url))]
        return [tagged(ctx, Paragraph(markup(runs, ctx.theme.primary), ctx.styles["closing"]))]
    return texts(ctx, item, "closing" if item.kind == "closing" else "body")


def texts(ctx: Context, item: Block, style: str) -> list[Flowable]:
    """A block's text as paragraphs (split on blank lines), each with its footnote calls."""
    return [para(ctx, text, style, notes, marks=marks)
            for text, notes, marks in marked_paragraphs(item.text, item.notes, marks_of(item.marks))]


def boxed(ctx: Context, content: Flowable | list[Flowable]) -> Table:
    """The lede in a lightly tinted box with a brand-coloured edge."""
    table = Table([[content]], colWidths=[ctx.width])
    table.setStyle(TableStyle([
        ("BACKGROUND", (0, 0), (-1, -1), color(ctx.theme.primary, tint=0.93)),
        ("LINEBEFORE", (0, 0), (0, -1), 3, color(ctx.theme.primary)),
        ("FONTNAME", (0, 0), (-1, -1), ctx.fonts["regular"]),
        ("LEFTPADDING", (0, 0), (-1, -1), 14), ("RIGHTPADDING", (0, 0), (-1, -1), 14),
        ("TOPPADDING", (0, 0), (-1, -1), 11), ("BOTTOMPADDING", (0, 0), (-1, -1), 13),
    ]))
    table.spaceAfter = 14
    return table


def bullets(ctx: Context, item: Block) -> ListFlowable:
    """A bulleted list with brand-coloured bullets."""
    group = Group("L", lang=labels.lang_tag(ctx.lang))
    items = [ListItem(para(ctx, entry, "item", parent=Group("LBody", Group("LI", group)),
                           marks=marks_of(item.marks, f"items[{j}]")))
             for j, entry in enumerate(item.items)]
    return ListFlowable(items, bulletType="bullet", start="•", leftIndent=14, bulletFontSize=9,
                        bulletFontName=ctx.fonts["regular"], bulletColor=color(ctx.theme.accent),
                        spaceAfter=8)


def quote(ctx: Context, item: Block) -> PullQuote:
    """A pull quote: accent bar, the words in the language's marks, "— Name, Role" under it."""
    opening, closing = labels.quote_marks(ctx.lang)
    chunks = marked_paragraphs(item.text, item.notes, marks_of(item.marks)) or [("", (), ())]
    group = Group("BlockQuote", lang=labels.lang_tag(ctx.lang))
    cell = []
    for index, (text, notes, marks) in enumerate(chunks):  # marks open the first paragraph, close the last
        runs = [Run("text", opening)] if index == 0 else []
        runs += inline_runs(text, notes, ctx.numbers, ctx.lang, marks)
        runs += [Run("text", closing)] if index == len(chunks) - 1 else []
        cell.append(tagged(ctx, Paragraph(markup(runs, ctx.theme.primary, ctx.anchor),
                                          ctx.styles["quote"]), group))
    speaker = labels.attribution_line(item)
    if speaker:
        cell.append(tagged(ctx, Paragraph(speaker_markup(ctx, item, speaker), ctx.styles["role"]), group))
    attribution = cell.pop() if speaker else None
    return PullQuote(cell, attribution, color(ctx.theme.accent), indent=6 * mm + 14, bar_x=6 * mm)


def speaker_markup(ctx: Context, item: Block, line: str) -> str:
    """ "— <b>Name</b>, Role, Organization": the speaker's name stands out."""
    line = typography.apply(line, ctx.lang)
    name = item.speaker.name if item.speaker else ""
    if name and line.startswith(f"— {name}"):
        rest = line[len(name) + 2:]
        return f'— <font name="{ctx.fonts["bold"]}" color="{ctx.theme.text}">{escape(name)}</font>' \
               f"{escape(rest)}"
    return escape(line)


def notes(ctx: Context) -> list[Flowable]:
    """The numbered footnotes after a short rule, each an anchor the calls link to."""
    if not ctx.document.footnotes:
        return []
    story: list[Flowable] = [HRFlowable(width="30%", thickness=0.5, color=color(ctx.theme.muted, 0.5),
                                        hAlign="LEFT", spaceBefore=12, spaceAfter=6)]
    for note in ctx.document.footnotes:
        number = ctx.numbers[note.id]
        text = markup(footnote_runs(note.text, note.url, ctx.lang), ctx.theme.primary)
        story.append(tagged(ctx, Paragraph(f'<a name="{ctx.anchor}-{number}"/>{number}. {text}',
                                           ctx.styles["note"])))
    return story


def about_title(ctx: Context, organization: str, heading: str) -> str:
    """ "À propos de X" / "About X", or the heading as written."""
    return labels.about_heading(ctx.lang, organization, heading)


def about(ctx: Context) -> list[Flowable]:
    """An "About X" section for each organisation."""
    story: list[Flowable] = []
    for entry in ctx.document.about:
        title = about_title(ctx, entry.organization, entry.heading)
        chunks = [para(ctx, p, "small", marks=marks) for p, _, marks in marked_paragraphs(entry.text, (), entry.marks)]
        story.append(KeepTogether([para(ctx, title, "heading", outline=1)] + chunks[:1]))
        story.extend(chunks[1:])
    return story


def contacts(ctx: Context) -> list[Flowable]:
    """The press contacts, with mailto: and tel: links, in a tinted box."""
    people = ctx.document.contacts
    if not people:
        return []
    key = "contact" if len(people) == 1 else "contacts"
    heading = para(ctx, labels.label(ctx.lang, key), "heading", outline=1)
    cells = [contact(ctx, c) for c in people]
    rows = [cells[i:i + 2] + [""] * (2 - len(cells[i:i + 2])) for i in range(0, len(cells), 2)]
    table = Table(rows, colWidths=[ctx.width / 2] * 2, hAlign="LEFT")
    table.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), ctx.fonts["regular"]),
                ("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 8),
    ]))
    return [KeepTogether([Spacer(1, 4), heading, table])]


def contact(ctx: Context, person: Contact) -> Paragraph:
    """One contact: name, role and organisation, e-mail and phone as links, free text."""
    link = ctx.theme.primary
    lines = []
    if person.name:
        lines.append(f"<b>{escape(person.name)}</b>")
    for value in (person.role, person.organization):
        if value:
            lines.append(escape(typography.apply(value, ctx.lang)))
    if person.email:
        lines.append(markup([Run("email", person.email, href_for(person.email))], link))
    for number in phones(person.phone):
        lines.append(markup([Run("url", number.replace(" ", "\u00a0"), tel_href(number))], link))
    if person.text:
        lines.append(markup(inline_runs(person.text, lang=ctx.lang), link))
    return tagged(ctx, Paragraph("<br/>".join(lines), ctx.styles["small"]))
