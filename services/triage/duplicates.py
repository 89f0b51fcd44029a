"""Possible duplicates: similar open requests of the same community within a time window."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from services.triage.core import Triage

# At or above OFFER the resident is offered to follow the existing request; between SUGGEST and
# OFFER staff see it as a possible duplicate.
DUPLICATE_OFFER_THRESHOLD = 0.7
DUPLICATE_SUGGEST_THRESHOLD = 0.3
# how alike a likely duplicate reads to staff, in words, not a percentage (see `likeness`)
LIKENESS_HIGH = 0.7
LIKENESS_MID = 0.5
SAME_BUILDING_FACTOR = 1.3
SAME_GRID_FACTOR = 1.12
# a candidate at the far edge of the window keeps this share of its score
OLDEST_WEIGHT = 0.85
# how long a request may be repeated, and how far its time may be ahead (another clock's)
DUPLICATE_WINDOW = timedelta(days=14)
DUPLICATE_CLOCK_SLACK = timedelta(minutes=5)
# below this a score rounds below DUPLICATE_SUGGEST_THRESHOLD, with room for rounding errors
_REACH = 0.299
_NONE = object()  # matches no building or grid: a request without one is near no other


@dataclass(frozen=True)
class DuplicateCandidate:
    """An open request that a new one may repeat."""

    id: int
    text: str
    community_id: int
    grid_id: int | None
    building_id: int | None
    created_at: datetime


def duplicate_score(
    similarity: float,
    *,
    same_building: bool,
    same_grid: bool,
    age: timedelta,
    window: timedelta,
) -> float:
    """Text similarity weighted up for the same building (or grid) and down with age."""
    factor = SAME_BUILDING_FACTOR if same_building else SAME_GRID_FACTOR if same_grid else 1.0
    fraction = min(1.0, max(0.0, age / window)) if window > timedelta(0) else 0.0
    recency = 1.0 - (1.0 - OLDEST_WEIGHT) * fraction
    return round(min(1.0, similarity * factor * recency), 3)


def find_duplicates(
    triage: Triage,
    *,
    text: str,
    community_id: int,
    grid_id: int | None,
    building_id: int | None,
    now: datetime,
    candidates: Sequence[DuplicateCandidate],
    window: timedelta = DUPLICATE_WINDOW,
) -> list[tuple[int, float]]:
    """(request id, score) of likely duplicates at or above the suggest threshold, best first."""
    return duplicates_among(
        triage,
        text=text,
        grid_id=grid_id,
        building_id=building_id,
        now=now,
        rows=[
            (cand.id, cand.text, cand.grid_id, cand.building_id, cand.created_at)
            for cand in candidates
            if cand.community_id == community_id
        ],
        window=window,
    )


def duplicates_among(
    triage: Triage,
    *,
    text: str,
    grid_id: int | None,
    building_id: int | None,
    now: datetime,
    rows: Iterable[tuple[int, str, int | None, int | None, datetime]],
    window: timedelta = DUPLICATE_WINDOW,
) -> list[tuple[int, float]]:
    """find_duplicates of candidates of the community given as plain rows (id, text, grid_id,
    building_id, created_at), as read from the database: the same scores (duplicate_score's,
    worked out here without a call per candidate, as a filing compares with up to 200) and
    order. A text never read as like enough to count (its matter share too small even for the
    same building) is not compared at all."""
    earliest, latest = now - window, now + DUPLICATE_CLOCK_SLACK
    in_scope = [row for row in rows if earliest <= row[4] <= latest]
    building = building_id if building_id is not None else _NONE
    grid = grid_id if grid_id is not None else _NONE
    factors = [
        SAME_BUILDING_FACTOR if row[3] == building else SAME_GRID_FACTOR if row[2] == grid else 1.0
        for row in in_scope
    ]
    # a similarity whose score could not reach the threshold need not be worked out: a
    # similarity is at most its share (give or take its rounding to 4 places), and a score
    # rounds below the threshold under 0.2995
    similarities = triage.similarities(
        text, [row[1] for row in in_scope], floors=[_REACH / factor for factor in factors]
    )
    found: list[tuple[int, float]] = []
    zero, positive = timedelta(0), window > timedelta(0)
    for row, factor, similarity in zip(in_scope, factors, similarities, strict=True):
        if not similarity:
            continue
        # duplicate_score, step for step
        age = now - row[4]
        fraction = min(1.0, max(0.0, max(age, zero) / window)) if positive else 0.0
        recency = 1.0 - (1.0 - OLDEST_WEIGHT) * fraction
        score = round(min(1.0, similarity * factor * recency), 3)
        if score >= DUPLICATE_SUGGEST_THRESHOLD:
            found.append((row[0], score))
    found.sort(key=lambda pair: (-pair[1], pair[0]))
    return found


def likeness(score: float) -> str:
    """How alike two matters read, as a community worker says it: "high" (很像: as alike as a
    resident is offered to join), "mid" (比较像) or "low" (有点像), for a duplicate's score;
    the card names the band (order-card-duplicate-*), never the bare number."""
    if score >= LIKENESS_HIGH:
        return "high"
    if score >= LIKENESS_MID:
        return "mid"
    return "low"
