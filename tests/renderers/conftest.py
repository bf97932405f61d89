"""A realistic, hand-built press release (with hostile text) shared by the renderer tests."""
from __future__ import annotations

from dataclasses import replace

import pytest

from presskit.document import (
    About,
    Block,
    Contact,
    Dateline,
    Document,
    Figure,
    Footnote,
    NoteRef,
    Speaker,
)
from presskit.kit.theme import Organization, Theme

NNBSP = "\u202f"
HOSTILE = "Tags <b> & </para> ]]> stay literal: R&D <i>not italic</i>"
FOOTNOTE_URL = "https://www.example.org/rapport-bioproduction-2021.pdf"
BODY = ("En 2020, sur les 76 biothérapies autorisées, seules 5 ont été produites en France, "
        f"soit 6,6{NNBSP}% — un défi à 800{NNBSP}M€. Œuvrer « ensemble » c’est l’objectif")


@pytest.fixture
def document_fr() -> Document:
    """A French release touching every block kind and every field the renderers print."""
    return Document(
        lang="fr",
        title="Succès du Congrès France Bioproduction",
        subtitle="Cap sur un leadership européen en 2030",
        dateline=Dateline("Paris, le 7 septembre 2023", "Paris", "2023-09-07"),
        blocks=(
            Block("lede", "La crise Covid a montré l’importance de la maîtrise de la production."),
            Block("paragraph", BODY, notes=(NoteRef("1", len(BODY)),)),
            Block("paragraph", HOSTILE),
            Block("heading", "Une filière qui se structure"),
            Block("list", items=("500 participants", "1000 messages échangés", "12 pôles – 2021")),
            Block("quote", "Il faut assurer le continuum de la recherche à la production.",
                  speaker=Speaker("Jessica Leygues", "Déléguée Générale", "Medicen Paris Region"),
                  attribution="a souligné Jessica Leygues, Déléguée Générale, Medicen Paris Region."),
            Block("quote", "La dynamique enclenchée doit être le départ d’une vraie structuration.",
                  attribution="a ajouté Fabien Riolet, Délégué Général, Polepharma."),
            Block("paragraph", "Écrire à presse@medicen.org ou voir https://medicen.org/agenda."),
            Block("closing", "Plus d’informations sur le congrès", url="https://www.france-bioproduction.fr"),
        ),
        footnotes=(Footnote("1", FOOTNOTE_URL, FOOTNOTE_URL),),
        about=(
            About("Medicen Paris Region", "Medicen est le pôle de compétitivité santé.\n\n"
                  "Il fédère 500 adhérents en Île-de-France."),
            About("Polepharma", "Polepharma est le premier cluster de production pharmaceutique."),
        ),
        contacts=(Contact("Marie Dupont", "Medicen Paris Region", "marie.dupont@medicen.org",
                          "+33 1 23 45 67 89"),),
        meta=(("author", "Medicen Paris Region; Polepharma"), ("status", "final"),
              ("provenance", "12 segments from memory, 3 from engine:fake, 0 untranslated"),
              ("date", "2023-09-07"), ("keywords", "bioproduction, santé")),
    )


@pytest.fixture
def document_en(document_fr: Document) -> Document:
    """The English draft of the same release."""
    meta = tuple((k, "draft" if k == "status" else v) for k, v in document_fr.meta)
    return document_fr.evolve(lang="en", title="France Bioproduction Congress: a success",
                              subtitle="Heading for European leadership in 2030", meta=meta)


@pytest.fixture
def theme() -> Theme:
    """The default brand, renamed."""
    return Theme(name="Medicen")


@pytest.fixture
def logo_png(tmp_path):
    """A small real PNG logo."""
    from PIL import Image

    path = tmp_path / "logo.png"
    Image.new("RGB", (120, 40), (31, 58, 95)).save(path)
    return path


EXPECTED_URIS = {
    FOOTNOTE_URL,
    "https://www.france-bioproduction.fr",
    "https://medicen.org/agenda",
    "mailto:presse@medicen.org",
    "mailto:marie.dupont@medicen.org",
    "tel:+33123456789",
}


FIGURES = (Figure("plus de 85 %", "taux de produits importés"), Figure("10 000", "emplois directs"),
           Figure("5", "France", "Biothérapies produites"), Figure("21", "Allemagne", "Biothérapies produites"),
           Figure("12", "Italie", "Biothérapies produites"))
SVG = ('<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40" viewBox="0 0 120 40">'
       '<rect width="120" height="40" fill="#2A9D8F"/></svg>')


@pytest.fixture
def kit_fr(document_fr):
    """The French release with key figures."""
    return document_fr.evolve(figures=FIGURES)


@pytest.fixture
def kit_en(document_en):
    """The English release with key figures."""
    figures = (Figure("more than 85%", "share of imported products"), Figure("10,000", "direct jobs"),
               Figure("5", "France", "Biotherapies produced"), Figure("21", "Germany", "Biotherapies produced"),
               Figure("12", "Italy", "Biotherapies produced"))
    return document_en.evolve(figures=figures, title='The "France Bioproduction" congress: it\'s a success')


@pytest.fixture
def branded(theme, tmp_path, logo_png):
    """A theme with one PNG and one SVG organisation logo, and one organisation without logo."""
    svg = tmp_path / "polepharma.svg"
    svg.write_text(SVG, encoding="utf-8")
    return replace(theme, organizations=(Organization("Medicen", logo=logo_png),
                                         Organization("Polepharma", logo=svg),
                                         Organization("Genopole")))
