"""Registration, the profile's phone step and member sign-up through the sandbox: a stale reply
button of another flow is never stored as a room, a phone number, a name, a work unit, a skill or
a rejection reason; the step answers politely with its own buttons and stays. The phone step
keeps its own buttons: the contact button, skip while registering, keep/remove from the profile.

A flow button no step takes (at a step with inline choices) keeps the flow and what was entered;
with no flow in progress, it leads back to the menu."""

from __future__ import annotations

from typing import Any

from models import MemberProfile, MemberStatus, User
from sandbox.driver import Driver, message_text
from tests.e2e.conftest import Harness

NEW = 5001  # 小林, unregistered
RESIDENT = 4001  # 周阿姨, phone 13900000001
STAFF = 2001  # 李社工, 阳光社区

REG_PHONE = ["📱 发送我的手机号", "跳过", "⬅️ 上一步"]
PROFILE_PHONE = ["📱 发送我的手机号", "不修改", "删除手机号"]


def _keyboard(message: dict[str, Any]) -> list[str]:
    rows = (message.get("reply_markup") or {}).get("keyboard") or []
    return [b["text"] if isinstance(b, dict) else b for row in rows for b in row]


async def _refused(
    d: Driver, user: int, label: str, *, keyboard: list[str], says: str = "是按钮上的字"
) -> dict[str, Any]:
    """The label gets the polite answer naming it, with the step's own buttons."""
    [answer] = await d.say(user, label)
    assert f"「{label}」{says}" in message_text(answer), message_text(answer)
    assert _keyboard(answer) == keyboard
    return answer


