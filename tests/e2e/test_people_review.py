"""People/admin side as users trip over it: reviews decided by a colleague, stale cards."""

from __future__ import annotations

from datetime import timedelta

from models import MemberProfile, MemberStatus, Role, User
from sandbox.driver import message_text
from tests.e2e.conftest import Harness
from tests.e2e.test_people import _apply_as_member, _keyboard_labels
from tests.support import reply_to

NEW = 5001  # 小林, unregistered
STAFF = 2001  # 李社工, 阳光社区
GRID = 2002  # 张网格员, 阳光社区 第一网格


async def test_card_already_decided_by_a_colleague_says_so(linli_sandbox: Harness) -> None:
    """李社工 rejects; 张网格员's copy of the same card says someone decided, not 'refiled'."""
    d = linli_sandbox.driver
    await _apply_as_member(linli_sandbox, NEW)
    staff_card = await d.expect(STAFF, "报到申请")
    grid_card = await d.expect(GRID, "报到申请")
    await d.tap(STAFF, "不通过", staff_card["message_id"])
    await d.expect(STAFF, "原因", since=staff_card["message_id"])
    [done] = await d.say(STAFF, "单位信息不完整")
    assert "已退回" in message_text(done)
    # The step's cancel keyboard is gone: the staff member is back at their menu.
    assert "🧾 报到审核" in _keyboard_labels(done)
    await d.expect(NEW, "未通过")
    async with linli_sandbox.sessionmaker() as session:
        # The review happened a moment after the filing (its time is the card's version).
        profile = await session.get(MemberProfile, NEW)
        assert profile is not None and profile.status == MemberStatus.REJECTED
        profile.updated_at = profile.updated_at + timedelta(seconds=5)
        await session.commit()
    # the first tap takes the card's buttons away; the second is the same tap arriving late
    for button in grid_card["reply_markup"]["inline_keyboard"][0]:
        answer = await d.click(GRID, grid_card["message_id"], data=button["callback_data"])
        text = answer["answer"]["text"]
        assert "处理过了：未通过" in text, text
        assert "重新提交" not in text
    async with linli_sandbox.sessionmaker() as session:
        profile = await session.get(MemberProfile, NEW)
        assert profile is not None and profile.status == MemberStatus.REJECTED


async def _register(h: Harness, building: str, room: str, *, first: bool) -> None:
    d = h.driver
    if first:
        [consent] = await d.say(NEW, "🏠 登记住址")
        await d.tap(NEW, "同意并继续", consent["message_id"])
    else:
        [profile] = await d.say(NEW, "/profile")
        await d.tap(NEW, "修改住址", profile["message_id"])
    ask = await d.expect(NEW, "请选择您所在的")
    await d.tap(NEW, "阳光社区", ask["message_id"])
    grid = await d.expect(NEW, "网格", since=ask["message_id"])
    await d.tap(NEW, "第一网格", grid["message_id"])
    pick = await d.expect(NEW, "楼栋", since=grid["message_id"])
    await d.tap(NEW, building, pick["message_id"])
    await d.expect(NEW, "房号", since=pick["message_id"])
    await d.say(NEW, room)
    sent = await d.send(NEW, "跳过")
    await d.expect(NEW, "登记完成", since=sent["message_id"])


async def test_verification_cards_refuse_a_changed_address_and_a_second_tap(
    linli_sandbox: Harness,
) -> None:
    d = linli_sandbox.driver
    await _register(linli_sandbox, "1号楼", "3-2-301", first=True)
    old_card = await d.expect(STAFF, "1号楼 3-2-301")
    # Before anyone verified, the resident moved: the old card must not verify the new address.
    await _register(linli_sandbox, "2号楼", "501", first=False)
    new_card = await d.expect(STAFF, "2号楼 501", since=old_card["message_id"])
    answer = await d.click(STAFF, old_card["message_id"], text="✅ 核实")
    assert "已过期" in answer["answer"]["text"]
    async with linli_sandbox.sessionmaker() as session:
        user = await session.get(User, NEW)
        assert user is not None and user.verified_at is None
    [old_now] = [m for m in await d.messages(STAFF) if m["message_id"] == old_card["message_id"]]
    assert not (old_now.get("reply_markup") or {}).get("inline_keyboard")
    # The current card verifies; the grid worker's copy then says it was done already.
    answer = await d.click(STAFF, new_card["message_id"], text="✅ 核实")
    assert "已核实" in answer["answer"]["text"]
    grid_card = await d.expect(GRID, "2号楼 501")
    answer = await d.click(GRID, grid_card["message_id"], text="✅ 核实")
    assert "已经核实过了" in answer["answer"]["text"]
    async with linli_sandbox.sessionmaker() as session:
        user = await session.get(User, NEW)
        assert user is not None and user.verified_by == STAFF


