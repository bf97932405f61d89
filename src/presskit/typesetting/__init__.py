"""What every renderer shares, whatever its format: printed words per language (`labels`),
typography (`typography`), inline runs with links and footnote calls (`inline`), and how key
figures are charted (`figures`).

May import `presskit.document` and `presskit.patterns` only; never a format library.
"""
