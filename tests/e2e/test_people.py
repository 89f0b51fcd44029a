"""People flows through the real bot and the emulator: start, registration, members, invites."""

from __future__ import annotations

import asyncio
from datetime import timedelta
from typing import Any

import pytest
from sqlmodel import select

from models import Invitation, MemberProfile, MemberStatus, Role, StaffScope, User
from sandbox.driver import Driver, message_text
from tests.e2e.conftest import Harness
from tests.support import inline_labels, reply_to

NEW = 5001  # 小林, unregistered
ALEX = 5002  # English
RESIDENT = 4001
STAFF = 2001  # 李社工, 阳光社区
STAFF_OTHER = 2003  # 陈社工, 和谐社区
ADMIN = 1001


def _keyboard_labels(message: dict) -> list[str]:
    markup = message.get("reply_markup") or {}
    return [b["text"] for row in markup.get("keyboard", []) for b in row]


async def test_start_shows_role_aware_menu(linli_sandbox: Harness) -> None:
    d = linli_sandbox.driver
    [greeting] = await d.say(NEW, "/start")
    assert "欢迎使用" in message_text(greeting)
    assert "🏠 登记住址" in _keyboard_labels(greeting)
    assert "🧾 报到审核" not in _keyboard_labels(greeting)
    staff_menu = await reply_to(d, STAFF, "/start", "您好")
    assert "🧾 报到审核" in _keyboard_labels(staff_menu)
    assert "⚙️ 管理" not in _keyboard_labels(staff_menu)
    admin_menu = await reply_to(d, ADMIN, "/start", "您好")
    assert "⚙️ 管理" in _keyboard_labels(admin_menu)
    english = await reply_to(d, ALEX, "/start", "Welcome to")
    assert "Welcome to" in message_text(english)


async def test_resident_registration_end_to_end(linli_sandbox: Harness) -> None:
    d = linli_sandbox.driver
    await d.say(NEW, "🏠 登记住址")
    await d.tap(NEW, "同意并继续")
    await d.expect(NEW, "请选择您所在的")
    await d.tap(NEW, "阳光社区")
    await d.expect(NEW, "网格")
    await d.tap(NEW, "第一网格")
    await d.expect(NEW, "楼栋")
    await d.tap(NEW, "2号楼")
    await d.expect(NEW, "房号")
    # Each answered step stays readable in the chat.
    texts = [message_text(m) for m in await d.messages(NEW)]
    assert "✓ 社区：阳光社区" in texts and "✓ 网格：第一网格" in texts and "✓ 楼栋：2号楼" in texts
    # A 5,000-character room number is refused, politely, and nothing is stored.
    [refusal] = await d.say(NEW, "3" * 5000)
    assert "房号太长" in message_text(refusal)
    # the building typed again in front of the room is not kept twice
    [ask_phone] = await d.say(NEW, "2号楼2单元301")
    assert "手机号" in message_text(ask_phone)
    # Someone else's contact is refused.
    sent = await d.send(NEW, contact={"phone_number": "13912345678", "user_id": RESIDENT})
    reply = await d.expect(NEW, "只能分享您自己的手机号", since=sent["message_id"])
    assert reply
    sent = await d.send(NEW, contact={"phone_number": "+86 139 1234 5678"})
    done = await d.expect(NEW, "登记完成", since=sent["message_id"])
    assert "阳光社区 · 第一网格 · 2号楼 2单元301" in message_text(done)
    async with linli_sandbox.sessionmaker() as session:
        user = await session.get(User, NEW)
        assert user is not None and user.registered
        assert user.room == "2单元301" and user.phone == "13912345678"
        assert user.consent_at is not None
    # Staff of the community get a card to verify the new resident.
    card = await d.expect(STAFF, "新居民登记")
    await d.tap(STAFF, "核实", card["message_id"])
    async with linli_sandbox.sessionmaker() as session:
        user = await session.get(User, NEW)
        assert user is not None and user.verified_at is not None


async def test_declining_consent_keeps_nothing(linli_sandbox: Harness) -> None:
    d = linli_sandbox.driver
    await d.say(NEW, "🏠 登记住址")
    await d.tap(NEW, "不同意")
    await d.expect(NEW, "不会保存")
    async with linli_sandbox.sessionmaker() as session:
        user = await session.get(User, NEW)
        assert user is not None and user.consent_at is None and user.building_id is None


async def test_cancel_leaves_flow_and_old_buttons_go_stale(linli_sandbox: Harness) -> None:
    d = linli_sandbox.driver
    await d.say(NEW, "🏠 登记住址")
    await d.tap(NEW, "同意并继续")
    chooser = await d.expect(NEW, "请选择您所在的")
    [cancelled] = await d.say(NEW, "/cancel")
    assert "已取消" in message_text(cancelled)
    answer = await d.click(NEW, chooser["message_id"], text="阳光社区")
    assert answer["answer"] is not None and "失效" in answer["answer"]["text"]
    async with linli_sandbox.sessionmaker() as session:
        user = await session.get(User, NEW)
        assert user is not None and user.community_id is None


