"""How French becomes English, sentence by sentence, without losing a term, a name or a number.

- `segmentation`: sentences (pysbd, memoised) and what has nothing to translate;
- `memory`: the TMX translation memory (exact and fuzzy matches);
- `protection`: names and terms replaced by `⟦n⟧` tokens through an engine, then restored;
- `placeholders`: finding those tokens again in an engine's output, even mangled;
- `quantities`: numbers, amounts and dates of the French, protected and written the English way;
- `number_format`: the Babel formatting behind `quantities`;
- `review`: the XLIFF 1.2 review round trip.

May import `presskit.document`, `presskit.errors`, `presskit.patterns`, `presskit.glossary` and
`presskit.runtime`; the translate step itself is `presskit.transforms.translate`.
"""
