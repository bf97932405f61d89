"""The charts' PNG writer gives files that image readers take as they were drawn."""
import io

import pytest
from PIL import Image, ImageDraw

from presskit.renderers.docx.png import png_bytes


@pytest.mark.parametrize("mode", ["RGB", "RGBA"])
def test_pixels_and_resolution_come_back(mode):
    image = Image.new(mode, (41, 17), "white")
    ImageDraw.Draw(image).rectangle([3, 2, 20, 15], fill=(200, 30, 90))
    back = Image.open(io.BytesIO(png_bytes(41, 17, image.tobytes(), mode, dpi=216)))
    back.load()
    assert back.size == (41, 17) and back.mode == mode
    assert back.tobytes() == image.tobytes()
    assert [round(d) for d in back.info["dpi"]] == [216, 216]


def test_a_wrong_number_of_bytes_is_refused():
    with pytest.raises(ValueError, match="expected 12 bytes of RGB"):
        png_bytes(2, 2, b"\x00" * 11)