async def test_forged_staff_button_from_resident_is_refused(linli_sandbox: Harness) -> None:
    d = linli_sandbox.driver
    # A pending member in 阳光社区, then a resident forges the staff "approve" callback.
    await _apply_as_member(linli_sandbox, NEW)
    [menu] = await d.say(RESIDENT, "/start")
    answer = await d.click(RESIDENT, menu["message_id"], data=f"mr:approve:{NEW}:0")
    assert answer["answer"] is not None and "没有权限" in answer["answer"]["text"]
    # Staff of another community cannot approve either.
    other = await reply_to(d, STAFF_OTHER, "/start", "您好")
    answer = await d.click(STAFF_OTHER, other["message_id"], data=f"mr:approve:{NEW}:0")
    assert answer["answer"] is not None and "没有权限" in answer["answer"]["text"]
    # Garbage callback data gets the stale-button answer.
    answer = await d.click(RESIDENT, menu["message_id"], data="\x00garbage" * 5)
    assert answer["answer"] is not None and "失效" in answer["answer"]["text"]
    async with linli_sandbox.sessionmaker() as session:
        profile = await session.get(MemberProfile, NEW)
        assert profile is not None and profile.status == MemberStatus.PENDING


async def _apply_as_member(
    h: Harness, user_id: int, unit: str = "区图书馆", *, named: bool = False
) -> None:
    d = h.driver
    first, *_ = await d.say(user_id, "🙋 党员/志愿者报到")
    mark = first["message_id"] - 1
    # signing up again after 不通过: last time's answers are offered, its skills still chosen
    again = "上次的报到未通过" in message_text(first)
    if "个人信息" in message_text(first):  # consent comes first for someone who never gave it
        await d.tap(user_id, "同意并继续", first["message_id"])
        await d.expect(user_id, "真实姓名", since=first["message_id"])
    [bad] = await d.say(user_id, "小林🎉")
    assert "真实姓名" in message_text(bad)
    await d.say(user_id, "林小明")
    await d.say(user_id, unit)
    await d.say(user_id, "13812345678")
    skills = await d.expect(user_id, "可多选", since=mark)
    if not again:
        await d.tap(user_id, "电路维修", skills["message_id"])
        await d.tap(user_id, "手机电脑教学", skills["message_id"])
    await d.tap(user_id, "完成", skills["message_id"])
    await d.expect(user_id, "要服务的社区", since=mark)
    await d.tap(user_id, "阳光社区", skills["message_id"])
    await d.expect(user_id, "服务的网格", since=mark)
    await d.tap(user_id, "不限网格", skills["message_id"])
    asked = await d.expect(user_id, "显示我的名字", since=mark)
    assert "只写姓氏，如「林**」" in message_text(asked)  # what is shown instead
    await d.tap(user_id, "✅ 显示我的名字" if named else "🙈 不显示", skills["message_id"])
    confirm = await d.expect(user_id, "请确认", since=mark)
    assert "阳光社区 · 不限网格" in message_text(confirm)  # the grid chosen is shown too
    await d.tap(user_id, "确认", skills["message_id"])
    await d.expect(user_id, "已提交", since=mark)


async def test_member_registration_approved_by_staff(linli_sandbox: Harness) -> None:
    d = linli_sandbox.driver
    await _apply_as_member(linli_sandbox, NEW)
    card = await d.expect(STAFF, "报到申请")
    assert "林小明" in message_text(card) and "电路维修" in message_text(card)
    assert "阳光社区 · 不限网格" in message_text(card)
    await d.tap(STAFF, "通过", card["message_id"])
    approved = await d.expect(NEW, "已通过")
    # It says to look under 「可接工单」, so it brings the member's menu that has it.
    assert "🛠 可接工单" in _keyboard_labels(approved)
    async with linli_sandbox.sessionmaker() as session:
        profile = await session.get(MemberProfile, NEW)
        user = await session.get(User, NEW)
        assert profile is not None and profile.status == MemberStatus.APPROVED
        assert profile.reviewed_by == STAFF
        assert user is not None and Role.MEMBER in user.role_set


async def test_member_rejected_with_reason(linli_sandbox: Harness) -> None:
    d = linli_sandbox.driver
    await _apply_as_member(linli_sandbox, NEW)
    card = await d.expect(STAFF, "报到申请")
    await d.tap(STAFF, "不通过", card["message_id"])
    await d.expect(STAFF, "原因")
    await d.say(STAFF, "请填写真实单位 <b>全称</b>")
    reply = await d.expect(NEW, "未通过")
    assert "请填写真实单位 <b>全称</b>" in message_text(reply)  # escaped, shown as typed


