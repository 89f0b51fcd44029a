"""Minutes and decisions go out in one message: together they are held under Telegram's 4,096
characters. Before, 3,000 characters of minutes (allowed) with a few long decisions (500 each,
allowed) made a notice Telegram refuses ('message is too long'), so nobody invited got them."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlmodel.ext.asyncio.session import AsyncSession

from services import meetings
from services.consult_common import Notifier
from services.errors import InvalidInput
from tests.consult.conftest import World
from tests.consult.test_meetings import START, published

TELEGRAM_MAX = 4096


async def test_minutes_and_decisions_fit_one_message(
    session: AsyncSession, world: World, notifier: Notifier
) -> None:
    meeting = await published(session, world, notifier)
    with pytest.raises(InvalidInput) as refused:
        await meetings.publish_minutes(
            session,
            user=world.staff,
            roles=world.staff_roles,
            meeting_id=meeting.id or 0,
            minutes="纪" * meetings.MINUTES_MAX,
            decisions=["决" * meetings.DECISION_MAX] * 3,
            now=START + timedelta(hours=2),
            notifier=notifier,
        )
    assert refused.value.key == "meeting-err-minutes-total"
    assert notifier.sent == []
    # the most that is taken still fits in one message, for the longest title
    meeting, told = await meetings.publish_minutes(
        session,
        user=world.staff,
        roles=world.staff_roles,
        meeting_id=meeting.id or 0,
        minutes="纪" * meetings.MINUTES_MAX,
        decisions=["决" * 300] * 2,
        now=START + timedelta(hours=2),
        notifier=notifier,
    )
    assert told > 0
    assert max(len(m["text"]) for m in notifier.sent) + 100 <= TELEGRAM_MAX
