"""The translators' XML files are read safely; errors name the right line in UTF-16 too (issue 17)."""
import pytest

from presskit.errors import PresskitError
from presskit.runtime.safe_xml import parse_xml

ENTITY = '<?xml version="1.0" encoding="UTF-16"?>\n<!DOCTYPE a [\n\n<!ENTITY x "y">]>\n<a>&x;</a>\n'
BROKEN = '<?xml version="1.0" encoding="UTF-16"?>\n<a>\n<b>\n</a>\n'


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be"])
def test_an_entity_in_utf16_names_its_line(tmp_path, encoding):
    data = ENTITY.encode(encoding) if encoding == "utf-16" else b"\xfe\xff" + ENTITY.encode(encoding)
    with pytest.raises(PresskitError, match="declares XML entities") as caught:
        parse_xml(data, tmp_path / "g.tbx", "TBX file", "hint")
    assert caught.value.line == 4


def test_a_syntax_error_in_utf16_names_its_line(tmp_path):
    with pytest.raises(PresskitError, match="not well-formed") as caught:
        parse_xml(BROKEN.encode("utf-16"), tmp_path / "g.tbx", "TBX file", "hint")
    assert caught.value.line == 4
