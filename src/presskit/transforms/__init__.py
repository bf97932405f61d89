"""Transforms: each step takes a `Document` and returns a new one (the model is frozen).

One rule per module, in the spirit of markdown-it-py; `presskit.pipeline` lists them in order, one
tuple per language. A step is configured when the pipeline is set up (the glossary, the kit's
settings) and then called as `step(document)`.

May import `presskit.document`, `presskit.glossary`, `presskit.translation`, `presskit.kit` (its
settings and boilerplate) and `presskit.typesetting.figures`; never a reader, renderer or the CLI.
"""
from typing import Callable

from presskit.document import Document

Step = Callable[[Document], Document]
