"""Meeting list buttons keep the date and time and the status whole and shorten the title with
'…' (a Latin word is not cut in two). Before, a label was cut at 60 characters: a long title
lost the status ('… · 已发布') of the staff list, and English titles were cut mid-word."""

from __future__ import annotations

from typing import Any

from handlers.consult_kit import LABEL_WIDTH, _columns, button_label
from sandbox.driver import message_text
from tests.consult.published import STAFF, published_meeting
from tests.e2e.conftest import Harness

ZHOU = 4001  # 周阿姨, a resident of the same community
LONG = (
    "关于1号楼加装电梯、小区停车位重新划线、垃圾分类投放点调整和楼道堆物清理的居民议事会（第二次）"
)


def _labels(message: dict[str, Any]) -> list[str]:
    rows = (message.get("reply_markup") or {}).get("inline_keyboard") or []
    return [b["text"] for row in rows for b in row]


async def test_long_title_keeps_date_and_status(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    await published_meeting(h, title=LONG)
    await d.say(STAFF, "🏛 议事管理")
    await d.tap(STAFF, "📋 议事会列表")
    listed = await d.expect(STAFF, "近期议事会")
    [label] = [x for x in _labels(listed) if "关于1号楼" in x]  # (demo meetings beside it)
    assert label.startswith("11月28日（周六）10:00 关于1号楼加装电梯"), label
    assert label.endswith("… · 已发布"), label
    assert _columns(label) <= LABEL_WIDTH
    # the shortened label still opens the meeting
    await d.tap(STAFF, label, listed["message_id"])
    await d.expect(STAFF, LONG, since=listed["message_id"])
    # 近期议事 for a resident: the date first, the title shortened
    sent = await d.send(ZHOU, "🗳 近期议事")
    hub = await d.expect(ZHOU, "近期议事", since=sent["message_id"])
    [meeting_label] = [x for x in _labels(hub) if "关于1号楼" in x]
    assert meeting_label.startswith("📅 11月28日（周六）10:00 关于1号楼"), meeting_label
    assert meeting_label.endswith("…") and _columns(meeting_label) <= LABEL_WIDTH
    assert LONG in message_text(await _open(h, meeting_label, hub["message_id"]))


async def _open(h: Harness, label: str, message_id: int) -> dict[str, Any]:
    await h.driver.tap(ZHOU, label, message_id)
    return await h.driver.expect(ZHOU, "您的报名", since=message_id)


def test_latin_words_are_not_cut() -> None:
    title = "Residents meeting about the lift in building 1, parking and waste sorting rules"
    label = button_label("Sat 28 Nov, 10:00", title, "· published")
    assert label == "Sat 28 Nov, 10:00 Residents meeting about the lift… · published"


def test_short_titles_stay_whole() -> None:
    assert button_label("📅 11月28日（周六）10:00", "十二月居民议事会") == (
        "📅 11月28日（周六）10:00 十二月居民议事会"
    )
