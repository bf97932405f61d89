"""Memos of pure functions in the user's cache: computed once, read back by the next run."""
import marshal

import pytest

from presskit.runtime import disk_memo as memo
from presskit.runtime.disk_memo import DiskMemo, disk_memo, file_stamp


@pytest.fixture
def cache(tmp_path, monkeypatch):
    """A private cache folder, and no memo left open by earlier tests."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setattr(memo, "_OPEN", [])
    return tmp_path / "presskit"


def counting(function):
    """Wrap `function` so that its calls are counted in `.calls`."""
    def wrapped(argument):
        wrapped.calls.append(argument)
        return function(argument)
    wrapped.calls = []
    return wrapped


def test_a_result_is_computed_once_and_read_back_by_the_next_run(cache):
    upper = counting(str.upper)
    first = DiskMemo("words", "v1")
    assert [first.get(w, upper) for w in ("a", "b", "a")] == ["A", "B", "A"]
    assert upper.calls == ["a", "b"]
    memo.save_memos()
    assert marshal.loads((cache / "words-v1.marshal").read_bytes()) == {"a": "A", "b": "B"}
    again = DiskMemo("words", "v1")
    assert again.get("b", upper) == "B" and upper.calls == ["a", "b"]  # not computed again


def test_none_and_tuples_are_remembered_too(cache):
    spans = DiskMemo("spans", "v1")
    spans.get("x", lambda text: ((0, 1), (2, 3)))
    spans.get("y", lambda text: None)
    spans.save()
    again = DiskMemo("spans", "v1")
    fail = counting(lambda text: pytest.fail("computed again"))
    assert again.get("x", fail) == ((0, 1), (2, 3)) and again.get("y", fail) is None


def test_another_stamp_starts_afresh(cache):
    DiskMemo("words", "v1").get("a", str.upper)
    memo.save_memos()
    upper = counting(str.upper)
    assert DiskMemo("words", "v2").get("a", upper) == "A" and upper.calls == ["a"]


def test_two_runs_saving_merge_their_results(cache):
    one, two = DiskMemo("words", "v1"), DiskMemo("words", "v1")
    one.get("a", str.upper)
    two.get("b", str.upper)
    one.save()
    two.save()
    assert marshal.loads((cache / "words-v1.marshal").read_bytes()) == {"a": "A", "b": "B"}


def test_a_damaged_or_foreign_file_is_ignored(cache):
    cache.mkdir(parents=True)
    (cache / "words-v1.marshal").write_bytes(b"\x00garbage")
    upper = counting(str.upper)
    assert DiskMemo("words", "v1").get("a", upper) == "A" and upper.calls == ["a"]
    (cache / "words-v2.marshal").write_bytes(marshal.dumps(["not", "a", "dict"]))
    assert DiskMemo("words", "v2").get("a", upper) == "A" and len(upper.calls) == 2


def test_an_unwritable_cache_folder_only_costs_time(tmp_path, monkeypatch):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder should be")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    monkeypatch.setattr(memo, "_OPEN", [])
    words = DiskMemo("words", "v1")
    assert words.get("a", str.upper) == "A"
    words.save()  # nothing raised, nothing written
    assert blocker.is_file()


def test_a_memo_grown_past_its_limit_starts_afresh(cache, monkeypatch):
    monkeypatch.setattr(memo, "LIMIT", 2)
    words = DiskMemo("words", "v1")
    for word in ("a", "b"):
        words.get(word, str.upper)
    words.save()
    more = DiskMemo("words", "v1")
    more.get("c", str.upper)
    more.save()
    assert marshal.loads((cache / "words-v1.marshal").read_bytes()) == {"c": "C"}


def test_the_stamp_changes_when_a_file_is_replaced(tmp_path):
    library = tmp_path / "library.py"
    library.write_text("version = 1\n")
    before = file_stamp(library)
    library.write_text("version = 22\n")
    assert file_stamp(library) != before
    assert file_stamp(tmp_path / "absent.py") == file_stamp(tmp_path / "absent.py")


def test_sentences_and_lemmas_come_back_the_same_from_the_memo(cache):
    """The memoised steps give what the libraries give, in this run and the next."""
    from presskit.glossary import lemmas
    from presskit.translation import segmentation as segment

    text = "Le Dr. Richter signe. Et si 2021 signait l’accélération ? Oui !"
    pysbd_spans = segment._paragraph_spans.__wrapped__.__wrapped__  # under lru_cache and disk_memo
    fresh = pysbd_spans(text)
    assert DiskMemo("probe", "v1").get(text, pysbd_spans) == fresh
    memo.save_memos()
    assert DiskMemo("probe", "v1").get(text, lambda t: pytest.fail("segmented again")) == fresh
    assert lemmas.simplemma_lemma("monoclonaux") == "monoclonal"
    assert lemmas.simplemma_lemma("biothérapies") is None


def test_the_decorator_remembers_between_runs_and_prunes_older_stamps(cache):
    calls = []

    @disk_memo("squares")
    def square(n):
        calls.append(n)
        return n * n

    stale = cache / "squares-0123456789abcdef.marshal"
    stale.parent.mkdir(parents=True, exist_ok=True)
    stale.write_bytes(marshal.dumps({2: 5}))
    assert [square(2), square(3), square(2)] == [4, 9, 4] and calls == [2, 3]
    memo.save_memos()
    (saved,) = cache.glob("squares-*.marshal")
    assert saved != stale and marshal.loads(saved.read_bytes()) == {2: 4, 3: 9}  # the older file is gone


def test_doctests_and_tests_never_write_into_the_users_cache():
    import os
    from pathlib import Path

    assert not Path(os.environ["XDG_CACHE_HOME"]).resolve().is_relative_to(Path.home() / ".cache")


def test_a_function_of_several_arguments_is_remembered_by_its_key(cache):
    calls = []

    @disk_memo("greetings", key=lambda theme, lang: f"{lang} {theme!r}")
    def greeting(theme, lang):
        calls.append((theme, lang))
        return f"{theme['hello'][lang]}, {theme['name']}"

    theme = {"name": "Medicen", "hello": {"fr": "Bonjour", "en": "Hello"}}
    assert [greeting(theme, "fr"), greeting(theme, "en"), greeting(theme, "fr")] == \
        ["Bonjour, Medicen", "Hello, Medicen", "Bonjour, Medicen"]
    assert len(calls) == 2
    memo.save_memos()
    (saved,) = cache.glob("greetings-*.marshal")
    assert marshal.loads(saved.read_bytes())[f"en {theme!r}"] == "Hello, Medicen"



def test_a_memo_may_set_its_own_limit(cache):
    patterns = DiskMemo("patterns", "v1", limit=1)
    patterns.get("a", str.upper)
    patterns.save()
    more = DiskMemo("patterns", "v1", limit=1)
    more.get("b", str.upper)
    more.save()
    assert marshal.loads((cache / "patterns-v1.marshal").read_bytes()) == {"b": "B"}
