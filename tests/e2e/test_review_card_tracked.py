"""Every staff review card of a 报到申请 reads the decision once a colleague makes it. Before, the
cards 🧾 报到审核 lists were sent by the handler and never redrawn (they lost their buttons only
when tapped, with an alert); and a card on its way (claimed by the outbox's sender, its call
under way) when the application was decided went out with 通过/不通过 for good."""

from __future__ import annotations

from typing import Any

import pytest

from models import MemberProfile, Role, User
from sandbox.driver import message_text
from scheduler.service import SchedulerService
from services import member_cards
from services import members as member_service
from tests.e2e.conftest import Harness
from tests.e2e.test_people import _apply_as_member
from tests.e2e.test_review_card_after import GRID, NEW, STAFF, _buttons, _now

STAFF_ROLES = frozenset({Role.RESIDENT, Role.STAFF})


async def test_a_listed_card_is_redrawn_when_a_colleague_decides(linli_sandbox: Harness) -> None:
    """张网格员 opens 🧾 报到审核 and gets 林小明's card; 李社工 approves on his own card: the
    listed card reads who approved it and when, without buttons."""
    h = linli_sandbox
    d = h.driver
    await _apply_as_member(h, NEW)
    card = await d.expect(STAFF, "报到申请")
    sent = await d.send(GRID, "🧾 报到审核")
    await d.expect(GRID, "待审核的报到申请：1 份", since=sent["message_id"])
    listed = await d.expect(GRID, "林小明", since=sent["message_id"])
    assert _buttons(listed) == ["✅ 通过", "❌ 不通过"]

    await d.tap(STAFF, "通过", card["message_id"])
    await d.expect(STAFF, "已通过：", since=card["message_id"])
    redrawn = await d.expect(GRID, "✅ 已通过 · 李社工 · ", since=listed["message_id"] - 1)
    assert redrawn["message_id"] == listed["message_id"]
    assert "林小明" in message_text(redrawn)
    assert _buttons(await _now(h, GRID, listed["message_id"])) == []
    assert await d.errors() == []


async def test_a_listed_card_tapped_redraws_the_colleagues_copies(
    linli_sandbox: Harness,
) -> None:
    """Declined on a listed card: the card tapped and every other copy read so."""
    h = linli_sandbox
    d = h.driver
    await _apply_as_member(h, NEW)
    copy = await d.expect(GRID, "报到申请")
    sent = await d.send(STAFF, "🧾 报到审核")
    listed = await d.expect(STAFF, "林小明", since=sent["message_id"])
    await d.tap(STAFF, "不通过", listed["message_id"])
    await d.expect(STAFF, "原因", since=listed["message_id"])
    [done] = await d.say(STAFF, "单位信息不完整")
    assert "已退回" in message_text(done)
    own = message_text(await _now(h, STAFF, listed["message_id"]))
    assert "❌ 未通过 · 李社工 · " in own and "原因：单位信息不完整" in own, own
    redrawn = await d.expect(GRID, "❌ 未通过 · 李社工 · ", since=copy["message_id"] - 1)
    assert redrawn["message_id"] == copy["message_id"]
    assert _buttons(redrawn) == []
    assert await d.errors() == []


@pytest.mark.parametrize("approve", [True, False])
async def test_a_card_on_its_way_when_decided_is_redrawn_once_sent(
    linli_sandbox: Harness, monkeypatch: pytest.MonkeyPatch, approve: bool
) -> None:
    """李社工 decides while 张网格员's copy is on its way (Telegram has it, the outbox has not
    yet recorded it sent): once recorded, it reads the decision, without 通过/不通过."""
    h = linli_sandbox
    d = h.driver
    service = h.sandbox.app.dp["scheduler"]
    assert isinstance(service, SchedulerService)
    bot = service.sender.bot
    send = bot.send_message
    decided: list[int] = []

    async def decide_meanwhile(chat_id: int, text: str, **kwargs: Any) -> Any:
        message = await send(chat_id, text, **kwargs)
        if chat_id == GRID and "报到申请" in text and kwargs.get("reply_markup") and not decided:
            async with h.sessionmaker() as session:
                staff = await session.get(User, STAFF)
                assert staff is not None
                profile = await member_service.review(
                    session,
                    reviewer=staff,
                    roles=STAFF_ROLES,
                    member_id=NEW,
                    approve=approve,
                    reason=None if approve else "单位信息不完整",
                    now=h.clock(),
                )
                # as the handler does: the cards sent already read the decision
                await member_cards.redraw_sent_cards(
                    session,
                    profile=profile,
                    texts=h.sandbox.app.translator,
                    default_language="zh-Hans",
                    zone=h.sandbox.app.settings.zone,
                    now=h.clock(),
                )
                await session.commit()
                decided.append(message.message_id)
        return message

    monkeypatch.setattr(bot, "send_message", decide_meanwhile)
    await _apply_as_member(h, NEW)
    await service.drain()
    assert decided
    said = "✅ 已通过 · 李社工 · " if approve else "❌ 未通过 · 李社工 · "
    redrawn = await d.expect(GRID, said, since=decided[0] - 1)
    assert redrawn["message_id"] == decided[0]
    assert "林小明" in message_text(redrawn)
    assert _buttons(await _now(h, GRID, decided[0])) == []
    async with h.sessionmaker() as session:
        profile = await session.get(MemberProfile, NEW)
        assert profile is not None and profile.status != "pending"
    assert await d.errors() == []
