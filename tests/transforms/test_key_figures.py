"""Key figures read from the French text and listed in presskit.toml."""
from pathlib import Path

import pytest

from presskit.document import Block, Document, Figure
from presskit.errors import PresskitError
from presskit.kit.folder import figures_from_settings
from presskit.transforms.key_figures import extract_figures, merge_figures
from presskit.typesetting.figures import charted_series, split_value

SAMPLE = Path(__file__).parents[2] / "sources" / "congres-france-bioproduction-2021.fr.txt"


def test_comparison_becomes_one_series():
    text = ("Car en 2020, sur les 76 biothérapies autorisées et commercialisées en Europe, seules 5 "
            "ont été produites en France contre 21 en Allemagne, ou encore 12 en Italie.")
    doc = extract_figures(Document("fr", blocks=(Block("paragraph", text),)))
    series = charted_series(doc.figures)
    assert len(series) == 1
    name, items = series[0]
    assert name == "Biothérapies produites"
    assert [(f.value, f.label) for f in items] == [("5", "France"), ("21", "Allemagne"), ("12", "Italie")]


def test_sample_release_gives_striking_figures():
    from presskit.readers import read

    figures = extract_figures(read(SAMPLE)).figures
    pairs = {(f.value, f.label) for f in figures}
    assert ("plus de 85 %", "taux de produits importé") in pairs
    assert ("plus de 500", "participants") in pairs
    assert ("10 000", "emplois directs") in pairs
    assert ("plus de 800 M€", "investissements menés conjointement en France") in pairs
    assert not any(f.value in ("2021", "2030", "100") for f in figures)  # years, "top 100"


def test_quotes_and_about_are_not_mined():
    doc = Document("fr", blocks=(Block("quote", "Nous avons 40 000 adhérents."),))
    assert extract_figures(doc).figures == ()


def test_listed_figures_come_first_and_replace_repeats(tmp_path):
    listed = figures_from_settings([{"value": "85 %", "label": "importés"}], tmp_path / "p.toml")
    doc = Document("fr", figures=(Figure("plus de 85 %", "taux"), Figure("500", "participants")))
    assert [f.label for f in merge_figures(doc, listed).figures] == ["importés", "participants"]


def test_bad_figure_setting_is_named(tmp_path):
    with pytest.raises(PresskitError, match="value and label"):
        figures_from_settings([{"value": "3"}], tmp_path / "presskit.toml")


def test_split_value():
    assert split_value("more than 85%") == ("more than", "85%")


# --- linear patterns, labels that are noun phrases, targets, auto = false ---------------------------


def test_a_sentence_of_two_thousand_numbers_is_read_in_one_pass():
    """Issue 17: 2,000 three-digit numbers in one 8 KB sentence took 104 s (the comparison pattern
    backtracked over the whole sentence from each number). The patterns are now bounded/atomic."""
    from presskit.transforms.key_figures import figures_in

    glued = " ".join(str(100 + i % 900) for i in range(2000))  # one long run of digit groups
    assert len(glued) > 7900 and figures_in(glued) == []
    counted = " personnes, ".join(str(100 + i % 900) for i in range(2000)) + " personnes."
    figures = figures_in(counted)
    assert len(figures) == 2000 and figures[0] == Figure("100", "personnes")
    compared = " en France contre ".join(str(100 + i % 900) for i in range(2000)) + " en Italie."
    assert [f.label for f in figures_in(compared)][:2] == ["France", "France"]


@pytest.mark.parametrize("text", [
    "Le groupe investira 800 millions d’euros en France.",  # no money noun: "800" + "millions d'euros"
    "Le marché pèse 4,1 milliards.",
    "Il fournit 30 lots cliniques destinés à la recherche.",
    "Au total, 80 % des biomédicaments en essai clinique en France dépendent de sites étrangers.",
    "PostgreSQL 14 apporte de nombreuses améliorations.",
])
def test_a_figure_is_shown_only_when_its_label_is_a_noun_phrase(text):
    from presskit.transforms.key_figures import figures_in

    assert figures_in(text) == []


def test_a_target_is_labelled_as_a_target():
    from presskit.transforms.key_figures import figures_in

    assert figures_in("Le site créera 500 emplois d’ici 2027.") == [Figure("500", "emplois (objectif 2027)")]


def test_auto_false_turns_automatic_figures_off_and_keeps_the_listed_ones(tmp_path):
    from presskit.kit.folder import load_kit
    from presskit.transforms.key_figures import ExtractFigures

    (tmp_path / "presskit.toml").write_text(
        '[figures]\nauto = false\n[[figures.items]]\nvalue = "500"\nlabel = "emplois"\nen = "jobs"\n',
        encoding="utf-8")
    kit = load_kit(tmp_path)
    assert (kit.figures_auto, kit.figures, kit.figures_en) == (
        False, (Figure("500", "emplois"),), (Figure("500", "jobs"),))
    document = Document("fr", blocks=(Block("paragraph", "Plus de 500 participants."),))
    assert ExtractFigures(kit.figures_auto)(document).figures == ()
