"""One loaded triage for the whole test session (jieba's cache in a temporary directory)."""

from __future__ import annotations

from pathlib import Path

import pytest

from services.triage import Triage


@pytest.fixture(scope="session")
def jieba_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A jieba cache directory shared by the session."""
    return tmp_path_factory.mktemp("jieba")


@pytest.fixture(scope="session")
def triage(jieba_cache: Path) -> Triage:
    """The shipped model, loaded once."""
    return Triage.load(cache_dir=jieba_cache)
