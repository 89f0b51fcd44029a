"""A notice with a photo, end to end: staff send a photo with its text (as a caption, or the
photo first and then the text), see it previewed as residents will get it, and every resident
gets the photo once, with the text as its caption or, when too long for one, right after it."""

from __future__ import annotations

import io
from datetime import timedelta
from typing import Any

from sqlmodel import col, select

from models import User
from models.scheduling import Broadcast, Delivery, DeliveryState
from sandbox.driver import message_text
from scheduler.service import SchedulerService
from tests.e2e.conftest import Harness, linli_sandbox  # noqa: F401  (the e2e fixture)

STAFF = 2001  # 李社工, 阳光社区
GRANNY = 4005  # 黄奶奶, 阳光社区 1号楼


def _scheduler(h: Harness) -> SchedulerService:
    service = h.sandbox.app.dp["scheduler"]
    assert isinstance(service, SchedulerService)
    return service


def _jpeg() -> bytes:
    from PIL import Image

    buf = io.BytesIO()
    Image.new("RGB", (64, 48), (30, 120, 200)).save(buf, format="JPEG")
    return buf.getvalue()


async def _building_people(h: Harness) -> list[int]:
    """Registered people of 黄奶奶's building (1号楼): the audience of these notices."""
    async with h.sessionmaker() as session:
        people = (
            await session.exec(
                select(User).where(
                    col(User.consent_at).is_not(None),
                    col(User.forgotten_at).is_(None),
                    col(User.building_id).in_(
                        select(User.building_id).where(User.id == GRANNY).scalar_subquery()
                    ),
                )
            )
        ).all()
    audience = sorted(u.id for u in people)
    assert GRANNY in audience and len(audience) >= 2
    return audience


async def _to_building_one(h: Harness) -> dict[str, Any]:
    """Staff open the notice wizard for 1号楼 and reach the text step."""
    d = h.driver
    await d.say(STAFF, "📢 发通知")
    await d.tap(STAFF, "选几栋楼")
    await d.expect(STAFF, "请点选楼栋")
    await d.tap(STAFF, "1号楼")
    await d.tap(STAFF, "选好了")
    return await d.expect(STAFF, "可以带一张图片")


