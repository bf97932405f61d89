"""Key figures as renderers show them: the number in a value, the series to chart, a chart's scale."""
from __future__ import annotations

import math
import re
from typing import Iterable

from presskit.document import Figure


def figure_number(value: str) -> float | None:
    """The number in a figure's value (French or English writing), or None.

    >>> figure_number("plus de 10 000"), figure_number("25,3 %"), figure_number("1,000"), figure_number("x")
    (10000.0, 25.3, 1000.0, None)
    """
    match = re.search(r"\d[\d \u00a0\u202f.,]*", value)
    if not match:
        return None
    digits = re.sub(r"[ \u00a0\u202f]", "", match.group()).rstrip(".,")
    if re.fullmatch(r"\d{1,3}(,\d{3})+(\.\d+)?", digits):
        digits = digits.replace(",", "")
    return float(digits.replace(",", "."))

def charted_series(figures: Iterable[Figure]) -> list[tuple[str, list[Figure]]]:
    """The series that compare (two figures or more, all numeric), in order of appearance."""
    groups: dict[str, list[Figure]] = {}
    for figure in figures:
        if figure.series:
            groups.setdefault(figure.series, []).append(figure)
    return [(name, items) for name, items in groups.items()
            if len(items) >= 2 and all(figure_number(f.value) is not None for f in items)]

def chart_scale(values: Iterable[float]) -> tuple[float, float]:
    """A round top for a bar chart's value axis and its step (four to six gridlines).

    >>> chart_scale([5, 21, 12]), chart_scale([0.4]), chart_scale([850])
    ((25.0, 5.0), (0.4, 0.1), (1000.0, 200.0))
    """
    top = max([v for v in values if v > 0] or [1.0])
    magnitude = 10 ** math.floor(math.log10(top))
    for step in (0.1, 0.2, 0.25, 0.5, 1, 2, 2.5, 5, 10):
        size = step * magnitude
        if top / size <= 5:
            return float(round(math.ceil(top / size - 1e-9) * size, 10)), float(round(size, 10))
    return float(top), top / 5

def split_value(value: str) -> tuple[str, str]:
    """Cut "plus de 85 %" into its words before the number and the number itself.

    >>> split_value("plus de 85 %"), split_value("€800M"), split_value("12")
    (('plus de', '85 %'), ('', '€800M'), ('', '12'))
    """
    match = re.search(r"[\d€$£+−-]", value)
    if not match or match.start() == 0:
        return "", value.strip()
    return value[:match.start()].strip(), value[match.start():].strip()
