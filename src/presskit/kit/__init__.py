"""A kit folder and what it holds besides the translators' files.

- `folder`: `Kit` (sources/, glossary/, output/) and its settings from `presskit.toml`;
- `theme`: the brand (colours, fonts, logos, header and footer);
- `boilerplate`: the approved About texts of `boilerplate/`, per language;
- `init`: `presskit init`, a new kit from the template in `presskit/data/init`.

May import `presskit.document`, `presskit.errors` and the engine catalogue (`presskit.engines.base`),
which checks `[translation]` without loading any engine.
"""
