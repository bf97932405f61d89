"""The render pool: the formats are placed in their workers, and a worker loads the brand's fonts before
the first document comes."""
from importlib import import_module

import pytest

from presskit.document import Document
from presskit.errors import PresskitError
from presskit.kit.theme import Theme
from presskit.runtime import render_pool
from presskit.runtime.workers import Worker, can_fork


def _registered(theme: Theme) -> list[str]:
    """The reportlab fonts registered in a forked worker after it was told to prepare `theme`."""
    worker = Worker(warm=lambda: render_pool.warm_up("pdf"))
    try:
        render_pool.ForkedPool({"pdf": worker}).prepare(theme)
        return worker.submit(_fonts).result()
    finally:
        worker.close()


def _fonts() -> list[str]:
    from reportlab.pdfbase import pdfmetrics

    return pdfmetrics.getRegisteredFontNames()


def test_a_pdf_worker_registers_the_brands_fonts_before_the_first_document():
    if not can_fork():
        pytest.skip("no fork here (or a single core): the pool renders in process")
    assert {"Lato-Regular", "Lato-Bold", "Lato-Italic", "Lato-BoldItalic"} <= set(_registered(Theme()))


def test_a_font_that_cannot_be_read_is_left_for_the_render_to_report(tmp_path):
    broken = tmp_path / "broken.ttf"
    broken.write_bytes(b"not a font")
    render_pool.prepare("pdf", Theme(font_regular=broken))  # nothing raised: the render says it
    with pytest.raises(PresskitError, match="broken.ttf"):
        render_pool.render("pdf", Document(lang="fr", title="Titre"), Theme(font_regular=broken), tmp_path / "x.pdf")
    assert not (tmp_path / "x.pdf").exists()


def test_every_format_renders_in_a_known_process_and_each_preparation_exists():
    assert set(render_pool.WORKER_OF) == set(render_pool.RENDERERS)
    assert {worker for worker in render_pool.WORKER_OF.values() if worker} <= set(render_pool.WARM_UP)
    assert set(render_pool.PREPARE) <= set(render_pool.WARM_UP)
    assert all(callable(import_module(m).prepare) for modules in render_pool.PREPARE.values() for m in modules)


IN_PROCESS_BATCH = """
import gc, json
from presskit.runtime import render_pool, startup
startup.start(["parse", "x"])
one = render_pool.InProcessPool().map_releases(lambda item, pool: gc.isenabled(), [1])
many = render_pool.InProcessPool().map_releases(lambda item, pool: gc.isenabled(), [1, 2])
print(json.dumps([one, many]))
"""


def test_a_batch_built_in_this_process_turns_the_cycle_collector_on():
    import json
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-c", IN_PROCESS_BATCH], capture_output=True, text=True, check=True,
                          timeout=60)
    assert json.loads(done.stdout.strip().splitlines()[-1]) == [[False], [True, True]]
