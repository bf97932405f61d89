"""What every DOCX of a theme and language shares, prepared once a process from the styled template.

The template's styles, numbering, theme, web settings and custom XML are copied as they were
compressed; the settings (language, embedded fonts) and the font table with its four fonts are
made and compressed once; the style ids are read once from the styles part.
"""
from __future__ import annotations

import re
import zlib
from functools import lru_cache
from typing import NamedTuple

from lxml import etree

from presskit.kit.theme import Theme
from presskit.renderers.docx import styles
from presskit.renderers.docx.a11y import locale_settings
from presskit.renderers.docx.archive import Entry, content, deflated, read_entries
from presskit.renderers.docx.fonts import OBFUSCATED, embed_fonts, embed_settings
from presskit.renderers.docx.package import parse_rels, rels_name

_CT = "{http://schemas.openxmlformats.org/package/2006/content-types}"
# what each document writes itself (the thumbnail, an empty page, is dropped)
_OWN = {"[Content_Types].xml", "_rels/.rels", "docProps/core.xml", "docProps/thumbnail.jpeg",
        "word/document.xml", "word/_rels/document.xml.rels", "word/settings.xml", "word/fontTable.xml"}
_ROOT = re.compile(rb"<w:document\b[^>]*>")
_SECTION = re.compile(rb"<w:sectPr\b[^>]*?(?=/?>)")


class Base(NamedTuple):
    """The shared parts of the documents of one theme and language."""

    entries: tuple[Entry, ...]  # compressed once, copied into every package
    overrides: dict[str, str]  # content type by part name, for the template's parts
    document_rels: list[tuple[str, str, str, bool]]  # the main part's relationships in the template
    root: str  # the start tag of word/document.xml, with the template's namespaces
    section: str  # the start tag of its w:sectPr, with the template's revision ids
    style_ids: dict[str, str]  # style id by name ("Heading 1": "Heading1")


def base_parts(theme: Theme, lang_tag: str) -> Base:
    """The shared parts from the styled template (made afresh when the kept one cannot be read)."""
    try:
        return _prepared(styles.styled_template(theme, lang_tag), theme, lang_tag)
    except (ValueError, KeyError, IndexError, zlib.error, etree.XMLSyntaxError):  # a damaged cache entry
        return _prepared(styles.make_template(theme, lang_tag), theme, lang_tag)


@lru_cache(maxsize=8)
def _prepared(template: bytes, theme: Theme, lang_tag: str) -> Base:
    """The shared parts of one template's documents (ValueError, KeyError… when it is damaged)."""
    found = read_entries(template)
    types = etree.fromstring(content(found["[Content_Types].xml"]))
    overrides = {o.get("PartName"): o.get("ContentType") for o in types.iterchildren(f"{_CT}Override")}
    settings = etree.fromstring(content(found["word/settings.xml"]))
    locale_settings(settings, lang_tag)
    embed_settings(settings)
    font_table, font_rels, fonts = embed_fonts(content(found["word/fontTable.xml"]), theme)
    shared = [entry for name, entry in found.items() if name not in _OWN]
    if any(zlib.crc32(content(entry)) != entry.crc for entry in shared):
        raise ValueError("a damaged part in the template")
    shared += [deflated("word/settings.xml", etree.tostring(settings, xml_declaration=True, encoding="UTF-8",
                                                           standalone=True)),
               deflated("word/fontTable.xml", font_table),
               deflated(rels_name("word/fontTable.xml"), font_rels.xml()), *fonts]
    overrides.update({f"/{font.name}": OBFUSCATED for font in fonts})
    document = content(found["word/document.xml"])
    root, section = _ROOT.search(document), _SECTION.search(document)
    if root is None or section is None:
        raise ValueError("the template has no w:document or no w:sectPr")
    return Base(tuple(shared), overrides, parse_rels(content(found["word/_rels/document.xml.rels"])),
                root.group().decode("utf-8"), section.group().decode("utf-8") + ">",
                styles.style_ids(content(found["word/styles.xml"])))
