"""Staff and what nothing reads, beyond typed words from staff without an address
(tests/e2e/test_staff_default_words):
- staff who registered their home address here too were offered 📝 报给社区 for words nothing
  reads, as a resident is, with no word of their work: now what they can say for work first,
  and 🏠 是我自己家的事, which begins their own request; work questions ('今天谁值班', '谁还
  没处理诉求') keep their answers;
- a photo or a voice note from staff without an address, outside any form, was kept at once as
  a matter of theirs: now asked first (what they can say for work, 🏠 是我自己家的事), kept only
  when tapped; a resident's photo is offered to be filed as before;
(handlers.fallback._staff_not_read / _staff_media_not_read / on_own_matter)"""

from __future__ import annotations

from sqlmodel import select

from models import Building, User
from sandbox.driver import message_text
from tests.e2e.conftest import Harness
from tests.e2e.test_register_first import _register
from tests.e2e.test_staff_default_words import _in_english, _now
from tests.orders.test_e2e_cycle import _file, png
from tests.support import expect_any, inline_labels, reply_to

STAFF = 2001  # 李社工, 阳光社区; the demo gives her no home address
ZHOU = 4001  # 周阿姨, 阳光社区 1号楼 302
UNREAD = "没有看出是哪项工作"
OGG = b"OggS" + bytes(60)


async def _lives_here(h: Harness, user_id: int) -> None:
    """The staff member registered as a resident of 阳光社区 2号楼 601 too."""
    async with h.sessionmaker() as session:
        user = await session.get(User, user_id)
        building = (await session.exec(select(Building).where(Building.name == "2号楼"))).one()
        resident = await session.get(User, ZHOU)
        assert user is not None and resident is not None
        user.consent_at = resident.consent_at
        user.community_id = building.community_id
        user.grid_id = building.grid_id
        user.building_id = building.id
        user.room = "601"
        await session.commit()


async def test_staff_living_here_get_the_work_ways_and_their_own_home_choice(
    linli_sandbox: Harness,
) -> None:
    h = linli_sandbox
    d = h.driver
    await _lives_here(h, STAFF)
    answer = await reply_to(d, STAFF, "楼里的事情太多了，忙不过来", UNREAD)
    text = message_text(answer)
    for way in ("「待办」", "「代居民登记」", "「本周统计」", "「查一下周阿姨的诉求」"):
        assert way in text, text
    assert "您自己家里的事" in text and "报给社区" in text, text
    assert inline_labels(answer) == ["🏠 是我自己家的事"]
    # work questions keep their answers
    duty = message_text(await reply_to(d, STAFF, "今天谁值班", "值班"))
    assert "没有值班排班表" in duty and UNREAD not in duty, duty
    number = await _file(h, ZHOU, "楼道里的声控灯坏了，晚上看不见路")
    sent = await d.send(STAFF, "谁还没处理诉求")
    queue = await expect_any(d, STAFF, ("声控灯",), since=sent["message_id"])
    assert number in message_text(queue) and UNREAD not in message_text(queue)
    # her own home's matter: 🏠 begins the request with those words (these, not the first's)
    own = await reply_to(d, STAFF, "我家厨房的水龙头一直滴水", UNREAD)
    await d.tap(STAFF, "🏠 是我自己家的事", own["message_id"])
    await d.expect(STAFF, "已经记下您说的话", since=own["message_id"])
    tapped = await _now(d, STAFF, own["message_id"])
    assert "✓ 已选：是我自己家的事" in message_text(tapped) and not inline_labels(tapped)
    again = await d.click(STAFF, own["message_id"], data="fb:own")  # a double tap
    assert "已经选过了" in str(again["answer"]), again
    preview = await reply_to(d, STAFF, "✅ 说完了", "分类")
    assert "水龙头一直滴水" in message_text(preview), message_text(preview)
    assert "忙不过来" not in message_text(preview), message_text(preview)
    assert await d.errors() == []


