"""The monkey walk on PostgreSQL (the production store): the same seeded walk, the same checks."""

from __future__ import annotations

import logging
import os

import pytest

from tests.e2e.conftest import Harness
from tests.e2e.test_monkey import SEEDS, Monkey

STEPS = int(os.environ.get("LINLI_MONKEY_STEPS", "100"))


async def test_monkey_walk_on_postgresql(
    linli_sandbox_pg: Harness, caplog: pytest.LogCaptureFixture
) -> None:
    monkey = Monkey(linli_sandbox_pg, SEEDS[-1])
    caplog.set_level(logging.ERROR)
    for _ in range(STEPS):
        await monkey.step()
        failed = [r for r in caplog.records if r.levelno >= logging.ERROR]
        if failed:
            first = failed[0]
            trace = logging.Formatter().formatException(first.exc_info) if first.exc_info else ""
            raise AssertionError(
                monkey._report(f"the bot logged an error: {first.getMessage()}\n{trace}")
            )
