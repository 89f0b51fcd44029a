"""A result rated in one place no longer offers its rating elsewhere. The resident is asked to
rate a result twice over: the rating notice ('✅ 您的诉求 … 已办好 … 请给这次服务打个分') and the
request's card in 📂 我的诉求. Before, rating on the card left the notice's 满意/基本满意/不满意
in place (a tap answered '已经评价过了'), and a card opened before a rating on the notice kept its
buttons too. Now the notice is redrawn to say how it was rated, without buttons; a card tapped
after is redrawn as the request now is; a notice of an earlier result, rated already, cannot
rate the one handled since (before, its buttons rated the new result unread). A notice held for
the night does not go once rated on the card (so already before: `move` cancels it; kept here
as a guard)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlmodel import col, select

from models.orders import Rating, Request, RequestStatus
from sandbox.driver import message_text
from scheduler.service import SchedulerService
from tests.e2e.conftest import Harness
from tests.orders.test_e2e_cycle import LIU, STAFF, WU, ZHOU, _file, _open_card, png
from tests.orders.test_e2e_qa import _handle_directly
from tests.orders.test_e2e_rate_from_card import _buttons, _card, _now
from tests.support import message_once


async def _reads(d: Any, chat: int, message_id: int, said: str) -> dict[str, Any]:
    """The notice `message_id` once it reads `said`: it is redrawn through the outbox, a moment
    after the card the rating was tapped on, whose own rating line says it too."""
    return await message_once(d, chat, message_id, lambda m: said in message_text(m))


async def test_rated_on_the_card_the_notice_says_so(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    number = await _file(h, WU, "2号楼门口的垃圾桶满了，味道很大")
    await _handle_directly(h, number, "已清运垃圾桶")
    ask = await d.expect(WU, "请给这次服务打个分")
    assert _buttons(ask)
    card = await _card(h, number, ask["message_id"])
    await d.tap(WU, "😊 满意", card["message_id"])
    await d.expect(WU, "评价已记下", since=card["message_id"])
    # the notice, above, is redrawn: the result it told, how it was rated, no buttons
    now = await _reads(d, WU, ask["message_id"], "您的评价：😊 满意")
    assert now["message_id"] == ask["message_id"]
    text = message_text(now)
    assert "已清运垃圾桶" in text and "打个分" not in text, text
    assert not _buttons(now), _buttons(now)
    assert await d.errors() == []


async def test_unsatisfied_on_the_card_the_notice_says_handled_again(
    linli_sandbox: Harness,
) -> None:
    h = linli_sandbox
    d = h.driver
    number = await _file(h, WU, "楼道里堆了很多杂物，不好走")
    await _handle_directly(h, number, "已清理楼道杂物")
    ask = await d.expect(WU, "请给这次服务打个分")
    card = await _card(h, number, ask["message_id"])
    await d.tap(WU, "😞 不满意", card["message_id"])
    await d.expect(WU, "很抱歉没让您满意", since=card["message_id"])
    now = await _reads(d, WU, ask["message_id"], "您的评价：😞 不满意")
    assert now["message_id"] == ask["message_id"]
    assert "已转给社区重新办理" in message_text(now) and not _buttons(now), message_text(now)
    assert await d.errors() == []


async def test_rated_on_the_notice_the_open_card_is_redrawn_when_tapped(
    linli_sandbox: Harness,
) -> None:
    h = linli_sandbox
    d = h.driver
    number = await _file(h, WU, "2号楼门口的垃圾桶满了，味道很大")
    await _handle_directly(h, number, "已清运垃圾桶")
    ask = await d.expect(WU, "请给这次服务打个分")
    card = await _card(h, number, ask["message_id"])
    await d.tap(WU, "🙂 基本满意", ask["message_id"])
    await d.expect(WU, "评价已记下", since=card["message_id"])
    text = message_text(await _now(h, ask["message_id"]))
    assert text.count("您的评价：🙂 基本满意") == 1 and "打个分" in text, text  # drawn here
    # the card shown before still offers the rating (it is not in the outbox); a tap on it is
    # told it was rated, and the card reads as the request now is, without those buttons
    tap = await d.click(WU, card["message_id"], text="😊 满意")
    assert "已经评价过" in str(tap["answer"]), tap
    now = await d.expect(WU, f"诉求 {number} · 已解决", since=card["message_id"] - 1)
    assert now["message_id"] == card["message_id"]
    assert "🙂 基本满意" in message_text(now) and not _buttons(now), _buttons(now)
    async with h.sessionmaker() as s:
        req = (await s.exec(select(Request).where(col(Request.resident_id) == WU))).one()
        ratings = (await s.exec(select(Rating).where(col(Rating.request_id) == req.id))).all()
    assert [r.score for r in ratings] == ["basic"]
    assert await d.errors() == []


async def test_a_held_rating_notice_does_not_go_once_rated_on_the_card(
    linli_sandbox: Harness,
) -> None:
    h = linli_sandbox
    d = h.driver
    service = h.sandbox.app.dp["scheduler"]
    assert isinstance(service, SchedulerService)
    h.clock.set(datetime(2026, 11, 23, 13, 0, tzinfo=UTC))  # Mon 21:00 in Shanghai
    number = await _file(h, WU, "2号楼门口的垃圾桶满了，味道很大")
    filed = (await d.messages(WU))[-1]["message_id"]
    h.clock.set(datetime(2026, 11, 23, 15, 30, tzinfo=UTC))  # 23:30: held till the morning
    await _handle_directly(h, number, "已清运垃圾桶")
    assert not [m for m in await d.messages(WU, filed) if "打个分" in message_text(m)]
    card = await _card(h, number, filed)
    await d.tap(WU, "😊 满意", card["message_id"])
    rated = await d.expect(WU, "评价已记下", since=card["message_id"])
    h.clock.set(datetime(2026, 11, 23, 23, 0, tzinfo=UTC))  # Tue 07:00
    await service.drain()
    later = [message_text(m) for m in await d.messages(WU, rated["message_id"])]
    assert not any("打个分" in t or "已办好" in t for t in later), later
    assert await d.errors() == []


async def test_a_notice_of_an_earlier_result_does_not_rate_the_new_one(
    linli_sandbox: Harness,
) -> None:
    h = linli_sandbox
    d = h.driver
    number = await _file(h, WU, "楼道里堆了很多杂物，不好走")
    await _handle_directly(h, number, "已清理楼道杂物")
    first = await d.expect(WU, "请给这次服务打个分")
    card = await _card(h, number, first["message_id"])
    await d.tap(WU, "😞 不满意", card["message_id"])
    asked = await d.expect(WU, "很抱歉没让您满意", since=card["message_id"])
    await d.tap(WU, "跳过", asked["message_id"])
    redrawn = await d.expect(WU, "您的评价：😞 不满意", since=first["message_id"] - 1)
    # staff handle it again: a new result, a new rating notice
    notice = await d.expect(STAFF, "⚠️ 居民对诉求")  # (the card, redrawn, reads 不满意 too)
    await d.tap(STAFF, "查看诉求", notice["message_id"])
    await d.tap(STAFF, "直接办理")
    await d.expect(STAFF, "社区办理中")
    await d.tap(STAFF, "填写结果")
    await d.say(STAFF, "已请物业全部清走")
    await d.expect(STAFF, "已发给居民评价")
    second = await d.expect(WU, "已请物业全部清走")
    assert _buttons(second)
    # the first notice's buttons, had its redraw not reached it, do not rate the new result
    rid = int(number)
    tap: dict[str, Any] = await d.click(WU, first["message_id"], data=f"oc:rate1:{rid}:0")
    assert "上一次办理" in str(tap["answer"]), tap
    async with h.sessionmaker() as s:
        req = await s.get(Request, rid)
        assert req is not None and req.status == RequestStatus.DONE
    # the new notice rates the new result; the first one is not redrawn again
    await d.tap(WU, "😊 满意", second["message_id"])
    await d.expect(WU, "评价已记下", since=second["message_id"])
    assert "您的评价：😊 满意" in message_text(await _now(h, second["message_id"]))
    assert message_text(await _now(h, first["message_id"])) == message_text(redrawn)
    async with h.sessionmaker() as s:
        scores = [
            r.score for r in (await s.exec(select(Rating).where(col(Rating.request_id) == rid)))
        ]
    assert scores == ["unsatisfied", "satisfied"]
    assert await d.errors() == []


async def test_rated_on_the_card_the_reminder_says_so_too(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    service = h.sandbox.app.dp["scheduler"]
    assert isinstance(service, SchedulerService)
    h.clock.set(datetime(2026, 11, 23, 2, 0, tzinfo=UTC))  # Mon 10:00 in Shanghai
    number = await _file(h, WU, "2号楼门口的垃圾桶满了，味道很大")
    await _handle_directly(h, number, "已清运垃圾桶")
    ask = await d.expect(WU, "请给这次服务打个分")
    h.clock.set(datetime(2026, 11, 25, 3, 0, tzinfo=UTC))  # Wed 11:00: not rated in 48 hours
    await service.run_due()
    await service.drain()
    reminder = await d.expect(WU, "您满意吗", since=ask["message_id"])
    assert _buttons(reminder)
    card = await _card(h, number, reminder["message_id"])
    await d.tap(WU, "🙂 基本满意", card["message_id"])
    await d.expect(WU, "评价已记下", since=card["message_id"])
    await service.drain()
    for message_id in (ask["message_id"], reminder["message_id"]):
        now = await _reads(d, WU, message_id, "您的评价：🙂 基本满意")
        assert now["message_id"] == message_id and not _buttons(now), message_text(now)
    assert "您满意吗" not in message_text(await _now(h, reminder["message_id"]))
    assert await d.errors() == []


async def test_a_notice_with_the_result_photo_keeps_it(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    number = await _file(h, ZHOU, "1号楼三单元楼道灯坏了，晚上很黑")
    await _open_card(h, number)
    await d.tap(STAFF, "派单")
    await d.expect(STAFF, f"为诉求 {number} 派单")
    await d.tap(STAFF, "改为全社区")
    await d.expect(STAFF, "全社区的党员")
    await d.tap(STAFF, "发布工单")
    order_no = message_text(await d.expect(STAFF, "已发布")).split("工单 ")[1].split(" ")[0]
    offer = await d.expect(LIU, f"新工单 {order_no}")
    await d.click(LIU, offer["message_id"], text="✋ 接单")
    await d.expect(LIU, f"您已接下工单 {order_no}", since=offer["message_id"])
    await d.say(LIU, "📌 我的工单")
    await d.tap(LIU, f"查看 {order_no}")
    await d.tap(LIU, "完成上报")
    await d.say(LIU, "换了新灯泡")
    await d.send(LIU, photo=png())
    await d.expect(LIU, "收到照片")
    await d.say(LIU, "✅ 说完了")
    verify = await d.expect(STAFF, "请验收")
    await d.tap(STAFF, "验收通过", verify["message_id"])
    ask = await d.expect(ZHOU, "请给这次服务打个分")
    assert ask.get("photo") and _buttons(ask)
    await d.say(ZHOU, "📂 我的诉求")
    mine = await d.expect(ZHOU, "我的诉求（共", since=ask["message_id"])
    await d.tap(ZHOU, f"查看 {number}", mine["message_id"])
    card = await d.expect(ZHOU, f"诉求 {number} · 已办结待评价", since=mine["message_id"])
    await d.tap(ZHOU, "😊 满意", card["message_id"])
    await d.expect(ZHOU, "评价已记下", since=card["message_id"])
    now = await _reads(d, ZHOU, ask["message_id"], "您的评价：😊 满意")
    assert now["message_id"] == ask["message_id"] and now.get("photo") == ask["photo"]
    assert "换了新灯泡" in message_text(now) and not _buttons(now), message_text(now)
    assert await d.errors() == []
