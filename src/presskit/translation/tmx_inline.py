"""A TMX 1.4 `<seg>` with a sentence's marks as `<bpt>`/`<ept>` pairs, and back.

Each mark n of a sentence (`translation.marks`) is written ``<bpt i="n+1" x="n+1" type="bold">``
with its original markup as content (``<b>``, ``<i>``, ``<a href="…">``, escaped as XML text), and
``<ept i="n+1">`` with the closing markup. The French and English `<seg>` of a unit share the `x`
numbers, so a mark of the English is known to be the French's mark on the same number. Reading skips
the native code of `<bpt>`, `<ept>`, `<ph>`, `<it>` and `<ut>` (so the words of a segment are its
text alone) and reads the words of `<hi>`.
"""
from __future__ import annotations

import html
import re

from lxml import etree

from presskit.translation import marks as marking

Inline = tuple[str, str]  # a mark's (kind, href): "strong", "em" or "link" and its address
TYPE = {"strong": "bold", "em": "italic", "link": "link"}
_KIND = {value: key for key, value in TYPE.items()}
_HREF = re.compile(r'href\s*=\s*"([^"]*)"')
_CODE = frozenset({"bpt", "ept", "ph", "it", "ut"})


def native(kind: str, href: str = "") -> tuple[str, str]:
    """The opening and closing markup of a mark, as the content of its `<bpt>` and `<ept>`.

    >>> native("link", 'https://a.fr/?x=1&y="2"')
    ('<a href="https://a.fr/?x=1&amp;y=&quot;2&quot;">', '</a>')
    >>> native("strong")
    ('<b>', '</b>')
    """
    if kind == "link":
        return f'<a href="{html.escape(href, quote=True).replace("&#x27;", "&apos;")}">', "</a>"
    tag = {"strong": "b", "em": "i"}.get(kind, "span")
    return f"<{tag}>", f"</{tag}>"


def fill(seg: etree._Element, marked: str, kinds: tuple[Inline, ...]) -> None:
    """Write a marked text (`translation.marks` characters) into `seg`, each mark as `<bpt>`/`<ept>`."""
    for child in list(seg):
        seg.remove(child)
    seg.text = ""
    last: etree._Element | None = None
    for piece in marking.pieces(marked):
        if isinstance(piece, str):
            if last is None:
                seg.text += piece
            else:
                last.tail = (last.tail or "") + piece
            continue
        index, closing = piece
        kind, href = kinds[index] if index < len(kinds) else ("", "")
        last = etree.SubElement(seg, "ept" if closing else "bpt", i=str(index + 1))
        if not closing:
            last.set("x", str(index + 1))
            if kind in TYPE:
                last.set("type", TYPE[kind])
        last.text = native(kind, href)[int(closing)]


def read(seg: etree._Element, numbers: dict[str, int] | None = None
         ) -> tuple[str, dict[str, int], dict[int, Inline]]:
    """The marked text of a `<seg>`, the mark index of each `x` (or `i`) number, and each mark's kind.

    Give the French seg's `numbers` to read its English seg with the same indexes; marks the French
    lacks are left out.

    >>> seg = etree.fromstring('<seg>la <bpt i="1" x="1" type="bold">&lt;b&gt;</bpt>Lyon'
    ...                        '<ept i="1">&lt;/b&gt;</ept> <ph>&lt;br/&gt;</ph>!</seg>')
    >>> text, numbers, kinds = read(seg)
    >>> marking.extract(text), numbers, kinds
    (('la Lyon !', {0: (3, 7)}), {'1': 0}, {0: ('strong', '')})
    """
    fixed = numbers is not None
    numbers = dict(numbers or {})
    kinds: dict[int, Inline] = {}
    out: list[str] = []
    pairs: dict[str, str] = {}  # i → x within this seg

    def visit(node: etree._Element) -> None:
        out.append(node.text or "")
        for child in node:
            name = etree.QName(child).localname if isinstance(child.tag, str) else ""
            if name in ("bpt", "ept"):
                _end(child, name, pairs, numbers, fixed, kinds, out)
            elif name == "hi":
                visit(child)
            elif name not in _CODE and name:
                visit(child)
            out.append(child.tail or "")

    visit(seg)
    return "".join(out), numbers, kinds


def _end(node: etree._Element, name: str, pairs: dict[str, str], numbers: dict[str, int], fixed: bool,
         kinds: dict[int, Inline], out: list[str]) -> None:
    """Write the mark character of one `<bpt>` or `<ept>` (unknown numbers: nothing)."""
    i = node.get("i", "")
    if name == "bpt":
        pairs[i] = node.get("x") or i
    number = pairs.get(i, i)
    if number not in numbers:
        if fixed or name == "ept":
            return
        numbers[number] = len(numbers)
    index = numbers[number]
    if name == "bpt":
        code = "".join(node.itertext())
        href = _HREF.search(code)
        kinds.setdefault(index, (_KIND.get(node.get("type", ""), ""), html.unescape(href.group(1)) if href else ""))
    out.append(marking.char(index, name == "ept"))
