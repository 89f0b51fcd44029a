"""Test helpers shared by unit and end-to-end tests."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta


class FakeClock:
    """An injected clock that only moves when a test moves it."""

    def __init__(self, start: datetime | None = None) -> None:
        self.now = start or datetime(2026, 11, 23, 2, 0, tzinfo=UTC)  # Monday 10:00 in Shanghai

    def __call__(self) -> datetime:
        return self.now

    def advance(self, delta: timedelta) -> datetime:
        """Move time forward and return the new now."""
        self.now += delta
        return self.now

    def set(self, when: datetime) -> None:
        """Jump to a moment (aware UTC)."""
        assert when.tzinfo is not None
        self.now = when