async def test_registration_steps_refuse_stale_buttons(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    await d.say(NEW, "🏠 登记住址")
    await d.tap(NEW, "同意并继续")
    await d.expect(NEW, "请选择您所在的")
    await d.tap(NEW, "阳光社区")
    await d.expect(NEW, "网格")
    # a step with inline choices: the button does not apply, the flow and the choice so far stay
    [answer] = await d.say(NEW, "跳过")
    assert "「跳过」这个按钮这一步用不上" in message_text(answer)
    assert _keyboard(answer) == ["✖️ 取消"]
    await d.tap(NEW, "第一网格")
    await d.expect(NEW, "楼栋")
    await d.tap(NEW, "2号楼")
    await d.expect(NEW, "房号")
    for label in ("跳过", "不修改", "✅ 说完了"):  # the room step's own keyboard stays
        await _refused(d, NEW, label, keyboard=["⬅️ 上一步", "✖️ 取消"])
    [ask_phone] = await d.say(NEW, "2单元301")
    assert "手机号" in message_text(ask_phone) and _keyboard(ask_phone) == REG_PHONE
    # the profile's keep/remove buttons would end the step without finishing the registration
    for label in ("不修改", "删除手机号", "✅ 说完了", "📱 发送我的手机号"):
        answer = await _refused(d, NEW, label, keyboard=REG_PHONE)
        assert "不是手机号" in message_text(answer)
    # the contact button is still a contact button, and skip still skips
    assert (await d.messages(NEW))[-1]["reply_markup"]["keyboard"][0][0]["request_contact"]
    [done] = await d.say(NEW, "跳过")
    assert "登记完成" in message_text(done) and "2单元301" in message_text(done)
    await d.expect(STAFF, "新居民登记")  # staff are asked to verify: the registration finished
    async with h.sessionmaker() as session:
        user = await session.get(User, NEW)
    assert user is not None and user.registered
    assert user.room == "2单元301" and user.phone is None


async def test_profile_phone_keeps_its_buttons_and_refuses_others(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    [profile] = await d.say(RESIDENT, "👤 我的资料")
    await d.tap(RESIDENT, "修改手机号", profile["message_id"])
    await d.expect(RESIDENT, "发送我的手机号", since=profile["message_id"])
    for label in ("✅ 说完了", "📍 发送位置"):
        answer = await _refused(d, RESIDENT, label, keyboard=PROFILE_PHONE)
        assert "不改请点「不修改」" in message_text(answer)
    # a number that is not one names this step's buttons ("不修改", not registration's "跳过")
    [wrong] = await d.say(RESIDENT, "12345")
    assert "不改请点「不修改」" in message_text(wrong) and "跳过" not in message_text(wrong)
    # the step is still on: a typed number is taken
    [updated] = await d.say(RESIDENT, "13700001111")
    assert "手机号已更新：13700001111" in message_text(updated)
    # "不修改" keeps it; "跳过" from another keyboard keeps it too (it no longer says "updated")
    for label in ("不修改", "跳过"):
        [profile] = await d.say(RESIDENT, "/profile")
        await d.tap(RESIDENT, "修改手机号", profile["message_id"])
        await d.expect(RESIDENT, "新的手机号", since=profile["message_id"])
        [kept] = await d.say(RESIDENT, label)
        assert "手机号没有修改" in message_text(kept)
    async with h.sessionmaker() as session:
        user = await session.get(User, RESIDENT)
    assert user is not None and user.phone == "13700001111"


async def test_member_sign_up_and_rejection_refuse_stale_buttons(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    [first] = await d.say(NEW, "🙋 党员/志愿者报到")
    await d.tap(NEW, "同意并继续", first["message_id"])
    await d.expect(NEW, "真实姓名", since=first["message_id"])
    await _refused(d, NEW, "跳过", keyboard=["✖️ 取消"])  # "跳过" passes as a two-character name
    await d.say(NEW, "林小明")
    await _refused(d, NEW, "不修改", keyboard=["⬅️ 上一步", "✖️ 取消"])
    [ask_phone] = await d.say(NEW, "区图书馆")
    assert "手机号" in message_text(ask_phone)
    await _refused(d, NEW, "跳过", keyboard=["📱 发送我的手机号", "⬅️ 上一步", "✖️ 取消"])
    await d.say(NEW, "13812345678")
    skills = await d.expect(NEW, "可多选", since=first["message_id"])
    await _refused(d, NEW, "✅ 说完了", keyboard=["⬅️ 上一步", "✖️ 取消"])
    await d.tap(NEW, "电路维修", skills["message_id"])
    await d.tap(NEW, "完成", skills["message_id"])
    await d.expect(NEW, "要服务的社区", since=first["message_id"])
    await d.tap(NEW, "阳光社区", skills["message_id"])
    await d.expect(NEW, "服务的网格", since=first["message_id"])
    await d.tap(NEW, "不限网格", skills["message_id"])
    await d.expect(NEW, "显示我的名字", since=first["message_id"])
    await d.tap(NEW, "🙈 不显示", skills["message_id"])
    await d.expect(NEW, "请确认", since=first["message_id"])
    await d.tap(NEW, "确认", skills["message_id"])
    await d.expect(NEW, "已提交", since=first["message_id"])
    card = await d.expect(STAFF, "报到申请")
    assert "林小明" in message_text(card) and "区图书馆" in message_text(card)
    await d.tap(STAFF, "不通过", card["message_id"])
    await d.expect(STAFF, "原因")
    await _refused(d, STAFF, "跳过", keyboard=["✖️ 取消"])
    await d.say(STAFF, "请填写真实单位全称")
    told = await d.expect(NEW, "未通过")
    assert "请填写真实单位全称" in message_text(told) and "跳过" not in message_text(told)
    async with h.sessionmaker() as session:
        profile = await session.get(MemberProfile, NEW)
    assert profile is not None and profile.status == MemberStatus.REJECTED
    assert (profile.real_name, profile.work_unit) == ("林小明", "区图书馆")
    assert profile.phone == "13812345678" and not profile.custom_skills
    assert profile.reject_reason == "请填写真实单位全称"


async def test_flow_button_with_no_flow_leads_back_to_the_menu(linli_sandbox: Harness) -> None:
    d = linli_sandbox.driver
    # long enough to be offered as a request before: a button's label is not a problem typed
    for label in ("跳过", "📍 发送位置", "✅ 说完了"):
        [answer] = await d.say(RESIDENT, label)
        assert "当前没有进行中的操作" in message_text(answer)
        assert "我要点单" in str(answer["reply_markup"])
    # cancel at a step with inline choices cancels the flow
    await d.say(NEW, "🏠 登记住址")
    await d.tap(NEW, "同意并继续")
    await d.expect(NEW, "请选择您所在的")
    [cancelled] = await d.say(NEW, "✖️ 取消")
    assert "已取消" in message_text(cancelled)
    [again] = await d.say(NEW, "跳过")
    assert "当前没有进行中的操作" in message_text(again)
