"""The styled template of a theme and language: made once with python-docx, kept in the user's cache.

`styled_template(theme, lang_tag)` gives the bytes of an empty DOCX holding every style the renderer
uses; python-docx is imported only when the memo has no entry for them (`template.py`).
`style_ids` reads the styles' ids from the template's styles part.
"""
from __future__ import annotations

import io

from lxml import etree

from presskit.kit.theme import Theme
from presskit.runtime.disk_memo import disk_memo

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
# python-docx's UI names of the built-in styles whose names in styles.xml are lower case
_INTERNAL = {"Caption": "caption", "Footer": "footer", "Header": "header",
             **{f"Heading {n}": f"heading {n}" for n in range(1, 10)}}


def make_template(theme: Theme, lang_tag: str) -> bytes:
    """An empty DOCX with every style of the theme in one language.

    Restyling python-docx's template costs more than opening a styled one; every document of a
    theme and language starts from the same bytes, whether they were just made or kept.
    """
    import docx  # only on a miss of the memo: a render from a kept template never loads python-docx

    from presskit.renderers.docx.template import define_styles, prune_template

    doc = docx.Document()
    define_styles(doc, theme, lang_tag)
    prune_template(doc)
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


# the template kept in the user's cache, by theme and language (~40 KB each)
styled_template = disk_memo("docx-styles", "docx", "presskit.renderers.docx.template", limit=40,
                            key=lambda theme, lang_tag: f"{lang_tag} {theme!r}")(make_template)


def style_ids(styles_xml: bytes) -> dict[str, str]:
    """Every style's id by its name as python-docx names it ("Heading 1", "Quote"…).

    >>> style_ids(b'<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    ...           b'<w:style w:styleId="Heading1"><w:name w:val="heading 1"/></w:style></w:styles>')
    {'Heading 1': 'Heading1'}
    """
    ui_names = {internal: ui for ui, internal in _INTERNAL.items()}
    found = {}
    for style in etree.fromstring(styles_xml).iterchildren(f"{_W}style"):
        name = style.find(f"{_W}name")
        if name is not None:
            found[ui_names.get(name.get(f"{_W}val"), name.get(f"{_W}val"))] = style.get(f"{_W}styleId")
    return found
