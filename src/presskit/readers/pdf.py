"""The PDF reader: the text layer (pypdf) without page numbers, and the link annotations → text reader."""
from __future__ import annotations

import io
import logging
import re

import presskit.readers.text as plain
from presskit.document import Document
from presskit.errors import PresskitError
from presskit.readers.guard import check_shape
from presskit.readers.layout import Layout

MAX_PAGES = 200
_PAGE_NUMBER = re.compile(r"^(?:-\s*)?(?:page\s+)?\d{1,3}(?:\s*(?:/|sur|of)\s*\d{1,3})?(?:\s*-)?$", re.IGNORECASE)
_BULLET = re.compile(r"^\s*(?:[•▪◦●\-–—*]|\d{1,2}[.)])\s")
_HINT = "export the PDF again from its source, or give presskit the release as .docx or .txt"


def read_pdf(data: bytes, source: str = "") -> Document:
    """Build the Document of a French press release saved as PDF (its text layer)."""
    text, links = pdf_text(data, source)
    return plain.parse(check_shape(text, source), source, Layout(links=links, typeset=True))


def _open(data: bytes, source: str):
    """The pypdf reader of the file, decrypted when it only has an empty user password."""
    from pypdf import PdfReader  # imported here: only PDF input needs it
    from pypdf.errors import DependencyError

    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted and not reader.decrypt(""):  # AES needs `cryptography` (installed)
            raise PresskitError("this PDF needs a password to be opened", path=source,
                                hint="open it with its password and save or print it again as a PDF "
                                     "without one, or give presskit the release as .docx or .txt")
        return reader
    except PresskitError:
        raise
    except DependencyError as exc:
        raise PresskitError(f"this PDF is encrypted in a way presskit cannot read ({exc})", path=source,
                            hint="install presskit with its dependencies (cryptography), or save the "
                                 "PDF again without protection") from None
    except Exception as exc:  # noqa: BLE001 — pypdf raises many kinds of errors on damaged files
        raise PresskitError(f"this PDF file is damaged ({type(exc).__name__})", path=source, hint=_HINT) from None


def pdf_text(data: bytes, source: str = "") -> tuple[str, tuple[str, ...]]:
    """The text of every page (page-number lines dropped, a blank line between pages) and the
    addresses of the link annotations."""
    reader = _open(data, source)
    pages, links = [], []
    try:
        if len(reader.pages) > MAX_PAGES:
            raise PresskitError(f"this PDF has {len(reader.pages)} pages; presskit reads at most {MAX_PAGES}",
                                path=source, hint="a press release is a few pages: check the file")
        for page in reader.pages:
            lines = (page.extract_text(extraction_mode="layout") or "").split("\n")
            lines = without_page_numbers(lines)
            pages.append("\n".join(end_lists_at_the_margin(lines)))
            links += _page_links(page)
    except PresskitError:
        raise
    except Exception as exc:  # noqa: BLE001 — the same, while reading the pages
        raise PresskitError(f"this PDF file is damaged ({type(exc).__name__})", path=source, hint=_HINT) from None
    text = "\n\n".join(pages)
    if not text.strip():
        raise PresskitError("this PDF has no text layer (a scanned image?)", path=source,
                            hint="run OCR on it first, or give presskit the release as .docx or .txt")
    return text, tuple(links)


def without_page_numbers(lines: list[str]) -> list[str]:
    """The page's lines without a page number heading or footing it; a number inside the page (the
    end of a wrapped phone number) stays.

    >>> without_page_numbers(["2", "Texte +33 6 63 94 87", "16", "", "- 3 -"])
    ['Texte +33 6 63 94 87', '16', '']
    """
    filled = [i for i, line in enumerate(lines) if line.strip()]
    edges = set(filled[:1] + filled[-1:])
    return [line for i, line in enumerate(lines) if not (i in edges and _PAGE_NUMBER.match(line.strip()))]


def end_lists_at_the_margin(lines: list[str]) -> list[str]:
    """Start a new paragraph where a line comes back left of an indented bullet list.

    In the text layer a list's last item and the paragraph under it are often not separated by a
    gap; the indentation tells them apart (a wrapped item stays indented).

    >>> end_lists_at_the_margin(["   • un", "     suite", "Texte"])
    ['   • un', '     suite', '', 'Texte']
    """
    out: list[str] = []
    bullet_indent = None
    for line in lines:
        indent = len(line) - len(line.lstrip())
        if not line.strip():
            bullet_indent = None
        elif _BULLET.match(line):
            bullet_indent = indent
        elif bullet_indent is not None and indent < bullet_indent:
            out.append("")
            bullet_indent = None
        out.append(line)
    return out


def _page_links(page) -> list[str]:
    """The web addresses of a page's link annotations."""
    links = []
    for annotation in page.get("/Annots") or []:
        action = annotation.get_object().get("/A") or {}
        uri = action.get("/URI") if hasattr(action, "get") else None
        if isinstance(uri, str) and uri:
            links.append(uri)
    return links
