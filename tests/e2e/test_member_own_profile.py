"""A member keeps their own profile in 👤 我的资料 (handlers.member_profile): their skills with
the sign-up's picker (ticked as they stand), the grid they serve, and their own 暂停接单 — by
its buttons or in words. Before, 我的资料 showed none of it, and '我想改一下我的技能' or '我搬到
第二网格了' were offered to be filed as a matter ('要把这件事报给社区吗？')."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from sqlmodel import col, select

from models import MemberProfile
from models.scheduling import Delivery
from sandbox.driver import message_text
from tests.e2e.conftest import Harness
from tests.e2e.test_member_asks_in_words import OFFER, _issue
from tests.e2e.test_people import NEW
from tests.orders.test_e2e_cycle import LIU, ZHAO
from tests.support import inline_labels, reply_to

STAFF = 2001  # 李社工, 阳光社区


async def _profile(h: Harness, user: int) -> dict[str, Any]:
    return await reply_to(h.driver, user, "👤 我的资料", "我的资料")


async def _stored(h: Harness, user: int) -> MemberProfile:
    async with h.sessionmaker() as session:
        profile = await session.get(MemberProfile, user)
    assert profile is not None
    return profile


async def test_skills_changed_in_my_profile(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    card = await _profile(h, LIU)
    text = message_text(card)
    assert "技能：水管疏通、电路维修、家电维修" in text, text
    assert "服务区域：阳光社区 · 不限网格" in text and "接单：正常" in text, text
    await d.tap(LIU, "🛠 修改技能", card["message_id"])
    picker = await d.expect(LIU, "请勾选您会的技能", since=card["message_id"])
    labels = inline_labels(picker)
    assert "✅ 水管疏通" in labels and "✅ 家电维修" in labels and "法律咨询" in labels, labels
    await d.tap(LIU, "法律咨询", picker["message_id"])
    await d.tap(LIU, "✅ 电路维修", picker["message_id"])
    # a skill not on the buttons, typed: kept as 其他特长
    [typed] = await d.say(LIU, "开锁")
    assert "已替您加上：开锁" in message_text(typed), message_text(typed)
    assert "✅ 法律咨询" in inline_labels(typed) and "电路维修" in inline_labels(typed)
    # one picker at a time: the one above the typed words lost its buttons
    [above] = [m for m in await d.messages(LIU) if m["message_id"] == picker["message_id"]]
    assert not inline_labels(above) and "已移到下面" in message_text(above), message_text(above)
    await d.tap(LIU, "✅ 保存", typed["message_id"])
    saved = await d.expect(LIU, "技能已更新", since=typed["message_id"] - 1)
    assert "水管疏通、家电维修、法律咨询、开锁" in message_text(saved), message_text(saved)
    assert not inline_labels(await d.expect(LIU, "技能已更新", since=typed["message_id"] - 1))
    profile = await _stored(h, LIU)
    assert (profile.skills, profile.custom_skills) == ("plumbing,appliance_repair,legal", "开锁")
    text = message_text(await _profile(h, LIU))
    assert "技能：水管疏通、家电维修、法律咨询" in text and "其他特长：开锁" in text, text


async def test_skills_said_in_words(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    [picker] = await d.say(ZHAO, "我想改一下我的技能")
    said = message_text(picker)
    assert "请勾选您会的技能" in said and OFFER not in said, said
    assert "✅ 医疗健康" in inline_labels(picker), inline_labels(picker)
    [cancelled] = await d.say(ZHAO, "✖️ 取消")
    assert "技能没有改" in message_text(cancelled)
    # a new skill said: ticked in the picker, for them to confirm with 保存
    [picker] = await d.say(ZHAO, "我会修电脑了，加上")
    said = message_text(picker)
    assert "已替您加上：家电维修" in said and OFFER not in said, said
    assert "✅ 家电维修" in inline_labels(picker) and "✅ 医疗健康" in inline_labels(picker)
    assert "appliance_repair" not in (await _stored(h, ZHAO)).skills  # not before 保存
    await d.tap(ZHAO, "✅ 保存", picker["message_id"])
    await d.expect(ZHAO, "技能已更新", since=picker["message_id"] - 1)
    assert "appliance_repair" in (await _stored(h, ZHAO)).skills


async def test_grid_served_changed(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    # said in words: read back to confirm, not a matter to file
    [asked] = await d.say(LIU, "我搬到第二网格了")
    said = message_text(asked)
    assert "把您的服务区域改为「阳光社区 · 第二网格」吗" in said and OFFER not in said, said
    assert "如果是您家搬了" in said, said  # 搬 may be about his home: where that is changed
    await d.tap(LIU, "✅ 确认", asked["message_id"])
    await d.expect(LIU, "服务区域已改为：阳光社区 · 第二网格", since=asked["message_id"] - 1)
    first = await _stored(h, LIU)
    assert first.grid_id is not None
    # with the profile's button: the grids, the one served ticked; back to the whole community
    card = await _profile(h, LIU)
    assert "服务区域：阳光社区 · 第二网格" in message_text(card)
    await d.tap(LIU, "📍 修改服务网格", card["message_id"])
    grids = await d.expect(LIU, "请选您要服务的网格", since=card["message_id"])
    assert "✅ 第二网格" in inline_labels(grids) and "第一网格" in inline_labels(grids)
    await d.tap(LIU, "不限网格", grids["message_id"])
    await d.expect(LIU, "服务区域已改为：阳光社区 · 不限网格", since=grids["message_id"] - 1)
    assert (await _stored(h, LIU)).grid_id is None
    [same] = await d.say(ZHAO, "我以后服务第二网格")
    said = message_text(same)
    assert "第二网格" in said and OFFER not in said and "如果是您家搬了" not in said, said


async def _offers_to(h: Harness, user: int, number: str) -> list[str]:
    """The offers of order `number` queued (or sent) to `user`."""
    async with h.sessionmaker() as session:
        rows = await session.exec(
            select(Delivery.text).where(
                col(Delivery.chat_id) == user, col(Delivery.kind) == "member-offer"
            )
        )
        return [t for t in rows.all() if number in t]


async def test_a_pause_said_holds_offers_until_its_end(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    [asked] = await d.say(LIU, "我这周出差，先别派给我")
    said = message_text(asked)
    assert "暂停接单到" in said and "（周日）结束吗" in said and OFFER not in said, said
    await d.tap(LIU, "⏸ 确认暂停", asked["message_id"])
    await d.expect(LIU, "已暂停接单", since=asked["message_id"] - 1)
    card = await _profile(h, LIU)
    assert "接单：⏸ 已暂停" in message_text(card) and "▶️ 恢复接单" in inline_labels(card)
    # while paused: an order that fits him is not offered to him (the offers are queued with
    # the order, before staff are told it is issued)
    number = await _issue(h, "家里厨房的水管漏水了，地上都是水")
    assert await _offers_to(h, LIU, number) == []
    # but it is in his 可接工单, to take himself, which says he paused
    listing = await reply_to(d, LIU, "🛠 可接工单", "您暂停了接单")
    assert f"✋ 接 {number}" in inline_labels(listing), inline_labels(listing)
    # the week over: he is told so, with the order issued meanwhile that still waits (its
    # 详情 opens its card, to claim)
    h.clock.advance(timedelta(days=8))
    ended = await d.expect(LIU, "暂停已结束，恢复接单了", since=listing["message_id"])
    text = message_text(ended)
    assert f"{number} · 厨房的水管漏水了 · 阳光社区 · 第一网格" in text, text
    await d.tap(LIU, f"{number} 详情", ended["message_id"])
    card = await d.expect(LIU, f"工单 {number}", since=ended["message_id"])
    assert "✋ 接单" in inline_labels(card), inline_labels(card)
    # and offered again, nothing to do
    await _issue(h, "卫生间的水管也漏了")  # (its number: the first 已发布 is found again)
    offer = await d.expect(LIU, "新工单", since=card["message_id"])
    assert "卫生间的水管也漏了" in message_text(offer) and number not in message_text(offer)
    text = message_text(await _profile(h, LIU))
    assert "接单：正常" in text, text


async def test_pause_and_resume_from_my_profile(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    card = await _profile(h, LIU)
    await d.tap(LIU, "⏸ 暂停接单", card["message_id"])
    asked = await d.expect(LIU, "暂停接单多久", since=card["message_id"])
    assert any(label.startswith("到本周日") for label in inline_labels(asked))
    await d.tap(LIU, "一直暂停，直到我恢复", asked["message_id"])
    await d.expect(LIU, "已暂停接单。想恢复时", since=asked["message_id"] - 1)
    profile = await _stored(h, LIU)
    assert profile.paused_at is not None and profile.paused_until is None
    # staff see it on his card
    head = await reply_to(d, STAFF, "🧾 报到审核", "报到申请")
    await d.tap(STAFF, "已通过的党员/志愿者", head["message_id"])
    staff_card = await d.expect(STAFF, "刘建国", since=head["message_id"])
    assert "本人暂停接单：直到本人恢复" in message_text(staff_card), message_text(staff_card)
    card = await _profile(h, LIU)
    await d.tap(LIU, "▶️ 恢复接单", card["message_id"])
    redrawn = await d.expect(LIU, "接单：正常", since=card["message_id"] - 1)
    assert "⏸ 暂停接单" in inline_labels(redrawn)
    assert (await _stored(h, LIU)).paused_at is None
    # said: resumed when paused, told so when not
    [said] = await d.say(LIU, "恢复接单")
    assert "没有暂停" in message_text(said)
    [said] = await d.say(LIU, "暂停接单到2月30号")  # not read as a pause without end
    assert "没有这一天" in message_text(said) and not inline_labels(said), message_text(said)
    [asked] = await d.say(LIU, "暂停接单到12月20号")
    assert "暂停接单到12月20日" in message_text(asked), message_text(asked)
    await d.tap(LIU, "⏸ 确认暂停", asked["message_id"])
    await d.expect(LIU, "已暂停接单，到12月20日", since=asked["message_id"] - 1)
    [said] = await d.say(LIU, "恢复接单")
    assert "已恢复接单" in message_text(said)


async def test_other_skills_typed_at_sign_up_are_seen(linli_sandbox: Harness) -> None:
    """'开锁' typed at 双报到's skill step, on no button: kept as 其他特长, on the staff's card of
    the member and in the member's own 我的资料."""
    h = linli_sandbox
    d = h.driver
    first, *_ = await d.say(NEW, "🙋 党员/志愿者报到")
    mark = first["message_id"]
    await d.tap(NEW, "同意并继续", first["message_id"])
    await d.expect(NEW, "真实姓名", since=mark)
    await d.say(NEW, "林小明")
    await d.say(NEW, "区图书馆")
    await d.say(NEW, "13812345678")
    skills = await d.expect(NEW, "可多选", since=mark)
    [typed] = await d.say(NEW, "开锁")
    assert "开锁" in message_text(typed), message_text(typed)
    await d.tap(NEW, "完成", typed["message_id"])
    await d.expect(NEW, "要服务的社区", since=mark)
    await d.tap(NEW, "阳光社区", typed["message_id"])
    await d.expect(NEW, "服务的网格", since=mark)
    await d.tap(NEW, "不限网格", typed["message_id"])
    await d.expect(NEW, "显示我的名字", since=mark)
    await d.tap(NEW, "🙈 不显示", typed["message_id"])
    await d.expect(NEW, "请确认", since=mark)
    await d.tap(NEW, "确认", typed["message_id"])
    await d.expect(NEW, "已提交", since=mark)
    assert skills  # the picker came first
    review = await d.expect(STAFF, "林小明")
    assert "开锁" in message_text(review), message_text(review)
    await d.tap(STAFF, "通过", review["message_id"])
    await d.expect(NEW, "通过")
    head = await reply_to(d, STAFF, "🧾 报到审核", "报到申请")
    await d.tap(STAFF, "已通过的党员/志愿者", head["message_id"])
    card = await d.expect(STAFF, "林小明", since=head["message_id"])
    assert "特长：开锁" in message_text(card), message_text(card)
    text = message_text(await _profile(h, NEW))
    assert "其他特长：开锁" in text and "技能：未选" in text, text


async def test_an_english_member_keeps_their_profile_in_english(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    await d.add_user(id=LIU, first_name="刘师傅", language_code="en")  # his phone is in English
    [asked] = await d.say(LIU, "I'm away this week, don't send me orders")
    said = message_text(asked)
    assert "Pause orders until the end of Sun 29 Nov?" in said, said
    await d.tap(LIU, "⏸ Pause", asked["message_id"])
    await d.expect(LIU, "Orders paused until the end of Sun 29 Nov", since=asked["message_id"] - 1)
    card = await reply_to(d, LIU, "👤 My profile", "Skills:")
    text = message_text(card)
    assert "Area served:" in text and "Orders: ⏸ paused until the end of Sun 29 Nov" in text, text
    assert "▶️ Resume orders" in inline_labels(card) and "🛠 Change skills" in inline_labels(card)
    [picker] = await d.say(LIU, "change my skills")
    assert "Tick the skills you have" in message_text(picker), message_text(picker)
    await d.tap(LIU, "✖️", picker["message_id"])
    await d.expect(LIU, "your skills are unchanged", since=picker["message_id"] - 1)
    [resumed] = await d.say(LIU, "resume orders")
    assert "Orders resumed" in message_text(resumed), message_text(resumed)
