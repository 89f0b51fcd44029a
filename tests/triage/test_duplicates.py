"""Duplicate suggestions: similar open requests of the same community within the window."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from services.triage import (
    DUPLICATE_OFFER_THRESHOLD,
    DUPLICATE_SUGGEST_THRESHOLD,
    DuplicateCandidate,
    Triage,
    find_duplicates,
)
from services.triage.duplicates import duplicate_score

NOW = datetime(2026, 11, 21, 9, 0, tzinfo=UTC)


def _cand(
    id_: int,
    text: str,
    *,
    community: int = 1,
    grid: int | None = 10,
    building: int | None = 100,
    days: float = 1,
) -> DuplicateCandidate:
    return DuplicateCandidate(id_, text, community, grid, building, NOW - timedelta(days=days))


def test_thresholds_are_ordered() -> None:
    assert 0 < DUPLICATE_SUGGEST_THRESHOLD < DUPLICATE_OFFER_THRESHOLD <= 1


def test_same_text_same_building_is_offered(triage: Triage) -> None:
    found = find_duplicates(
        triage,
        text="3号楼电梯又坏了，老人上不去",
        community_id=1,
        grid_id=10,
        building_id=100,
        now=NOW,
        candidates=[_cand(7, "3号楼电梯又坏了，老人上不去"), _cand(8, "垃圾桶满了没人清")],
    )
    assert [i for i, _ in found] == [7]
    assert found[0][1] >= DUPLICATE_OFFER_THRESHOLD


def test_ranking_prefers_same_building_and_similar_text(triage: Triage) -> None:
    text = "楼道里堆满纸箱子，把消防通道堵了"
    candidates = [
        _cand(1, "楼道堆了很多纸箱，消防通道堵了", building=100),
        _cand(2, "楼道堆了很多纸箱，消防通道堵了", building=200),
        _cand(3, "楼道堆了很多纸箱，消防通道堵了", community=2),
        _cand(4, "楼道堆了很多纸箱，消防通道堵了", days=30),
        _cand(5, "广场舞太吵了"),
    ]
    found = find_duplicates(
        triage,
        text=text,
        community_id=1,
        grid_id=10,
        building_id=100,
        now=NOW,
        candidates=candidates,
    )
    ids = [i for i, _ in found]
    assert ids[:2] == [1, 2]
    assert 3 not in ids and 4 not in ids and 5 not in ids
    assert found[0][1] > found[1][1] >= DUPLICATE_SUGGEST_THRESHOLD


def test_score_weights() -> None:
    window = timedelta(days=14)
    fresh = duplicate_score(
        0.5, same_building=False, same_grid=False, age=timedelta(0), window=window
    )
    grid = duplicate_score(
        0.5, same_building=False, same_grid=True, age=timedelta(0), window=window
    )
    building = duplicate_score(
        0.5, same_building=True, same_grid=True, age=timedelta(0), window=window
    )
    old = duplicate_score(0.5, same_building=False, same_grid=False, age=window, window=window)
    assert building > grid > fresh > old
    assert (
        duplicate_score(1.0, same_building=True, same_grid=True, age=timedelta(0), window=window)
        == 1.0
    )


def test_similarity_is_symmetric_and_bounded(triage: Triage) -> None:
    a, b = "暖气不热，屋里很冷", "暖气片不热"
    assert triage.similarity(a, b) == triage.similarity(b, a)
    assert 0 < triage.similarity(a, b) < 1
    assert triage.similarity(a, a) > 0.99
    assert triage.similarity(a, "低保怎么申请") < 0.1
