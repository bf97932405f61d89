"""A built press room: the shared test release (with key figures and a compared series) in both languages."""
from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

import pytest

from presskit.document import Figure
from presskit.renderers.web import Release, render_site

NOW = datetime(2025, 6, 3, 12, 0, tzinfo=timezone.utc)
FIGURES = (Figure("plus de 85 %", "de produits importés"), Figure("500", "participants"),
           Figure("5", "France", "biothérapies produites en 2020"),
           Figure("21", "Allemagne", "biothérapies produites en 2020"),
           Figure("12", "Italie", "biothérapies produites en 2020"))
DOWNLOADS = ("fr.docx", "fr.pdf", "en.docx", "en.pdf")


def write_downloads(folder: Path, slug: str) -> tuple[Path, ...]:
    """Stand-ins for the four documents of a release (sizes 10, 20, 30 and 40 kB)."""
    (folder / slug).mkdir(parents=True, exist_ok=True)
    files = []
    for n, suffix in enumerate(DOWNLOADS, start=1):
        path = folder / slug / f"{slug}.{suffix}"
        path.write_bytes(b"%" * (10_000 * n))
        files.append(path)
    return tuple(files)


def build_site(folder: Path, fr, en, theme, slug: str = "congres-2023", now: datetime = NOW) -> Path:
    """Render one release's pages, the index and the feeds into `folder`; return `folder`."""
    release = Release(slug, (fr.evolve(figures=FIGURES), en.evolve(figures=FIGURES)),
                      write_downloads(folder, slug))
    render_site([release], theme, folder, now=now)
    return folder


@pytest.fixture
def site(tmp_path, document_fr, document_en, theme) -> Path:
    """The output folder of a built press room with one release."""
    return build_site(tmp_path / "output", document_fr, document_en, theme)


def parse_html(path: Path):
    """Parse a page with html5lib in strict mode (any parse error raises); return the tree."""
    import html5lib

    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
    return parser.parse(path.read_bytes())


def page(site: Path, lang: str, slug: str = "congres-2023") -> Path:
    """The path of a release's page in `lang`."""
    return site / slug / "web" / f"index.{lang}.html"


def json_ld(tree) -> dict:
    """The page's one JSON-LD object."""
    import json

    (script,) = tree.findall(".//script[@type='application/ld+json']")
    return json.loads(script.text)


def meta(tree, key: str) -> str:
    """The content of the <meta> whose property or name is `key`."""
    found = [m.get("content") for m in tree.iter("meta") if key in (m.get("property"), m.get("name"))]
    assert len(found) == 1, (key, found)
    return found[0]


HOSTILE_TEXT = "<script>alert('x')</script> <img src=x onerror=alert(1)> R&D &amp; Co"
