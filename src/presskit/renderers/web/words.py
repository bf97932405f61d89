"""Words the web pages print besides the release's own text, per language."""
from __future__ import annotations

WORDS: dict[str, dict[str, str]] = {
    "fr": {
        "press_room": "Salle de presse",
        "downloads": "Télécharger",
        "language": "Langue",
        "other_language": "Read in English",
        "notes": "Notes",
        "back_to_note": "Retour au texte",
        "releases": "Communiqués",
        "feed": "Flux Atom",
        "chart": "Graphique",
        "embargoed": "Sous embargo : cette page n’est pas encore publique",
        "word_docx": "Word",
        "word_pdf": "PDF",
        "kb": "Ko",
        "mb": "Mo",
        "email": "Courriel",
        "phone": "Téléphone",
    },
    "en": {
        "press_room": "Press room",
        "downloads": "Downloads",
        "language": "Language",
        "other_language": "Lire en français",
        "notes": "Notes",
        "back_to_note": "Back to the text",
        "releases": "Press releases",
        "feed": "Atom feed",
        "chart": "Chart",
        "embargoed": "Under embargo: this page is not public yet",
        "word_docx": "Word",
        "word_pdf": "PDF",
        "kb": "KB",
        "mb": "MB",
        "email": "E-mail",
        "phone": "Phone",
    },
}


def words(lang: str) -> dict[str, str]:
    """The web words of `lang` (English for a language without its own).

    >>> words("fr")["downloads"], words("de")["downloads"]
    ('Télécharger', 'Downloads')
    """
    return WORDS.get(lang.split("-")[0].lower(), WORDS["en"])


def file_size(size: int, lang: str) -> str:
    """A file size the way `lang` writes it, in KB under a megabyte.

    >>> file_size(2_500, "en"), file_size(1_234_567, "fr"), file_size(10, "en")
    ('3 KB', '1,2 Mo', '1 KB')
    """
    table = words(lang)
    if size < 1_000_000:
        return f"{max(1, int(size / 1000 + 0.5))} {table['kb']}"
    megabytes = f"{size / 1_000_000:.1f}"
    return f"{megabytes.replace('.', ',') if lang.startswith('fr') else megabytes} {table['mb']}"
