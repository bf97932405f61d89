"""A compared series of key figures as the geometry of an inline SVG bar chart (the template draws it)."""
from __future__ import annotations

from dataclasses import dataclass

from presskit.document import Figure
from presskit.typesetting import typography
from presskit.typesetting.figures import chart_scale, figure_number

WIDTH, HEIGHT = 640, 300
LEFT, RIGHT, TOP, BOTTOM = 48, 16, 28, 56  # room for the axis numbers and the bar labels


@dataclass(frozen=True)
class Bar:
    """One bar: its box, its value as written and its label."""

    x: float
    y: float
    width: float
    height: float
    value: str
    label: str


@dataclass(frozen=True)
class Chart:
    """A bar chart: its title, its bars, its gridlines (y, number) and its size."""

    title: str
    bars: tuple[Bar, ...]
    grid: tuple[tuple[float, str], ...]
    width: int = WIDTH
    height: int = HEIGHT
    baseline: float = HEIGHT - BOTTOM

    @property
    def summary(self) -> str:
        """The chart in words, for screen readers: "title: label value; …"."""
        return f"{self.title}: " + "; ".join(f"{b.label} {b.value}" for b in self.bars)


def bar_chart(title: str, figures: tuple[Figure, ...], lang: str) -> Chart:
    """Lay out one bar per figure on a round value axis.

    >>> chart = bar_chart("Biothérapies", (Figure("5", "France"), Figure("21", "Allemagne")), "fr")
    >>> [round(b.height) for b in chart.bars], chart.grid[-1][1]
    ([43, 181], '25')
    """
    values = [figure_number(f.value) or 0.0 for f in figures]
    top, step = chart_scale(values)
    plot_height = HEIGHT - TOP - BOTTOM
    slot = (WIDTH - LEFT - RIGHT) / len(figures)
    bars = []
    for n, (figure, value) in enumerate(zip(figures, values)):
        height = plot_height * value / top
        bars.append(Bar(x=LEFT + n * slot + slot * 0.2, y=HEIGHT - BOTTOM - height, width=slot * 0.6,
                        height=height, value=typography.apply(figure.value, lang),
                        label=typography.apply(figure.label, lang)))
    ticks = round(top / step)
    grid = tuple((HEIGHT - BOTTOM - plot_height * k / ticks, _number(step * k, lang))
                 for k in range(ticks + 1))
    return Chart(title, tuple(bars), grid)


def _number(value: float, lang: str) -> str:
    """An axis number without a useless ".0" (a decimal comma in French).

    >>> _number(25.0, "fr"), _number(0.5, "fr"), _number(2.5, "en")
    ('25', '0,5', '2.5')
    """
    text = f"{value:g}"
    return text.replace(".", ",") if lang.startswith("fr") else text
