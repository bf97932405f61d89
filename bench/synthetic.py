"""Make a synthetic release N times longer than the sample: its body repeated, one title, one set of About sections."""
from __future__ import annotations

import re
import sys
from pathlib import Path

ABOUT = re.compile(r"^\s*(?:A|À) PROPOS", re.IGNORECASE | re.MULTILINE)


def longer_release(sample: str, times: int) -> str:
    """Return the sample with its body (between the subtitle and the About sections) repeated."""
    lines = sample.splitlines(keepends=True)
    head = "".join(lines[:2])
    about_at = ABOUT.search(sample).start()
    body = sample[len(head):about_at]
    copies = [_renumber_notes(body, offset=copy * 10) for copy in range(times)]
    return head + "".join(copies) + sample[about_at:]


def _renumber_notes(body: str, offset: int) -> str:
    """Give each copy its own footnote numbers (a glued call "mots1." and its line "1 https://…")."""
    def call(match: re.Match) -> str:
        return f"{match.group(1)}{int(match.group(2)) + offset}"

    body = re.sub(r"([^\W\d])(\d)(?=[.,;:]?\s)", call, body)
    return re.sub(r"^(\d) (https?://)", lambda m: f"{int(m.group(1)) + offset} {m.group(2)}", body,
                  flags=re.MULTILINE)


if __name__ == "__main__":
    source, times, target = Path(sys.argv[1]), int(sys.argv[2]), Path(sys.argv[3])
    target.write_text(longer_release(source.read_text(encoding="utf-8"), times), encoding="utf-8")