async def test_staff_living_here_in_english(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    await _lives_here(h, STAFF)
    await _in_english(h, STAFF)
    answer = await reply_to(d, STAFF, "too much going on today", "which part of your work")
    assert "report it to the community" in message_text(answer), message_text(answer)
    assert inline_labels(answer) == ["🏠 It is about my own home"]
    assert await d.errors() == []


async def test_staff_photo_and_voice_are_asked_about_and_kept_only_when_tapped(
    linli_sandbox: Harness,
) -> None:
    d = linli_sandbox.driver
    sent = await d.send(STAFF, photo=png())
    photo = await d.expect(STAFF, "这张照片没有看出是哪项工作", since=sent["message_id"])
    assert "「待办」" in message_text(photo) and "先记下了" not in message_text(photo)
    assert inline_labels(photo) == ["🏠 是我自己家的事"]
    sent = await d.send(STAFF, voice=OGG, voice_duration=5)
    voice = await d.expect(STAFF, "这段语音没有看出是哪项工作", since=sent["message_id"])
    assert inline_labels(voice) == ["🏠 是我自己家的事"]
    # the voice note is hers; the photo, never tapped, is not kept
    await d.tap(STAFF, "🏠 是我自己家的事", voice["message_id"])
    kept = await d.expect(STAFF, "先记下了", since=voice["message_id"])
    assert inline_labels(kept) == ["🏠 现在登记"]
    again = await d.click(STAFF, voice["message_id"], data="fb:own")  # a double tap
    assert "已经选过了" in str(again["answer"]), again
    forged = await d.click(STAFF, kept["message_id"], data="fb:own")  # nothing under it
    assert "失效" in str(forged["answer"]), forged
    await d.tap(STAFF, "🏠 现在登记", kept["message_id"])
    done = await _register(d, STAFF, kept["message_id"])
    shown = message_text(await d.expect(STAFF, "登记前您说的", since=done["message_id"]))
    assert "语音 1 条" in shown and "照片 1 张" not in shown, shown
    # the photo's 🏠, tapped after registering, begins a request with it
    cancelled = await reply_to(d, STAFF, "✖️ 取消", "取消")
    await d.tap(STAFF, "🏠 是我自己家的事", photo["message_id"])
    await d.expect(STAFF, "已经记下您发来的内容", since=cancelled["message_id"])
    await reply_to(d, STAFF, "阳台的窗户玻璃裂了", "收到文字")
    preview = message_text(await reply_to(d, STAFF, "✅ 说完了", "分类"))
    assert "玻璃裂了" in preview and "照片" in preview and "语音" not in preview, preview
    assert await d.errors() == []


async def test_an_album_from_staff_is_asked_about_once(linli_sandbox: Harness) -> None:
    d = linli_sandbox.driver
    first = await d.send(STAFF, "阳台漏水", photo=png(), media_group_id="album-1")
    await d.send(STAFF, photo=png(), media_group_id="album-1")
    asked = await d.expect(STAFF, "这张照片没有看出是哪项工作", since=first["message_id"])
    await reply_to(
        d, STAFF, "/start", "有什么可以帮您"
    )  # the album's second photo is answered by now
    answers = [m for m in await d.messages(STAFF, first["message_id"]) if inline_labels(m)]
    assert [m["message_id"] for m in answers] == [asked["message_id"]], answers
    await d.tap(STAFF, "🏠 是我自己家的事", asked["message_id"])
    kept = await d.expect(STAFF, "先记下了", since=asked["message_id"])
    await d.tap(STAFF, "🏠 现在登记", kept["message_id"])
    done = await _register(d, STAFF, kept["message_id"])
    shown = message_text(await d.expect(STAFF, "登记前您说的", since=done["message_id"]))
    assert "照片 2 张" in shown and "阳台漏水" in shown, shown
    assert await d.errors() == []


async def test_a_resident_photo_outside_a_form_is_offered_as_before(
    linli_sandbox: Harness,
) -> None:
    d = linli_sandbox.driver
    sent = await d.send(ZHOU, photo=png())
    offer = await d.expect(ZHOU, "要把这件事报给社区吗", since=sent["message_id"])
    assert UNREAD not in message_text(offer)
    assert inline_labels(offer) == ["📝 报给社区"]
    assert await d.errors() == []
