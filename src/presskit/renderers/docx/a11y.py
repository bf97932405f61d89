"""Accessibility and locale details of the DOCX: the settings of a language, the custom properties."""
from __future__ import annotations

from typing import Any

from lxml import etree

from presskit.renderers.docx.oxml import DECLARATION, attr

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
# per language: (themeFontLang, decimal symbol, list separator)
LOCALE_SETTINGS = {"fr": ("fr-FR", ",", ";"), "en": ("en-GB", ".", ",")}
CUSTOM_RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties"
CUSTOM_CT = "application/vnd.openxmlformats-officedocument.custom-properties+xml"
_CUSTOM_NS = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
_VT_NS = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"


def custom_properties(name: str, value: str) -> bytes:
    """docProps/custom.xml with one text property: kept in the file, out of the visible fields.

    >>> b'name="presskit provenance"><vt:lpwstr>1 &amp; 2' in custom_properties("presskit provenance", "1 & 2")
    True
    """
    return (f'{DECLARATION}<Properties xmlns="{_CUSTOM_NS}" xmlns:vt="{_VT_NS}">'
            f'<property fmtid="{{D5CDD505-2E9C-101B-9397-08002B2CF9AE}}" pid="2" name="{attr(name)}">'
            f"<vt:lpwstr>{attr(value)}</vt:lpwstr></property></Properties>").encode()


def locale_settings(settings: Any, lang: str) -> None:
    """The document's theme-font language, decimal symbol and list separator for `lang`.

    >>> settings = etree.fromstring(f'<w:settings xmlns:w="{_W}"><w:themeFontLang w:val="en-US" '
    ...                             'w:eastAsia="ja-JP"/></w:settings>')
    >>> locale_settings(settings, "fr")
    >>> [(e.tag.split("}")[1], dict(e.attrib)) for e in settings]  # doctest: +NORMALIZE_WHITESPACE
    [('themeFontLang', {'{http://schemas.openxmlformats.org/wordprocessingml/2006/main}val': 'fr-FR'}),
     ('decimalSymbol', {'{http://schemas.openxmlformats.org/wordprocessingml/2006/main}val': ','}),
     ('listSeparator', {'{http://schemas.openxmlformats.org/wordprocessingml/2006/main}val': ';'})]
    """
    tag, decimal, separator = LOCALE_SETTINGS.get(lang.split("-")[0].lower(), LOCALE_SETTINGS["en"])
    for name, value in (("themeFontLang", tag), ("decimalSymbol", decimal), ("listSeparator", separator)):
        found = settings.find(f"{{{_W}}}{name}")
        if found is None:
            found = etree.SubElement(settings, f"{{{_W}}}{name}")
        found.set(f"{{{_W}}}val", value)
        if name == "themeFontLang" and found.get(f"{{{_W}}}eastAsia"):
            del found.attrib[f"{{{_W}}}eastAsia"]
