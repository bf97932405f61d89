"""Fonts whose parsed tables come from the user's cache measure and embed as reportlab's own."""
from pathlib import Path

import pytest
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from presskit.renderers.pdf.ttf_cache import face_tables, load_ttfont

FONTS = Path(__file__).resolve().parents[2] / "src" / "presskit" / "fonts"
TEXT = "Œuvrer « ensemble » : 800\u202fM€, 5ᵉ édition — l’été 2026"


@pytest.mark.parametrize("name", ["Lato-Regular.ttf", "Lato-BoldItalic.ttf"])
def test_a_kept_font_measures_and_embeds_as_reportlabs_own(name):
    path = str(FONTS / name)
    own = TTFont("Own", path)
    face_tables(path)  # the first call parses and keeps the tables; the next ones take them back
    kept = load_ttfont("Kept", path)
    assert kept.stringWidth(TEXT, 11) == own.stringWidth(TEXT, 11)
    assert kept.face.charWidths == own.face.charWidths and kept.face.bbox == own.face.bbox
    glyphs = {n: ord(c) for n, c in enumerate(sorted(set(TEXT)))}
    assert kept.face.makeSubset(glyphs) == own.face.makeSubset(glyphs)
    assert kept.shapable == own.shapable and kept.fontName == "Kept"


def test_a_damaged_memo_entry_lets_reportlab_read_the_file(monkeypatch):
    from presskit.renderers.pdf import ttf_cache

    path = str(FONTS / "Lato-Regular.ttf")
    monkeypatch.setattr(ttf_cache, "face_tables", lambda path: b"\x00 not marshal")
    font = ttf_cache.load_ttfont("Damaged", path)
    assert font.stringWidth(TEXT, 11) == TTFont("Own", path).stringWidth(TEXT, 11)


def test_a_file_that_is_not_a_font_is_refused_as_reportlab_refuses_it(tmp_path):
    broken = tmp_path / "broken.ttf"
    broken.write_bytes(b"not a font at all")
    with pytest.raises(TTFError):
        load_ttfont("Broken", str(broken))


def test_a_theme_with_a_broken_font_file_gets_an_error_naming_it(tmp_path):
    from dataclasses import replace

    from presskit.errors import PresskitError
    from presskit.kit.theme import Theme
    from presskit.renderers.pdf.setup import register_fonts

    broken = tmp_path / "brand-regular.ttf"
    broken.write_bytes(b"\x00\x01\x00\x00 truncated")
    with pytest.raises(PresskitError, match="cannot use the font file") as caught:
        register_fonts(replace(Theme(), font_regular=broken))
    assert Path(caught.value.path) == broken and ".ttf" in caught.value.hint
