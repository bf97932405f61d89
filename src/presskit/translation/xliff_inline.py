"""An XLIFF 1.2 `<source>`/`<target>` with a sentence's marks as inline elements, and back.

Mark n of a segment (`document.Segment.marks`) is ``<g id="n+1" ctype="bold">…</g>`` (``italic``,
``link``) around its words; marks that cross each other (not nested) are written as
``<bx id="n+1" rid="n+1" ctype="…"/>`` … ``<ex id="n+1e" rid="n+1"/>``. A link's address is never in
the text: a presskit note lists it ("mark 2: link to https://…"). Reading accepts `<g>`, `<bx>`/`<ex>`
and `<bpt>`/`<ept>` (by `rid`, else `id`), reads the words of `<mrk>` and skips placeholders' codes;
a target that drops, repeats or leaves open one of its source's elements keeps its words, without
that mark, and the problem is reported.
"""
from __future__ import annotations

from lxml import etree

from presskit.document import Mark
from presskit.translation import marks as marking

CTYPE = {"strong": "bold", "em": "italic", "link": "link"}
NAMES = {"strong": "bold", "em": "italics", "link": "link"}
_SKIP = frozenset({"x", "ph", "it", "sub"})


def marked_text(text: str, spans: list[tuple[int, int, int]]) -> str:
    """The text with mark characters for each (n, start, end).

    >>> marking.extract(marked_text("see Lyon", [(1, 4, 8)]))
    ('see Lyon', {1: (4, 8)})
    """
    cuts = sorted([(a, 1, marking.char(n, False)) for n, a, _ in spans]
                  + [(b, 0, marking.char(n, True)) for n, _, b in spans])
    out, last = [], 0
    for at, _, char in cuts:
        out += [text[last:at], char]
        last = at
    return "".join(out) + text[last:]


def nested(marked: str) -> bool:
    """True when every mark of the text closes after those opened inside it (so `<g>` can hold it).

    >>> nested(marked_text("abc", [(0, 0, 2), (1, 1, 3)])), nested(marked_text("abc", [(0, 0, 3), (1, 1, 2)]))
    (False, True)
    """
    stack: list[int] = []
    for piece in marking.pieces(marked):
        if isinstance(piece, tuple):
            index, closing = piece
            if not closing:
                stack.append(index)
            elif not stack or stack.pop() != index:
                return False
    return not stack


def fill(node: etree._Element, marked: str, marks: tuple[Mark, ...]) -> None:
    """Write a marked text into an XLIFF `<source>` or `<target>`, its marks as inline elements."""
    for child in list(node):
        node.remove(child)
    node.text = ""
    namespace = etree.QName(node).namespace
    tag = (lambda name: f"{{{namespace}}}{name}") if namespace else (lambda name: name)
    as_g = nested(marked)
    stack, last = [node], None
    for piece in marking.pieces(marked):
        if isinstance(piece, str):
            if last is None:
                stack[-1].text = (stack[-1].text or "") + piece
            else:
                last.tail = (last.tail or "") + piece
            continue
        index, closing = piece
        number, ctype = str(index + 1), CTYPE.get(marks[index].kind, "x-" + marks[index].kind)
        if as_g and closing:
            last = stack.pop()
        elif as_g:
            stack.append(etree.SubElement(stack[-1], tag("g"), id=number, ctype=ctype))
            last = None
        elif closing:
            last = etree.SubElement(node, tag("ex"), id=number + "e", rid=number)
        else:
            last = etree.SubElement(node, tag("bx"), id=number, rid=number, ctype=ctype)


def note(marks: tuple[Mark, ...]) -> str:
    """The note listing a segment's marks (what each is, a link's address), for the reviewer.

    >>> print(note((Mark("strong", 0, 4), Mark("link", 5, 9, "https://a.fr"))))
    mark 1: bold
    mark 2: link to https://a.fr
    """
    return "\n".join(f"mark {n}: {NAMES.get(m.kind, m.kind)}" + (f" to {m.href}" if m.href else "")
                     for n, m in enumerate(marks, 1))


def read(node: etree._Element) -> tuple[str, list[tuple[str, str]]]:
    """The marked text of a `<source>`/`<target>` and its problems as (element id, what is wrong).

    >>> node = '<target>the <g id="1">Lyon</g> <g id="1">x</g> <bx id="2" rid="2"/>y</target>'
    >>> text, problems = read(etree.fromstring(node))
    >>> marking.extract(text), problems
    (('the Lyon x y', {0: (4, 8)}), [('1', 'twice'), ('2', 'not closed')])
    """
    out: list[str | tuple[str, bool]] = []
    _walk(node, out)
    seen: dict[str, list[bool]] = {}
    for piece in out:
        if isinstance(piece, tuple):
            seen.setdefault(piece[0], []).append(piece[1])
    problems = [(number, _problem(ends)) for number, ends in seen.items() if _problem(ends)]
    indexes = {number: int(number) - 1 for number in seen
               if number.isdigit() and 0 < int(number) <= marking.MAX_MARKS}
    problems += [(number, "not a mark of the French") for number in seen if number not in indexes]
    written: dict[str, list[bool]] = {}  # a repeated element: its first opening and closing count
    text = []
    for piece in out:
        if isinstance(piece, str):
            text.append(piece)
        elif piece[0] in indexes and piece[1] not in written.setdefault(piece[0], []) \
                and (piece[1] or True not in written[piece[0]]):
            written[piece[0]].append(piece[1])
            text.append(marking.char(indexes[piece[0]], piece[1]))
    return "".join(text), problems


def _problem(ends: list[bool]) -> str:
    """What is wrong with the ends of one element id ("" when it opens once, then closes once)."""
    if ends == [False, True]:
        return ""
    return "twice" if ends.count(False) > 1 else "not closed" if True not in ends else "not opened"


def _walk(node: etree._Element, out: list[str | tuple[str, bool]]) -> None:
    """The words of a node and its inline elements' ends (id, closing), in order."""
    out.append(node.text or "")
    for child in node:
        name = etree.QName(child).localname if isinstance(child.tag, str) else ""
        number = child.get("rid") or child.get("id") or "?"
        if name == "g":
            out.append((child.get("id") or "?", False))
            _walk(child, out)
            out.append((child.get("id") or "?", True))
        elif name in ("bx", "bpt"):
            out.append((number, False))
        elif name in ("ex", "ept"):
            out.append((number, True))
        elif name and name not in _SKIP:
            _walk(child, out)
        out.append(child.tail or "")
