"""The quality gate: what is wrong with the English, as findings ("error" stops a final build).

- `findings`: the `Finding` record;
- `segment_checks`: pure checks of one English segment against its French sentence;
- `document_checks`: checks of a whole document (numbers, links) when it has no segments;
- `gate`: runs them all over a translated release.

May import `presskit.document`, `presskit.patterns`, `presskit.glossary.entries` and
`presskit.translation.quantities`; nothing imports back from here but the pipeline and the CLI.
"""
