"""Pictures in the DOCX: a raster file's size and resolution, and the inline drawing that shows it.

Sizes follow python-docx's rules (the file's dots per inch, 72 when it says none), so a logo is as
tall as the renderer asks and as wide as its proportions make it.
"""
from __future__ import annotations

import struct
from typing import NamedTuple

from presskit.renderers.docx.oxml import attr

EMU_PER_INCH = 914400
EMU_PER_CM = 360000
_A = "http://schemas.openxmlformats.org/drawingml/2006/main"
_PIC = "http://schemas.openxmlformats.org/drawingml/2006/picture"
_SVG_EXT = ('<a:extLst><a:ext uri="{{96DAC541-7B7A-43D3-8B79-37D633B846F1}}">'
            '<asvg:svgBlip xmlns:asvg="http://schemas.microsoft.com/office/drawing/2016/SVG/main" '
            'r:embed="{rid}"/></a:ext></a:extLst>')


def twips(emu: int) -> int:
    """A length in EMU as twentieths of a point, rounded as python-docx rounds it.

    >>> twips(7560000)
    11906
    """
    return int(round(emu / 635))


class Raster(NamedTuple):
    """A raster picture's format and size: extension, content type, pixels and dots per inch."""

    extension: str
    content_type: str
    width: int
    height: int
    horz_dpi: int
    vert_dpi: int

    def emu_size(self, width: int | None = None, height: int | None = None) -> tuple[int, int]:
        """The picture's (width, height) in EMU for the width or height asked, keeping its proportions.

        >>> Raster("png", "image/png", 120, 40, 72, 72).emu_size(height=288000)
        (864000, 288000)
        """
        native_w = int(self.width / self.horz_dpi * EMU_PER_INCH)
        native_h = int(self.height / self.vert_dpi * EMU_PER_INCH)
        if width is None and height is None:
            return native_w, native_h
        if width is None:
            return round(native_w * (float(height) / native_h)), int(height)  # type: ignore[arg-type]
        if height is None:
            return int(width), round(native_h * (float(width) / native_w))
        return int(width), int(height)


def raster(data: bytes) -> Raster:
    """The format, size and resolution of a PNG, JPEG or GIF file (ValueError for anything else).

    >>> from presskit.renderers.docx.png import png_bytes
    >>> raster(png_bytes(3, 2, bytes(18), dpi=216))
    Raster(extension='png', content_type='image/png', width=3, height=2, horz_dpi=216, vert_dpi=216)
    """
    if data[:8] == b"\x89PNG\r\n\x1a\n":
        return _png(data)
    if data[:3] == b"\xff\xd8\xff":
        return _jpeg(data)
    if data[:6] in (b"GIF87a", b"GIF89a"):
        width, height = struct.unpack_from("<HH", data, 6)
        return Raster("gif", "image/gif", width, height, 72, 72)
    raise ValueError("not a PNG, JPEG or GIF image")


def _png(data: bytes) -> Raster:
    """A PNG's size (IHDR) and resolution (pHYs, in dots per metre when its unit is 1)."""
    if data[12:16] != b"IHDR":
        raise ValueError("a PNG without its header")
    width, height = struct.unpack_from(">II", data, 16)
    dpi = (72, 72)
    offset = 8
    while offset + 8 <= len(data):
        length, kind = struct.unpack_from(">I4s", data, offset)
        if kind == b"pHYs" and length >= 9:
            horz, vert, unit = struct.unpack_from(">IIB", data, offset + 8)
            if unit == 1:
                dpi = (int(round(horz * 0.0254)) if horz else 72, int(round(vert * 0.0254)) if vert else 72)
            break
        if kind in (b"IDAT", b"IEND"):
            break
        offset += 12 + length
    return Raster("png", "image/png", width, height, *dpi)