async def test_two_admins_approving_at_once_one_wins(linli_sandbox: Harness) -> None:
    d = linli_sandbox.driver
    await _apply_as_member(linli_sandbox, NEW)
    card_staff = await d.expect(STAFF, "报到申请")
    card_grid = await d.expect(2002, "报到申请")
    first, second = await asyncio.gather(
        d.click(STAFF, card_staff["message_id"], text="✅ 通过"),
        d.click(2002, card_grid["message_id"], text="✅ 通过"),
    )
    answers = sorted(str((a["answer"] or {}).get("text")) for a in (first, second))
    assert sum("已通过" in a and "处理过了" not in a for a in answers) == 1
    # the other is told who decided first, and how
    assert sum("已经由" in a and "处理过了：已通过" in a for a in answers) == 1, answers
    await d.expect(NEW, "已通过")
    async with linli_sandbox.sessionmaker() as session:
        profile = await session.get(MemberProfile, NEW)
        assert profile is not None and profile.status == MemberStatus.APPROVED


async def test_staff_invitation_link_single_use_and_expiry(linli_sandbox: Harness) -> None:
    d = linli_sandbox.driver
    await d.say(ADMIN, "⚙️ 管理")
    await d.tap(ADMIN, "邀请社区工作人员")
    await d.expect(ADMIN, "邀请哪个社区")
    await d.tap(ADMIN, "和谐社区")
    link_msg = await d.expect(ADMIN, "邀请链接")
    payload = message_text(link_msg).split("start=")[1].split()[0]
    welcome = await d.say(NEW, f"/start {payload}")
    assert "您已成为「和谐社区」的社区工作人员" in message_text(welcome[0])
    await d.expect(ADMIN, "已通过邀请链接成为「和谐社区」的社区工作人员")
    assert "🧾 报到审核" in _keyboard_labels(welcome[-1])
    # The new staff member's command menu now has the staff commands.
    emulator = linli_sandbox.sandbox.emulator
    names = [c["command"] for c in emulator.commands_for(NEW, NEW)]
    assert "stats" in names and "invite" not in names
    assert "invite" in [c["command"] for c in emulator.commands_for(ADMIN, ADMIN)]
    assert "stats" not in [c["command"] for c in emulator.commands_for(RESIDENT, RESIDENT)]
    async with linli_sandbox.sessionmaker() as session:
        user = await session.get(User, NEW)
        assert user is not None and Role.STAFF in user.role_set
        scopes = (await session.exec(select(StaffScope).where(StaffScope.user_id == NEW))).all()
        assert len(scopes) == 1
    # A link that cannot be used says why, and someone new still gets the menu (no dead end).
    used, menu = await d.say(ALEX, f"/start {payload}")
    assert "already been used" in message_text(used)
    assert "🏠 Register address" in _keyboard_labels(menu)
    garbage, _menu = await d.say(ALEX, "/start inv-<script>alert(1)</script>")
    assert "not valid" in message_text(garbage)
    # An expired link.
    async with linli_sandbox.sessionmaker() as session:
        invitation = (await session.exec(select(Invitation))).one()
        invitation.used_at = None
        invitation.used_by = None
        invitation.expires_at = invitation.created_at - timedelta(seconds=1)
        session.add(invitation)
        await session.commit()
    expired, _menu = await d.say(ALEX, f"/start {payload}")
    assert "expired" in message_text(expired)
    async with linli_sandbox.sessionmaker() as session:
        alex = await session.get(User, ALEX)
        assert alex is not None and Role.STAFF not in alex.role_set


async def test_forget_deletes_personal_data(linli_sandbox: Harness) -> None:
    d = linli_sandbox.driver
    [question] = await d.say(RESIDENT, "/forget")
    await d.tap(RESIDENT, "确定删除", question["message_id"])
    done = await d.expect(RESIDENT, "已删除", since=question["message_id"])
    assert "已取消" not in message_text(done)
    again = await d.click(RESIDENT, question["message_id"], data="prof:forget-yes")
    assert "已经删除了" in again["answer"]["text"]
    [profile] = await d.say(RESIDENT, "/profile")
    assert "称呼：（未保存）" in message_text(profile)
    async with linli_sandbox.sessionmaker() as session:
        user = await session.get(User, RESIDENT)
        assert user is not None
        assert (user.room, user.phone, user.first_name, user.building_id) == (
            None,
            None,
            None,
            None,
        )
        # the whole address: the community too (before, it stayed and kept them in its lists)
        assert (user.community_id, user.grid_id) == (None, None)
        assert user.forgotten_at is not None


