"""Marked content for the tagged PDF: each paragraph and figure in `BDC`/`EMC`, the rest an artifact.

reportlab writes no tags, so the canvas writes the marked-content operators itself and keeps a log
of what each MCID holds; `pdf_structure` turns the log into the structure tree afterwards.
Everything drawn outside a tagged flowable (page furniture, rules, table backgrounds, bullets)
lands in an `/Artifact` sequence that the canvas keeps open between tags.
"""
from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, Iterator

from reportlab.platypus import Flowable, Paragraph

from presskit.typesetting.labels import label

ARTIFACT = "/Artifact BMC"

# reportlab style name → structure role (custom roles are mapped to standard ones in ROLE_MAP)
STYLE_ROLES = {"Title": "H1", "Heading": "H2", "Section": "H2", "ChartTitle": "H3",
               "CoverTitle": "CoverTitle", "Kicker": "Kicker", "Subtitle": "Subtitle",
               "CoverSubtitle": "Subtitle", "Dateline": "Dateline", "CoverDate": "Dateline",
               "Embargo": "Embargo", "Lede": "Lede", "Quote": "P", "Role": "Attribution",
               "Speaker": "Attribution", "Note": "P", "ColumnHead": "ColumnHead",
               "FigQualifier": "P", "FigValue": "FigureValue", "FigLabel": "P"}
ROLE_MAP = {"CoverTitle": "P", "Kicker": "P", "Subtitle": "P", "Dateline": "P", "Embargo": "P",
            "Lede": "P", "Attribution": "P", "ColumnHead": "P", "FigureValue": "P"}


@dataclass(eq=False)
class Group:
    """A structure element that holds others (BlockQuote, L, LI, LBody); one per object."""

    role: str
    parent: "Group | None" = None
    lang: str | None = None
    scope: str | None = None  # a header cell's /Scope: "Row" or "Column"


@dataclass(eq=False)
class Tag:
    """What one flowable's marked content is: its role, language, alt text and enclosing group."""

    role: str
    lang: str | None = None
    alt: str | None = None
    parent: Group | None = None


@dataclass
class Mark:
    """One marked-content sequence in the log: page (0-based), MCID, its tag and its link annotations."""

    page: int
    mcid: int
    tag: Tag
    annots: list = field(default_factory=list)  # references to the annotations drawn inside


def tag(flowable: Any, role: str | None = None, lang: str | None = None, alt: str | None = None,
        parent: Group | None = None) -> Any:
    """Give `flowable` a structure tag (role from its style when not given); return it."""
    if role is None:
        role = STYLE_ROLES.get(getattr(getattr(flowable, "style", None), "name", ""), "P")
    flowable._tag = Tag(role, lang, alt, parent)
    return flowable


def role_of(style_name: str) -> str:
    """The structure role of a paragraph style.

    >>> role_of("Heading"), role_of("Body")
    ('H2', 'P')
    """
    return STYLE_ROLES.get(style_name, "P")


class TaggingCanvas:
    """Canvas mixin: an artifact sequence stays open except inside `marked(tag)` blocks."""

    def start_tagging(self, lang: str = "en") -> None:
        """Start the log and open the first page's artifact sequence (`lang`: the document's)."""
        self.marks: list[Mark] = []
        self.tag_lang = lang
        self._next_mcid = 0
        self._code.append(ARTIFACT)

    @contextmanager
    def marked(self, item: Tag) -> Iterator[None]:
        """Draw the block's content as one marked-content sequence with a fresh MCID.

        Inside another sequence (a paragraph within a tagged figure) it adds nothing: the content
        belongs to the outer one.
        """
        if getattr(self, "_current", None) is not None:
            yield
            return
        mark = Mark(self.getPageNumber() - 1, self._next_mcid, item)
        self._next_mcid += 1
        first_annot = len(self._annotationrefs)
        self._code.append(f"EMC /{item.role} <</MCID {mark.mcid}>> BDC")
        self._current = item
        try:
            yield
        finally:
            self._current = None
            self._code.append(f"EMC {ARTIFACT}")
            mark.annots = list(self._annotationrefs[first_annot:])
            self.marks.append(mark)

    @contextmanager
    def pagination(self, subtype: str) -> Iterator[None]:
        """Draw a running header or footer as a pagination artifact ("Header" or "Footer")."""
        self._code.append(f"/Artifact <</Type /Pagination /Subtype /{subtype}>> BDC")
        try:
            yield
        finally:
            self._code.append("EMC")

    def linkRect(self, contents: str, destinationname: str, *args: Any, **kwargs: Any) -> Any:
        """An internal link (a note call), described as "Go to note n" in its paragraph's language."""
        if not contents and destinationname:
            lang = getattr(getattr(self, "_current", None), "lang", None) or self.tag_lang
            contents = label(lang, "note_link", n=destinationname.rsplit("-", 1)[-1])
        return super().linkRect(contents, destinationname, *args, **kwargs)

    def showPage(self) -> None:
        """Close the page's artifact sequence, then open the next page's."""
        self._code.append("EMC")
        super().showPage()
        self._next_mcid = 0
        self._code.append(ARTIFACT)

    def drop_empty_page(self) -> None:
        """Before saving: forget the artifact opened for a page that never got content."""
        if self._code == [ARTIFACT]:
            self._code = []


def _tagged_draw_on(self: Flowable, canvas: Any, x: float, y: float, _sW: float = 0) -> None:
    """Flowable.drawOn inside marked content when the flowable has a tag and the canvas tags."""
    item = getattr(self, "_tag", None)
    if item is None and isinstance(self, Paragraph):
        item = tag(self)._tag
    if item is None or not hasattr(canvas, "marks"):
        return Flowable.drawOn(self, canvas, x, y, _sW)
    with canvas.marked(item):
        Flowable.drawOn(self, canvas, x, y, _sW)


def _split_keeping_tag(original: Any) -> Any:
    """Wrap Paragraph.split so that every part keeps the tag (one element across pages)."""

    def split(self: Paragraph, width: float, height: float) -> list:
        parts = original(self, width, height)
        item = getattr(self, "_tag", None)
        for part in parts:
            if item is not None and isinstance(part, Paragraph):
                part._tag = item
        return parts

    return split


class Figure(Flowable):
    """A flowable (a chart drawing) drawn as one `/Figure` with its alternative text."""

    def __init__(self, content: Flowable, alt: str, lang: str | None = None) -> None:
        super().__init__()
        self.content, self._tag = content, Tag("Figure", lang, alt)
        self.hAlign = getattr(content, "hAlign", "LEFT")

    def wrap(self, width: float, height: float) -> tuple[float, float]:
        """The size of the content."""
        self.width, self.height = self.content.wrap(width, height)
        return self.width, self.height

    def draw(self) -> None:
        """Draw the content at the origin."""
        self.content.drawOn(self.canv, 0, 0)


@contextmanager
def tagging() -> Iterator[None]:
    """Within the block, paragraphs and tagged flowables draw as marked content."""
    saved_split = Paragraph.split
    Paragraph.drawOn = _tagged_draw_on
    Paragraph.split = _split_keeping_tag(saved_split)
    try:
        yield
    finally:
        del Paragraph.drawOn
        Paragraph.split = saved_split


Figure.drawOn = _tagged_draw_on  # type: ignore[method-assign]
