"""Renderers: one package per output format (`docx`, `pdf`, `web`, `email`, `wire`), each writing a
`Document` in the brand's look; the render pool (`presskit.runtime.render_pool`) loads them by name.

No renderer imports another. `jinja_cache` is a helper of the Jinja2 library that the web and
e-mail renderers share, not a renderer.
"""
