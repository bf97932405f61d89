"""Build the `.eml`: multipart/alternative (text, HTML), the PDFs attached on request."""
from __future__ import annotations

from datetime import datetime, timezone
from email import policy
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path
from typing import Sequence

from presskit.document import Document
from presskit.errors import PresskitError
from presskit.kit.theme import Theme
from presskit.renderers.email.html import html_body
from presskit.renderers.email.plain import plain_text
from presskit.runtime.atomic import write_output
from presskit.typesetting import labels

ONLINE = {"fr": "Lire en ligne", "en": "Read online"}


def email_message(document: Document, theme: Theme, *, attachments: Sequence[Path] = (),
                  page_url: str = "", now: datetime | None = None) -> EmailMessage:
    """The release as an e-mail ready to import: subject = title, a text and an HTML part, PDFs attached."""
    lang = document.lang.split("-")[0]
    message = EmailMessage(policy=policy.SMTP)
    message["Subject"] = " ".join(document.title.split())
    sender = next((c for c in document.contacts if c.email), None)
    if sender:
        message["From"] = _address(sender.name, sender.email)
    message["Date"] = format_datetime(now or datetime.now(timezone.utc))
    message["X-Unsent"] = "1"  # Outlook opens the file as a draft to send
    online = ONLINE.get(lang, ONLINE["en"])
    message.set_content(plain_text(document, page_url=page_url, online_label=online), cte="quoted-printable")
    message.add_alternative(html_body(document, theme, page_url=page_url, online_label=online),
                            subtype="html", cte="quoted-printable")
    for path in attachments:
        message.add_attachment(_read(Path(path)), maintype="application", subtype="pdf",
                               filename=Path(path).name)
    message["Content-Language"] = labels.lang_tag(lang)  # after the parts: setting content clears it
    return message


def render_email(document: Document, theme: Theme, path: Path, *, attachments: Sequence[Path] = (),
                 page_url: str = "", now: datetime | None = None) -> Path:
    """Write `<slug>.<lang>.eml` at `path` (atomically) and return the path."""
    message = email_message(document, theme, attachments=attachments, page_url=page_url, now=now)
    return write_output(Path(path), message.as_bytes(), what="e-mail")


def _address(name: str, email: str) -> Address | str:
    """The From address, or the bare e-mail when the name or address cannot be a header."""
    try:
        return Address(display_name=" ".join(name.split()), addr_spec=email.strip())
    except (ValueError, IndexError):
        return email.strip()


def _read(path: Path) -> bytes:
    """Read an attachment, with a clear error when it is missing."""
    try:
        return path.read_bytes()
    except OSError as error:
        raise PresskitError(f"cannot attach the file: {error.strerror}", path=path,
                            hint="build the PDFs first, or build without --attach") from None
