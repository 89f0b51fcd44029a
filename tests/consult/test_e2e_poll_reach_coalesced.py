"""A poll published to a large audience with its staff card open: each announcement that goes
out has the card count whom it reached, and counting reads every announcement's state. The
follow-ups of announcements going out together are coalesced (one redraw of the poll's cards
at a time in the process, asked once more when another went meanwhile): far fewer counts than
announcements, and the card still ends counting all of them. Before, each of the hundreds of
announcements counted them all again. On SQLite and on PostgreSQL (whose sender claims and
records the announcements as another database does)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest
from sqlmodel import col, select

from models.org import Building
from models.scheduling import Delivery, DeliveryState
from models.users import Role, User
from sandbox.driver import message_text
from services import polls
from services.users import staff_scopes
from tests.consult.test_e2e_poll_cards_follow import _card, _scheduler
from tests.consult.test_e2e_poll_reach import _draft
from tests.consult.test_e2e_qa_polls import STAFF, current
from tests.e2e.conftest import Harness

NEIGHBOURS = 80  # residents added to 阳光社区, beside the demo ones


async def _neighbours(h: Harness) -> None:
    """NEIGHBOURS registered residents of 阳光社区, each in a room of their own, who have
    started the bot."""
    async with h.sessionmaker() as session:
        community_id = (await staff_scopes(session, user_id=STAFF))[0].community_id
        building = (
            await session.exec(select(Building).where(col(Building.community_id) == community_id))
        ).first()
        assert building is not None
        for n in range(NEIGHBOURS):
            uid = 7000 + n
            session.add(
                User(
                    id=uid,
                    first_name=f"邻居{n}",
                    roles=Role.RESIDENT.value,
                    consent_at=datetime(2026, 1, 1, tzinfo=UTC),
                    community_id=community_id,
                    building_id=building.id,
                    room=f"{900 + n}",
                )
            )
            h.sandbox.emulator.add_user(id=uid, first_name=f"邻居{n}")
        await session.commit()


async def test_many_announcements_few_counts(
    linli_sandbox: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    await _few_counts(linli_sandbox, monkeypatch)


@pytest.mark.postgres
async def test_many_announcements_few_counts_on_postgres(
    linli_sandbox_pg: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    await _few_counts(linli_sandbox_pg, monkeypatch)


async def _few_counts(h: Harness, monkeypatch: pytest.MonkeyPatch) -> None:
    d = h.driver
    await _neighbours(h)
    poll_id = await _draft(h)
    card = await _card(d, STAFF, status="草稿")

    counted: list[int] = []
    reach = polls.announcement_reach

    async def counting(session: Any, *, poll: Any) -> polls.Reach:
        counted.append(poll.id)
        return await reach(session, poll=poll)

    monkeypatch.setattr(polls, "announcement_reach", counting)
    await d.tap(STAFF, "📣 发布", card["message_id"])
    await d.expect(STAFF, "投票已发布", since=card["message_id"])
    await _scheduler(h).drain()

    async with h.sessionmaker() as session:
        announced = (
            await session.exec(
                select(Delivery.state).where(
                    col(Delivery.dedupe_key).startswith(f"poll:{poll_id}:announce:")
                )
            )
        ).all()
    assert len(announced) > NEIGHBOURS, announced
    assert set(announced) == {DeliveryState.SENT}
    # the handler's own drawings (its answer, the card tapped) and a few rounds for the card
    # on the screen: far fewer than one count an announcement
    assert len(counted) <= len(announced) // 5, (len(counted), len(announced))
    text = message_text(await current(d, STAFF, card["message_id"]))
    assert f"📨 投票通知：已发给 {len(announced)} 人" in text, text
    assert await d.errors() == []
