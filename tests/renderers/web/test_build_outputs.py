"""`presskit build` writes the press room, the e-mails and the wire copy for every release, in both languages."""
from __future__ import annotations

from email import policy
from email.parser import BytesParser

import pytest

from helpers import SAMPLE, copy_kit
from presskit.build import Options, build
from presskit.errors import PresskitError
from presskit.kit.folder import load_kit

from .conftest import json_ld, parse_html


@pytest.fixture
def kit(tmp_path, no_network):
    """A copy of the repository's kit, building to the UK's wire style with "ENDS"."""
    root = copy_kit(tmp_path / "kit")
    settings = root / "presskit.toml"
    settings.write_text(settings.read_text(encoding="utf-8") + '\n[wire]\nend_mark = "ENDS"\n'
                        '\n[web]\nbase_url = "https://press.example.org/"\n', encoding="utf-8")
    return root


def test_the_sample_builds_pages_emails_and_wire_copy(kit):
    (result,) = build(load_kit(kit), options=Options(offline=True, attach=True, now="2025-06-03T09:00"))
    folder = result.folder
    names = {p.relative_to(folder.parent).as_posix() for p in result.press}
    assert {f"{SAMPLE}/web/index.fr.html", f"{SAMPLE}/web/index.en.html", f"{SAMPLE}/{SAMPLE}.fr.eml",
            f"{SAMPLE}/{SAMPLE}.en.eml", f"{SAMPLE}/{SAMPLE}.en.txt"} <= names
    english = parse_html(folder / "web" / "index.en.html")
    assert "".join(english.find(".//h1").itertext()) == "A successful Congrès France Bioproduction"
    data = json_ld(english)
    assert [m.get("content") for m in english.iter("meta") if m.get("property") == "og:url"] == [data["url"]]
    assert data["url"] == f"https://press.example.org/{SAMPLE}/web/index.en.html"
    assert data["translationOfWork"]["url"] == f"https://press.example.org/{SAMPLE}/web/index.fr.html"
    assert data["datePublished"] == "2025-06-03"  # the sample has no date: the build's day
    downloads = [a.get("href") for a in english.findall(".//section[@class='downloads']//a")]
    assert downloads == [f"../{SAMPLE}.fr.docx", f"../{SAMPLE}.fr.pdf", f"../{SAMPLE}.en.docx", f"../{SAMPLE}.en.pdf"]
    sizes = [int(a.get("data-bytes")) for a in english.findall(".//section[@class='downloads']//a")]
    assert sizes == [(folder / href[3:]).stat().st_size for href in downloads]  # made before the documents were
    mail = BytesParser(policy=policy.default).parse((folder / f"{SAMPLE}.fr.eml").open("rb"))
    assert mail["Subject"] == "Succès du Congrès France Bioproduction"
    (pdf,) = [part for part in mail.iter_attachments()]
    assert pdf.get_filename() == f"{SAMPLE}.fr.pdf" and pdf.get_content() == (folder / f"{SAMPLE}.fr.pdf").read_bytes()
    assert f"https://press.example.org/{SAMPLE}/web/index.fr.html" in mail.get_body(("plain",)).get_content()
    wire = (folder / f"{SAMPLE}.en.txt").read_text(encoding="utf-8")
    assert "\n\n3 June 2025 – The Covid crisis showed" in wire and wire.endswith("\n\nENDS\n")
    assert "\n\nAbout Medicen\n\n" in wire or "\n\nAbout MEDICEN\n\n" in wire
    index = parse_html(folder.parent / "index.html")
    assert len(index.findall(".//ul[@class='releases']/li")) == 1
    assert (folder.parent / "feed.fr.atom").is_file() and (folder.parent / "feed.en.atom").is_file()


def test_an_embargoed_release_stays_out_of_the_index_until_now_passes_it(kit):
    source = kit / "sources" / f"{SAMPLE}.fr.txt"
    text = source.read_text(encoding="utf-8")
    source.write_text("Sous embargo jusqu'au 3 juin 2025 à 8 h\n\n" + text, encoding="utf-8")
    (result,) = build(load_kit(kit), options=Options(offline=True, draft=True, now="2025-06-03T07:59"))
    index = (result.folder.parent / "index.html").read_text(encoding="utf-8")
    assert "Succès du Congrès" not in index
    page = parse_html(result.folder / "web" / "index.fr.html")
    assert [m.get("content") for m in page.iter("meta") if m.get("name") == "robots"] == ["noindex, nofollow"]
    for name in (f"{SAMPLE}.fr.eml", f"{SAMPLE}.en.eml", f"{SAMPLE}.en.txt"):
        assert "embargo" in (result.folder / name).read_bytes().decode("utf-8", "replace").lower(), name
    build(load_kit(kit), options=Options(offline=True, draft=True, now="2025-06-03T08:00"))
    assert "Succès du Congrès" in (result.folder.parent / "index.html").read_text(encoding="utf-8")


def test_an_unknown_end_mark_in_the_settings_is_a_clear_error(kit):
    settings = kit / "presskit.toml"
    settings.write_text(settings.read_text(encoding="utf-8").replace('"ENDS"', '"-30-"'), encoding="utf-8")
    with pytest.raises(PresskitError, match=r"\[wire\] end_mark = '-30-'") as caught:
        load_kit(kit)
    assert caught.value.path.endswith("presskit.toml") and '"ENDS"' in caught.value.hint


def test_the_command_line_takes_attach_and_now(kit):
    from click.testing import CliRunner

    from presskit.cli.app import app

    runner = CliRunner()
    bad = runner.invoke(app, ["build", "--offline", "--now", "tomorrow", "--kit", str(kit)])
    assert bad.exit_code == 2 and "'tomorrow' is not an ISO time" in bad.output
    good = runner.invoke(app, ["build", "--offline", "--attach", "--now", "2025-06-03T08:00", "--kit", str(kit)])
    assert good.exit_code == 0, good.output
    mail = (kit / "output" / SAMPLE / f"{SAMPLE}.en.eml").read_bytes()
    assert b"Content-Disposition: attachment" in mail and b"Date: Tue, 03 Jun 2025 08:00:00 +0200" in mail
