"""Staff pause a member from 🧾 报到审核's list of approved members and bring them back; a
rejected applicant applying again starts from the earlier answers, and the card says so."""

from __future__ import annotations

from models import MemberProfile, MemberStatus
from sandbox.driver import message_text
from tests.e2e.conftest import Harness
from tests.e2e.test_people import _apply_as_member, _keyboard_labels
from tests.support import reply_to

STAFF = 2001  # 李社工, 阳光社区
OTHER = 2003  # staff of another community
LIU = 3001  # 刘师傅 (刘建国), member of 阳光社区
NEW = 5001  # 小林, unregistered


async def _liu_card(h: Harness) -> dict:
    d = h.driver
    head = await reply_to(d, STAFF, "🧾 报到审核", "报到申请")
    await d.tap(STAFF, "已通过的党员/志愿者", head["message_id"])
    return await d.expect(STAFF, "刘建国", since=head["message_id"])


async def test_staff_suspend_and_restore_a_member(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    card = await _liu_card(h)
    assert "已通过" in message_text(card)
    button = card["reply_markup"]["inline_keyboard"][0][0]
    # staff of another community tapping the same (forged) button: refused, nothing changes
    [own] = await d.say(OTHER, "🧾 报到审核")
    forged = await d.click(OTHER, own["message_id"], data=button["callback_data"])
    assert "权限" in forged["answer"]["text"] or "不能" in forged["answer"]["text"]
    await d.tap(STAFF, "⏸ 暂停", card["message_id"])
    asked = await d.expect(STAFF, "暂停「刘建国」的原因", since=card["message_id"])
    # 取消 at the reason: nothing changes (not taken as the reason)
    [left] = await d.say(STAFF, "✖️ 取消")
    assert "已取消" in message_text(left), message_text(left)
    async with h.sessionmaker() as session:
        profile = await session.get(MemberProfile, LIU)
        assert profile is not None and profile.status == MemberStatus.APPROVED
    await d.tap(STAFF, "⏸ 暂停", card["message_id"])
    await d.expect(STAFF, "暂停「刘建国」的原因", since=asked["message_id"])
    [done] = await d.say(STAFF, "已搬离本社区")
    assert "已暂停：刘建国" in message_text(done), message_text(done)
    told = await d.expect(LIU, "暂时停止")
    assert "已搬离本社区" in message_text(told)
    assert "🛠 可接工单" not in _keyboard_labels(told)
    async with h.sessionmaker() as session:
        profile = await session.get(MemberProfile, LIU)
        assert profile is not None and profile.status == MemberStatus.SUSPENDED
    # the card now offers ▶️ 恢复; a second ⏸ from an older copy is answered politely
    again = await d.click(STAFF, card["message_id"], data=button["callback_data"])
    assert "状态已经变了" in again["answer"]["text"]
    card = await _liu_card(h)
    assert "已暂停" in message_text(card)
    await d.tap(STAFF, "▶️ 恢复", card["message_id"])
    back = await d.expect(LIU, "恢复了")
    assert "🛠 可接工单" in _keyboard_labels(back)


async def test_applying_again_starts_from_the_earlier_answers(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    await _apply_as_member(h, NEW)
    card = await d.expect(STAFF, "报到申请")
    await d.tap(STAFF, "不通过", card["message_id"])
    await d.expect(STAFF, "原因", since=card["message_id"])
    await d.say(STAFF, "单位信息不完整")
    await d.expect(NEW, "未通过")
    [intro, name, keep] = await d.say(NEW, "🙋 党员/志愿者报到")
    assert "单位信息不完整" in message_text(intro)
    assert "林小明" in message_text(name)
    await d.tap(NEW, "沿用上次的", keep["message_id"])
    unit = await d.expect(NEW, "工作单位", since=keep["message_id"])
    assert "区图书馆" in message_text(unit)
    [phone, keep_phone] = await d.say(NEW, "区图书馆少儿部")  # typed: the new answer
    assert "13812345678" in message_text(phone)
    await d.tap(NEW, "沿用上次的", keep_phone["message_id"])
    skills = await d.expect(NEW, "可多选", since=keep_phone["message_id"])
    await d.tap(NEW, "完成", skills["message_id"])  # last time's skills are still chosen
    await d.expect(NEW, "要服务的社区", since=keep_phone["message_id"])
    await d.tap(NEW, "阳光社区", skills["message_id"])
    await d.expect(NEW, "服务的网格", since=keep_phone["message_id"])
    await d.tap(NEW, "不限网格", skills["message_id"])
    await d.expect(NEW, "显示我的名字", since=keep_phone["message_id"])
    await d.tap(NEW, "🙈 不显示", skills["message_id"])
    await d.expect(NEW, "请确认", since=keep_phone["message_id"])
    await d.tap(NEW, "确认", skills["message_id"])
    again = await d.expect(STAFF, "再次申请", since=card["message_id"])
    text = message_text(again)
    assert "上次未通过：单位信息不完整" in text and "区图书馆少儿部" in text
    assert "13812345678" in text and "电路维修" in text


async def test_cancel_at_the_rejection_reason_leaves_it_pending(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    await _apply_as_member(h, NEW)
    card = await d.expect(STAFF, "报到申请")
    await d.tap(STAFF, "不通过", card["message_id"])
    await d.expect(STAFF, "原因", since=card["message_id"])
    [left] = await d.say(STAFF, "✖️ 取消")
    assert "已取消" in message_text(left), message_text(left)
    async with h.sessionmaker() as session:
        profile = await session.get(MemberProfile, NEW)
        assert profile is not None and profile.status == MemberStatus.PENDING
