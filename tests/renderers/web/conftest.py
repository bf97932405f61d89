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
