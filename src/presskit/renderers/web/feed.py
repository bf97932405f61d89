"""An Atom feed (RFC 4287) per language, written with the standard library.

feedgen would bring lxml and python-dateutil for the dozen elements a press feed needs;
ElementTree escapes text and attributes itself, and the elements below follow RFC 4287 §4.1:
a feed has id, title, updated, author and a self link; each entry id, title, updated, link, summary.
"""
from __future__ import annotations

from pathlib import Path
from xml.etree import ElementTree as ET

from presskit.runtime.atomic import write_output

ATOM = "http://www.w3.org/2005/Atom"


def atom_feed(*, feed_id: str, title: str, lang: str, updated: str, author: str, self_href: str,
              home_href: str, entries: list[dict]) -> bytes:
    """The feed's XML; each entry has id, title, updated, published, href and summary.

    >>> data = atom_feed(feed_id="urn:x", title="A & B", lang="en", updated="2025-06-03T08:00:00+02:00",
    ...                  author="Acme", self_href="feed.en.atom", home_href="index.html", entries=[])
    >>> b"<title>A &amp; B</title>" in data
    True
    """
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed", {"{http://www.w3.org/XML/1998/namespace}lang": lang})
    _text(feed, "id", feed_id)
    _text(feed, "title", title)
    _text(feed, "updated", updated)
    ET.SubElement(_text(feed, "author", ""), f"{{{ATOM}}}name").text = author
    ET.SubElement(feed, f"{{{ATOM}}}link", rel="self", type="application/atom+xml", href=self_href)
    ET.SubElement(feed, f"{{{ATOM}}}link", rel="alternate", type="text/html", href=home_href)
    for item in entries:
        entry = ET.SubElement(feed, f"{{{ATOM}}}entry")
        _text(entry, "id", item["id"])
        _text(entry, "title", item["title"])
        _text(entry, "updated", item["updated"])
        _text(entry, "published", item["published"])
        ET.SubElement(entry, f"{{{ATOM}}}link", rel="alternate", type="text/html", href=item["href"],
                      hreflang=item["tag"])
        _text(entry, "summary", item["summary"])
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True) + b"\n"


def _text(parent: ET.Element, name: str, text: str) -> ET.Element:
    """Add the Atom element `name` with `text` under `parent`."""
    element = ET.SubElement(parent, f"{{{ATOM}}}{name}")
    if text:
        element.text = text
    return element


def write_feed(path: Path, data: bytes) -> Path:
    """Write a feed atomically."""
    return write_output(path, data, what="Atom feed")
