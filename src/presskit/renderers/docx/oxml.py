"""WordprocessingML written as text: runs with w:lang, hyperlinks, fields, footnotes, borders.

Every text and attribute value goes through `text` or `attr` (XML escaping, and the characters XML
cannot hold dropped), so the parts are well-formed whatever a release says.
"""
from __future__ import annotations

import re
from typing import Callable, Iterable

from presskit.typesetting.inline import Run

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
DECLARATION = "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
# the namespaces python-docx's header and footer templates declare
PART_NAMESPACES = (
    'xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:mo="http://schemas.microsoft.com/office/mac/office/2008/main" '
    'xmlns:mv="urn:schemas-microsoft-com:mac:vml" xmlns:o="urn:schemas-microsoft-com:office:office" '
    f'xmlns:r="{R_NS}" xmlns:v="urn:schemas-microsoft-com:vml" '
    'xmlns:w10="urn:schemas-microsoft-com:office:word" '
    'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" '
    f'xmlns:w="{W_NS}" xmlns:wne="http://schemas.microsoft.com/office/word/2006/wordml" '
    'xmlns:wp14="http://schemas.microsoft.com/office/word/2010/wordprocessingDrawing" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:wpc="http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas" '
    'xmlns:wpg="http://schemas.microsoft.com/office/word/2010/wordprocessingGroup" '
    'xmlns:wpi="http://schemas.microsoft.com/office/word/2010/wordprocessingInk" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" mc:Ignorable="w14 wp14"')
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_TEXT = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})
_ATTR = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "\t": "&#9;", "\n": "&#10;",
                       "\r": "&#13;"})
PAGE_BREAK = '<w:p><w:r><w:br w:type="page"/></w:r></w:p>'
TAB = "<w:r><w:tab/></w:r>"
LINE_BREAK = "<w:r><w:br/></w:r>"
Relate = Callable[[str], str]  # an address → the r:id of its hyperlink relationship in the part


def text(value: str) -> str:
    """Character data: escaped, without the characters XML cannot hold.

    >>> text("R&D <b>\\x00")
    'R&amp;D &lt;b&gt;'
    """
    return _NOT_XML.sub("", value).translate(_TEXT)


def attr(value: str) -> str:
    """An attribute value (to write between double quotes), escaped like lxml escapes it.

    >>> attr('a "b"\\n&c')
    'a &quot;b&quot;&#10;&amp;c'
    """
    return _NOT_XML.sub("", value).translate(_ATTR)


def lang_props(lang: str) -> str:
    """The w:lang of every run in language `lang` (spell-checking, hyphenation).

    >>> lang_props("fr-FR")
    '<w:lang w:val="fr-FR" w:eastAsia="fr-FR" w:bidi="fr-FR"/>'
    """
    tag = attr(lang)
    return f'<w:lang w:val="{tag}" w:eastAsia="{tag}" w:bidi="{tag}"/>'


def run(value: str, lang: str, style: str = "", emphasis: str = "") -> str:
    """A w:r of plain text in language `lang`, with an optional character style, bold or italic.

    >>> run("a", "en-GB", "Strong").replace(lang_props("en-GB"), "…")
    '<w:r><w:rPr><w:rStyle w:val="Strong"/>…</w:rPr><w:t xml:space="preserve">a</w:t></w:r>'
    >>> run("b", "fr-FR", emphasis="em").count("<w:i/>")
    1
    """
    props = f'<w:rStyle w:val="{style}"/>' if style else ""
    if emphasis:
        props += "<w:b/>" if emphasis == "strong" else "<w:i/>"
    return f'<w:r><w:rPr>{props}{lang_props(lang)}</w:rPr><w:t xml:space="preserve">{text(value)}</w:t></w:r>'


def bare_run(value: str) -> str:
    """A w:r of text without properties (the space between the cover's organisations).

    >>> bare_run("  ")
    '<w:r><w:t xml:space="preserve">  </w:t></w:r>'
    """
    return f'<w:r><w:t xml:space="preserve">{text(value)}</w:t></w:r>'