async def test_language_switch_and_unknown_text(linli_sandbox: Harness) -> None:
    d = linli_sandbox.driver
    await d.say(RESIDENT, "/lang")
    await d.tap(RESIDENT, "English")
    await d.expect(RESIDENT, "Language set to English")
    [reply] = await d.say(RESIDENT, "???")
    assert "did not understand" in message_text(reply)
    assert "👤 My profile" in _keyboard_labels(reply)


async def test_menu_button_in_the_middle_of_a_flow_leaves_it(linli_sandbox: Harness) -> None:
    d = linli_sandbox.driver
    await d.say(NEW, "🏠 登记住址")
    await d.tap(NEW, "同意并继续")
    await d.expect(NEW, "请选择您所在的")
    await d.tap(NEW, "阳光社区")
    await d.expect(NEW, "网格")
    await d.tap(NEW, "第一网格")
    await d.expect(NEW, "楼栋")
    await d.tap(NEW, "1号楼")
    await d.expect(NEW, "房号")
    replies = await d.say(NEW, "👤 我的资料")
    # what was chosen so far is named as not kept (form_guard.tell_left), then the profile
    assert "「登记住址」还没有填完，已经离开" in message_text(replies[0])
    assert "我的资料" in message_text(replies[1])
    assert not any("房号格式不对" in message_text(m) for m in replies)


@pytest.mark.sandbox_settings(throttle_rate=3.0, throttle_burst=8)
async def test_flood_of_messages_is_throttled_politely(linli_sandbox: Harness) -> None:
    d = linli_sandbox.driver
    first = await d.send(RESIDENT, "/help")
    for _ in range(15):
        await d.send(RESIDENT, "/help")
    await d.expect(RESIDENT, "您操作得太快了", since=first["message_id"])
    messages = await d.messages(RESIDENT, first["message_id"])
    help_answers = [m for m in messages if "使用帮助" in message_text(m)]
    assert 1 <= len(help_answers) < 16


async def test_profile_edits_address_and_phone(linli_sandbox: Harness) -> None:
    d = linli_sandbox.driver
    [profile] = await d.say(RESIDENT, "👤 我的资料")
    assert "1号楼 302" in message_text(profile) and "13900000001" in message_text(profile)
    await d.tap(RESIDENT, "修改手机号", profile["message_id"])
    await d.expect(RESIDENT, "发送我的手机号")
    [typed] = await d.say(RESIDENT, "12345")
    assert "号码格式不对" in message_text(typed)
    [updated] = await d.say(RESIDENT, "13700001111")
    assert "手机号已更新：13700001111" in message_text(updated)
    async with linli_sandbox.sessionmaker() as session:
        user = await session.get(User, RESIDENT)
        assert user is not None and user.phone == "13700001111"
    [profile] = await d.say(RESIDENT, "/profile")
    await d.tap(RESIDENT, "修改手机号", profile["message_id"])
    await d.expect(RESIDENT, "新的手机号", since=profile["message_id"])
    [removed] = await d.say(RESIDENT, "删除手机号")
    assert "已删除您的手机号" in message_text(removed)
    async with linli_sandbox.sessionmaker() as session:
        user = await session.get(User, RESIDENT)
        assert user is not None and user.phone is None
    # Moving house: consent is already given, so it starts at the community.
    [profile] = await d.say(RESIDENT, "/profile")
    await d.tap(RESIDENT, "修改住址", profile["message_id"])
    mark = profile["message_id"]
    mark = (await d.expect(RESIDENT, "请选择您所在的", since=mark))["message_id"] - 1
    await d.tap(RESIDENT, "阳光社区")
    mark = (await d.expect(RESIDENT, "请选择您所在的<b>网格".replace("<b>", ""), since=mark))[
        "message_id"
    ]
    await d.tap(RESIDENT, "不清楚", mark)
    await d.expect(RESIDENT, "请选择您住的楼栋", since=mark)
    await d.tap(RESIDENT, "6号楼")
    await d.expect(RESIDENT, "房号", since=mark)
    await d.say(RESIDENT, "801")
    await d.say(RESIDENT, "跳过")
    async with linli_sandbox.sessionmaker() as session:
        user = await session.get(User, RESIDENT)
        assert user is not None and user.room == "801"
        assert user.verified_at is None  # a new address needs verifying again


