"""End to end: `presskit build --engine deepl|google` against local stand-ins of the services.

The sample kit gets a sentence its translation memory lacks; the service translates it with the
kit's glossary (applied by the service: the term travels as a word, not a token) and presskit
checks the English afterwards. A second build sends nothing (the cache); keys never leak.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile

import pytest
from pypdf import PdfReader
from standins import DeepL, GoogleCloud

from helpers import SAMPLE, copy_kit

KEY = "secret-deepl-key-e2e-99:fx"
NEW = "Les nouveaux biomédicaments de Medicen arrivent en France dès 2027."
ENGLISH = "The new biopharmaceuticals of Medicen arrive in France from 2027."


def presskit(*args, cwd, env=None):
    """Run the CLI in a subprocess: (exit code, stdout, stderr)."""
    environment = {**os.environ, "PYTHONWARNINGS": "ignore", **(env or {})}
    done = subprocess.run([sys.executable, "-m", "presskit", *map(str, args)], cwd=cwd,
                          capture_output=True, text=True, env=environment, timeout=120)
    return done.returncode, done.stdout, done.stderr


@pytest.fixture
def kit(tmp_path):
    """The sample kit with one new paragraph, after the one that ends "messages échangés."."""
    root = copy_kit(tmp_path / "kit")
    release = root / "sources" / f"{SAMPLE}.fr.txt"
    text = release.read_text(encoding="utf-8")
    marker = "messages échangés. \n"
    assert marker in text
    release.write_text(text.replace(marker, marker + " \n" + NEW + "\n", 1), encoding="utf-8")
    return root


def report_of(kit):
    return json.loads((kit / "output" / SAMPLE / "report.json").read_text(encoding="utf-8"))


def new_segment(report):
    [segment] = [s for s in report["segment_provenance"] if s["source"] == NEW]
    return segment


def everything_written(kit) -> str:
    """The text of every file the build left: report, cache, DOCX parts, PDF text and metadata."""
    parts = []
    for path in sorted(p for p in kit.rglob("*") if p.is_file() and "sources" not in p.parts):
        if path.suffix == ".docx":
            with zipfile.ZipFile(path) as archive:
                parts += [archive.read(name).decode("utf-8", "replace") for name in archive.namelist()]
        elif path.suffix == ".pdf":
            reader = PdfReader(path)
            parts += [page.extract_text() for page in reader.pages] + [str(reader.metadata)]
            parts.append(path.read_bytes().decode("latin-1"))
        else:
            parts.append(path.read_bytes().decode("utf-8", "replace"))
    return "\n".join(parts)


def test_deepl_build_with_the_glossary_applied_by_the_service(kit, http, monkeypatch):
    deepl = DeepL(KEY).install(http)
    env = {"DEEPL_AUTH_KEY": KEY}
    code, out, err = presskit("build", "--engine", "deepl", "--engine-url", http.url_for("/"),
                              cwd=kit, env=env)
    assert code == 0, err
    [text] = deepl.sent_texts()  # only the sentence the memory lacks
    assert text == 'Les nouveaux biomédicaments de <x id="1"/> arrivent en France dès 2027.'
    [glossary] = deepl.glossaries.values()
    assert glossary["name"] == "presskit-kit"
    assert "biomédicament\tbiopharmaceutical" in glossary["dictionaries"][("fr", "en")]
    translate = [body for _, path, body in deepl.requests if path == "/v2/translate"][0]
    assert translate["glossary_id"] in deepl.glossaries and translate["tag_handling"] == "xml"
    report = report_of(kit)
    segment = new_segment(report)
    assert segment["target"] == ENGLISH and segment["origin"] == "engine:deepl"
    assert report["segments"]["engines"] == {"deepl": 1}
    pdf = PdfReader(kit / "output" / SAMPLE / f"{SAMPLE}.en.pdf")
    assert ENGLISH in " ".join(" ".join(page.extract_text() for page in pdf.pages).split())
    assert KEY not in everything_written(kit) + out + err
    deepl.requests.clear()  # a rebuild: everything from the memory and the cache
    code, out, err = presskit("build", "--engine", "deepl", "--engine-url", http.url_for("/"),
                              cwd=kit, env=env)
    assert code == 0, err
    assert deepl.requests == []
    assert new_segment(report_of(kit))["target"] == ENGLISH
    code, out, err = presskit("review", "export", f"sources/{SAMPLE}.fr.txt", cwd=kit, env=env)
    assert code == 0, err
    xliff = (kit / "review" / f"{SAMPLE}.en.xlf").read_text(encoding="utf-8")
    assert ENGLISH in xliff and KEY not in xliff + everything_written(kit) + out + err
    assert deepl.requests == []  # the cache answered the XLIFF export too


def test_a_glossary_the_service_ignored_is_caught_by_presskit(kit, http):
    deepl = DeepL(KEY).install(http)
    deepl.ignore_glossary = True
    code, out, err = presskit("build", "--engine", "deepl", "--engine-url", http.url_for("/"),
                              "--draft", cwd=kit, env={"DEEPL_AUTH_KEY": KEY})
    assert code == 0, err
    report = report_of(kit)
    assert new_segment(report)["target"] == "The new biomédicaments of Medicen arrive in France from 2027."
    assert report["terms"]["counts"]["missing"] >= 1
    assert "missing" in err and "biomédicament" in err


def test_google_cloud_build_with_its_glossary(kit, http):
    cloud = GoogleCloud().install(http)
    settings = (kit / "presskit.toml").read_text(encoding="utf-8").replace(
        'engine = "google"', 'engine = "google"\nproject = "press-office"\n'
        f'credentials = "{cloud.credentials_file(kit, http)}"\n'
        'glossary_bucket = "gs://press-office-kits"', 1)
    (kit / "presskit.toml").write_text(settings, encoding="utf-8")
    code, out, err = presskit("build", "--engine", "google", "--engine-url", http.url_for("/"), cwd=kit)
    assert code == 0, err
    assert cloud.sent_texts() == ["Les nouveaux biomédicaments de ⟦1⟧ arrivent en France dès 2027."]
    assert len(cloud.glossaries) == 1 and len(cloud.objects) == 1
    segment = new_segment(report_of(kit))
    assert segment["target"] == ENGLISH and segment["origin"] == "engine:google"
    written = everything_written(kit)
    assert cloud.TOKEN not in written + out + err and "PRIVATE KEY" not in out + err
    cloud.requests.clear()
    assert presskit("build", "--engine", "google", "--engine-url", http.url_for("/"), cwd=kit)[0] == 0
    assert cloud.requests == []
