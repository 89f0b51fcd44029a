"""A matter told before registering is kept: once the address is registered it is the start of
the request, shown back, and nobody has to say it again."""

from __future__ import annotations

from sqlmodel import col, select

from models.orders import Attachment, Request
from sandbox.driver import message_text
from tests.e2e.conftest import Harness
from tests.e2e.test_register_first import _register
from tests.orders.test_e2e_cycle import png
from tests.support import inline_labels, reply_to

NEW = 5001  # 小林, unregistered
ALEX = 5002  # English, unregistered


async def test_words_typed_before_registering_become_the_request(
    linli_sandbox: Harness,
) -> None:
    h = linli_sandbox
    d = h.driver
    refusal = await reply_to(d, NEW, "📝 我要点单", "请先登记您的住址")
    # an older resident types the matter instead of tapping the button
    kept = await reply_to(d, NEW, "楼道里的灯坏了", "先记下了")
    assert inline_labels(kept) == ["🏠 现在登记"]
    # a second message before registering joins the first
    more = await reply_to(d, NEW, "三楼到五楼都不亮", "先记下了")
    await d.tap(NEW, "🏠 现在登记", more["message_id"])
    done = await _register(d, NEW, refusal["message_id"])
    shown = await d.expect(NEW, "登记前您说的", since=done["message_id"])
    text = message_text(shown)
    assert "楼道里的灯坏了" in text and "三楼到五楼都不亮" in text, text
    preview = await reply_to(d, NEW, "✅ 说完了", "分类")
    assert "楼道里的灯坏了" in message_text(preview)
    await d.tap(NEW, "确认提交", preview["message_id"])
    await d.expect(NEW, "已提交，编号", since=preview["message_id"] - 1)
    async with h.sessionmaker() as session:
        [req] = (await session.exec(select(Request).where(col(Request.resident_id) == NEW))).all()
    assert req.text == "楼道里的灯坏了\n三楼到五楼都不亮"


async def test_a_photo_sent_before_registering_is_kept_with_the_words(
    linli_sandbox: Harness,
) -> None:
    h = linli_sandbox
    d = h.driver
    sent = await d.send(NEW, "井盖松了", photo=png())
    kept = await d.expect(NEW, "先记下了", since=sent["message_id"])
    # /start in between (it leaves any flow) does not lose it
    await reply_to(d, NEW, "/start", "欢迎")
    # registering from the menu's own button keeps it too, and goes on to the filing
    await d.send(NEW, "🏠 登记住址")
    done = await _register(d, NEW, kept["message_id"])
    shown = await d.expect(NEW, "登记前您说的", since=done["message_id"])
    assert "照片 1 张" in message_text(shown) and "井盖松了" in message_text(shown)
    preview = await reply_to(d, NEW, "✅ 说完了", "分类")
    await d.tap(NEW, "确认提交", preview["message_id"])
    await d.expect(NEW, "已提交，编号", since=preview["message_id"] - 1)
    async with h.sessionmaker() as session:
        [req] = (await session.exec(select(Request).where(col(Request.resident_id) == NEW))).all()
        photos = (
            await session.exec(select(Attachment).where(col(Attachment.request_id) == req.id))
        ).all()
    assert req.text == "井盖松了" and len(photos) == 1


async def test_declining_consent_keeps_nothing(linli_sandbox: Harness) -> None:
    d = linli_sandbox.driver
    kept = await reply_to(d, NEW, "小区门口的路灯不亮", "先记下了")
    await d.tap(NEW, "🏠 现在登记", kept["message_id"])
    await d.expect(NEW, "个人信息使用说明", since=kept["message_id"])
    declined = await d.tap(NEW, "不同意")
    assert declined
    # registering later starts from nothing: no consent, nothing kept
    start = await d.send(NEW, "🏠 登记住址")
    done = await _register(d, NEW, start["message_id"])
    await reply_to(d, NEW, "📂 我的诉求", "还没有提交过诉求")
    later = [message_text(m) for m in await d.messages(NEW, done["message_id"])]
    assert not [t for t in later if "登记前您说的" in t or "路灯" in t], later


async def test_english(linli_sandbox: Harness) -> None:
    d = linli_sandbox.driver
    kept = await reply_to(d, ALEX, "The street light outside is broken", "noted what you told")
    assert inline_labels(kept) == ["🏠 Register now"]


async def test_forget_drops_what_was_kept(linli_sandbox: Harness) -> None:
    d = linli_sandbox.driver
    await reply_to(d, NEW, "楼下有人占用消防通道", "先记下了")
    await reply_to(d, NEW, "/forget", "确定要删除")
    forget = (await d.messages(NEW))[-1]
    await d.tap(NEW, "确定删除", forget["message_id"])
    await d.expect(NEW, "已删除", since=forget["message_id"])
    start = await d.send(NEW, "🏠 登记住址")
    done = await _register(d, NEW, start["message_id"])
    await reply_to(d, NEW, "📂 我的诉求", "还没有提交过诉求")
    later = [message_text(m) for m in await d.messages(NEW, done["message_id"])]
    assert not [t for t in later if "登记前您说的" in t or "消防通道" in t], later
