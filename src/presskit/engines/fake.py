"""A deterministic offline engine for tests and dry runs."""
from __future__ import annotations

from presskit.engines.base import EngineBase, register


@register("fake")
class FakeEngine(EngineBase):
    """Offline engine: returns "[EN] " + text (the target code, upper-cased, in brackets).

    Blank texts come back unchanged; nothing else changes, so numbers and links survive. Every
    batch it receives is appended to `calls`, so tests can check what reached the engine.

    >>> FakeEngine().translate(["Bonjour.", ""], "fr", "en")
    ['[EN] Bonjour.', '']
    """

    summary = "offline, for tests and dry runs"

    def __init__(self, *, prefix: str | None = None) -> None:
        self.prefix = prefix
        self.calls: list[list[str]] = []

    @classmethod
    def status(cls) -> tuple[bool, str]:
        """Always available: it is for tests and dry runs, not for a real kit."""
        return True, "offline; for tests and dry runs (adds [EN] before each text)"

    def translate(self, texts: list[str], source: str, target: str) -> list[str]:
        """Prefix each non-blank text with the target tag (or `prefix` when given)."""
        self.calls.append(list(texts))
        tag = self.prefix if self.prefix is not None else f"[{target.upper()}] "
        return [tag + text if text.strip() else text for text in texts]
