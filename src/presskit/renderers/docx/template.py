"""The styled DOCX template, made with python-docx: named Word styles in the theme's font, colours and
language, and python-docx's own template pruned.

Only `styles.make_template` imports this module (on a miss of the styled-template memo): rendering a
release does not load python-docx.
"""
from __future__ import annotations

from dataclasses import dataclass

from docx.document import Document as DocxDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt, RGBColor
from docx.styles import BabelFish
from docx.styles.style import BaseStyle, StyleFactory
from lxml.etree import _Element

from presskit.kit.theme import Theme

PPR_ORDER = ("pStyle keepNext keepLines pageBreakBefore framePr widowControl numPr "
             "suppressLineNumbers pBdr shd tabs suppressAutoHyphens kinsoku wordWrap overflowPunct "
             "topLinePunct autoSpaceDE autoSpaceDN bidi adjustRightInd snapToGrid spacing ind "
             "contextualSpacing mirrorIndents suppressOverlap jc textDirection textAlignment "
             "textboxTightWrap outlineLvl divId cnfStyle rPr sectPr pPrChange").split()
RPR_ORDER = ("rStyle rFonts b bCs i iCs caps smallCaps strike dstrike outline shadow emboss imprint "
             "noProof snapToGrid vanish webHidden color spacing w kern position sz szCs highlight u "
             "effect bdr shd fitText vertAlign rtl cs em lang eastAsianLayout specVanish oMath").split()


def element(tag: str, **attrs: str) -> _Element:
    """Return a new w: element with w: attributes."""
    el = OxmlElement(f"w:{tag}")
    for name, value in attrs.items():
        el.set(qn(f"w:{name}"), value)
    return el


def insert_ordered(parent: _Element, child: _Element, order: list[str]) -> _Element:
    """Put `child` into `parent` where the schema's sequence `order` wants it, replacing its twin."""
    local = child.tag.split("}")[1]
    for old in parent.findall(child.tag):
        parent.remove(old)
    later = set(order[order.index(local) + 1:])
    for sibling in parent:
        if sibling.tag.split("}")[-1] in later:
            sibling.addprevious(child)
            return child
    parent.append(child)
    return child


def set_lang(rpr: _Element, tag: str) -> None:
    """Mark run properties with language `tag` (spell-checking, hyphenation)."""
    insert_ordered(rpr, element("lang", val=tag, eastAsia=tag, bidi=tag), RPR_ORDER)


def set_fonts(rpr: _Element, name: str) -> None:
    """Use font `name` for every script, dropping theme-font references that would override it."""
    insert_ordered(rpr, element("rFonts", ascii=name, hAnsi=name, cs=name, eastAsia=name), RPR_ORDER)


def set_borders(ppr: _Element, sides: dict[str, tuple[str, int, int]]) -> None:
    """Give paragraph properties single borders: {side: (colour, size in 1/8 pt, space in pt)}."""
    pbdr = insert_ordered(ppr, element("pBdr"), PPR_ORDER)
    for side in ("top", "left", "bottom", "right"):
        if side in sides:
            color, size, space = sides[side]
            pbdr.append(element(side, val="single", sz=str(size), space=str(space),
                                color=color.lstrip("#")))


def set_shading(ppr: _Element, fill: str) -> None:
    """Give paragraph properties a solid background colour."""
    insert_ordered(ppr, element("shd", val="clear", color="auto", fill=fill.lstrip("#")), PPR_ORDER)


@dataclass(frozen=True)
class _Look:
    """The character and paragraph settings of one style."""

    size: float | None = None
    bold: bool | None = None
    italic: bool | None = None
    color: str = ""
    before: float | None = None
    after: float | None = None
    indent: float | None = None
    keep_next: bool = False
    align: str = ""
    keep_lines: bool = False


def tint(hex_color: str, amount: float) -> str:
    """Mix a "#RRGGBB" colour with `amount` (0–1) of white; return "RRGGBB".

    >>> tint("#000000", 0.5)
    '808080'
    """
    value = hex_color.lstrip("#")
    channels = (int(value[i:i + 2], 16) for i in (0, 2, 4))
    return "".join(f"{round(c + (255 - c) * amount):02X}" for c in channels)


