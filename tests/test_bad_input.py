"""Bad input through the command line: exit 2, one clear paragraph, no traceback, earlier outputs intact."""
import hashlib

import pytest

from helpers import SAMPLE
from test_cli import presskit

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
    from pypdf import PdfReader
    import docx
    folder = kit_dir / "output" / "balises"
    for lang in ("fr", "en"):
        pdf = " ".join(p.extract_text() for p in PdfReader(folder / f"balises.{lang}.pdf").pages)
        word = " ".join(p.text for p in docx.Document(folder / f"balises.{lang}.docx").paragraphs)
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