async def test_profile_quiet_line_follows_the_switch_and_the_community_hours(
    linli_sandbox: Harness,
) -> None:
    d = linli_sandbox.driver
    resident = 4001  # 周阿姨, 阳光社区
    await d.say(STAFF, "/quiet 21:00 08:00")
    profile = await reply_to(d, resident, "/profile", "夜间免打扰：")
    assert "夜间免打扰：开（21:00–08:00" in message_text(profile)
    since = profile["message_id"] - 1
    await d.tap(resident, "夜里也通知我", profile["message_id"])
    # The card's line says what the button just did, and the button offers the way back.
    card = await d.expect(resident, "夜间免打扰：关", since=since)
    assert card["message_id"] == profile["message_id"]
    assert "夜间免打扰：开" not in message_text(card)
    await d.tap(resident, "开启夜间免打扰", profile["message_id"])
    card = await d.expect(resident, "夜间免打扰：开（21:00–08:00", since=since)
    assert card["message_id"] == profile["message_id"]
    await d.say(STAFF, "/quiet off")
    profile = await reply_to(d, resident, "/profile", "夜间免打扰：")
    assert "社区已关闭免打扰时段" in message_text(profile)


async def test_revoking_staff_is_confirmed_once_and_a_second_tap_changes_nothing(
    linli_sandbox: Harness,
) -> None:
    d = linli_sandbox.driver
    admin = 1001
    [menu] = await d.say(admin, "/admin")
    since = menu["message_id"] - 1
    await d.tap(admin, "工作人员列表", menu["message_id"])
    listing = await d.expect(admin, "陈社工", since=since)
    revoke_chen = "adm:revoke:2003"
    # A tap on a name asks first; going back keeps everyone.
    await d.click(admin, listing["message_id"], data=revoke_chen)
    await d.expect(admin, "确定撤销 陈社工", since=since)
    await d.tap(admin, "返回列表", listing["message_id"])
    await d.expect(admin, "陈社工（2003）", since=since)
    async with linli_sandbox.sessionmaker() as session:
        chen = await session.get(User, 2003)
        assert chen is not None and Role.STAFF in chen.role_set
    await d.click(admin, listing["message_id"], data=revoke_chen)
    await d.expect(admin, "确定撤销 陈社工", since=since)
    answer = await d.tap(admin, "确定撤销", listing["message_id"])
    assert "已撤销 陈社工" in answer["answer"]["text"]
    # The list comes back without them, the others keep their buttons.
    now = await d.expect(admin, "李社工（2001）", since=since)
    assert "陈社工" not in message_text(now)
    assert any(
        "撤销 李社工" in b["text"] for row in now["reply_markup"]["inline_keyboard"] for b in row
    )
    await d.expect(2003, "权限已被撤销")
    # The confirmation tapped again (a double tap, an old copy): no change, nobody told twice.
    for data in ("adm:revoke-yes:2003", revoke_chen):
        answer = await d.click(admin, listing["message_id"], data=data)
        assert "已经不是社区工作人员" in answer["answer"]["text"]
    told = [m for m in await d.messages(2003) if "权限已被撤销" in message_text(m)]
    assert len(told) == 1


async def test_help_names_the_commands_of_each_role(linli_sandbox: Harness) -> None:
    d = linli_sandbox.driver
    [resident] = await d.say(4001, "/help")
    assert "/quiet" not in message_text(resident) and "/admin" not in message_text(resident)
    staff = await reply_to(d, STAFF, "/help", "使用帮助")
    assert "/quiet" in message_text(staff) and "/broadcast" in message_text(staff)
    assert "/categories" not in message_text(staff)
    admin = await reply_to(d, 1001, "/help", "使用帮助")
    for command in ("/admin", "/invite", "/categories", "/quiet 社区名"):
        assert command in message_text(admin), command
    await d.add_user(id=5002, first_name="Alex", language_code="en")
    english = await reply_to(d, 5002, "/help", "· Help")
    assert "Help" in message_text(english)


