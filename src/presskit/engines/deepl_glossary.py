"""DeepL v3 glossaries (editable, multilingual) kept in step with presskit's glossary.

`sync_glossary(client, call, name, entries)` returns the id of the glossary called `name` holding
exactly `entries` (fr → en): reused as it is when its entries are unchanged (two GETs, nothing
written), its fr → en dictionary replaced when they changed (PUT /v3/glossaries/{id}/dictionaries),
or created (POST /v3/glossaries) when there is none. `call` runs each request with presskit's
retries and error messages. This module imports no engine: `deepl_api.DeeplEngine` imports it.
"""
from __future__ import annotations

from functools import partial
from typing import Any, Callable


def glossary_entries(pairs: list[tuple[str, str]] | tuple) -> tuple[tuple[str, str], ...]:
    """Entries DeepL accepts: trimmed, one line each, no empty side, first English per French, sorted.

    >>> glossary_entries([(" biothérapie ", "biotherapy"), ("biothérapie", "x"), ("a", " ")])
    (('biothérapie', 'biotherapy'),)
    """
    entries: dict[str, str] = {}
    for french, english in pairs:
        fr, en = " ".join(french.split()), " ".join(english.split())
        if fr and en and fr not in entries:
            entries[fr] = en
    return tuple(sorted(entries.items()))


def entries_tsv(entries: tuple[tuple[str, str], ...] | list[tuple[str, str]]) -> str:
    """The entries as DeepL's TSV: `French<TAB>English`, one per line.

    >>> entries_tsv([("a", "b"), ("c d", "e")])
    'a\\tb\\nc d\\te'
    """
    return "\n".join(f"{fr}\t{en}" for fr, en in entries)


def parse_tsv(tsv: str) -> dict[str, str]:
    """DeepL's TSV entries as a dict (lines without a tab are ignored).

    >>> parse_tsv("a\\tb\\n\\nc d\\t e ")
    {'a': 'b', 'c d': 'e'}
    """
    pairs = (line.split("\t", 1) for line in tsv.splitlines() if "\t" in line)
    return {fr.strip(): en.strip() for fr, en in pairs}


def sync_glossary(client: Any, call: Callable[[Callable[[], Any]], Any], name: str,
                  entries: tuple[tuple[str, str], ...], source: str = "fr",
                  target: str = "en") -> tuple[str, str]:
    """(glossary id, what was done: "reused", "updated" or "created") for `name` holding `entries`."""
    from deepl.api_data import MultilingualGlossaryDictionaryEntries

    wanted = dict(entries)
    dictionary = MultilingualGlossaryDictionaryEntries(source, target, wanted)
    for info in call(client.list_multilingual_glossaries):
        if info.name != name:
            continue
        if _has_pair(info, source, target) and _entries(client, call, info, source, target) == wanted:
            return info.glossary_id, "reused"
        call(partial(client.replace_multilingual_glossary_dictionary, info, dictionary))
        return info.glossary_id, "updated"
    info = call(lambda: client.create_multilingual_glossary(name, [dictionary]))
    return info.glossary_id, "created"


def _has_pair(info: Any, source: str, target: str) -> bool:
    """Whether a glossary has a dictionary for the language pair."""
    return any(d.source_lang.lower() == source and d.target_lang.lower() == target
               for d in info.dictionaries)


def _entries(client: Any, call: Callable, info: Any, source: str, target: str) -> dict[str, str]:
    """The entries of a glossary's dictionary for the pair."""
    answer = call(lambda: client.get_multilingual_glossary_entries(info, source, target))
    for dictionary in answer.dictionaries:
        if dictionary.source_lang.lower() == source and dictionary.target_lang.lower() == target:
            return parse_tsv(dictionary.entries)
    return {}
