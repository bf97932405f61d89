"""A guard on the shape of a release before it is read: presskit refuses at once, with the line, a
text no press release looks like (a paragraph of a megabyte, thousands of numbers in one
paragraph, hundreds of thousands of lines) rather than work on it for minutes.

Every step of presskit is linear, or close to it, in the size of its input (bench/adversarial.py);
these bounds keep the time of a whole build within tens of seconds whatever the text is.
"""
from __future__ import annotations

import re

from presskit.errors import PresskitError

MAX_LINES = 50_000  # non-blank lines (a 100-page report has about 5,000)
MAX_PARAGRAPH = 250_000  # characters in one paragraph (a long one has about 2,000)
MAX_NUMBERS = 500  # numbers in one paragraph (a table flattened into text has a few hundred)
_NUMBER = re.compile(r"\d+")
_HINT = ("presskit reads press releases: split the text into several releases, or fix its layout "
         "(line breaks, spaces) before building")


def check_shape(text: str, source: str = "") -> str:
    """Return `text`, or refuse it (exit 2, with its line) when no press release is shaped like it.

    >>> check_shape("Titre\\n\\nUn paragraphe de 3 mots.")
    'Titre\\n\\nUn paragraphe de 3 mots.'
    >>> try:
    ...     check_shape("Titre\\n\\n" + "1 " * 501)
    ... except PresskitError as error:
    ...     print(error.message)
    this release is too unusual to read: a paragraph with 501 numbers (more than 500) at line 3
    """
    lines, first, size, numbers = 0, 1, 0, 0
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            size = numbers = 0
            continue
        if not size:
            first = number
        lines += 1
        size += len(line) + 1
        numbers += len(_NUMBER.findall(line))
        if lines > MAX_LINES:
            _refuse(f"more than {MAX_LINES:,} lines", number, source)
        if size > MAX_PARAGRAPH:
            _refuse(f"a paragraph of more than {MAX_PARAGRAPH:,} characters", first, source)
        if numbers > MAX_NUMBERS:
            _refuse(f"a paragraph with {numbers} numbers (more than {MAX_NUMBERS})", first, source)
    return text


def _refuse(what: str, line: int, source: str) -> None:
    """Raise the guard's error."""
    raise PresskitError(f"this release is too unusual to read: {what} at line {line}",
                        path=source or None, line=None, hint=_HINT)
