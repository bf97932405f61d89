"""bench/tagging.py measures what it says: its untagged PDF has no tags, its tagged one has them."""
import sys

import pikepdf

sys.path.insert(0, str(__import__("helpers").ROOT))
from bench import tagging  # noqa: E402


def test_the_untagged_render_has_no_structure_and_the_tagged_one_has(tmp_path):
    document, theme = tagging.english_document()
    tagging.render_once(document, theme, tmp_path, tagged=True)
    with pikepdf.open(tmp_path / "kit.pdf") as pdf:
        assert "/StructTreeRoot" in pdf.Root
        assert b"/MCID" in pdf.pages[1].Contents.read_bytes()
    seconds = tagging.render_once(document, theme, tmp_path, tagged=False)
    with pikepdf.open(tmp_path / "kit.pdf") as pdf:
        assert "/StructTreeRoot" not in pdf.Root
        assert b"/MCID" not in pdf.pages[1].Contents.read_bytes()
    assert seconds > 0
    assert tagging.render_once(document, theme, tmp_path, tagged=True)  # the layer is back after
    with pikepdf.open(tmp_path / "kit.pdf") as pdf:
        assert "/StructTreeRoot" in pdf.Root


def test_the_line_says_both_times_and_the_difference():
    assert tagging.line(41.0, 35.0) == ("tagging (marked content and structure tree): 41.0 ms per PDF against "
                                       "35.0 ms untagged, +6.0 ms (+17 %)")