async def test_quiet_hours_can_be_switched_off_in_the_profile(linli_sandbox: Harness) -> None:
    d = linli_sandbox.driver
    [profile] = await d.say(RESIDENT, "/profile")
    assert "夜间免打扰：开" in message_text(profile)
    answer = await d.tap(RESIDENT, "夜里也通知我", profile["message_id"])
    assert "夜间免打扰：关" in answer["answer"]["text"]
    async with linli_sandbox.sessionmaker() as session:
        user = await session.get(User, RESIDENT)
        assert user is not None and user.quiet_hours_opt_out
    # the card is rewritten after the tap is answered: wait for its new line and button
    await d.expect(RESIDENT, "夜间免打扰：关", since=profile["message_id"] - 1)
    answer = await d.tap(RESIDENT, "开启夜间免打扰", profile["message_id"])
    assert "夜间免打扰：开" in answer["answer"]["text"]


async def test_problem_typed_at_the_menu_is_offered_as_a_request(linli_sandbox: Harness) -> None:
    d = linli_sandbox.driver
    problem = "我家楼道的灯坏了好几天了，晚上很黑"
    [offer] = await d.say(RESIDENT, problem)
    assert "要把这件事报给社区吗" in message_text(offer)
    await d.tap(RESIDENT, "报给社区", offer["message_id"])
    await d.expect(RESIDENT, "已经记下您说的话", since=offer["message_id"])
    preview = await d.say(RESIDENT, "✅ 说完了")
    assert any(problem in message_text(m) for m in preview)
    # An unregistered user is told how: an address first; what they said is kept for it.
    menu = await reply_to(d, NEW, problem, "需要先登记您的住址")
    assert "先记下了" in message_text(menu), message_text(menu)
    assert "要把这件事报给社区吗" not in message_text(menu)


async def test_a_short_matter_is_offered_too(linli_sandbox: Harness) -> None:
    """'停水了' is three characters and a whole matter; it was answered '没有看懂您的意思'."""
    d = linli_sandbox.driver
    [offer] = await d.say(RESIDENT, "停水了")
    assert "要把这件事报给社区吗" in message_text(offer), message_text(offer)
    [unknown] = await d.say(RESIDENT, "？")
    assert "没有看懂" in message_text(unknown), message_text(unknown)


async def test_small_talk_is_answered_as_a_person_would(linli_sandbox: Harness) -> None:
    """Greeting, thanks, 'ok' and 'how does this work' are not matters to file, and
    '没有看懂您的意思' was the wrong answer to them."""
    d = linli_sandbox.driver
    [hello] = await d.say(RESIDENT, "在吗？")
    assert "您好，周阿姨" in message_text(hello), message_text(hello)  # /start's greeting
    [thanks] = await d.say(RESIDENT, "谢谢你们啦！")
    assert message_text(thanks).startswith("不客气"), message_text(thanks)
    [ok] = await d.say(RESIDENT, "好的")
    assert message_text(ok).startswith("好的。"), message_text(ok)
    [how] = await d.say(RESIDENT, "这个怎么用啊")
    assert "使用帮助" in message_text(how) and "阳光社区服务中心" in message_text(how)
    # finding it hard ('字太小了' was offered to be filed): the help, with the office's phone
    [hard] = await d.say(RESIDENT, "字太小了")
    assert "使用帮助" in message_text(hard) and "021-55500101" in message_text(hard)
    # asked whether it is a person: it says it is a program, and how to reach staff
    [who] = await d.say(RESIDENT, "你是机器人吗？")
    assert message_text(who).startswith("我是「邻里」社区服务小助手"), message_text(who)
    assert "不是真人" in message_text(who) and "021-55500101" in message_text(who)
    for reply in (hello, thanks, ok, how, hard, who):
        assert "要把这件事报给社区吗" not in message_text(reply)
        assert "没有看懂" not in message_text(reply)
    [progress] = await d.say(RESIDENT, "我上次反映的事怎么样了？")
    assert "您还没有提交过诉求" in message_text(progress), message_text(progress)  # 我的诉求
    # thanks with a matter in it is still a matter
    [offer] = await d.say(RESIDENT, "谢谢，不过楼道灯还是不亮")
    assert "要把这件事报给社区吗" in message_text(offer), message_text(offer)
    hi = await reply_to(d, ALEX, "Hi there!", "Hello")
    assert "没有看懂" not in message_text(hi) and "Hello" in message_text(hi), message_text(hi)


async def test_member_sign_up_asks_consent_first(linli_sandbox: Harness) -> None:
    d = linli_sandbox.driver
    first = await reply_to(d, NEW, "🙋 党员/志愿者报到", "个人信息保护法")
    assert "个人信息保护法" in message_text(first)
    await d.tap(NEW, "不同意", first["message_id"])
    await d.expect(NEW, "不会保存", since=first["message_id"] - 1)
    async with linli_sandbox.sessionmaker() as session:
        assert await session.get(MemberProfile, NEW) is None
        user = await session.get(User, NEW)
        assert user is not None and user.consent_at is None
    await _apply_as_member(linli_sandbox, NEW)
    async with linli_sandbox.sessionmaker() as session:
        user = await session.get(User, NEW)
        assert user is not None and user.consent_at is not None


