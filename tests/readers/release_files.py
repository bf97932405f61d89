"""Build the DOCX and PDF versions of a fixture release from its Markdown version, as a press
officer's Word file or exported PDF would be: real styles, lists, hyperlinks and footnotes."""
from __future__ import annotations

import re
from pathlib import Path
from xml.sax.saxutils import escape

INLINE = re.compile(r"\[\^(\w+)\]|\[([^\]]+)\]\(([^)\s]+)\)|<(https?://[^>\s]+)>|\*\*(.+?)\*\*|(?<!\w)_(.+?)_(?!\w)"
                    r"|(?<![\w*])\*([^*\s][^*]*?)\*(?![\w*])")
NOTE_DEF = re.compile(r"^\[\^(\w+)\]:\s*(.*)$")
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def blocks_of(markdown: str) -> tuple[list[tuple[str, list[str]]], dict[str, str]]:
    """(kind, lines) for each block of the Markdown, and the footnote definitions."""
    notes, blocks = {}, []
    for chunk in re.split(r"\n\s*\n", markdown.strip()):
        lines = [re.sub(r" {2}$", "", line) for line in chunk.split("\n")]
        if NOTE_DEF.match(lines[0]):
            label, text = NOTE_DEF.match(lines[0]).groups()
            notes[label] = text
        elif lines[0].startswith(("# ", "## ")):
            level = lines[0].index(" ")
            kind = "title" if level == 1 else "subtitle" if blocks and blocks[-1][0] == "title" else "heading"
            blocks.append((kind, [lines[0][level + 1:]]))
            if lines[1:]:
                blocks.append(("para", lines[1:]))
        elif re.match(r"^(?:- |\d+\. )", lines[0]):
            blocks += [("item", [re.sub(r"^(?:- |\d+\. )", "", line)]) for line in lines]
        elif lines[0].startswith(">"):
            for para in re.split(r"\n>\s*\n", "\n".join(lines)):
                blocks.append(("quote", [re.sub(r"^>\s?", "", line) for line in para.split("\n")]))
        else:
            blocks.append(("para", lines))
    return blocks, notes


def pieces(line: str) -> list[tuple[str, str, str]]:
    """(kind, text, target) runs of one line: text, note, link, bold, italic."""
    out, last = [], 0
    for m in INLINE.finditer(line):
        out.append(("text", line[last:m.start()], ""))
        if m[1]:
            out.append(("note", m[1], ""))
        elif m[2]:
            out.append(("link", m[2], m[3]))
        elif m[4]:
            out.append(("link", m[4], m[4]))
        else:
            out.append(("bold" if m[5] else "italic", m[5] or m[6] or m[7], ""))
        last = m.end()
    out.append(("text", line[last:], ""))
    return [p for p in out if p[1]]


def write_docx(markdown: str, path: Path) -> Path:
    """A Word file of the release: Title/Subtitle/Heading/List/Quote styles, hyperlinks, footnotes."""
    import docx
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    document = docx.Document()
    blocks, notes = blocks_of(markdown)
    ids: dict[str, int] = {}
    styles = {"title": "Title", "subtitle": "Subtitle", "heading": "Heading 1", "quote": "Quote", "para": None}
    for kind, lines in blocks:
        style = "List Bullet" if kind == "item" else styles[kind]
        paragraph = document.add_paragraph(style=style)
        for n, line in enumerate(lines):
            if n:
                paragraph.add_run().add_break()
            for piece, text, target in pieces(line):
                if piece == "note":
                    ids.setdefault(text, len(ids) + 2)  # Word numbers notes itself; ids need not be 1, 2…
                    run = paragraph.add_run()
                    ref = OxmlElement("w:footnoteReference")
                    ref.set(qn("w:id"), str(ids[text]))
                    run._r.append(ref)
                elif piece == "link":
                    r_id = paragraph.part.relate_to(target, RT.HYPERLINK, is_external=True)
                    link = OxmlElement("w:hyperlink")
                    link.set(qn("r:id"), r_id)
                    run = paragraph.add_run(text)
                    link.append(run._r)
                    paragraph._p.append(link)
                else:
                    run = paragraph.add_run(text)
                    run.bold, run.italic = piece == "bold" or None, piece == "italic" or None
    if ids:
        body = "".join(f'<w:footnote w:id="{ids[label]}"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space='
                       f'"preserve"> {escape(notes[label])}</w:t></w:r></w:p></w:footnote>' for label in ids)
        xml = f'<?xml version="1.0" encoding="UTF-8"?><w:footnotes xmlns:w="{W_NS}">{body}</w:footnotes>'
        part = Part(PackURI("/word/footnotes.xml"),
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml",
                    xml.encode("utf-8"), document.part.package)
        document.part.relate_to(part, RT.FOOTNOTES)
    document.save(path)
    return path


def _markup(line: str, numbers: dict[str, int]) -> str:
    """reportlab paragraph markup for one line."""
    out = []
    for piece, text, target in pieces(line):
        if piece == "note":
            out.append(f"<super>{numbers.setdefault(text, len(numbers) + 1)}</super>")
        elif piece == "link":
            out.append(f'<a href="{escape(target)}" color="blue">{escape(text)}</a>')
        elif piece in ("bold", "italic"):
            tag = "b" if piece == "bold" else "i"
            out.append(f"<{tag}>{escape(text)}</{tag}>")
        else:
            out.append(escape(text))
    return "".join(out)


def write_pdf(markdown: str, path: Path) -> Path:
    """A PDF of the release, A4, wrapped text, footnotes at the end, link annotations."""
    import reportlab
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    fonts = Path(reportlab.__file__).parent / "fonts"  # Bitstream Vera, shipped with reportlab
    for name, file in (("DV", "Vera.ttf"), ("DV-B", "VeraBd.ttf"), ("DV-I", "VeraIt.ttf"), ("DV-BI", "VeraBI.ttf")):
        pdfmetrics.registerFont(TTFont(name, str(fonts / file)))
    pdfmetrics.registerFontFamily("DV", normal="DV", bold="DV-B", italic="DV-I", boldItalic="DV-BI")
    base = ParagraphStyle("base", fontName="DV", fontSize=10, leading=14, spaceAfter=8)
    looks = {"title": ParagraphStyle("t", base, fontSize=18, leading=22), "subtitle": ParagraphStyle("s", base, fontSize=13),
             "heading": ParagraphStyle("h", base, fontSize=12, leading=16), "quote": ParagraphStyle("q", base, leftIndent=24),
             "item": ParagraphStyle("i", base, leftIndent=14, spaceAfter=2), "para": base}
    import unicodedata

    blocks, notes = blocks_of(unicodedata.normalize("NFC", markdown))  # as a PDF exporter composes accents
    numbers: dict[str, int] = {}
    story = []
    for kind, lines in blocks:
        text = "<br/>".join(_markup(line, numbers) for line in lines)
        story.append(Paragraph(("• " if kind == "item" else "") + text, looks[kind]))
    for label, number in numbers.items():
        story.append(Paragraph(f"{number} {escape(notes[label])}", ParagraphStyle("n", base, fontSize=8)))
    SimpleDocTemplate(str(path), pagesize=A4, invariant=1).build(story)
    return path
