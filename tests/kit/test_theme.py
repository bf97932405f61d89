"""Brand settings: margins, header and footer texts, logos and fonts checked."""
from pathlib import Path

import pytest

from presskit.errors import PresskitError
from presskit.kit.theme import Theme, check_theme, theme_from_settings

TOML = Path("presskit.toml")


def test_new_brand_keys(tmp_path):
    theme = theme_from_settings({"margins": [30, 20, 25, 20], "header": {"fr": "Dossier", "en": "Kit"},
                                 "footer": "Medicen × Polepharma"}, [], tmp_path, TOML)
    assert theme.margins == (30.0, 20.0, 25.0, 20.0)
    assert theme.header_text("en") == "Kit" and theme.header_text("de", "x") == "x"
    assert theme.footer_text("fr") == "Medicen × Polepharma"
    assert theme_from_settings({"margins": 25}, [], tmp_path, TOML).margins == (25.0,) * 4


@pytest.mark.parametrize("brand, fragment", [({"margins": [1, 2]}, "margins"),
                                             ({"header": 3}, "header"),
                                             ({"logo": "x.gif"}, "logo")])
def test_bad_brand_keys_are_named(tmp_path, brand, fragment):
    (tmp_path / "x.gif").write_bytes(b"GIF89a")
    with pytest.raises(PresskitError, match=fragment):
        theme_from_settings(brand, [], tmp_path, TOML)


def test_svg_logo_per_organization(tmp_path):
    (tmp_path / "m.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg" width="40" height="10"/>')
    theme = theme_from_settings({}, [{"name": "M", "logo": "m.svg"}], tmp_path, TOML)
    check_theme(theme)
    assert theme.organizations[0].logo == (tmp_path / "m.svg").resolve()


def test_unreadable_logo_and_cff_font_are_named(tmp_path):
    bad = tmp_path / "bad.svg"
    bad.write_text("<html/>")
    with pytest.raises(PresskitError) as caught:
        check_theme(Theme(logo=bad))
    assert "bad.svg" in str(caught.value)
    font = tmp_path / "F.otf"
    font.write_bytes(b"OTTO" + b"\0" * 20)
    with pytest.raises(PresskitError, match="CFF"):
        check_theme(Theme(font_regular=font))


def test_default_font_has_french_typography():
    from reportlab.pdfbase.ttfonts import TTFont

    face = TTFont("check", str(Theme().font_regular)).face
    assert all(ord(c) in face.charToGlyph for c in "\u202f\u00a0«»“”’–—€œŒÉ")