async def test_reject_reason_too_long_can_be_retyped(linli_sandbox: Harness) -> None:
    d = linli_sandbox.driver
    await _apply_as_member(linli_sandbox, NEW)
    card = await d.expect(STAFF, "报到申请")
    await d.tap(STAFF, "不通过", card["message_id"])
    await d.expect(STAFF, "原因", since=card["message_id"])
    [too_long] = await d.say(STAFF, "理由" * 2100)  # longer than one message carries
    assert "内容太长了" in message_text(too_long)
    await d.say(STAFF, "单位信息不完整")
    reply = await d.expect(NEW, "未通过")
    assert "单位信息不完整" in message_text(reply)


async def test_card_of_an_earlier_application_cannot_approve_the_new_one(
    linli_sandbox: Harness,
) -> None:
    d = linli_sandbox.driver
    await _apply_as_member(linli_sandbox, NEW, unit="市第一人民医院")
    old_card = await d.expect(2002, "市第一人民医院")
    staff_card = await d.expect(STAFF, "市第一人民医院")
    await d.tap(STAFF, "不通过", staff_card["message_id"])
    await d.expect(STAFF, "原因", since=staff_card["message_id"])
    await d.say(STAFF, "请写全称")
    await d.expect(NEW, "未通过")
    linli_sandbox.clock.advance(timedelta(minutes=5))
    await _apply_as_member(linli_sandbox, NEW, unit="退休")
    await d.expect(2002, "退休")
    # by its data: the old card was redrawn without its buttons once 李社工 declined it
    [approve] = [
        b["callback_data"]
        for row in old_card["reply_markup"]["inline_keyboard"]
        for b in row
        if b["text"] == "✅ 通过"
    ]
    answer = await d.click(2002, old_card["message_id"], data=approve)
    assert "已过期" in answer["answer"]["text"]
    async with linli_sandbox.sessionmaker() as session:
        profile = await session.get(MemberProfile, NEW)
        assert profile is not None and profile.status == MemberStatus.PENDING
        assert profile.work_unit == "退休"


async def test_admin_revokes_staff_who_is_told(linli_sandbox: Harness) -> None:
    d = linli_sandbox.driver
    [denied] = await d.say(STAFF, "/admin")
    assert "仅街道管理员可用" in message_text(denied)
    menu = await reply_to(d, ADMIN, "/admin", "管理")
    await d.tap(ADMIN, "工作人员列表", menu["message_id"])
    listing = await d.expect(ADMIN, "张网格员", since=menu["message_id"] - 1)
    assert "2002" in message_text(listing) and "2,002" not in message_text(listing)
    assert "阳光社区（第一网格）" in message_text(listing)
    await d.click(ADMIN, listing["message_id"], text="撤销 张网格员")
    await d.expect(ADMIN, "确定撤销 张网格员", since=menu["message_id"] - 1)
    answer = await d.click(ADMIN, listing["message_id"], text="✅ 确定撤销")
    assert "已撤销" in answer["answer"]["text"]
    told = await d.expect(2002, "权限已被撤销")
    labels = [b["text"] for row in told["reply_markup"]["keyboard"] for b in row]
    assert "🧾 报到审核" not in labels
    async with linli_sandbox.sessionmaker() as session:
        user = await session.get(User, 2002)
        assert user is not None and Role.STAFF not in user.role_set


async def test_a_leftover_cancel_button_brings_back_the_menu(linli_sandbox: Harness) -> None:
    d = linli_sandbox.driver
    [reply] = await d.say(RESIDENT, "✖️ 取消")
    assert "回到主菜单" in message_text(reply)
    assert "📝 我要点单" in _keyboard_labels(reply)


async def test_forged_language_button_is_refused_in_the_users_language(
    linli_sandbox: Harness,
) -> None:
    d = linli_sandbox.driver
    [choices] = await d.say(ALEX, "/lang")
    answer = await d.click(ALEX, choices["message_id"], data="lang:fr")
    assert "no longer valid" in answer["answer"]["text"]


async def test_telegram_language_is_remembered_for_later_notices(linli_sandbox: Harness) -> None:
    d = linli_sandbox.driver
    [english] = await d.say(ALEX, "/start")
    assert "Welcome" in message_text(english)
    async with linli_sandbox.sessionmaker() as session:
        alex = await session.get(User, ALEX)
        assert alex is not None and alex.language == "en"
    # A notice sent later through the outbox comes in English.
    from handlers.notify import notify

    async with linli_sandbox.sessionmaker() as session:
        alex = await session.get(User, ALEX)
        assert alex is not None
        await notify(
            session,
            linli_sandbox.sandbox.app.translator,
            [alex],
            lambda t: t("member-approved-user"),
            now=linli_sandbox.clock(),
        )
    await d.expect(ALEX, "Your volunteer sign-up was approved")


