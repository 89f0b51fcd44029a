"""The monkey walk on PostgreSQL (the production store): the same seeded walk, the same checks."""

from __future__ import annotations

import os

import pytest

from tests.e2e.conftest import Harness
from tests.e2e.test_monkey import SEEDS, Monkey

# monkeys do not wait for the bot as people do: they act at once (tests/support.SettledDriver)
pytestmark = pytest.mark.unsettled

STEPS = int(os.environ.get("LINLI_MONKEY_STEPS", "100"))


async def test_monkey_walk_on_postgresql(
    linli_sandbox_pg: Harness, caplog: pytest.LogCaptureFixture
) -> None:
    await Monkey(linli_sandbox_pg, SEEDS[-1]).walk(STEPS, caplog)
