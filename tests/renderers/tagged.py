"""Read a tagged PDF back: marked content on each page, the structure tree, the text of each MCID."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

import pikepdf
from pypdf import PdfReader

TEXT_OPERATORS = {"Tj", "TJ", "'", '"'}


@dataclass
class Element:
    """One structure element read back: role (resolved through the role map), attributes, kids."""

    role: str
    raw_role: str
    lang: str | None
    alt: str | None
    mcids: list[tuple[int, int]] = field(default_factory=list)  # (page index, MCID)
    kids: list["Element"] = field(default_factory=list)
    links: int = 0

    def walk(self):
        """This element and all below it, in tree order."""
        yield self
        for kid in self.kids:
            yield from kid.walk()


def unmarked_text_operators(pdf: pikepdf.Pdf) -> list[tuple[int, str]]:
    """(page, operator) for every text-drawing operator outside marked content with an MCID or artifact."""
    found = []
    for index, page in enumerate(pdf.pages):
        stack: list[str] = []
        for operands, operator in pikepdf.parse_content_stream(page):
            op = str(operator)
            if op == "BDC":
                props = operands[1]
                kind = "artifact" if str(operands[0]) == "/Artifact" else (
                    "mcid" if isinstance(props, pikepdf.Dictionary) and "/MCID" in props else "other")
                stack.append(kind)
            elif op == "BMC":
                stack.append("artifact" if str(operands[0]) == "/Artifact" else "other")
            elif op == "EMC":
                stack.pop()
            elif op in TEXT_OPERATORS and not any(k in ("artifact", "mcid") for k in stack):
                found.append((index, op))
        assert not stack, f"page {index + 1}: unbalanced marked content"
    return found


def form_calls_outside_artifacts(pdf: pikepdf.Pdf) -> int:
    """How many form XObjects (page labels) are drawn outside marked content."""
    count = 0
    for page in pdf.pages:
        depth = 0
        for _operands, operator in pikepdf.parse_content_stream(page):
            op = str(operator)
            depth += {"BDC": 1, "BMC": 1, "EMC": -1}.get(op, 0)
            count += op == "Do" and depth == 0
    return count


def structure(pdf: pikepdf.Pdf) -> Element:
    """The structure tree under StructTreeRoot, as Elements (the root's kids in a Document)."""
    root = pdf.Root.StructTreeRoot
    role_map = {str(k): str(v) for k, v in (root.get("/RoleMap") or {}).items()}
    pages = {page.objgen: i for i, page in enumerate(pdf.pages)}
    top = Element("Root", "Root", None, None)
    kids = root.K if isinstance(root.K, pikepdf.Array) else [root.K]
    top.kids = [_element(k, role_map, pages) for k in kids]
    return top


def _element(obj: pikepdf.Dictionary, role_map: dict, pages: dict, page: int | None = None) -> Element:
    """One element and its kids."""
    raw = str(obj.S)
    element = Element(role_map.get(raw, raw)[1:], raw[1:], _str(obj.get("/Lang")), _str(obj.get("/Alt")))
    if "/Pg" in obj:
        page = pages[obj.Pg.objgen]
    kids = obj.get("/K")
    kids = [] if kids is None else (list(kids) if isinstance(kids, pikepdf.Array) else [kids])
    for kid in kids:
        if isinstance(kid, int):
            element.mcids.append((page, kid))
        elif kid.get("/Type") == "/MCR":
            element.mcids.append((pages[kid.Pg.objgen] if "/Pg" in kid else page, int(kid.MCID)))
        elif kid.get("/Type") == "/OBJR":
            element.links += 1
        else:
            element.kids.append(_element(kid, role_map, pages, page))
    return element


def _str(value) -> str | None:
    return None if value is None else str(value)


def text_by_mcid(path) -> tuple[dict[tuple[int, int], str], list[str]]:
    """The text of each (page, MCID), and each page's text outside artifacts, read with pypdf."""
    reader = PdfReader(str(path))
    texts: dict[tuple[int, int], str] = {}
    pages = []
    for index, page in enumerate(reader.pages):
        chunks = _page_text(page, index, texts)
        pages.append("".join(chunks))
    return texts, pages


def _page_text(page, index: int, texts: dict) -> list[str]:
    """Walk one page with pypdf: add each MCID's text to `texts`; return the text outside artifacts."""
    stack: list = []
    chunks: list[str] = []

    def before(op, args, cm, tm):
        if op == b"BDC":
            props = args[1]
            stack.append(props.get("/MCID") if hasattr(props, "get") and str(args[0]) != "/Artifact"
                         else "artifact")
        elif op == b"BMC":
            stack.append("artifact")
        elif op == b"EMC" and stack:
            stack.pop()

    def text(value, cm, tm, font, size):
        if not value or "artifact" in stack:
            return
        mcid = next((k for k in reversed(stack) if isinstance(k, int)), None)
        texts[(index, mcid)] = texts.get((index, mcid), "") + value
        chunks.append(value)

    page.extract_text(visitor_operand_before=before, visitor_text=text)
    return chunks


def squash(text: str) -> str:
    """Text without whitespace (line breaks differ between extraction paths)."""
    return re.sub(r"\s+", "", text)