async def test_forged_huge_ids_get_the_stale_answer(linli_sandbox: Harness) -> None:
    d = linli_sandbox.driver
    [menu] = await d.say(RESIDENT, "/start")
    huge = "9" * 25
    for data in (f"oc:sreq:{huge}:0", f"mr:approve:{huge}:0", f"reg:building:{huge}"):
        answer = await d.click(RESIDENT, menu["message_id"], data=data)
        assert "失效" in answer["answer"]["text"], data


async def test_an_address_typed_at_the_buttons_is_read(linli_sandbox: Harness) -> None:
    """Older residents write their address where buttons are shown; the form takes what it can
    read and asks only for the rest, instead of showing the same buttons again."""
    h = linli_sandbox
    d = h.driver
    await d.say(NEW, "🏠 登记住址")
    await d.tap(NEW, "同意并继续")
    await d.expect(NEW, "请选择您所在的")
    [unread] = (await d.say(NEW, "我不知道"))[:1]
    assert "没能从您写的内容里认出地址" in message_text(unread), message_text(unread)
    replies = await d.say(NEW, "我住在阳光社区一号楼302")
    assert "记下了：阳光社区 · 1号楼 · 302" in message_text(replies[0]), replies
    await d.expect(NEW, "手机号")
    await d.say(NEW, "跳过")
    await d.expect(NEW, "登记完成")
    async with h.sessionmaker() as session:
        user = await session.get(User, NEW)
        assert user is not None and user.room == "302" and user.building_id is not None
    # only the community: the grid question follows
    await d.say(NEW, "/register")
    await d.expect(NEW, "请选择您所在的")
    replies = await d.say(NEW, "和谐社区")
    assert "记下了：和谐社区" in message_text(replies[0]), replies
    await d.expect(NEW, "网格")


async def test_a_menu_button_of_another_role_is_not_a_matter(linli_sandbox: Harness) -> None:
    """A staff button sent by someone whose menu no longer has it (a revoked role, an old
    keyboard) was offered to be filed as a request."""
    d = linli_sandbox.driver
    [answer] = await d.say(RESIDENT, "📢 发通知")
    text = message_text(answer)
    assert "「📢 发通知」现在不在您的菜单里了" in text, text
    assert "要把这件事报给社区吗" not in text
    assert "📢 发通知" not in _keyboard_labels(answer)
    # 双报到's ⬅️ 上一步 from an old keyboard is a flow button, not a matter either
    [back] = await d.say(RESIDENT, "⬅️ 上一步")
    assert "要把这件事报给社区吗" not in message_text(back), message_text(back)


async def test_asking_when_someone_comes_shows_the_request(linli_sandbox: Harness) -> None:
    """'什么时候来修？' and '能不能快点' typed right after filing were offered to be filed as
    new matters; they ask after the one just filed: its card is the answer (催办 is there)."""
    d = linli_sandbox.driver
    await d.say(RESIDENT, "📝 我要点单")
    await d.say(RESIDENT, "厨房水龙头一直滴水")
    [*_, preview] = await d.say(RESIDENT, "✅ 说完了")
    await d.tap(RESIDENT, "确认提交", preview["message_id"])
    filed = await d.expect(RESIDENT, "已提交，编号", since=preview["message_id"] - 1)
    number = message_text(filed).split("编号")[1].strip().split("。")[0].strip()
    for asked in ("什么时候来修？", "能不能快点", "怎么还没人来"):
        [answer] = await d.say(RESIDENT, asked)
        text = message_text(answer)
        assert f"诉求 {number} · 待受理" in text and "催办" in text, (asked, text)
        assert "要把这件事报给社区吗" not in text
    # the same words with a matter in them are still a matter
    [offer] = await d.say(RESIDENT, "楼道灯坏了快点来修")
    assert "要把这件事报给社区吗" in message_text(offer), message_text(offer)


async def test_a_lead_in_is_answered_with_go_ahead(linli_sandbox: Harness) -> None:
    """'我想问一下' / '有个事' say the matter comes next: they were offered to be filed as
    matters themselves. The matter typed after is offered as usual."""
    d = linli_sandbox.driver
    for said in ("我想问一下", "你好，有个事情麻烦你们", "请问"):
        [answer] = await d.say(RESIDENT, said)
        assert message_text(answer).startswith("您请说"), (said, message_text(answer))
    [offer] = await d.say(RESIDENT, "楼下有人装修，每天早上7点就开始砸墙")
    assert "要把这件事报给社区吗" in message_text(offer), message_text(offer)


