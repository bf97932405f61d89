"""A pull quote that may split across pages: an accent bar beside its paragraphs, the attribution last.

A long quote splits between lines (never leaving fewer than two lines of a paragraph on either
side: the quote style forbids widows and orphans), and the attribution always stays with the
quote's last lines.
"""
from __future__ import annotations

from typing import Any

from reportlab.platypus import Flowable, Paragraph

MIN_LINES = 2


class PullQuote(Flowable):
    """Paragraphs of a quote and its attribution, `indent` from the left, a bar at `bar_x`."""

    def __init__(self, paragraphs: list[Paragraph], attribution: Paragraph | None, bar: Any,
                 indent: float = 14, bar_x: float = 0, space: tuple[float, float] = (8, 14)) -> None:
        super().__init__()
        self.paragraphs, self.attribution = list(paragraphs), attribution
        self.bar, self.indent, self.bar_x, self.bar_width = bar, indent, bar_x, 2
        self.spaceBefore, self.spaceAfter = space
        self._sizes: list[tuple[Flowable, float]] = []

    def _content(self) -> list[Flowable]:
        """The paragraphs, then the attribution."""
        return self.paragraphs + ([self.attribution] if self.attribution is not None else [])

    def wrap(self, width: float, height: float) -> tuple[float, float]:
        """Lay every part out in the width left of the bar and indent."""
        inner = width - self.indent
        self._sizes, total = [], 0.0
        for index, item in enumerate(self._content()):
            _, h = item.wrap(inner, height)
            gap = item.getSpaceAfter() if index < len(self._content()) - 1 else 0
            self._sizes.append((item, h + gap))
            total += h + gap
        self.width, self.height = width, total
        return width, total

    def split(self, width: float, height: float) -> list[Flowable]:
        """Two quotes that fill `height` and carry on; [] when not even two lines fit."""
        self.wrap(width, height)
        inner, used = width - self.indent, 0.0
        tail = self._sizes[-1][1] if self.attribution is not None else 0.0
        for index, item in enumerate(self.paragraphs):
            h = self._sizes[index][1]
            last = index == len(self.paragraphs) - 1
            if used + h + (tail if last else 0) <= height:
                used += h
                continue
            room = height - used - (0 if not last or used + h > height else MIN_LINES * _leading(item))
            parts = item.split(inner, room) if room > 0 else []
            if len(parts) == 2:
                return [self._part(self.paragraphs[:index] + [parts[0]], None, end=False),
                        self._part([parts[1]] + self.paragraphs[index + 1:], self.attribution, end=True)]
            if index == 0:
                return []
            return [self._part(self.paragraphs[:index], None, end=False),
                    self._part(self.paragraphs[index:], self.attribution, end=True)]
        return []

    def _part(self, paragraphs: list[Paragraph], attribution: Paragraph | None, end: bool) -> "PullQuote":
        """One piece of a split quote (no space after the first piece, none before the second)."""
        space = (0, self.spaceAfter) if end else (self.spaceBefore, 0)
        return PullQuote(paragraphs, attribution, self.bar, self.indent, self.bar_x, space)

    def draw(self) -> None:
        """The bar along the whole height, the paragraphs stacked from the top."""
        canvas = self.canv
        canvas.saveState()
        canvas.setFillColor(self.bar)
        canvas.rect(self.bar_x, 0, self.bar_width, self.height, stroke=0, fill=1)
        canvas.restoreState()
        y = self.height
        for item, h in self._sizes:
            y -= h
            gap = h - item.height
            item.drawOn(canvas, self.indent, y + gap)


def _leading(paragraph: Paragraph) -> float:
    """One line's height in the paragraph's style."""
    return getattr(paragraph.style, "leading", 12)
