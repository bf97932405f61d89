"""The wire-copy renderer: the English release as newswire plain text (`<slug>.en.txt`)."""
from presskit.renderers.wire.copy import END_MARKS, dateline, render_wire, wire_text

__all__ = ["END_MARKS", "dateline", "render_wire", "wire_text"]
