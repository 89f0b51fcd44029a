"""After a meeting's planned end its staff card offers what is left to do — 📝 发布纪要 first,
👥 名单 — and no longer ✏️ 修改 or ⏳ 延期; a card drawn before the end, tapped on those after
it, gets a polite answer (it is over; publish the minutes, or create a new meeting) and is
redrawn with the tools that apply. Before, the card went on offering both, and ⏳ 延期 moved a
meeting that had already taken place."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlmodel import col, select

from models import AuditEvent
from tests.consult.published import published_meeting
from tests.consult.test_e2e_meeting_questions_follow import _open_card
from tests.consult.test_e2e_meeting_redrawn import _reads
from tests.e2e.conftest import Harness
from tests.orders.test_e2e_cycle import STAFF

START = datetime(2026, 11, 25, 11, 30, tzinfo=UTC)  # 19:30 in Shanghai, 90 minutes long
END = START + timedelta(minutes=90)


@pytest.mark.parametrize("tool", ["⏳ 延期", "✏️ 修改"])
async def test_a_card_after_the_end_offers_the_minutes(linli_sandbox: Harness, tool: str) -> None:
    h = linli_sandbox
    d = h.driver
    meeting = await published_meeting(h, starts_at=START)
    before = await _open_card(d, STAFF, meeting.id or 0)  # drawn while it is still to come
    _text, labels = await _reads(d, STAFF, before)
    assert "✏️ 修改" in labels and "⏳ 延期" in labels
    h.clock.set(END + timedelta(minutes=5))  # the end passes while the card is on screen
    answer = await d.tap(STAFF, tool, before)
    said = str(answer["answer"]["text"])
    assert "已经结束" in said and "发布纪要" in said, said
    # the card tapped now reads as it stands, with what is left to do
    text, labels = await _reads(d, STAFF, before)
    assert "已结束，待发纪要" in text
    assert "✏️ 修改" not in labels and "⏳ 延期" not in labels
    assert labels[:2] == ["📝 发布纪要", "👥 名单"]
    # a card opened after the end is drawn so from the start
    after = await _open_card(d, STAFF, meeting.id or 0)
    _text, labels = await _reads(d, STAFF, after)
    assert labels[:2] == ["📝 发布纪要", "👥 名单"] and "⏳ 延期" not in labels
    async with h.sessionmaker() as session:
        moved = (
            await session.exec(
                select(AuditEvent).where(
                    col(AuditEvent.action).in_(("meeting-postpone", "meeting-edit"))
                )
            )
        ).all()
    assert moved == []
    assert await d.errors() == []
