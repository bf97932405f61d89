"""The presskit command as a press officer runs it: exit codes, messages, files."""
import json
import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import parse_qs

from werkzeug import Response

from helpers import SAMPLE

NEW_RELEASE = "Un titre inédit\n\nLa bioproduction progresse en France.\n"


def presskit(*args, cwd, env=None):
    """Run the CLI in a subprocess and return (exit code, stdout, stderr)."""
    environment = {**os.environ, "PYTHONWARNINGS": "ignore", **(env or {})}
    done = subprocess.run([sys.executable, "-m", "presskit", *map(str, args)], cwd=cwd,
                          capture_output=True, text=True, env=environment, timeout=120)
    return done.returncode, done.stdout, done.stderr


def assert_clean_error(stderr):
    assert "Traceback" not in stderr
    assert sum(line.startswith("error: ") for line in stderr.splitlines()) == 1


def test_build_one_release_into_another_folder(kit_dir, tmp_path):
    code, _, err = presskit("build", f"sources/{SAMPLE}.fr.txt", "--out", tmp_path / "out", cwd=kit_dir)
    assert code == 0, err
    assert len(list((tmp_path / "out" / SAMPLE).iterdir())) == 9  # 4 documents, report, 2 e-mails, wire, web/
    report = json.loads((tmp_path / "out" / SAMPLE / "report.json").read_text(encoding="utf-8"))
    assert f"{report['segments']['memory']} from memory" in err and "0 untranslated" in err
    lines = err.splitlines()
    header = next(i for i, line in enumerate(lines) if line.split()[:1] == ["terms"])
    table = lines[header:header + 2]
    assert table[0].split() == ["terms", "applied", "repaired", "missing", "forbidden"]
    assert "warning the press contacts: no press contact" in err  # the sample names none: said, not made up
    expected = report["terms"]["expected"]
    assert table[1].split() == [str(expected), str(expected), "0", "0", "0"]


def test_missing_file_is_a_clear_error(kit_dir):
    code, _, err = presskit("build", "sources/absent.fr.txt", cwd=kit_dir)
    assert code == 2
    assert_clean_error(err)
    assert "absent.fr.txt" in err and "no such file" in err


def test_not_a_kit(tmp_path):
    code, _, err = presskit("build", cwd=tmp_path)
    assert code == 2
    assert_clean_error(err)
    assert "presskit init" in err


def test_offline_stops_the_english_kit_and_lists_what_is_missing(kit_dir):
    (kit_dir / "sources" / "nouveau.fr.txt").write_text(NEW_RELEASE, encoding="utf-8")
    code, _, err = presskit("build", "sources/nouveau.fr.txt", "--offline", cwd=kit_dir)
    assert code == 1
    assert "untranslated: La bioproduction progresse en France." in err
    assert "--draft" in err and "Traceback" not in err
    assert not (kit_dir / "output" / "nouveau" / "nouveau.en.pdf").exists()


def test_offline_refuses_a_network_engine(kit_dir):
    (kit_dir / "sources" / "nouveau.fr.txt").write_text(NEW_RELEASE, encoding="utf-8")
    code, _, err = presskit("build", "sources/nouveau.fr.txt", "--offline", "--engine", "google", cwd=kit_dir)
    assert code == 2
    assert_clean_error(err)
    assert "--offline" in err


def libre_answer(request):
    """A LibreTranslate-compatible /translate: English for the one sentence it knows."""
    query = parse_qs(request.query_string.decode())
    assert query["source"] == ["fr"] and query["target"] == ["en"]
    table = {"Un titre inédit": "A new title",  # the term reaches the engine as a placeholder
             "La ⟦1⟧ progresse en France.": "⟦1⟧ is growing in France."}
    text = query["q"][0]
    return Response(json.dumps({"translatedText": table.get(text, text)}), content_type="application/json")


def test_engine_translates_what_the_memory_lacks(kit_dir, httpserver):
    httpserver.expect_request("/translate", method="POST").respond_with_handler(libre_answer)
    (kit_dir / "sources" / "nouveau.fr.txt").write_text(NEW_RELEASE, encoding="utf-8")
    code, _, err = presskit("build", "sources/nouveau.fr.txt", "--engine", "libre",
                            "--engine-url", httpserver.url_for("/"), cwd=kit_dir)
    assert code == 0, err
    report = json.loads((kit_dir / "output" / "nouveau" / "report.json").read_text(encoding="utf-8"))
    assert report["segments"]["engines"] == {"libre": 2} and report["engine"] == "libre"
    assert report["terms"]["found"] == report["terms"]["expected"] == 1
    from pypdf import PdfReader
    text = " ".join(p.extract_text() for p in PdfReader(kit_dir / "output" / "nouveau" / "nouveau.en.pdf").pages)
    assert "Biomanufacturing is growing in France." in text
    english = PdfReader(kit_dir / "output" / "nouveau" / "nouveau.en.pdf")
    assert english.metadata.creator == "presskit"  # the engine is named in XMP provenance, not Creator
    assert "libre" in english.trailer["/Root"]["/Metadata"].get_data().decode()


def test_unreachable_engine_is_a_clear_error(kit_dir):
    import socket
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    (kit_dir / "sources" / "nouveau.fr.txt").write_text(NEW_RELEASE, encoding="utf-8")
    code, _, err = presskit("build", "sources/nouveau.fr.txt", "--engine", "libre",
                            "--engine-url", f"http://127.0.0.1:{port}/", cwd=kit_dir)
    assert code == 2
    assert_clean_error(err)
    assert "cannot reach libre" in err