def paragraph(style_id: str | None, content: str = "", properties: str = "") -> str:
    """A w:p in paragraph style `style_id` (None: Normal) holding runs, after extra paragraph properties.

    >>> paragraph("Quote", "")
    '<w:p><w:pPr><w:pStyle w:val="Quote"/></w:pPr></w:p>'
    >>> paragraph(None)
    '<w:p/>'
    """
    props = (f'<w:pStyle w:val="{style_id}"/>' if style_id else "") + properties
    if not props and not content:
        return "<w:p/>"
    return f"<w:p><w:pPr>{props}</w:pPr>{content}</w:p>" if props else f"<w:p>{content}</w:p>"


def borders(sides: dict[str, tuple[str, int, int]]) -> str:
    """Paragraph borders: {side: (colour, size in 1/8 pt, space in pt)}.

    >>> borders({"top": ("#2A9D8F", 12, 4)})
    '<w:pBdr><w:top w:val="single" w:sz="12" w:space="4" w:color="2A9D8F"/></w:pBdr>'
    """
    inner = "".join(f'<w:{side} w:val="single" w:sz="{sides[side][1]}" w:space="{sides[side][2]}" '
                    f'w:color="{attr(sides[side][0].lstrip("#"))}"/>'
                    for side in ("top", "left", "bottom", "right") if side in sides)
    return f"<w:pBdr>{inner}</w:pBdr>"


def hyperlink(value: str, r_id: str, lang: str) -> str:
    """A clickable external link (character style "Hyperlink") to the relationship `r_id`."""
    return f'<w:hyperlink w:history="1" r:id="{r_id}">{run(value, lang, "Hyperlink")}</w:hyperlink>'


def runs(items: Iterable[Run], lang: str, relate: Relate, note_ids: dict[str, int] | None = None) -> str:
    """Inline runs as WordprocessingML: text, bold and italics, hyperlinks, footnote references by number."""
    out = []
    for item in items:
        if item.kind == "note" and note_ids and item.href in note_ids:
            out.append(footnote_reference(note_ids[item.href]))
        elif item.kind == "note":
            out.append(run(item.text, lang, "FootnoteReference"))
        elif item.href:
            out.append(hyperlink(item.text, relate(item.href), lang))
        else:
            out.append(run(item.text, lang, emphasis=item.emphasis or ""))
    return "".join(out)


def field(instruction: str, placeholder: str, lang: str) -> str:
    """A complex field (PAGE, NUMPAGES…) showing `placeholder` until it is updated.

    >>> field("PAGE", "1", "fr-FR").count("<w:fldChar")
    3
    """
    return ('<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
            f'<w:r><w:instrText xml:space="preserve"> {text(instruction)} </w:instrText></w:r>'
            '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
            f'{run(placeholder, lang)}<w:r><w:fldChar w:fldCharType="end"/></w:r>')


def footnote_reference(number: int) -> str:
    """The superscript run that calls footnote `number`.

    >>> footnote_reference(2)
    '<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="2"/></w:r>'
    """
    return f'<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="{number}"/></w:r>'


_SEPARATORS = (
    '<w:footnote w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:after="0" w:line="240" '
    'w:lineRule="auto"/></w:pPr><w:r><w:separator/></w:r></w:p></w:footnote>'
    '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr><w:spacing w:after="0" '
    'w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>')


def footnote(number: int, content: str, lang: str) -> str:
    """Footnote `number` (id = number, so ids are deterministic): its mark, a space and its runs."""
    return (f'<w:footnote w:id="{number}"><w:p><w:pPr><w:pStyle w:val="FootnoteText"/></w:pPr>'
            '<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteRef/></w:r>'
            f'{run(" ", lang)}{content}</w:p></w:footnote>')


def footnotes_part(notes: Iterable[str]) -> str:
    """The footnotes part: the two separators, then the notes.

    >>> from lxml import etree
    >>> len(etree.fromstring(footnotes_part([footnote(1, "", "fr-FR")]).encode()))
    3
    """
    return f'{DECLARATION}<w:footnotes xmlns:w="{W_NS}" xmlns:r="{R_NS}">{_SEPARATORS}{"".join(notes)}</w:footnotes>'


def header_part(tag: str, paragraphs: Iterable[str]) -> str:
    """A header ("hdr") or footer ("ftr") part holding `paragraphs`."""
    return f"{DECLARATION}<w:{tag} {PART_NAMESPACES}>{''.join(paragraphs)}</w:{tag}>"
