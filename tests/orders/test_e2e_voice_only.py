"""A request left as a voice note only gets no category suggestion and no keywords (triage has
no words to read); photo captions that are file names stay out of the text and the keywords."""

from __future__ import annotations

from sqlmodel import col, select

from models.orders import CategoryCorrection, LedgerEvent, Request
from sandbox.driver import message_text
from tests.e2e.conftest import Harness
from tests.orders.test_e2e_cycle import STAFF, WU, ZHOU, png

OGG = b"OggS" + bytes(60)


async def _file_voice_only(h: Harness, resident: int) -> str:
    """A resident files a request with nothing but a voice note; returns its number."""
    d = h.driver
    await d.say(resident, "📝 我要点单")
    await d.send(resident, voice=OGG, voice_duration=7)
    await d.expect(resident, "收到语音")
    [*_, preview] = await d.say(resident, "✅ 说完了")
    text = message_text(preview)
    assert "分类：其他" in text and "只有语音" in text and "语音：1 条" in text
    await d.tap(resident, "确认提交")
    filed = await d.expect(resident, "已提交，编号")
    return message_text(filed).split("编号")[1].strip().split("。")[0].strip()


async def test_voice_only_request_has_no_suggestion_keywords_or_duplicates(
    linli_sandbox: Harness,
) -> None:
    h = linli_sandbox
    d = h.driver
    first = await _file_voice_only(h, ZHOU)
    second = await _file_voice_only(h, WU)
    async with h.sessionmaker() as s:
        stored = (await s.exec(select(Request).order_by(col(Request.id)))).all()
    assert [r.number for r in stored] == [first, second]
    for req in stored:
        assert (req.category, req.suggested_category, req.confidence) == ("other", "other", None)
        assert req.keywords == "" and not req.urgent
    # staff see the placeholder, no keywords, and the two voice notes are not "duplicates"
    notice = await d.expect(STAFF, f"诉求 {second}")
    await d.tap(STAFF, "查看诉求", notice["message_id"])
    card = message_text(await d.expect(STAFF, f"诉求 {second} ·"))
    assert "居民留了语音" in card
    assert "关键词" not in card and "可能重复" not in card


EN_VOICE_ONLY = "(the resident left a voice note, please listen to the attachment)"


async def test_voice_only_request_reads_in_the_staff_members_language(
    linli_sandbox: Harness,
) -> None:
    """A Chinese-speaking resident's voice note, read by staff who use the bot in English: the
    notice and the card say "voice note" in English; the resident's own list says it in Chinese,
    as theirs ('您留了一段语音');
    correcting its category is in the ledger but teaches triage nothing."""
    h = linli_sandbox
    d = h.driver
    await d.say(STAFF, "/lang")
    await d.tap(STAFF, "English")
    await d.expect(STAFF, "Language set to English")
    number = await _file_voice_only(h, ZHOU)
    notice = await d.expect(STAFF, f"New request {number}")
    assert EN_VOICE_ONLY in message_text(notice) and "居民留了语音" not in message_text(notice)
    await d.tap(STAFF, "Open request", notice["message_id"])
    card = await d.expect(STAFF, f"Request {number} ·")
    assert EN_VOICE_ONLY in message_text(card) and "居民留了语音" not in message_text(card)
    async with h.sessionmaker() as s:
        req = (await s.exec(select(Request))).one()
    assert req.text == ""  # no words of ours stored as the resident's
    # staff sort it by hand: the change is in the ledger, no training example is kept
    await d.tap(STAFF, "Category", card["message_id"])
    await d.tap(STAFF, "Noise and neighbour disputes")
    await d.expect(STAFF, f"Request {number} is now in")
    async with h.sessionmaker() as s:
        req = (await s.exec(select(Request))).one()
        corrections = (await s.exec(select(CategoryCorrection))).all()
        actions = (await s.exec(select(LedgerEvent.action))).all()
    assert req.category == "noise_dispute" and "category" in actions
    assert corrections == []
    [*_, mine] = await d.say(ZHOU, "📂 我的诉求")
    assert number in message_text(mine) and "您留了一段语音" in message_text(mine)


async def test_file_name_captions_stay_out_of_the_text_and_keywords(
    linli_sandbox: Harness,
) -> None:
    h = linli_sandbox
    d = h.driver
    await d.say(ZHOU, "📝 我要点单")
    await d.say(ZHOU, "1号楼三单元楼道灯坏了，晚上很黑")
    for caption in ("IMG_20231102_083015.jpg", "mmexport1699999999999.jpg", "二楼拐角那盏"):
        await d.send(ZHOU, caption, photo=png())
    await d.send(ZHOU, "二楼拐角那盏", photo=png())  # the same caption again
    await d.expect(ZHOU, "共 4 张")
    [*_, preview] = await d.say(ZHOU, "✅ 说完了")
    text = message_text(preview)
    assert "IMG_" not in text and "mmexport" not in text
    assert text.count("二楼拐角那盏") == 1 and "分类：" in text and "只有语音" not in text
    await d.tap(ZHOU, "确认提交")
    await d.expect(ZHOU, "已提交，编号")
    async with h.sessionmaker() as s:
        req = (await s.exec(select(Request))).one()
    assert req.text == "1号楼三单元楼道灯坏了，晚上很黑\n二楼拐角那盏"
    assert req.keywords and req.confidence is not None
    assert not {"img", "jpg", "mmexport"} & set(req.keywords.split(","))


async def test_voice_note_deleted_with_the_residents_data_is_not_to_be_listened_to(
    linli_sandbox: Harness,
) -> None:
    """周阿姨 leaves a voice note only, then deletes her data (/forget): the recording goes with
    it, so staff read that it was deleted, on the card and in the queue, not "listen to it"."""
    h = linli_sandbox
    d = h.driver
    number = await _file_voice_only(h, ZHOU)
    notice = await d.expect(STAFF, f"诉求 {number}")
    [question] = await d.say(ZHOU, "/forget")
    await d.tap(ZHOU, "确定删除", question["message_id"])
    await d.expect(ZHOU, "已删除", since=question["message_id"])
    seen = (await d.messages(STAFF))[-1]["message_id"]
    await d.tap(STAFF, "查看诉求", notice["message_id"])
    card = await d.expect(STAFF, f"诉求 {number} ·", since=seen)
    assert "已随其个人信息一并删除" in message_text(card)
    assert "请收听附件" not in message_text(card)
    assert "附件（" not in str(card.get("reply_markup"))  # nothing left to open
    [queue] = await d.say(STAFF, "📋 待办诉求")
    assert number in message_text(queue) and "一并删除" in message_text(queue)
    assert "请收听附件" not in message_text(queue)
    async with h.sessionmaker() as s:
        req = (await s.exec(select(Request))).one()
    assert req.text != "" and "语音" not in req.text  # a marker, in no reader's language