async def test_an_address_told_at_the_menu_begins_registration(linli_sandbox: Harness) -> None:
    """'我住阳光社区3号楼201' from someone not registered was kept as a matter to file after
    registering; it is their address: registration begins with it (consent first) and asks only
    for what it does not say."""
    h = linli_sandbox
    d = h.driver
    consent = await reply_to(d, NEW, "我住阳光社区3号楼201", "个人信息")
    assert "先记下了" not in message_text(consent)
    await d.tap(NEW, "同意并继续", consent["message_id"])
    read = await d.expect(NEW, "记下了", since=consent["message_id"])
    assert "阳光社区" in message_text(read) and "3号楼" in message_text(read), message_text(read)
    await d.expect(NEW, "手机号", since=read["message_id"])
    async with h.sessionmaker() as session:
        user = await session.get(User, NEW)
        assert user is not None and user.room == "201" and user.building_id is not None


async def test_a_matter_naming_a_building_is_still_kept(linli_sandbox: Harness) -> None:
    d = linli_sandbox.driver
    menu = await reply_to(d, NEW, "我在3号楼门口看到一堆垃圾", "需要先登记您的住址")
    assert "先记下了" in message_text(menu), message_text(menu)


async def test_own_contact_shared_at_the_menu_is_offered_as_the_phone(
    linli_sandbox: Harness,
) -> None:
    """A contact shared at the menu was '没有看懂'. One's own number is offered to be kept as
    the phone (one tap keeps it); someone else's is not kept; not registered: at registration."""
    h = linli_sandbox
    d = h.driver
    sent = await d.send(RESIDENT, contact={"phone_number": "8613911112222", "user_id": RESIDENT})
    [ask] = await d.replies(RESIDENT, sent["message_id"])
    assert "13911112222" in message_text(ask) and "13900000001" in message_text(ask)
    async with h.sessionmaker() as session:  # nothing changes before the tap
        user = await session.get(User, RESIDENT)
        assert user is not None and user.phone == "13900000001"
    await d.tap(RESIDENT, "✅ 记下", ask["message_id"])
    await d.expect(RESIDENT, "手机号已更新：13911112222", since=ask["message_id"])
    async with h.sessionmaker() as session:
        user = await session.get(User, RESIDENT)
        assert user is not None and user.phone == "13911112222"
    assert not inline_labels(await _now(d, RESIDENT, ask["message_id"]))  # spent
    again = await d.click(RESIDENT, ask["message_id"], data="prof:keepphone")  # an old tap
    assert "失效" in str(again["answer"]), again
    other = await d.send(RESIDENT, contact={"phone_number": "8613800001111", "user_id": STAFF})
    [refused] = await d.replies(RESIDENT, other["message_id"])
    assert "别人的名片" in message_text(refused), message_text(refused)
    mine = await d.send(NEW, contact={"phone_number": "8613700001111", "user_id": NEW})
    [first] = await d.replies(NEW, mine["message_id"])
    assert "先登记住址" in message_text(first), message_text(first)
    async with h.sessionmaker() as session:
        user = await session.get(User, RESIDENT)
        assert user is not None and user.phone == "13911112222"
        newcomer = await session.get(User, NEW)
        assert newcomer is None or newcomer.phone is None


async def _now(d: Driver, chat: int, message_id: int) -> dict[str, Any]:
    """The message as it is now (after edits)."""
    return next(m for m in await d.messages(chat) if m["message_id"] == message_id)


async def test_staff_typing_about_their_work_are_told_where_it_is_done(
    linli_sandbox: Harness,
) -> None:
    """李社工 (staff, not registered as a resident) typing about her work at the menu got the
    resident's '需要先登记您的住址' alone: now what she can say or tap for her work comes first
    (the words are kept only when she taps 🏠 是我自己家的事: tests/e2e/test_staff_default_words);
    a card's action ('派单') is pointed to the request's card, and a number with it ('00004
    不受理') is looked up (there is none)."""
    d = linli_sandbox.driver
    [answer] = await d.say(STAFF, "楼里的事情太多了，忙不过来")
    text = message_text(answer)
    assert "没有看出是哪项工作" in text and "📋 待办诉求" in text and "00012" in text, text
    assert "是我自己家的事" in str(answer.get("reply_markup")), answer
    [answer] = await d.say(STAFF, "派单")
    assert "请先打开它" in message_text(answer), message_text(answer)
    [answer] = await d.say(STAFF, "00004 不受理")
    assert "没有找到编号为 00004 的诉求" in message_text(answer), message_text(answer)
    [resident] = await d.say(NEW, "楼道灯坏了好几天")  # a resident not registered: as before
    assert "您是工作人员" not in message_text(resident)
