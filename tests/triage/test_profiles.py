"""Similarity profiles are kept by text: comparing a new request with the same open matters
again gives the same scores without profiling them again, and a new model starts afresh."""

from __future__ import annotations

from pathlib import Path

import pytest

from services.triage import Triage
from services.triage import core as triage_core

OPEN = ["3号楼电梯又坏了，老人上不去", "楼道灯坏了，晚上很黑", "小区门口电动车乱停"]


def test_kept_profiles_give_the_same_scores(
    jieba_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    triage = Triage.load(cache_dir=jieba_cache)
    first = triage.similarities("电梯坏了，上不了楼", OPEN)
    profiled: list[str] = []
    profile = triage._profile
    monkeypatch.setattr(triage, "_profile", lambda text: profiled.append(text) or profile(text))
    assert triage.similarities("电梯坏了，上不了楼", OPEN) == first
    assert profiled == []  # every text was profiled already
    assert triage.similarities("电梯又停了", OPEN)[0] > 0.2
    assert profiled == ["电梯又停了"]  # only the new one
    # a new model (retrained, reloaded): its profiles are made with it
    triage._use(triage.model)
    triage.similarities("电梯坏了，上不了楼", OPEN)
    assert profiled[1:] == ["电梯坏了，上不了楼", *OPEN]


def test_only_the_last_texts_are_kept(jieba_cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(triage_core, "PROFILES_KEPT", 3)
    triage = Triage.load(cache_dir=jieba_cache)
    triage.similarities("电梯坏了", OPEN)  # four texts: the first is let go
    assert list(triage._profiles) == OPEN


def test_the_texts_compared_with_are_kept_over_newer_ones(
    jieba_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The open matters are compared with on every filing: their profiles are kept as the
    latest, so the texts filed since are let go first and the matters are not profiled again."""
    monkeypatch.setattr(triage_core, "PROFILES_KEPT", 4)
    triage = Triage.load(cache_dir=jieba_cache)
    triage.similarities("电梯坏了", OPEN)
    triage.similarities("水管漏水", OPEN)  # 电梯坏了 was the least recently used: let go
    assert list(triage._profiles) == ["水管漏水", *OPEN]
    triage.similarities("停电了", OPEN)
    assert set(triage._profiles) == {"停电了", *OPEN}
