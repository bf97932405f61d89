"""The web press room renderer: pages, social cards, a kit index and Atom feeds (Jinja2 templates)."""
from presskit.renderers.web.index import render_index
from presskit.renderers.web.site import Release, render_release_pages, render_site

__all__ = ["Release", "render_index", "render_release_pages", "render_site"]
