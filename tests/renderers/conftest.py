"""A realistic, hand-built press release (with hostile text) shared by the renderer tests."""
from __future__ import annotations

import pytest

from presskit.document import (
    About,
    Block,
    Contact,
    Dateline,
    Document,
    Footnote,
    NoteRef,
    Speaker,
)
from presskit.kit.theme import Theme

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
