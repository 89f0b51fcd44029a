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


SAME_MATTER = [
    ("5号楼电梯坏了，上不去", "5号楼的电梯又停了，老人下不来楼"),
    ("楼道里有很大的煤气味", "我们单元楼道有股燃气味"),
    ("垃圾站好几天没清运了，很臭", "垃圾站的垃圾堆满了，臭气熏天，没人来拉"),
    ("消防通道被车堵了", "有车停在消防通道上，堵住了"),
    ("单元门门禁坏了", "门禁刷卡没反应，单元门打不开"),
    ("下水道堵了往上返水", "厨房下水道堵住了，脏水往上冒"),
    ("广场舞声音太大", "晚上跳广场舞的音响太吵了"),
]
OTHER_MATTER = [
    ("东门路灯不亮", "东门的道闸坏了"),
    ("楼道里有很大的煤气味", "暖气不热"),
    ("垃圾站好几天没清运了，很臭", "草坪太久没修剪了"),
    ("消防通道被车堵了", "楼道里堆满了纸箱"),
    ("单元门门禁坏了", "电梯按钮不灵"),
    ("下水道堵了往上返水", "水龙头一直滴水"),
    ("广场舞声音太大", "广场上的健身器材坏了"),
]


def _score_same_building(triage: Triage, new: str, old: str) -> float:
    found = find_duplicates(
        triage,
        text=new,
        community_id=1,
        grid_id=10,
        building_id=100,
        now=NOW,
        candidates=[_cand(1, old, days=0.5)],
    )
    return found[0][1] if found else 0.0


def test_same_matter_in_other_words_is_suggested(triage: Triage) -> None:
    for new, old in SAME_MATTER:
        score = _score_same_building(triage, new, old)
        assert score >= DUPLICATE_SUGGEST_THRESHOLD, (new, old, score)


def test_other_matters_in_the_same_building_are_not(triage: Triage) -> None:
    for new, old in OTHER_MATTER:
        assert _score_same_building(triage, new, old) == 0.0, (new, old)


def test_scores_are_duplicate_score_of_the_similarity(triage: Triage) -> None:
    """However find_duplicates works its scores out (as rows, without a call per candidate,
    not comparing texts whose matter share is too small to count), each is duplicate_score of
    the two texts' similarity, and only those at the threshold are found, best first."""
    texts = [old for _new, old in SAME_MATTER + OTHER_MATTER] + [
        "5号楼电梯坏了，上不去",
        "3号楼电梯坏了，上不去",
        "电梯坏了",
        "楼道灯坏了，晚上很黑",
        "暖气漏水了",
        "下水道堵了",
        "电梯坏了，楼道灯也坏了",  # beside 电梯坏了，水管也坏了: a share of 0.6, and found
        "电梯坏了好几天了，楼道灯也坏了，老人上下楼很危险",
    ]
    places = [(10, 100), (10, 200), (20, 300), (None, None), (10, None)]
    candidates = [
        _cand(
            i,
            text,
            community=1 if i % 11 else 2,
            grid=places[i % 5][0],
            building=places[i % 5][1],
            days=(i * 1.7) % 16 - 0.001,
        )
        for i, text in enumerate(texts * 3)
    ]
    window = timedelta(days=14)
    news = ("5号楼电梯又坏了", "楼道灯不亮了", "下水道堵了往上返水", "广场舞太吵")
    news += ("电梯坏了，水管也坏了", "电梯坏了好几天了，扶手也坏了，老人上下楼很危险")
    for new in news:
        for grid_id, building_id in ((10, 100), (None, None), (20, None)):
            found = find_duplicates(
                triage,
                text=new,
                community_id=1,
                grid_id=grid_id,
                building_id=building_id,
                now=NOW,
                candidates=candidates,
                window=window,
            )
            expected = []
            for cand in candidates:
                age = NOW - cand.created_at
                if cand.community_id != 1 or not -timedelta(minutes=5) <= age <= window:
                    continue
                score = duplicate_score(
                    triage.similarity(new, cand.text),
                    same_building=building_id is not None and cand.building_id == building_id,
                    same_grid=grid_id is not None and cand.grid_id == grid_id,
                    age=max(age, timedelta(0)),
                    window=window,
                )
                if score >= DUPLICATE_SUGGEST_THRESHOLD:
                    expected.append((cand.id, score))
            assert found == sorted(expected, key=lambda pair: (-pair[1], pair[0]))
