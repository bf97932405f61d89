"""The social card read back: a 1200×630 JPEG in the brand's colours with the release's title on it."""
from PIL import Image

from presskit.renderers.web.card import hex_rgb, render_release_cards


def _close(pixel, colour, tolerance=12):
    return all(abs(a - b) <= tolerance for a, b in zip(pixel, colour))


def test_each_language_gets_a_card_with_its_title_in_the_brand_colours(tmp_path, document_fr, document_en, theme):
    written = render_release_cards(document_fr, document_en, theme, tmp_path)
    assert [p.name for p in written] == ["card.fr.jpg", "card.en.jpg"]
    for path in written:
        with Image.open(path) as card:
            assert (card.format, card.size, card.mode) == ("JPEG", (1200, 630), "RGB")
            assert _close(card.getpixel((20, 20)), hex_rgb(theme.primary))  # the background
            assert _close(card.getpixel((600, 620)), hex_rgb(theme.accent))  # the bottom band
            title = card.crop((72, 172, 1128, 472)).convert("L")
            assert sum(1 for value in title.tobytes() if value > 230) > 5_000  # white letters of the title
    with Image.open(written[0]) as french, Image.open(written[1]) as english:
        assert french.tobytes() != english.tobytes()  # each card shows its own title
