"""Possible duplicates: similar open requests of the same community within a time window."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from services.triage.core import Triage

# At or above OFFER the resident is offered to follow the existing request; between SUGGEST and
# OFFER staff see it as a possible duplicate.
DUPLICATE_OFFER_THRESHOLD = 0.7
DUPLICATE_SUGGEST_THRESHOLD = 0.3
SAME_BUILDING_FACTOR = 1.3
SAME_GRID_FACTOR = 1.12
# a candidate at the far edge of the window keeps this share of its score
OLDEST_WEIGHT = 0.85


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
    window: timedelta = timedelta(days=14),
) -> list[tuple[int, float]]:
    """(request id, score) of likely duplicates at or above the suggest threshold, best first."""
    in_scope = [
        cand
        for cand in candidates
        if cand.community_id == community_id
        and -timedelta(minutes=5) <= now - cand.created_at <= window
    ]
    similarities = triage.similarities(text, [cand.text for cand in in_scope])
    found: list[tuple[int, float]] = []
    for cand, similarity in zip(in_scope, similarities, strict=True):
        age = now - cand.created_at
        score = duplicate_score(
            similarity,
            same_building=building_id is not None and cand.building_id == building_id,
            same_grid=grid_id is not None and cand.grid_id == grid_id,
            age=max(age, timedelta(0)),
            window=window,
        )
        if score >= DUPLICATE_SUGGEST_THRESHOLD:
            found.append((cand.id, score))
    found.sort(key=lambda pair: (-pair[1], pair[0]))
    return found
