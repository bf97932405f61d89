"""Hostile DOCX and PDF files (issue 17): entity declarations found wherever they hide, AES PDFs read."""
from __future__ import annotations

import io
import zipfile

import docx
import pytest
from pypdf import PdfReader, PdfWriter
from reportlab.pdfgen import canvas

from presskit.errors import PresskitError
from presskit.readers import read

FRENCH = ("Le conseil régional a adopté hier un plan pour les entreprises de la filière, qui sera "
          "présenté aux élus dans les prochains jours.")


def word_file(path, rewrite=None):
    """A DOCX release; `rewrite(xml bytes) -> bytes` changes its word/document.xml."""
    document = docx.Document()
    document.add_paragraph("Titre du communiqué")
    document.add_paragraph(FRENCH)
    buffer = io.BytesIO()
    document.save(buffer)
    with zipfile.ZipFile(io.BytesIO(buffer.getvalue())) as source, zipfile.ZipFile(path, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "word/document.xml" and rewrite:
                data = rewrite(data)
            target.writestr(item, data)
    return path


def with_entity(xml: bytes) -> bytes:
    """The document with a 5 KB comment, then an internal DTD declaring an entity used in the text."""
    declaration, rest = xml.split(b"?>", 1)
    body = rest.replace(b"adopt\xc3\xa9 hier", b"adopt\xc3\xa9 &secret; hier", 1)
    return (declaration + b"?>\n<!--" + b"x" * 5000 + b"-->\n<!DOCTYPE w:document [<!ENTITY secret "
            b"\"cach\xc3\xa9\">]>" + body)


def test_a_dtd_after_a_long_comment_is_refused(tmp_path):
    path = word_file(tmp_path / "entite.docx", with_entity)
    with pytest.raises(PresskitError, match="declares a DTD or XML entities in word/document.xml"):
        read(path)


def test_a_dtd_in_utf16_is_refused(tmp_path):
    def utf16(xml: bytes) -> bytes:
        text = with_entity(xml).decode("utf-8").replace('encoding="UTF-8"', 'encoding="UTF-16"', 1)
        return text.encode("utf-16")

    path = word_file(tmp_path / "utf16.docx", utf16)
    with pytest.raises(PresskitError, match="declares a DTD"):
        read(path)


def test_a_plain_docx_still_reads(tmp_path):
    document = read(word_file(tmp_path / "simple.docx"))
    assert any("adopté hier" in block.text for block in document.blocks)


def pdf_bytes() -> bytes:
    """A one-page PDF with a French release as its text layer."""
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer)
    page.drawString(72, 760, "Titre du communiqué")
    for number, start in enumerate(range(0, len(FRENCH), 70)):
        page.drawString(72, 720 - 16 * number, FRENCH[start:start + 70])
    page.save()
    return buffer.getvalue()


def encrypted(path, user: str, owner: str = "proprietaire"):
    """The PDF encrypted with AES-256 (Acrobat's default)."""
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf_bytes())))
    writer.encrypt(user_password=user, owner_password=owner, algorithm="AES-256")
    with open(path, "wb") as stream:
        writer.write(stream)
    return path


def test_an_aes_pdf_with_only_an_owner_password_is_read(tmp_path):
    document = read(encrypted(tmp_path / "protege.pdf", user=""))
    assert "conseil régional" in " ".join(block.text for block in document.blocks)


def test_an_aes_pdf_that_needs_a_password_says_so(tmp_path):
    with pytest.raises(PresskitError) as caught:
        read(encrypted(tmp_path / "secret.pdf", user="motdepasse"))
    assert "needs a password" in caught.value.message and "without one" in caught.value.hint
