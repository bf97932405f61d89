"""Renderers: one module per output format, each with `render(document, theme, path) -> Path`."""