def _style(doc: DocxDocument, existing: dict[str, BaseStyle], name: str, kind: WD_STYLE_TYPE
           ) -> BaseStyle:
    """Return the style `name` from `existing`, creating it (based on Normal) if missing."""
    if name in existing:
        return existing[name]
    style = StyleFactory(doc.styles.element.add_style_of_type(BabelFish.ui2internal(name), kind, False))
    if kind == WD_STYLE_TYPE.PARAGRAPH:
        style.base_style = existing["Normal"]
        style.next_paragraph_style = existing["Normal"]
    style.quick_style = True
    existing[name] = style
    return style


def _styles_by_name(doc: DocxDocument) -> dict[str, BaseStyle]:
    """Every style of the document by its UI name (one pass; python-docx looks each name up anew)."""
    return {style.name: style for style in doc.styles}


def _apply(style: BaseStyle, look: _Look) -> None:
    """Apply a look to a style."""
    font = style.font
    if look.size is not None:
        font.size = Pt(look.size)
    if look.bold is not None:
        font.bold = look.bold
    if look.italic is not None:
        font.italic = look.italic
    if look.color:
        font.color.rgb = RGBColor.from_string(look.color.lstrip("#").upper())
    if not hasattr(style, "paragraph_format"):
        return
    fmt = style.paragraph_format
    if look.before is not None:
        fmt.space_before = Pt(look.before)
    if look.after is not None:
        fmt.space_after = Pt(look.after)
    if look.indent is not None:
        fmt.left_indent = Cm(look.indent)
    if look.keep_next:
        fmt.keep_with_next = True
    if look.keep_lines:
        fmt.keep_together = True
    if look.align:
        fmt.alignment = {"center": WD_ALIGN_PARAGRAPH.CENTER, "left": WD_ALIGN_PARAGRAPH.LEFT}[look.align]


def _looks(theme: Theme) -> dict[str, tuple[WD_STYLE_TYPE, _Look]]:
    """The look of every style the renderer uses."""
    para, char = WD_STYLE_TYPE.PARAGRAPH, WD_STYLE_TYPE.CHARACTER
    return {
        "Title": (para, _Look(23, True, False, theme.primary, 0, 6)),
        "Subtitle": (para, _Look(13.5, False, False, theme.muted, 0, 10)),
        "Dateline": (para, _Look(9.5, None, True, theme.muted, 0, 14)),
        "Embargo": (para, _Look(8.5, True, None, theme.accent, 0, 8)),
        "Lede": (para, _Look(12, False, None, theme.primary, 6, 16)),
        "Heading 1": (para, _Look(14, True, False, theme.primary, 16, 6, keep_next=True)),
        "Heading 2": (para, _Look(11.5, True, False, theme.primary, 10, 4, keep_next=True)),
        "List Bullet": (para, _Look(None, None, None, "", 0, 3)),
        "Quote": (para, _Look(12, None, True, theme.primary, 10, 3, indent=0.8, keep_next=True,
                              keep_lines=True)),  # a quote stays whole and with its attribution
        "Quote Attribution": (para, _Look(9, None, False, theme.muted, 0, 14, indent=0.8,
                                          keep_lines=True)),
        "Cover Brand": (para, _Look(13, True, None, theme.primary, 0, 150)),
        "Cover Kicker": (para, _Look(14, True, False, theme.accent, 0, 14)),
        "Cover Title": (para, _Look(30, True, False, theme.primary, 0, 12)),
        "Cover Subtitle": (para, _Look(15, False, False, theme.muted, 0, 20)),
        "Cover Date": (para, _Look(11, None, None, theme.text, 0, 0)),
        "Cover Organizations": (para, _Look(12, True, None, theme.primary, 0, 0)),
        "Figure Qualifier": (para, _Look(8.5, None, None, theme.muted, 4, 0)),
        "Figure Value": (para, _Look(24, True, None, theme.primary, 0, 2)),
        "Figure Label": (para, _Look(9.5, None, None, theme.text, 0, 14)),
        "Chart Title": (para, _Look(11, True, None, theme.text, 16, 4, keep_next=True)),
        "Chart": (para, _Look(None, None, None, "", 0, 10)),
        "Closing": (para, _Look(None, True, None, "", 6, 8)),
        "About Text": (para, _Look(9, None, None, "", 0, 6)),
        "Contact": (para, _Look(9, None, None, "", 0, 8)),
        "Draft Banner": (para, _Look(8.5, True, None, theme.accent, 4, 0)),
        "Footnote Text": (para, _Look(8, None, None, theme.muted, 0, 2)),
        "Header": (para, _Look(8.5, None, None, theme.accent, 0, 0)),
        "Footer": (para, _Look(8, None, None, theme.muted, 0, 0)),
        "Hyperlink": (char, _Look(color=theme.primary)),
        "Footnote Reference": (char, _Look()),
        "Brand": (char, _Look(12, True, None, theme.primary)),
        "Strong": (char, _Look(bold=True)),
    }


