"""Shared by the tests and the doctests of src/presskit: nothing writes into the user's own cache."""
import os

import pytest


@pytest.fixture(autouse=True, scope="session")
def private_user_cache(tmp_path_factory):
    """Keep the memos of tests and doctests out of the user's own cache folder."""
    folder = tmp_path_factory.mktemp("user-cache")
    previous = os.environ.get("XDG_CACHE_HOME")
    os.environ["XDG_CACHE_HOME"] = str(folder)
    yield folder
    if previous is None:
        os.environ.pop("XDG_CACHE_HOME", None)
    else:
        os.environ["XDG_CACHE_HOME"] = previous
