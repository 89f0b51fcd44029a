"""'Register your address first' comes with the way on: 🏠 现在登记, and from 我要点单 the
filing right after registering."""

from __future__ import annotations

import asyncio

from sandbox.driver import Driver, message_text
from tests.e2e.conftest import Harness
from tests.support import inline_labels, keyboard_labels, reply_to

NEW = 5001  # 小林, unregistered
ALEX = 5002  # English, unregistered
RESIDENT = 4001  # 周阿姨, registered


async def _register(drv: Driver, user: int, since: int) -> dict:
    """Consent, community, grid, building, room, no phone: returns the 登记完成 message."""
    await drv.expect(user, "个人信息使用说明", since=since)
    await drv.tap(user, "同意并继续")
    await drv.expect(user, "请选择您所在的社区", since=since)
    await drv.tap(user, "阳光社区")
    await drv.expect(user, "网格", since=since)
    await drv.tap(user, "第一网格")
    await drv.expect(user, "楼栋", since=since)
    await drv.tap(user, "2号楼")
    await drv.expect(user, "房号", since=since)
    await reply_to(drv, user, "301", "手机号")
    return await reply_to(drv, user, "跳过", "登记完成")


async def _no_filing_after(d: Driver, user: int, done: dict) -> None:
    """No description asked after `done`: the next update's answer comes after all the bot
    did for the one before (one chat's updates are handled in turn)."""
    await reply_to(d, user, "📂 我的诉求", "还没有提交过诉求")
    later = [message_text(m) for m in await d.messages(user, done["message_id"])]
    assert not [text for text in later if "请说说您遇到了什么事" in text]


async def test_order_button_before_registering_leads_to_the_filing(
    linli_sandbox: Harness,
) -> None:
    d = linli_sandbox.driver
    refusal = await reply_to(d, NEW, "📝 我要点单", "请先登记您的住址")
    assert inline_labels(refusal) == ["🏠 现在登记"]
    await d.tap(NEW, "🏠 现在登记", refusal["message_id"])
    done = await _register(d, NEW, refusal["message_id"])
    assert "阳光社区 · 第一网格 · 2号楼 301" in message_text(done)
    # straight on to what they came for: the description, with the filing's own buttons
    ask = await d.expect(NEW, "请说说您遇到了什么事", since=done["message_id"])
    assert "✅ 说完了" in keyboard_labels(ask)
    got = await reply_to(d, NEW, "楼道灯坏了，晚上看不见", "收到")
    preview = await reply_to(d, NEW, "✅ 说完了", "分类")
    assert "楼道灯坏了" in message_text(preview)
    assert got
    # the button tapped was used up: it is gone from the refusal
    [first] = [m for m in await d.messages(NEW) if m["message_id"] == refusal["message_id"]]
    assert inline_labels(first) == []
    assert await d.errors() == []


async def test_a_refused_tap_gets_the_register_button_not_an_alert(
    linli_sandbox: Harness,
) -> None:
    d = linli_sandbox.driver
    hub = await reply_to(d, ALEX, "🗳 Meetings and polls", "Meetings and polls")
    answer = await d.tap(ALEX, "Propose a topic", hub["message_id"])
    assert not (answer.get("answer") or {}).get("show_alert")
    refusal = await d.expect(ALEX, "register your address first", since=hub["message_id"])
    assert inline_labels(refusal) == ["🏠 Register now"]
    await d.tap(ALEX, "Register now", refusal["message_id"])
    assert await d.expect(ALEX, "How we use your personal data", since=refusal["message_id"])
    # registering from a refusal other than 我要点单's ends with the registration
    hub = await reply_to(d, NEW, "🗳 近期议事", "近期议事")
    await d.tap(NEW, "提议题", hub["message_id"])
    refusal = await d.expect(NEW, "请先登记住址", since=hub["message_id"])
    await d.tap(NEW, "🏠 现在登记", refusal["message_id"])
    done = await _register(d, NEW, refusal["message_id"])
    await _no_filing_after(d, NEW, done)
    assert await d.errors() == []


async def test_the_button_once_registered_says_so(linli_sandbox: Harness) -> None:
    d = linli_sandbox.driver
    refusal = await reply_to(d, NEW, "📝 我要点单", "请先登记您的住址")
    # registered meanwhile by the menu's own button
    await reply_to(d, NEW, "🏠 登记住址", "个人信息使用说明")
    await _register(d, NEW, refusal["message_id"])
    answer = await d.click(NEW, refusal["message_id"], text="🏠 现在登记")
    assert "已经登记过" in (answer.get("answer") or {}).get("text", "")
    # nothing restarted: no consent question again, no filing
    [done] = [m for m in await d.messages(NEW) if "登记完成" in message_text(m)]
    await _no_filing_after(d, NEW, done)
    assert not [
        m
        for m in await d.messages(NEW, done["message_id"])
        if "个人信息使用说明" in message_text(m)
    ]


async def test_two_taps_at_once_ask_for_consent_once(linli_sandbox: Harness) -> None:
    """🏠 现在登记 tapped twice at the same moment: one consent question, the other tap
    answered without a word. Before, each tap sent the question, one under the other."""
    d = linli_sandbox.driver
    refusal = await reply_to(d, NEW, "📝 我要点单", "请先登记您的住址")
    taps = await asyncio.gather(
        d.click(NEW, refusal["message_id"], text="🏠 现在登记"),
        d.click(NEW, refusal["message_id"], text="🏠 现在登记"),
    )
    for tap in taps:
        assert tap["answer"] is not None and not tap["answer"]["text"], tap
    # one chat's updates are handled in turn: once registered, both taps are done with. The
    # question answered became the steps ('✓ 社区：阳光社区'); no other one waits under it.
    done = await _register(d, NEW, refusal["message_id"])
    shown = [message_text(m) for m in await d.messages(NEW, refusal["message_id"])]
    assert not [text for text in shown if "个人信息使用说明" in text], shown
    assert len([text for text in shown if text.startswith("✓ 社区")]) == 1, shown
    # and it goes on to what they came for, once
    await d.expect(NEW, "请说说您遇到了什么事", since=done["message_id"])
    assert await d.errors() == []
