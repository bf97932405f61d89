"""The e-mail renderer: one `.eml` per language, HTML with inline CSS and a 72-column text part."""
from presskit.renderers.email.message import email_message, render_email

__all__ = ["email_message", "render_email"]
