"""Words the renderers print around the text, in each output language ("About", "Page x of y")."""
from __future__ import annotations

import os
import re
from datetime import datetime, timezone

from presskit.document import Block
from presskit.patterns import ENGLISH_MONTHS, FRENCH_MONTHS

LABELS: dict[str, dict[str, str]] = {
    "fr": {
        "press_release": "Communiqué de presse",
        "press_kit": "Dossier de presse",
        "key_figures": "Chiffres clés",
        "about_heading": "À propos",
        "french": "Français",
        "english": "English",
        "bilingual": "Édition bilingue",
        "about": "À propos de {org}",
        "contact": "Contact presse",
        "contacts": "Contacts presse",
        "notes": "Notes",
        "page": "Page {x} sur {y}",
        "draft": "Brouillon — traduction automatique non relue",
        "embargo": "Embargo",
        "logo": "Logo de {org}",
        "logo_plain": "Logo",
        "chart": "Graphique en barres «\u202f{title}\u202f»\u00a0: {values}",
        "note_link": "Aller à la note {n}",
    },
    "en": {
        "press_release": "Press release",
        "press_kit": "Press kit",
        "key_figures": "Key figures",
        "about_heading": "About",
        "french": "Français",
        "english": "English",
        "bilingual": "Bilingual edition",
        "about": "About {org}",
        "contact": "Press contact",
        "contacts": "Press contacts",
        "notes": "Notes",
        "page": "Page {x} of {y}",
        "draft": "Draft — machine translation, not reviewed",
        "embargo": "Embargo",
        "logo": "{org} logo",
        "logo_plain": "Logo",
        "chart": "Bar chart “{title}”: {values}",
        "note_link": "Go to note {n}",
    },
}

LANG_TAGS = {"fr": "fr-FR", "en": "en-GB"}
LOCALES = {"fr": "fr_FR", "en": "en_GB"}
MONTH_NAMES = {"fr": FRENCH_MONTHS, "en": ENGLISH_MONTHS}  # CLDR's wide names (a test compares them with Babel's)
QUOTE_MARKS = {"fr": ("«\u202f", "\u202f»"), "en": ("“", "”")}


def _table(lang: str) -> dict[str, str]:
    """Return the label table of `lang` (English for a language without one)."""
    return LABELS.get(lang.split("-")[0].lower(), LABELS["en"])


def label(lang: str, key: str, **values: str) -> str:
    """Return the label `key` in `lang`, formatted with `values`.

    >>> label("fr", "about", org="Medicen")
    'À propos de Medicen'
    >>> label("en", "page", x="1", y="3")
    'Page 1 of 3'
    """
    return _table(lang)[key].format(**values)


_ABOUT = re.compile(r"^\s*[AÀ]\s+propos\s+(?P<prep>du|de\s+la|de\s+l[’']|des|d[’']|de)\s*(?P<rest>.*?)\s*:?\s*$",
                    re.IGNORECASE)
_VOWEL = re.compile(r"^[aeiouyàâäéèêëîïôöùûüœh]", re.IGNORECASE)


_FRENCH_SMALL_WORDS = re.compile(r"(?:^|[\s,])(?:le|la|les|de|du|des|et|[dl][’'])(?=[\s\w])", re.IGNORECASE)


def organization_is_french_text(organization: str) -> bool:
    """True when an About section's "organisation" is French words, not a name ("ministère de
    l’Intérieur", "Philippe Donadieu, le dirigeant fondateur"): its heading is then translated.

    >>> organization_is_french_text("ministère de l’Intérieur"), organization_is_french_text("Kozea group")
    (True, False)
    """
    return bool(_FRENCH_SMALL_WORDS.search(organization))


def about_heading(lang: str, organization: str, heading: str = "") -> str:
    """The approved "About X" heading in `lang`; in French with the source's grammar (du, de la, d').

    >>> about_heading("fr", "CNLL", "A propos du CNLL"), about_heading("fr", "Aquélia")
    ('À propos du CNLL', 'À propos d’Aquélia')
    >>> about_heading("fr", "DINUM", "À propos de la DINUM :"), about_heading("en", "CNLL", "À propos du CNLL")
    ('À propos de la DINUM', 'About CNLL')
    >>> about_heading("fr", "Medicen", "A PROPOS DE MEDICEN"), about_heading("fr", "", "Qui sommes-nous ?")
    ('À propos de Medicen', 'Qui sommes-nous ?')
    """
    if not organization:
        return heading
    if not lang.lower().startswith("fr"):
        if heading and organization_is_french_text(organization):
            return heading  # the English document carries the translated heading
        return label(lang, "about", org=organization)
    match = _ABOUT.match(heading or "")
    if match:
        prep = re.sub(r"\s+", " ", match.group("prep").lower()).replace("'", "’")
    else:
        prep = "d’" if _VOWEL.match(organization) else "de"
    joiner = "" if prep.endswith("’") else " "
    return f"À propos {prep}{joiner}{organization}"


def lang_tag(lang: str) -> str:
    """Return the BCP 47 tag files carry for `lang` ("fr" → "fr-FR", "en" → "en-GB").

    >>> lang_tag("en"), lang_tag("fr"), lang_tag("de")
    ('en-GB', 'fr-FR', 'de')
    """
    return LANG_TAGS.get(lang.lower(), lang)


def page_parts(lang: str) -> tuple[str, str, str]:
    """Split the page label around its two numbers: the text before x, between x and y, after y.

    >>> page_parts("fr")
    ('Page ', ' sur ', '')
    """
    before, rest = _table(lang)["page"].split("{x}")
    middle, after = rest.split("{y}")
    return before, middle, after