def _photos(messages: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [m for m in messages if m.get("photo") and (m.get("from") or {}).get("is_bot")]


def _send_sticker(h: Harness, user_id: int) -> int:
    """A sticker from the user (the driver API has no sticker; the emulator stores it as a user
    message and hands it to the bot like any other update)."""
    emu = h.sandbox.emulator
    sticker = {
        "file_id": "CAACAgIAAxkBAAIBsticker",
        "file_unique_id": "AgADsticker",
        "type": "regular",
        "width": 512,
        "height": 512,
        "is_animated": False,
        "is_video": False,
        "emoji": "👍",
    }
    rec = emu._store(
        emu.chats[user_id], {"sticker": sticker}, by_bot=False, sender=emu.users[user_id].tg()
    )
    emu._enqueue("message", rec.msg)
    return int(rec.msg["message_id"])


async def test_a_photo_with_its_caption_reaches_everyone_once(
    linli_sandbox: Harness,  # noqa: F811
) -> None:
    h = linli_sandbox
    d = h.driver
    audience = await _building_people(h)
    await _to_building_one(h)

    sent = await d.send(STAFF, "本周六停水，时间安排见图。", photo=_jpeg(), photo_name="停水.jpg")
    info = await d.expect(STAFF, "将发给", since=sent["message_id"], timeout=15)
    # the preview is what residents will get: the photo with header and text as its caption
    [shown] = _photos(await d.messages(STAFF, sent["message_id"]))
    assert "本周六停水，时间安排见图。" in shown["caption"]
    assert "阳光社区通知" in shown["caption"]
    assert shown["message_id"] < info["message_id"]
    assert f"将发给 {len(audience)} 人" in message_text(info)
    assert "上面就是居民会收到的样子" in message_text(info)

    await d.tap(STAFF, "✅ 发送", info["message_id"])
    progress = await d.expect(STAFF, "已发送", since=info["message_id"], timeout=15)
    service = _scheduler(h)
    await service.drain()
    await service.show_progress(force=True)
    await service.drain()

    for uid in audience:
        got = await d.expect(uid, "本周六停水")
        assert got.get("photo"), f"{uid} got the notice without its photo"
        assert "阳光社区通知" in got["caption"] and "时间安排见图" in got["caption"]
        # one message: the photo carries the text, nothing is sent twice
        bot_messages = [m for m in await d.messages(uid) if (m.get("from") or {}).get("is_bot")]
        assert sum("本周六停水" in message_text(m) for m in bot_messages) == 1
        assert len(_photos(bot_messages)) == 1
    # the photo residents get is the one staff sent
    staff_photo = shown["photo"][-1]["file_unique_id"]
    for uid in audience:
        [photo] = _photos(await d.messages(uid))
        assert photo["photo"][-1]["file_unique_id"] == staff_photo
    report = await d.expect(STAFF, "通知发送完毕", since=progress["message_id"])
    assert f"送达 {len(audience)} 人" in message_text(report)


async def _all_sent(h: Harness, audience: list[int]) -> bool:
    """Every broadcast copy for the audience is recorded as sent."""
    async with h.sessionmaker() as session:
        rows = (await session.exec(select(Delivery).where(Delivery.kind == "broadcast"))).all()
    return sorted(r.chat_id for r in rows) == audience and all(
        r.state == DeliveryState.SENT for r in rows
    )


async def test_photo_then_long_text_goes_as_photo_then_the_whole_text(
    linli_sandbox: Harness,  # noqa: F811
) -> None:
    h = linli_sandbox
    d = h.driver
    audience = await _building_people(h)
    await _to_building_one(h)

    photo = await d.send(STAFF, photo=_jpeg())  # no caption: the text is asked for
    await d.expect(STAFF, "图片收到了", since=photo["message_id"])
    # longer than a caption may be (1024), shorter than a message: nothing may be cut
    lines = [
        f"{i}. 第{i}栋楼停水时段：上午8点至下午5点，请提前储水，给您带来不便敬请谅解。"
        for i in range(1, 41)
    ]
    text = "\n".join(lines) + "\n最后一行：如有疑问请致电物业。"
    assert 1024 < len(text) < 3500
    typed = await d.send(STAFF, text)
    info = await d.expect(STAFF, "将发给", since=typed["message_id"], timeout=15)
    assert "图片说明的长度上限（1024 字）" in message_text(info)
    assert "先收到图片" in message_text(info)
    preview = await d.messages(STAFF, typed["message_id"])
    [shown] = _photos(preview)
    assert not shown.get("caption")
    shown_text = "".join(message_text(m) for m in preview if m["message_id"] > shown["message_id"])
    assert "最后一行：如有疑问请致电物业。" in shown_text and "40. 第40栋楼" in shown_text

    await d.tap(STAFF, "🚨 紧急，立即发送", info["message_id"])
    await d.expect(STAFF, "已发送", since=info["message_id"], timeout=15)
    # one text part fails on its way (a Telegram 500): the photo must not be sent again
    await d.fault("sendMessage", 500, "Internal Server Error", count=1)
    service = _scheduler(h)
    # The confirm also woke the background sender: whichever of it and our drain meets the
    # fault schedules the retry a little after *its* clock reading, so move the clock on
    # until every copy is out (each round is a real drain, not a wait).
    for _round in range(10):
        await service.drain()
        if await _all_sent(h, audience):
            break
        h.clock.advance(timedelta(minutes=1))
    await service.show_progress(force=True)

    for uid in audience:
        await d.expect(uid, "最后一行：如有疑问请致电物业。", timeout=15)
        bot_messages = [m for m in await d.messages(uid) if (m.get("from") or {}).get("is_bot")]
        [got_photo] = _photos(bot_messages)
        assert not got_photo.get("caption")
        after = [m for m in bot_messages if m["message_id"] > got_photo["message_id"]]
        whole = "".join(message_text(m) for m in after)
        assert "阳光社区通知" in whole
        for line in lines:
            assert line in whole  # nothing cut, nothing lost
        assert whole.count("最后一行") == 1
    async with h.sessionmaker() as session:
        rows = (await session.exec(select(Delivery).where(Delivery.kind == "broadcast"))).all()
    assert sorted(r.chat_id for r in rows) == audience
    assert all(r.state == DeliveryState.SENT and r.photo_ref for r in rows)
    assert any(r.attempts > 1 for r in rows)  # the fault did hit a delivery and it was retried


async def test_the_photo_step_answers_stickers_and_forged_buttons_politely(
    linli_sandbox: Harness,  # noqa: F811
) -> None:
    h = linli_sandbox
    d = h.driver
    audience = await _building_people(h)
    ask = await _to_building_one(h)
    photo = await d.send(STAFF, photo=_jpeg())
    received = await d.expect(STAFF, "图片收到了", since=photo["message_id"])

    # a sticker or a voice note is not a notice: say what fits, the step stays
    sticker = _send_sticker(h, STAFF)
    refusal = await d.expect(STAFF, "贴纸、语音和文件不能作为通知", since=sticker)
    voice = await d.send(STAFF, voice=b"OggS-not-really-a-voice-note")
    await d.expect(STAFF, "贴纸、语音和文件不能作为通知", since=voice["message_id"])
    # a forged send, a made-up button and an old picker button: polite answers, nothing sent
    answer = await d.click(STAFF, received["message_id"], data="bc:send:99999")
    assert "找不到这条通知" in str(answer["answer"])
    answer = await d.click(STAFF, refusal["message_id"], data="bc:nonsense:1")
    assert "按钮已经失效" in str(answer["answer"])
    answer = await d.click(STAFF, ask["message_id"], data="bc:tgt:99999")
    assert "按钮已经失效" in str(answer["answer"])

    # the photo sent before is still there: the text now makes the notice with it
    typed = await d.send(STAFF, "周日上午9点，社区广场义诊，欢迎参加。")
    info = await d.expect(STAFF, "将发给", since=typed["message_id"], timeout=15)
    [shown] = _photos(await d.messages(STAFF, typed["message_id"]))
    assert "社区广场义诊" in shown["caption"]
    async with h.sessionmaker() as session:
        draft = (await session.exec(select(Broadcast))).one()
    assert draft.photo_ref and draft.total == len(audience)

    # "✖️ 不发了" drops it: nobody gets anything
    await d.tap(STAFF, "✖️ 不发了", info["message_id"])
    await d.expect(STAFF, "已取消", since=typed["message_id"])
    async with h.sessionmaker() as session:
        assert not (await session.exec(select(Delivery))).all()
    for uid in audience:
        assert not _photos(await d.messages(uid))


async def test_cancel_at_the_photo_step_leaves_the_flow(
    linli_sandbox: Harness,  # noqa: F811
) -> None:
    h = linli_sandbox
    d = h.driver
    await _to_building_one(h)
    photo = await d.send(STAFF, photo=_jpeg())
    await d.expect(STAFF, "图片收到了", since=photo["message_id"])
    cancel = await d.send(STAFF, "/cancel")
    await d.expect(STAFF, "已取消", since=cancel["message_id"])
    # the text typed afterwards is not a notice any more
    later = await d.send(STAFF, "周日上午9点，社区广场义诊，欢迎参加。")
    replies = await d.replies(STAFF, later["message_id"])
    assert not any("将发给" in message_text(m) for m in replies)
    async with h.sessionmaker() as session:
        assert not (await session.exec(select(Broadcast))).all()
