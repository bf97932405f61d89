"""Compiled regular expressions served from the user's cache give the same matches as `re`."""
import re
import subprocess
import sys

import pytest

from presskit.runtime import regex_memo
from presskit.runtime.disk_memo import cache_folder

PATTERNS = [
    (r"(?P<d>\d{1,2})\s+(?P<m>janvier|février)(?:\s+(?P<y>\d{4}))?", 0, "le 3 février 2026, puis 12 janvier"),
    (r"[\u00a0\u202f ]+€|\b\w+é\b", re.IGNORECASE, "800\u202f€ de CAPITAL Levé"),
    (r"^#+\s*(.+)$", re.MULTILINE, "# Titre\ntexte\n## Sous-titre"),
    (rb"\x00+|ab(c)", 0, b"zz\x00\x00abc"),
    (r"(?i:MÉTROPOLE) de (?=Lyon)", 0, "Métropole de Lyon"),
]


def _outcome(pattern: re.Pattern, text):
    return [(m.span(), m.groups(), m.groupdict()) for m in pattern.finditer(text)], pattern.groupindex, \
        pattern.flags, pattern.groups


@pytest.mark.parametrize("source, flags, text", PATTERNS)
def test_the_memo_compiles_the_same_matcher_as_re(source, flags, text):
    parts = regex_memo.compiled_parts(source, flags)
    served = regex_memo._sre.compile(source, *parts)
    original = regex_memo.ORIGINAL(source, flags)
    assert _outcome(served, text) == _outcome(original, text)
    assert served.pattern == source


PROGRAM = """
import re, sys
from presskit.runtime import regex_memo, disk_memo
regex_memo.install()
calls = []
real = regex_memo.compiled_parts
regex_memo.compiled_parts = lambda *key: calls.append(key) or real(*key)
source = r"(?P<n>\\d+)\\s*(?:M€|millions? d'euros)"
found = re.compile(source).search("levée de 12 millions d'euros")
others = [re.compile(rf"x{n}y+") for n in range(regex_memo.FEWEST_NEW)]  # enough new ones to be kept
debug = re.compile(r"a|b", re.DEBUG).match("b")
disk_memo.save_memos()
print(found["n"], (source, 0) in calls, bool(debug))
"""


def test_a_second_process_takes_the_compiled_pattern_from_the_cache():
    first = subprocess.run([sys.executable, "-c", PROGRAM], capture_output=True, text=True, check=True)
    second = subprocess.run([sys.executable, "-c", PROGRAM], capture_output=True, text=True, check=True)
    assert first.stdout.split()[-3:] == ["12", "True", "True"]  # compiled, then kept
    assert second.stdout.split()[-3:] == ["12", "False", "True"]  # served from the cache: not compiled again
    assert "LITERAL 97" in second.stdout  # a debug pattern is compiled as usual (and prints its opcodes)
    assert list(cache_folder().glob("regex-*.marshal"))


DAMAGED = """
import re
from presskit.runtime import regex_memo
regex_memo.install()
memo = regex_memo._installed[0]
memo.get(("probe", 0), lambda key: regex_memo.compiled_parts(*key))  # the memo file is read now
source = r"(?P<sum>\\d+)\\s*M€"
memo.results[(source, 0)] = (32, [99, 1, 2], 0, {}, (None,))  # opcodes `_sre` refuses
memo.results[("a+b", 0)] = ("not", "a", "pattern")
print(re.compile(source).search("levée de 12 M€")["sum"], bool(re.compile("a+b").fullmatch("aab")))
"""


def test_a_damaged_entry_is_compiled_as_usual():
    done = subprocess.run([sys.executable, "-c", DAMAGED], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["12", "True"]


ONE_NEW = """
import re, sys
from presskit.runtime import regex_memo, disk_memo
regex_memo.install()
re.compile(sys.argv[1])
disk_memo.save_memos()
"""


def test_a_run_with_only_a_few_new_patterns_leaves_the_memo_file_as_it_is():
    subprocess.run([sys.executable, "-c", PROGRAM], check=True, capture_output=True)
    (saved,) = cache_folder().glob("regex-*.marshal")
    before = saved.read_bytes()
    subprocess.run([sys.executable, "-c", ONE_NEW, r"(?:set|in|another|order)\d"], check=True)
    assert saved.read_bytes() == before
