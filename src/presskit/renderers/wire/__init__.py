"""The wire-copy renderer: the English release as newswire plain text (`<slug>.en.txt`)."""
from presskit.renderers.wire.copy import END_MARKS, dateline, render_wire, wire_text

__all__ = ["END_MARKS", "dateline", "render_wire", "wire_text"]


def render(document, theme, path, **options):
    """The wire copy through the render pool's one signature (the theme is not used: plain text)."""
    return render_wire(document, path, **options)
