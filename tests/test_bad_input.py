"""Bad input through the command line: exit 2, one clear paragraph, no traceback, earlier outputs intact."""
import hashlib
import os
import subprocess
import sys

import pytest

from helpers import SAMPLE


def presskit(*args, cwd):
    """Run the CLI in a subprocess and return (exit code, stdout, stderr)."""
    done = subprocess.run([sys.executable, "-m", "presskit", *map(str, args)], cwd=cwd,
                          capture_output=True, text=True, timeout=300,
                          env={**os.environ, "PYTHONWARNINGS": "ignore"})
    return done.returncode, done.stdout, done.stderr

CASES = {
    "empty": b"  \n\n \t\n",
    "binary": bytes(range(256)) * 8,
    "not French": ("The Board is pleased to announce the appointment of a new chief executive, who "
                   "will join the company in the spring and lead its growth in the United States and "
                   "across Europe, where the market for these products is expected to double.\n" * 3
                   ).encode(),
}


def fingerprints(folder):
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}  # web/ holds the pages


@pytest.mark.parametrize("case", CASES)
def test_bad_source_is_refused_and_earlier_outputs_stay(kit_dir, case):
    source = kit_dir / "sources" / f"{SAMPLE}.fr.txt"
    assert presskit("build", "--offline", cwd=kit_dir)[0] == 0
    before = fingerprints(kit_dir / "output" / SAMPLE)
    source.write_bytes(CASES[case])
    code, _, err = presskit("build", "--offline", cwd=kit_dir)
    assert code == 2
    assert "Traceback" not in err and f"{SAMPLE}.fr.txt" in err and "→" in err
    assert fingerprints(kit_dir / "output" / SAMPLE) == before


def test_markup_characters_come_out_literally_in_both_documents(kit_dir):
    release = ("Un titre avec <b> & ]]> et </para>\n\n"
               "Le texte garde R&D, <i>balises</i> et ]]> tels quels, comme « </para> ».\n")
    (kit_dir / "sources" / "balises.fr.txt").write_text(release, encoding="utf-8")
    code, _, err = presskit("build", "sources/balises.fr.txt", "--offline", "--draft", cwd=kit_dir)
    assert code == 0, err
    import docx
    from pypdf import PdfReader
    folder = kit_dir / "output" / "balises"
    for lang in ("fr", "en"):
        pdf = " ".join(p.extract_text() for p in PdfReader(folder / f"balises.{lang}{'.draft' if lang == 'en' else ''}.pdf").pages)
        word = " ".join(p.text for p in docx.Document(folder / f"balises.{lang}{'.draft' if lang == 'en' else ''}.docx").paragraphs)
        for text in (pdf, word):
            assert "<b> & ]]>" in text and "R&D, <i>balises</i>" in text and "</para>" in text


def test_a_500_character_word_and_url(kit_dir):
    long_word = "anticonstitutionnellement" * 20
    url = "https://example.org/" + "a" * 480
    release = f"Un titre\n\nCe communiqué contient {long_word} et l'adresse {url} pour voir.\n"
    (kit_dir / "sources" / "long.fr.txt").write_text(release, encoding="utf-8")
    code, _, err = presskit("build", "sources/long.fr.txt", "--offline", "--draft", cwd=kit_dir)
    assert code == 0, err
    from pypdf import PdfReader
    reader = PdfReader(kit_dir / "output" / "long" / "long.fr.pdf")
    uris = {a.get_object()["/A"]["/URI"] for page in reader.pages for a in page.get("/Annots") or []
            if "/A" in a.get_object()}
    assert url in uris


# ---- hostile shapes (issue 17): bounded time, a clean refusal at worst ---------------------------

sys.path.insert(0, str(__import__("helpers").ROOT))
from bench.adversarial import SHAPES, shape_text  # noqa: E402
from presskit.build import Options, build  # noqa: E402
from presskit.errors import PresskitError  # noqa: E402
from presskit.kit.folder import load_kit  # noqa: E402
from presskit.pipeline import translate_release  # noqa: E402
from presskit.readers import read  # noqa: E402


