"""The translators' terminology: what a term is, where it is written, and how it is found in French.

- `entries`: `Entry` (a term, a name or a forbidden translation) and English forms (plurals);
- `csv_files`: reading and checking `glossary/*.csv`, by file and line;
- `tbx`: TBX export and import for CAT tools;
- `matching`: finding entries in French text by lemma (`lemmas`: simplemma, memoised);
- `glossary`: `Glossary`, the loaded entries with their matcher.

May import `presskit.errors`, `presskit.patterns` and `presskit.runtime` (memos, safe XML, atomic writes).
"""
