"""The .eml read back with the standard library: parts, subject, 72-column text, inline-CSS HTML, attachments."""
from __future__ import annotations

import re
from datetime import datetime, timezone
from email import policy
from email.parser import BytesParser

import html5lib
import pytest

from presskit.errors import PresskitError
from presskit.renderers.email import render_email

NOW = datetime(2025, 6, 3, 8, 0, tzinfo=timezone.utc)


def read(path):
    """Parse an .eml file."""
    return BytesParser(policy=policy.default).parse(path.open("rb"))


@pytest.fixture
def eml(tmp_path, document_fr, theme):
    """The French release as an e-mail."""
    return read(render_email(document_fr, theme, tmp_path / "r.fr.eml", now=NOW,
                             page_url="https://press.example.org/r/web/index.fr.html"))


def test_multipart_alternative_with_the_title_as_subject(eml, document_fr):
    assert eml.get_content_type() == "multipart/alternative"
    assert [p.get_content_type() for p in eml.iter_parts()] == ["text/plain", "text/html"]
    assert eml["Subject"] == document_fr.title
    assert eml["From"] == "Marie Dupont <marie.dupont@medicen.org>"
    assert eml["Content-Language"] == "fr-FR" and eml["Date"] == "Tue, 03 Jun 2025 08:00:00 +0000"
    assert eml["X-Unsent"] == "1"


def test_the_text_part_is_wrapped_at_72_columns(eml, document_fr):
    text = eml.get_body(("plain",)).get_content()
    long_lines = [line for line in text.splitlines() if len(line) > 72]
    assert all(" " not in line for line in long_lines), long_lines  # only unbreakable addresses
    assert "=" * len(document_fr.title) in text
    flat = re.sub(r"\s*\n\s*", " ", text)
    assert "«\u202fIl faut assurer le continuum de la recherche à la production.\u202f»" in flat
    assert "— Jessica Leygues, Déléguée Générale, Medicen Paris Region" in flat
    assert "l’objectif[1]" in flat and "[1] https://www.example.org/rapport-bioproduction-2021.pdf" in flat
    assert "À PROPOS DE MEDICEN PARIS REGION" in text and "CONTACT PRESSE" in text
    assert "- 500 participants" in text
    assert "Tags <b> & </para> ]]> stay literal" in flat
    assert "Lire en ligne: https://press.example.org/r/web/index.fr.html" in flat


def test_the_html_part_has_inline_css_only_and_escapes_the_text(eml):
    html = eml.get_body(("html",)).get_content()
    tree = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False).parse(html)
    assert tree.get("lang") == "fr-FR"
    assert not tree.findall(".//style") and not tree.findall(".//script") and not tree.findall(".//link")
    assert tree.find(".//table").get("role") == "presentation"
    assert "".join(tree.find(".//h1").itertext()) == "Succès du Congrès France Bioproduction"
    assert all(p.get("style") for p in tree.iter("p"))
    body = "".join(tree.find(".//body").itertext())
    assert "Tags <b> & </para> ]]> stay literal" in body and not tree.findall(".//b")
    hrefs = {a.get("href") for a in tree.iter("a")}
    assert {"mailto:marie.dupont@medicen.org", "tel:+33123456789", "https://www.france-bioproduction.fr",
            "https://press.example.org/r/web/index.fr.html"} <= hrefs


def test_the_pdf_is_attached_on_request(tmp_path, document_en, theme):
    pdf = tmp_path / "r.en.pdf"
    pdf.write_bytes(b"%PDF-1.7 not really")
    message = read(render_email(document_en, theme, tmp_path / "r.en.eml", attachments=[pdf]))
    assert message.get_content_type() == "multipart/mixed"
    body, attachment = message.iter_parts()
    assert body.get_content_type() == "multipart/alternative"
    assert attachment.get_filename() == "r.en.pdf" and attachment.get_content_type() == "application/pdf"
    assert attachment.get_content() == pdf.read_bytes()
    assert message["Subject"] == document_en.title


def test_the_embargo_line_is_in_both_parts(tmp_path, document_fr, theme):
    line = "Sous embargo jusqu'au 3 juin 2025 à 8 h"
    message = read(render_email(document_fr.evolve(embargo=line), theme, tmp_path / "e.eml"))
    assert message.get_body(("plain",)).get_content().startswith(line.upper())
    html = html5lib.parse(message.get_body(("html",)).get_content(), namespaceHTMLElements=False)
    assert line in "".join(html.find(".//body").itertext())


def test_a_missing_attachment_is_a_clear_error(tmp_path, document_fr, theme):
    with pytest.raises(PresskitError, match="cannot attach the file") as caught:
        render_email(document_fr, theme, tmp_path / "e.eml", attachments=[tmp_path / "gone.pdf"])
    assert "gone.pdf" in str(caught.value) and "--attach" in caught.value.hint