@pytest.mark.parametrize("shape", SHAPES)
def test_every_hostile_shape_is_read_and_checked_or_refused_cleanly(kit_dir, shape):
    suffix, text = shape_text(shape, 20_000)
    source = kit_dir / "sources" / f"shape.fr{suffix}"
    source.write_text(text, encoding="utf-8")
    try:
        document = read(source)
    except PresskitError as error:  # refused: by the shape guard, or as not French (or no language at all)
        assert any(why in error.message for why in ("too unusual to read", "French", "does not read as text")), \
            error.message
        return
    assert document.title or document.blocks
    done = translate_release(load_kit(kit_dir), source, Options(offline=True))
    assert done.english.segments


def test_grouped_digits_are_refused_with_their_line(kit_dir):
    source = kit_dir / "sources" / "chiffres.fr.txt"
    source.write_text(shape_text("grouped digits", 20_000)[1], encoding="utf-8")
    code, _, err = presskit("check", source, "--offline", cwd=kit_dir)
    assert code == 2, err
    assert "this release is too unusual to read: a paragraph with" in err and "at line 3" in err
    assert "Traceback" not in err


def test_a_one_megabyte_paragraph_is_refused_before_anything_is_written(kit_dir):
    source = kit_dir / "sources" / "long.fr.txt"
    source.write_text(shape_text("one paragraph", 1_000_000)[1], encoding="utf-8")
    code, _, err = presskit("build", source, "--offline", cwd=kit_dir)
    assert code == 2 and "too unusual to read: a paragraph of more than" in err, err
    assert not (kit_dir / "output" / "long").exists()


def test_a_hundred_thousand_one_word_paragraphs_are_refused_at_the_line(kit_dir):
    source = kit_dir / "sources" / "mots.fr.txt"
    source.write_text("Titre\n\n" + "mot\n\n" * 100_000, encoding="utf-8")
    with pytest.raises(PresskitError, match=r"more than 50,000 lines at line 100001"):
        read(source)


def test_markdown_inline_marks_are_read_as_text(kit_dir):
    source = kit_dir / "sources" / "marques.fr.md"
    source.write_text("# Titre\n\n" + "[" * 30_000 + " et **gras** puis [lien](https://a.fr).\n",
                      encoding="utf-8")
    document = read(source)
    text = " ".join(block.text for block in document.blocks)
    assert "[" * 30_000 in text and "gras" in text and "**" not in text and "lien" in text


def test_a_sixty_group_number_is_no_key_figure_and_the_pdf_is_written(kit_dir):
    number = "1" + " 000" * 59
    (kit_dir / "sources" / "budget.fr.txt").write_text(
        f"Un budget immense\n\nLe budget atteint {number} euros selon le rapport annuel publié hier.\n\n"
        "La filière compte 500 entreprises et 85 % des projets sont financés.\n", encoding="utf-8")
    results = build(load_kit(kit_dir), [kit_dir / "sources" / "budget.fr.txt"],
                    Options(offline=True, draft=True))
    folder = results[0].folder
    assert sorted(p.name for p in folder.iterdir() if p.suffix == ".pdf") == ["budget.en.draft.pdf", "budget.fr.pdf"]
    from pypdf import PdfReader

    text = " ".join(page.extract_text() for page in PdfReader(folder / "budget.fr.pdf").pages)
    assert "85" in text and "rapport annuel" in text
    french = translate_release(load_kit(kit_dir), kit_dir / "sources" / "budget.fr.txt",
                               Options(offline=True)).french
    values = [figure.value for figure in french.figures]
    assert "85 %" in values and all(len(value) <= 24 for value in values), values


def test_a_too_long_figure_in_the_settings_is_refused(kit_dir):
    settings = kit_dir / "presskit.toml"
    settings.write_text(settings.read_text(encoding="utf-8") + '\n[[figures]]\nvalue = "' + "1 000" * 10
                        + '"\nlabel = "euros"\n', encoding="utf-8")
    with pytest.raises(PresskitError, match="too long for a key figure"):
        load_kit(kit_dir)