def quote_marks(lang: str) -> tuple[str, str]:
    """Return the opening and closing quotation marks of `lang` (French ones keep U+202F inside).

    >>> quote_marks("en")
    ('“', '”')
    """
    return QUOTE_MARKS.get(lang.split("-")[0].lower(), QUOTE_MARKS["en"])


def attribution_line(block: Block) -> str:
    """Return "— Name, Role, Organization" for a quote (its attribution words when no speaker).

    >>> from presskit.document import Speaker
    >>> attribution_line(Block("quote", "x", speaker=Speaker("Ann Lee", "CEO", "Acme")))
    '— Ann Lee, CEO, Acme'
    >>> attribution_line(Block("quote", "x", speaker=Speaker("Guy Plane", "President of CFB", "CFB")))
    '— Guy Plane, President of CFB'
    >>> attribution_line(Block("quote", "x", attribution="a dit Ann Lee."))
    '— a dit Ann Lee'
    >>> attribution_line(Block("quote", "x"))
    ''
    """
    if block.speaker and block.speaker.name:
        name, role, organization = (p.strip() for p in (block.speaker.name, block.speaker.role,
                                                         block.speaker.organization))
        if organization and organization.lower() in role.lower():
            organization = ""  # "President of the Congrès France Bioproduction" already says it
        parts = (name, role, organization)
        return "— " + ", ".join(p.strip() for p in parts if p.strip())
    words = block.attribution.strip().rstrip(".").strip()
    return f"— {words}" if words else ""


def long_date(iso: str, lang: str) -> str:
    """Format an ISO date the way `lang` writes it in full ("" when it is not a date), as Babel's
    "d MMMM y" does for fr_FR and en_GB (English for any other language), from the month names of
    `presskit.patterns`: no locale data to load in each render process.

    >>> long_date("2021-06-23", "fr"), long_date("2021-06-01", "en-GB"), long_date("juin", "en")
    ('23 juin 2021', '1 June 2021', '')
    """
    from datetime import date

    try:
        day = date.fromisoformat(iso[:10])
    except ValueError:
        return ""
    months = MONTH_NAMES.get(lang.split("-")[0].lower(), ENGLISH_MONTHS)
    return f"{day.day} {months[day.month - 1]} {day.year}"


def chart_alt(title: str, figures, lang: str) -> str:
    """A bar chart's alternative text: its title and each bar's label and value, typeset.

    >>> from presskit.document import Figure
    >>> chart_alt("Biotherapies", [Figure("5", "France"), Figure("21", "Germany")], "en")
    'Bar chart “Biotherapies”: France 5; Germany 21'
    """
    from presskit.typesetting import typography

    values = "; ".join(f"{typography.apply(f.label, lang)} {typography.apply(f.value, lang)}"
                       for f in figures)
    return label(lang, "chart", title=typography.apply(title, lang), values=values)


def logo_alt(name: str, lang: str) -> str:
    """A logo's alternative text: "Logo de X" / "X logo" ("Logo" without a name).

    >>> logo_alt("Medicen", "fr"), logo_alt("", "en")
    ('Logo de Medicen', 'Logo')
    """
    return label(lang, "logo", org=name) if name else label(lang, "logo_plain")


def file_title(document) -> str:
    """The title in a file's metadata: `display_title`, marked as a draft when the document is one.

    >>> from presskit.document import Document
    >>> file_title(Document("en", title="Succès", meta=(("status", "draft"),)))
    'Draft — machine translation, not reviewed: Succès'
    """
    title = display_title(document)
    return f"{label(document.lang, 'draft')}: {title}" if document.meta_value("status") == "draft" else title


def display_title(document, limit: int = 90) -> str:
    """The title a viewer shows: the release's, else its subtitle or first sentence, clipped.

    >>> from presskit.document import Block, Document
    >>> display_title(Document("fr", blocks=(Block("lede", "Dix associations se regroupent. Elles…"),)))
    'Dix associations se regroupent.'
    """
    if document.title:
        return document.title
    texts = [document.subtitle] + [b.text for b in document.blocks]
    first = next((t.strip() for t in texts if t and t.strip()), "")
    sentence = re.split(r"(?<=[.!?])\s", first, maxsplit=1)[0]
    if len(sentence) <= limit:
        return sentence
    return sentence[:limit].rsplit(" ", 1)[0] + "…"


def file_day(source: str | os.PathLike | None) -> str:
    """The ISO day a build stamps on files: SOURCE_DATE_EPOCH's, else the source file's ("" if none).

    >>> os.environ["SOURCE_DATE_EPOCH"] = "1630972800"; file_day(None)
    '2021-09-07'
    >>> del os.environ["SOURCE_DATE_EPOCH"]; file_day("/no/such/file")
    ''
    """
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    try:
        stamp = int(epoch) if epoch else os.stat(source).st_mtime if source else None
    except (OSError, ValueError):
        stamp = None
    if stamp is None:
        return ""
    return datetime.fromtimestamp(stamp, timezone.utc).date().isoformat()


def file_date(document) -> str:
    """The day of a file's metadata: the release's, else the build's file day ("" if neither)."""
    return release_date(document) or document.meta_value("file_date")


def release_date(document) -> str:
    """The release's ISO date: its dateline's, else the metadata's (may be "")."""
    if document.dateline and document.dateline.date:
        return document.dateline.date
    return document.meta_value("date")