def test_parse_json_gives_the_model(kit_dir):
    code, out, _ = presskit("parse", f"sources/{SAMPLE}.fr.txt", "--json", cwd=kit_dir)
    assert code == 0
    model = json.loads(out)
    assert model["title"] == "Succès du Congrès France Bioproduction"
    assert [b["speaker"]["name"] for b in model["blocks"] if b["kind"] == "quote"] == [
        "Jessica Leygues", "Fabien Riolet", "Olivier Bogillot", "Guillaume Plane"]
    assert [a["organization"] for a in model["about"]] == ["MEDICEN", "POLEPHARMA"]
    assert model["footnotes"][0]["id"] == "1" and model["footnotes"][0]["url"].startswith("https://www.entreprises")


def test_parse_tree(kit_dir):
    code, out, _ = presskit("parse", f"sources/{SAMPLE}.fr.txt", cwd=kit_dir)
    assert code == 0 and "quote" in out and "Jessica Leygues" in out


def test_unknown_extension(tmp_path):
    (tmp_path / "release.odt").write_text("x", encoding="utf-8")
    code, _, err = presskit("parse", "release.odt", cwd=tmp_path)
    assert code == 2
    assert_clean_error(err)
    assert ".txt" in err


def test_init_creates_a_kit_that_builds_offline(tmp_path):
    code, _, err = presskit("init", "my-kit", cwd=tmp_path)
    assert code == 0, err
    code, _, err = presskit("build", "--offline", cwd=tmp_path / "my-kit")
    assert code == 0, err
    assert (tmp_path / "my-kit" / "output" / "example" / "example.en.pdf").is_file()
    code, _, err = presskit("init", "my-kit", cwd=tmp_path)
    assert code == 2 and "already exists" in err


def test_glossary_check_names_file_and_line(kit_dir):
    (kit_dir / "glossary" / "extra.csv").write_text("fr,en\nbioréacteur,\n", encoding="utf-8")
    code, _, err = presskit("glossary", "check", cwd=kit_dir)
    assert code == 2
    assert "extra.csv:2" in err and "empty" in err


def test_bad_settings_file(kit_dir):
    (kit_dir / "presskit.toml").write_text("[brand\n", encoding="utf-8")
    code, _, err = presskit("build", cwd=kit_dir)
    assert code == 2
    assert_clean_error(err)
    assert "presskit.toml:1" in err


def test_check_runs_the_gate_without_rendering(kit_dir):
    code, _, err = presskit("check", f"sources/{SAMPLE}.fr.txt", "--offline", cwd=kit_dir)
    assert code == 0, err
    assert "0 errors" in err and not (kit_dir / "output" / SAMPLE).exists()
    (kit_dir / "sources" / "nouveau.fr.txt").write_text(NEW_RELEASE, encoding="utf-8")
    code, _, err = presskit("check", "sources/nouveau.fr.txt", "--offline", cwd=kit_dir)
    assert code == 1 and "untranslated: La bioproduction progresse en France." in err


def test_a_second_build_sends_no_request(kit_dir, httpserver):
    httpserver.expect_request("/translate", method="POST").respond_with_handler(libre_answer)
    (kit_dir / "sources" / "nouveau.fr.txt").write_text(NEW_RELEASE, encoding="utf-8")
    arguments = ("build", "sources/nouveau.fr.txt", "--engine", "libre", "--engine-url", httpserver.url_for("/"))
    assert presskit(*arguments, cwd=kit_dir)[0] == 0
    first = len(httpserver.log)
    assert first == 2
    code, _, err = presskit(*arguments, cwd=kit_dir)
    assert code == 0, err
    assert len(httpserver.log) == first
    assert (kit_dir / ".presskit-cache" / "translations.sqlite").is_file()


def test_build_usage_errors_and_help_end_the_early_workers(kit_dir):
    """`presskit build` forks its render workers first; a build that never runs still ends cleanly."""
    code, out, err = presskit("build", "--no-such-option", cwd=kit_dir)
    assert code == 2 and "No such option" in err and "Traceback" not in err
    code, out, _ = presskit("build", "--help", cwd=kit_dir)
    assert code == 0 and "--offline" in out
    code, _, err = presskit("build", "sources/absent.fr.txt", cwd=kit_dir)
    assert code == 2 and "no such file" in err and "Traceback" not in err


def test_a_batch_from_the_command_line_builds_every_release(kit_dir):
    source = kit_dir / "sources" / f"{SAMPLE}.fr.txt"
    (kit_dir / "sources" / "copie.fr.txt").write_text(source.read_text(encoding="utf-8"), encoding="utf-8")
    code, _, err = presskit("build", "--offline", cwd=kit_dir)
    assert code == 0, err
    for slug in (SAMPLE, "copie"):
        assert sorted(p.suffix for p in (kit_dir / "output" / slug).iterdir()) == \
            ["", ".docx", ".docx", ".eml", ".eml", ".json", ".pdf", ".pdf", ".txt"]  # "": web/


def test_build_a_release_of_a_kit_from_outside_it(kit_dir, tmp_path):
    """`presskit build path/to/kit/sources/x.fr.txt` finds the kit from the source's path."""
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    code, _, err = presskit("build", kit_dir / "sources" / f"{SAMPLE}.fr.txt", "--offline", cwd=elsewhere)
    assert code == 0, err
    assert (kit_dir / "output" / SAMPLE / f"{SAMPLE}.en.pdf").is_file() and not (elsewhere / "output").exists()


def test_init_says_how_to_run_presskit_from_its_virtual_environment(tmp_path):
    code, out, err = presskit("init", tmp_path / "kit", cwd=tmp_path)
    assert code == 0, err
    said = out + err
    assert f"{Path(sys.prefix) / 'bin' / 'presskit'} build" in said or "on your PATH" in said
    settings = (tmp_path / "kit" / "presskit.toml").read_text(encoding="utf-8")
    assert "Marie Dupont" not in settings and "Exemple SA" not in settings
