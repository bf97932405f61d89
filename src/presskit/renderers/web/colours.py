"""Brand colours made readable: darkened, when needed, until text in them meets WCAG AA (4.5:1)."""
from __future__ import annotations

AA = 4.5
TINT = "#f4f6f8"  # the lightest background text sits on (figure cards)


def luminance(colour: str) -> float:
    """WCAG relative luminance of "#RRGGBB".

    >>> luminance("#FFFFFF"), luminance("#000000")
    (1.0, 0.0)
    """
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(a: str, b: str) -> float:
    """The WCAG contrast ratio of two colours.

    >>> round(contrast("#767676", "#FFFFFF"), 2)
    4.54
    """
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def readable(colour: str, background: str = TINT, ratio: float = AA) -> str:
    """`colour`, darkened step by step toward black until it reaches `ratio` against `background`.

    >>> readable("#2A9D8F")
    '#227E72'
    >>> readable("#173F5F")
    '#173F5F'
    """
    r, g, b = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
    for step in range(0, 101):
        k = 1 - step / 100
        candidate = "#{:02X}{:02X}{:02X}".format(round(r * k), round(g * k), round(b * k))
        if contrast(candidate, background) >= ratio:
            return candidate
    return "#000000"
