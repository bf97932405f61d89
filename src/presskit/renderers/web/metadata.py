"""What search engines and social networks read: description, Open Graph, schema.org NewsArticle."""
from __future__ import annotations

import re

from presskit.document import Document
from presskit.kit.theme import Theme
from presskit.typesetting import typography

DESCRIPTION_LENGTH = 200


def description(document: Document, limit: int = DESCRIPTION_LENGTH) -> str:
    """The page's description: its lede (else its first paragraph), cut at a word before `limit`.

    >>> from presskit.document import Block
    >>> description(Document("en", blocks=(Block("lede", "One two three four."),)), 12)
    'One two…'
    >>> description(Document("en", subtitle="Sub"))
    'Sub'
    """
    texts = [b.text for b in document.blocks if b.kind == "lede"] or \
            [b.text for b in document.blocks if b.kind == "paragraph"] or [document.subtitle]
    text = re.sub(r"[ \t\r\n]+", " ", texts[0]).strip()  # no-break spaces stay
    if len(text) > limit:
        text = text[:limit - 1].rsplit(" ", 1)[0].rstrip(",;:") + "…"
    return typography.apply(text, document.lang)


def news_article(document: Document, theme: Theme, *, tag: str, url: str, image: str, published: str,
                 other: dict | None, logo: str = "") -> dict:
    """schema.org NewsArticle JSON-LD; `other` (url, tag, title) is the other language's version."""
    organizations = [{"@type": "Organization", "name": o.name, **({"url": o.url} if o.url else {})}
                     for o in theme.organizations] or [{"@type": "Organization", "name": theme.name}]
    publisher = {"@type": "Organization", "name": theme.name}
    if logo:
        publisher["logo"] = {"@type": "ImageObject", "url": logo}
    article = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": document.title[:110],
        "description": description(document),
        "inLanguage": tag,
        "datePublished": published,
        "dateModified": published,
        "image": [image],
        "url": url,
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
        "author": organizations,
        "publisher": publisher,
    }
    if other:
        linked = {"@type": "NewsArticle", "url": other["url"], "inLanguage": other["tag"],
                  "headline": other["title"][:110]}
        article["translationOfWork" if document.lang != "fr" else "workTranslation"] = \
            linked if document.lang != "fr" else [linked]
    return article
