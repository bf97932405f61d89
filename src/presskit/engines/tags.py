"""Protected pieces as XML tags for engines that handle tags (DeepL's `tag_handling="xml"`).

presskit protects names, terms and numbers as ``⟦n⟧`` tokens (`presskit.translation.protection`). An engine
with `Capabilities(tag_handling="xml")` sends each token as an empty element ``<x id="n"/>``, which
the service keeps and moves with the words, and the rest of the text escaped as XML; the answer is
turned back into ``⟦n⟧`` tokens and plain text, so nothing else in presskit changes.
"""
from __future__ import annotations

import re

_TOKEN = re.compile(r"⟦\s*(\d+)\s*⟧")
_TAG = re.compile(r"""<x\s+id\s*=\s*["'](\d+)["']\s*(?:/>|>\s*</x\s*>)""")
_ENTITY = re.compile(r"&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);")
_NAMED = {"amp": "&", "lt": "<", "gt": ">", "quot": '"', "apos": "'"}
TAG_NAME = "x"


def to_xml(text: str) -> str:
    """Text with ⟦n⟧ tokens → XML text with ``<x id="n"/>`` elements.

    >>> to_xml("⟦1⟧ & ⟦2⟧ <R&D> ⟦ 3 ⟧")
    '<x id="1"/> &amp; <x id="2"/> &lt;R&amp;D&gt; <x id="3"/>'
    """
    return _TOKEN.sub(lambda m: f'<x id="{m[1]}"/>', escape(text))


def from_xml(text: str) -> str:
    """XML text from the engine → plain text with ⟦n⟧ tokens (entities decoded once).

    >>> from_xml('<x id="1"/> &amp; <x id="2"></x> &lt;R&amp;D&gt; &#233;')
    '⟦1⟧ & ⟦2⟧ <R&D> é'
    >>> from_xml(to_xml("Medicen ⟦1⟧ & &amp;")) == "Medicen ⟦1⟧ & &amp;"
    True
    """
    tokens = _TAG.sub(lambda m: f"⟦{m[1]}⟧", text)
    return _ENTITY.sub(_entity, tokens)


def escape(text: str) -> str:
    """XML-escape `&`, `<` and `>` (xml.sax.saxutils would import urllib with the registry).

    >>> escape("R&D <b>")
    'R&amp;D &lt;b&gt;'
    """
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _entity(match: re.Match) -> str:
    """The character an XML entity stands for."""
    name = match[1]
    if name.startswith("#x"):
        return chr(int(name[2:], 16))
    if name.startswith("#"):
        return chr(int(name[1:]))
    return _NAMED[name]
