"""A multiple-choice poll's export says its shares are of the voters (and why they add up to
more than 100%); before, the columns read '票数 Votes' / '占比 Share' like a single choice."""

from __future__ import annotations

import io

from openpyxl import load_workbook
from sqlmodel.ext.asyncio.session import AsyncSession

from services import polls
from services.consult_common import Notifier
from tests.consult.conftest import NOW, World
from tests.consult.test_polls import open_poll, option_ids


async def test_multiple_choice_export_names_its_shares(
    session: AsyncSession, world: World, notifier: Notifier
) -> None:
    poll = await open_poll(session, world, notifier, multiple=True, max_choices=2)
    yes, no, other = await option_ids(session, poll)
    for name, picks in (("a1", [yes, no]), ("b", [yes, other])):
        await polls.cast_vote(
            session, user=world[name], poll_id=poll.id or 0, option_ids=picks, now=NOW
        )
    data = await polls.export_xlsx(
        session, user=world.staff, roles=world.staff_roles, poll_id=poll.id or 0
    )
    rows = list(load_workbook(io.BytesIO(data))["结果 Result"].iter_rows(values_only=True))
    cells = [str(c) for row in rows for c in row if c is not None]
    assert "是，每人最多 2 项 yes, up to 2 each" in cells
    assert "占投票人数 Share of voters" in cells and "占比 Share" not in cells
    assert any("占 2 位投票人的比例，合计可能超过 100%" in c for c in cells)
    assert ("同意", 2, "100.0%") in rows and ("反对", 1, "50.0%") in rows
