"""What a command loads: a build served from the memory loads no engine and leaves the documents to
the workers; parse and check load no renderer."""
import json
import subprocess
import sys
from pathlib import Path

from helpers import SAMPLE

# runs the CLI as `presskit` does, then prints the modules the main process imported
PROBE = """
import json, sys
from presskit.runtime import render_pool, startup
startup.start(sys.argv[1:])
from presskit.cli.app import app
try:
    app.main(sys.argv[1:], standalone_mode=False)
finally:
    render_pool.close_unused()
    print(json.dumps(sorted(sys.modules)))
"""
INTERFACE = {"presskit.engines", "presskit.engines.base"}  # the Engine interface and the catalogue: no engine
ENGINE_MODULES = ("presskit.engines.", "deep_translator", "requests", "urllib3", "deepl", "google", "http.client")
RENDERER_MODULES = ("reportlab", "docx", "PIL", "pikepdf", "svglib", "presskit.renderers")
DOCUMENT_MODULES = ("reportlab", "docx", "PIL", "pikepdf", "svglib", "presskit.renderers.pdf",
                    "presskit.renderers.docx", "presskit.renderers.web.card")  # what the render workers load


def modules_loaded(kit: Path, *arguments: str) -> list[str]:
    """The modules the main process of `presskit ARGUMENTS` imported."""
    done = subprocess.run([sys.executable, "-c", PROBE, *arguments], cwd=kit, capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_a_build_from_the_memory_loads_no_engine_in_the_main_process(kit_dir):
    modules = modules_loaded(kit_dir, "build", "--offline")
    assert (kit_dir / "output" / SAMPLE / f"{SAMPLE}.en.pdf").is_file()
    assert not [m for m in modules if m.startswith(ENGINE_MODULES) and m not in INTERFACE]
    assert not [m for m in modules if m.startswith(DOCUMENT_MODULES)]  # the workers render the documents
    # the e-mails, pages and index: in the DOCX worker, with Jinja2; the wire copy here, with Babel
    assert "jinja2" not in modules and "presskit.renderers.email" not in modules
    assert "presskit.renderers.wire" in modules and (kit_dir / "output" / SAMPLE / "web" / "index.fr.html").is_file()


def test_parse_and_check_load_no_renderer(kit_dir):
    source = f"sources/{SAMPLE}.fr.txt"
    for command in (["parse", source], ["check", source, "--offline"]):
        modules = modules_loaded(kit_dir, *command)
        assert not [m for m in modules if m.startswith(RENDERER_MODULES)], command


WARMED = """
import json, sys
from presskit.runtime import render_pool
render_pool.warm_up(sys.argv[1])
print(json.dumps(sorted(sys.modules)))
"""


def test_each_format_library_loads_in_one_process_of_a_build():
    from presskit.runtime.render_pool import WARM_UP

    loaded = {}
    for worker in WARM_UP:
        done = subprocess.run([sys.executable, "-c", WARMED, worker], capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stderr
        loaded[worker] = {m.split(".")[0] for m in json.loads(done.stdout)}
    # the DOCX worker writes its packages with lxml; python-docx loads only to style a template the cache lacks
    assert "lxml" in loaded["docx"] and not {"docx", "reportlab", "jinja2"} & loaded["docx"]
    assert "reportlab" in loaded["pdf"] and not {"docx", "lxml", "jinja2"} & loaded["pdf"]  # Jinja2: when first needed


# renders a DOCX twice in fresh processes sharing one user cache; the second finds its styled template there
RENDER_DOCX = """
import sys
from pathlib import Path
from presskit.document import Block, Document, Figure, Footnote, NoteRef
from presskit.kit.theme import Theme
from presskit.renderers.docx.writer import render
from presskit.runtime.disk_memo import save_memos
text = "Un paragraphe avec une note et un lien https://example.org."
document = Document(lang="fr", title="Un titre", blocks=(Block("paragraph", text, notes=(NoteRef("1", len(text)),)),
                    Block("list", items=("un", "deux"))), footnotes=(Footnote("1", "Une note.", ""),),
                    figures=(Figure("5", "France", "Sites"), Figure("21", "Allemagne", "Sites"), Figure("10 000", "emplois")))
render(document, Theme(name="Marque"), Path(sys.argv[1]) / "kit.docx")
save_memos()
print("docx" in sys.modules)
"""


def test_a_docx_rendered_from_a_kept_template_does_not_load_python_docx(tmp_path):
    import os

    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}
    runs = [subprocess.run([sys.executable, "-c", RENDER_DOCX, str(tmp_path)], capture_output=True, text=True,
                           timeout=120, env=env) for _ in range(2)]
    assert all(run.returncode == 0 for run in runs), runs[-1].stderr
    assert [run.stdout.strip() for run in runs] == ["True", "False"]  # made with python-docx once, then kept
    assert (tmp_path / "kit.docx").stat().st_size > 10_000