async def test_choosing_a_language_mid_flow_starts_afresh(linli_sandbox: Harness) -> None:
    """/lang in the middle of registration shows the menu; what is typed next is not a room."""
    d = linli_sandbox.driver
    [consent] = await d.say(NEW, "🏠 登记住址")
    await d.tap(NEW, "同意并继续", consent["message_id"])
    ask = await d.expect(NEW, "请选择您所在的")
    await d.tap(NEW, "阳光社区", ask["message_id"])
    grid = await d.expect(NEW, "网格", since=ask["message_id"])
    await d.tap(NEW, "不清楚", grid["message_id"])
    pick = await d.expect(NEW, "楼栋", since=grid["message_id"])
    await d.tap(NEW, "1号楼", pick["message_id"])
    await d.expect(NEW, "房号", since=pick["message_id"])
    [choose] = await d.say(NEW, "/lang")
    await d.tap(NEW, "English", choose["message_id"])
    menu = await d.expect(NEW, "How can we help", since=choose["message_id"])
    assert "🏠 Register address" in _keyboard_labels(menu)
    replies = await d.say(NEW, "101")
    assert not any("phone" in message_text(m) for m in replies)
    async with linli_sandbox.sessionmaker() as session:
        user = await session.get(User, NEW)
        assert user is not None and user.room is None and not user.registered


async def test_a_bad_category_code_is_explained_in_the_admins_language(
    linli_sandbox: Harness,
) -> None:
    d = linli_sandbox.driver
    [refused] = await d.say(1001, "/category add Pet-Care 48 宠物/Pet general")
    text = message_text(refused)
    assert "Pet-Care" in text and "小写英文字母" in text
    assert "catalogue:" not in text and "category #" not in text
    [done] = await d.say(1001, "/category add pet_care 48 宠物/Pet general")
    assert "分类已更新" in message_text(done)


async def test_forget_ends_membership_and_allows_signing_up_again(linli_sandbox: Harness) -> None:
    d = linli_sandbox.driver
    doctor = 3002  # 赵医生, approved member
    [question] = await d.say(doctor, "/forget")
    await d.tap(doctor, "确定删除", question["message_id"])
    await d.expect(doctor, "已删除", since=question["message_id"])
    async with linli_sandbox.sessionmaker() as session:
        profile = await session.get(MemberProfile, doctor)
        assert profile is not None and profile.status != MemberStatus.APPROVED
    # Not "您已经是报到党员/志愿者了": the sign-up starts again (consent first).
    [first] = await d.say(doctor, "🙋 党员/志愿者报到")
    assert "已经是" not in message_text(first)
    assert "个人信息" in message_text(first)
    # A pending application deleted with /forget cannot be approved on its deleted data.
    await _apply_as_member(linli_sandbox, NEW)
    card = await d.expect(STAFF, "报到申请")
    question = await reply_to(d, NEW, "/forget", "确定要删除")
    await d.tap(NEW, "确定删除", question["message_id"])
    await d.expect(NEW, "已删除", since=question["message_id"])
    answer = await d.click(STAFF, card["message_id"], text="✅ 通过")
    assert "已经不在了" in answer["answer"]["text"], answer
    listing = await reply_to(d, STAFF, "🧾 报到审核", "没有待审核")
    assert "没有待审核" in message_text(listing)
    async with linli_sandbox.sessionmaker() as session:
        user = await session.get(User, NEW)
        assert user is not None and Role.MEMBER not in user.role_set


async def test_back_from_the_buildings_goes_to_the_grid_question(linli_sandbox: Harness) -> None:
    d = linli_sandbox.driver
    [consent] = await d.say(NEW, "🏠 登记住址")
    await d.tap(NEW, "同意并继续", consent["message_id"])
    ask = await d.expect(NEW, "请选择您所在的")
    await d.tap(NEW, "阳光社区", ask["message_id"])
    grid = await d.expect(NEW, "网格", since=ask["message_id"])
    await d.tap(NEW, "第一网格", grid["message_id"])
    pick = await d.expect(NEW, "楼栋", since=grid["message_id"])
    await d.tap(NEW, "上一步", pick["message_id"])
    again = await d.expect(NEW, "请选择您所在的网格", since=grid["message_id"])
    assert again["message_id"] == pick["message_id"]  # one step back, not to the community
    await d.tap(NEW, "第二网格", pick["message_id"])
    buildings = await d.expect(NEW, "楼栋", since=pick["message_id"])
    labels = [b["text"] for row in buildings["reply_markup"]["inline_keyboard"] for b in row]
    assert "5号楼" in labels and "1号楼" not in labels