def prune_template(doc: DocxDocument) -> None:
    """Drop what a kit never uses from python-docx's template: its table styles but the default one
    (340 KB of XML that every document would parse, write and compress) and Word 2010's
    `stylesWithEffects` copy of the styles (Word makes it again when it needs it)."""
    styles = doc.styles.element
    for style in styles.findall(qn("w:style")):
        if style.get(qn("w:type")) == "table" and style.get(qn("w:default")) != "1":
            styles.remove(style)
    for r_id, relationship in list(doc.part.rels.items()):
        if relationship.reltype.endswith("/stylesWithEffects"):
            doc.part.drop_rel(r_id)


def define_styles(doc: DocxDocument, theme: Theme, lang_tag: str) -> None:
    """Create or restyle every style the renderer uses; set the font and language defaults."""
    _defaults(doc, theme, lang_tag)
    existing = _styles_by_name(doc)
    for name, (kind, look) in _looks(theme).items():
        style = _style(doc, existing, name, kind)
        set_fonts(style.element.get_or_add_rPr(), theme.font_name)
        _apply(style, look)
    _decorate(doc, theme)


def _defaults(doc: DocxDocument, theme: Theme, lang_tag: str) -> None:
    """Document defaults and Normal: the theme font at 10 pt, its text colour, the language."""
    defaults = doc.styles.element.find(
        "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}docDefaults")
    if defaults is not None:
        rpr = defaults.find(".//{http://schemas.openxmlformats.org/wordprocessingml/2006/main}rPr")
        if rpr is not None:
            set_fonts(rpr, theme.font_name)
            set_lang(rpr, lang_tag)
    normal = doc.styles["Normal"]
    rpr = normal.element.get_or_add_rPr()
    set_fonts(rpr, theme.font_name)
    set_lang(rpr, lang_tag)
    _apply(normal, _Look(10, None, None, theme.text, 0, 8))
    normal.paragraph_format.line_spacing = 1.25
    normal.paragraph_format.widow_control = True


def _decorate(doc: DocxDocument, theme: Theme) -> None:
    """Borders, shading, alignment and tab stops that the looks cannot say."""
    styles = doc.styles
    title = styles["Title"].element.get_or_add_pPr()
    for border in title.findall(qn("w:pBdr")):
        title.remove(border)
    lede = styles["Lede"].element.get_or_add_pPr()
    fill = tint(theme.primary, 0.92)
    set_borders(lede, {"top": (fill, 4, 6), "left": (theme.primary, 18, 8),
                       "bottom": (fill, 4, 6), "right": (fill, 4, 8)})
    set_shading(lede, fill)
    for name in ("Quote", "Quote Attribution"):
        set_borders(styles[name].element.get_or_add_pPr(), {"left": (theme.accent, 12, 8)})
    for name in ("Title", "Subtitle"):
        for spacing in styles[name].element.get_or_add_rPr().findall(qn("w:spacing")):
            spacing.getparent().remove(spacing)
    banner = styles["Draft Banner"]
    set_shading(banner.element.get_or_add_pPr(), tint(theme.accent, 0.85))
    banner.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    set_borders(styles["Header"].element.get_or_add_pPr(), {"bottom": (theme.primary, 4, 6)})
    set_borders(styles["Footer"].element.get_or_add_pPr(), {"top": (tint(theme.muted, 0.6), 2, 6)})
    for name in ("Header", "Footer"):
        tabs = styles[name].paragraph_format.tab_stops
        tabs.clear_all()
        tabs.add_tab_stop(Mm(210 - theme.margins[1] - theme.margins[3]), WD_TAB_ALIGNMENT.RIGHT)
    _superscript(styles["Footnote Reference"])


def _superscript(style: BaseStyle) -> None:
    """Make a character style superscript."""
    style.font.superscript = True
