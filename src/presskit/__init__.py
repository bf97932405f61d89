"""presskit: a French press release in, a branded bilingual press kit (DOCX + PDF) out."""

__version__ = "0.1.0"
