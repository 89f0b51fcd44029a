"""Staff's notice of a new request (📥 新诉求) says what the resident attached besides words:
photos and voice notes, counted, in the reader's language. Before, only the card said so
('🎤 语音 N 条'), and staff reading the notice did not know there was more to see or hear."""

from __future__ import annotations

from sandbox.driver import message_text
from tests.e2e.conftest import Harness
from tests.orders.test_e2e_cycle import STAFF, ZHOU, png
from tests.orders.test_e2e_voice_only import OGG


async def _file(h: Harness, *, photos: int, voices: int) -> str:
    """周阿姨 files a request with words, `photos` photos and `voices` voice notes; its number."""
    d = h.driver
    [*_, start] = await d.say(ZHOU, "📝 我要点单")
    since = start["message_id"]
    await d.say(ZHOU, "1号楼三单元楼道灯坏了，晚上很黑")
    for n in range(photos):
        await d.send(ZHOU, photo=png())
        await d.expect(ZHOU, f"共 {n + 1} 张", since=since)
    for n in range(voices):
        await d.send(ZHOU, voice=OGG, voice_duration=5)
        await d.expect(ZHOU, f"收到第 {n + 1} 条语音" if n else "收到语音", since=since)
    await d.say(ZHOU, "✅ 说完了")
    await d.tap(ZHOU, "确认提交")
    filed = await d.expect(ZHOU, "已提交，编号", since=since)
    return message_text(filed).split("编号")[1].strip().split("。")[0].strip()


async def test_the_new_request_notice_counts_photos_and_voice_notes(
    linli_sandbox: Harness,
) -> None:
    h = linli_sandbox
    d = h.driver
    number = await _file(h, photos=2, voices=1)
    text = message_text(await d.expect(STAFF, f"新诉求 {number}"))
    assert text.endswith("晚上很黑\n📷 2 张照片 · 🎤 1 条语音"), text
    # words alone: no line about attachments
    plain = await _file(h, photos=0, voices=0)
    text = message_text(await d.expect(STAFF, f"新诉求 {plain}"))
    assert text.endswith("晚上很黑") and "📷" not in text and "🎤" not in text, text
    assert await d.errors() == []


async def test_the_count_reads_in_the_staff_members_language(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    await d.say(STAFF, "/lang")
    await d.tap(STAFF, "English")
    await d.expect(STAFF, "Language set to English")
    number = await _file(h, photos=1, voices=2)
    text = message_text(await d.expect(STAFF, f"New request {number}"))
    assert text.endswith("\n📷 1 photo · 🎤 2 voice notes"), text
    voice_only = await _file(h, photos=0, voices=1)
    text = message_text(await d.expect(STAFF, f"New request {voice_only}"))
    assert text.endswith("\n🎤 1 voice note") and "📷" not in text, text
    assert await d.errors() == []
