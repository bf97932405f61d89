"""The e-mail's HTML part: a 600-pixel table with inline CSS, which Gmail and Outlook keep."""
from __future__ import annotations

import functools
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from presskit.document import Document, marks_of
from presskit.kit.theme import Theme
from presskit.renderers.jinja_cache import bytecode_cache
from presskit.typesetting import labels, typography
from presskit.typesetting.inline import (
    footnote_runs,
    inline_runs,
    marked_paragraphs,
    note_numbers,
    phones,
    shifted,
    tel_href,
)

TEMPLATES = Path(__file__).parent / "templates"
FONT = "Arial, Helvetica, sans-serif"  # web fonts do not survive mail clients


@functools.cache
def _environment() -> Environment:
    """The Jinja2 environment of the e-mail templates, autoescaping HTML."""
    return Environment(loader=FileSystemLoader(TEMPLATES), undefined=StrictUndefined,
                       autoescape=select_autoescape(["html"]), trim_blocks=True, lstrip_blocks=True,
                       bytecode_cache=bytecode_cache("email"))


def html_body(document: Document, theme: Theme, *, page_url: str = "", online_label: str = "") -> str:
    """Render the HTML part of `document`."""
    lang = document.lang
    numbers = note_numbers(n.id for n in document.footnotes)
    blocks = []
    for block in document.blocks:
        if block.kind == "list":
            blocks.append({"kind": "list", "items": [inline_runs(i, (), numbers, lang,
                                                                 marks_of(block.marks, f"items[{j}]"))
                                                     for j, i in enumerate(block.items)]})
            continue
        text, marks = block.text, marks_of(block.marks)
        if block.kind == "quote":
            opening, closing = labels.quote_marks(lang)
            text = f"{opening}{text.strip()}{closing}"
            marks = shifted(marks, len(opening) - (len(block.text) - len(block.text.lstrip())))
        blocks.append({"kind": block.kind, "href": block.url,
                       "paragraphs": [inline_runs(t, () if block.kind == "quote" else refs, numbers, lang, inside)
                                      for t, refs, inside in marked_paragraphs(text, block.notes, marks)],
                       "attribution": typography.apply(labels.attribution_line(block), lang)
                       if block.kind == "quote" else ""})
    return _environment().get_template("message.html").render(
        lang=labels.lang_tag(lang), doc=document, blocks=blocks, font=FONT, theme=theme,
        title=typography.apply(document.title, lang), subtitle=typography.apply(document.subtitle, lang),
        figures=[(typography.apply(f.value, lang), typography.apply(f.label, lang)) for f in document.figures],
        notes=[(numbers[n.id], footnote_runs(n.text, n.url, lang)) for n in document.footnotes],
        about=[(labels.label(lang, "about", org=a.organization),
                [inline_runs(t, (), None, lang, inside) for t, _, inside in marked_paragraphs(a.text, (), a.marks)])
               for a in document.about],
        contacts=[{"lines": [v for v in (c.name, typography.apply(c.role, lang), c.organization) if v.strip()],
                   "email": c.email, "phones": [(p, tel_href(p)) for p in phones(c.phone)]}
                  for c in document.contacts],
        words={"press_release": labels.label(lang, "press_release"),
               "key_figures": labels.label(lang, "key_figures"), "notes": labels.label(lang, "notes"),
               "contact": labels.label(lang, "contacts" if len(document.contacts) > 1 else "contact"),
               "online": online_label},
        page_url=page_url)
