"""Pictures in the DOCX are sized as python-docx sizes them: the file's resolution, 72 dpi when it has none."""
from __future__ import annotations

import io

import pytest
from docx.image.image import Image as DocxImage
from docx.shared import Cm
from PIL import Image

from presskit.renderers.docx.images import raster


def _saved(format: str, **options) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (150, 60), (31, 58, 95)).save(buffer, format, **options)
    return buffer.getvalue()


def _exif_jpeg() -> bytes:
    exif = Image.Exif()
    exif[282], exif[283], exif[296] = 118.0, 59.0, 3  # dots per centimetre
    return _saved("JPEG", exif=exif.tobytes())


@pytest.mark.parametrize("data", [_saved("PNG"), _saved("PNG", dpi=(300, 150)), _saved("JPEG"),
                                  _saved("JPEG", dpi=(200, 200)), _exif_jpeg(), _saved("GIF")],
                         ids=["png", "png-dpi", "jpeg", "jpeg-jfif-dpi", "jpeg-exif-dpi", "gif"])
def test_raster_sizes_match_python_docx(data):
    ours, theirs = raster(data), DocxImage.from_blob(data)
    assert (ours.width, ours.height, ours.horz_dpi, ours.vert_dpi) == (
        theirs.px_width, theirs.px_height, theirs.horz_dpi, theirs.vert_dpi)
    assert ours.content_type == theirs.content_type
    assert ours.emu_size(height=Cm(0.8)) == tuple(theirs.scaled_dimensions(height=Cm(0.8)))
    assert ours.emu_size(width=Cm(11.6)) == tuple(theirs.scaled_dimensions(width=Cm(11.6)))


def test_a_file_that_is_no_picture_is_refused():
    with pytest.raises(ValueError):
        raster(b"not a picture")
