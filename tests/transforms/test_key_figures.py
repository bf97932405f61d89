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
