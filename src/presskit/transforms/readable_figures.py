"""Key figures short enough to be key figures: a value of more than `MAX_VALUE` characters (a
number of sixty digit groups) is a number in the text, not a figure for the key-figures panel,
whose cells it could not fit (the PDF renderer's table would overflow its page)."""
from __future__ import annotations

from presskit.document import Document, Figure

MAX_VALUE = 24  # "1 234 567 890 €" has 15; "plus de 25,3 milliards d’euros" is a label's job


def readable(figure: Figure) -> bool:
    """Whether a figure's value is short enough for a key-figures cell.

    >>> readable(Figure("85 %", "des molécules")), readable(Figure("1" + " 000" * 59, "euros"))
    (True, False)
    """
    return len(figure.value) <= MAX_VALUE


class KeepReadableFigures:
    """Transform: drop the extracted figures whose value is too long to be a key figure."""

    def __call__(self, document: Document) -> Document:
        """Return the document without figures that are too long."""
        kept = tuple(figure for figure in document.figures if readable(figure))
        return document if len(kept) == len(document.figures) else document.evolve(figures=kept)