def _jpeg(data: bytes) -> Raster:
    """A JPEG's size (its SOF segment) and resolution (JFIF density, else the Exif resolution)."""
    offset, dpi, size = 2, None, None
    while offset + 4 <= len(data) and size is None:
        if data[offset] != 0xFF:
            raise ValueError("a damaged JPEG")
        marker = data[offset + 1]
        if marker == 0xFF:
            offset += 1
            continue
        length = struct.unpack_from(">H", data, offset + 2)[0]
        segment = data[offset + 4:offset + 2 + length]
        if marker == 0xE0 and segment[:5] == b"JFIF\x00" and dpi is None:
            units, x, y = struct.unpack_from(">BHH", segment, 7)
            dpi = (_jfif_dpi(units, x), _jfif_dpi(units, y))
        elif marker == 0xE1 and segment[:6] == b"Exif\x00\x00" and dpi is None:
            dpi = _exif_dpi(segment[6:])
        elif 0xC0 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC):
            height, width = struct.unpack_from(">HH", segment, 1)
            size = (width, height)
        offset += 2 + length
    if size is None:
        raise ValueError("a JPEG without its frame header")
    return Raster("jpeg", "image/jpeg", *size, *(dpi or (72, 72)))


def _jfif_dpi(units: int, density: int) -> int:
    """Dots per inch of a JFIF density: per inch (1), per centimetre (2), else 72.

    >>> _jfif_dpi(2, 118), _jfif_dpi(0, 1)
    (300, 72)
    """
    return density if units == 1 else int(round(density * 2.54)) if units == 2 else 72


def _exif_dpi(tiff: bytes) -> tuple[int, int]:
    """The X and Y resolution of an Exif block's first image directory, in dots per inch (72 when absent)."""
    order = "<" if tiff[:2] == b"II" else ">"
    start = struct.unpack_from(order + "I", tiff, 4)[0]
    count = struct.unpack_from(order + "H", tiff, start)[0]
    tags = {}
    for n in range(count):
        tag, kind, _, value = struct.unpack_from(order + "HHI4s", tiff, start + 2 + 12 * n)
        if tag in (282, 283) and kind == 5:
            pointer = struct.unpack_from(order + "I", value)[0]
            numerator, denominator = struct.unpack_from(order + "II", tiff, pointer)
            tags[tag] = numerator / denominator if denominator else 0
        elif tag == 296:
            tags[tag] = struct.unpack_from(order + "H", value)[0]
    unit = tags.get(296, 2)

    def dpi(tag: int) -> int:
        """One resolution tag in dots per inch."""
        if tag not in tags or unit == 1:
            return 72
        return int(round(tags[tag] * (1 if unit == 2 else 2.54)))

    return dpi(282), dpi(283)


def inline_picture(drawing_id: int, r_id: str, filename: str, size: tuple[int, int], alt: str,
                   svg_id: str = "") -> str:
    """A run holding an inline picture (wp:inline) of `size` EMU with its alternative text (descr, title),
    and the SVG itself beside a PNG fallback when `svg_id` relates one."""
    cx, cy = size
    alt_text = attr(alt)
    svg = _SVG_EXT.format(rid=svg_id) if svg_id else ""
    return (f'<w:r><w:drawing><wp:inline xmlns:a="{_A}" xmlns:pic="{_PIC}"><wp:extent cx="{cx}" cy="{cy}"/>'
            f'<wp:docPr id="{drawing_id}" name="Picture {drawing_id}" descr="{alt_text}" title="{alt_text}"/>'
            '<wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect="1"/></wp:cNvGraphicFramePr>'
            f'<a:graphic><a:graphicData uri="{_PIC}"><pic:pic><pic:nvPicPr>'
            f'<pic:cNvPr id="0" name="{attr(filename)}"/><pic:cNvPicPr/></pic:nvPicPr>'
            f'<pic:blipFill><a:blip r:embed="{r_id}">{svg}</a:blip><a:stretch><a:fillRect/></a:stretch>'
            f'</pic:blipFill><pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm>'
            '<a:prstGeom prst="rect"/></pic:spPr></pic:pic></a:graphicData></a:graphic></wp:inline>'
            "</w:drawing></w:r>")
