"""Words typed where a new meeting's kind is chosen. Staff often begin with the title
('关于加装电梯的议事会'): it is kept as the title, the kind asked once more, and after the kind
is tapped the form goes on at the agenda (before, it was refused with 'please tap the buttons'
and had to be typed again at the title step). A kind's name typed ('楼栋夜话', '听证会')
chooses it."""

from __future__ import annotations

from bot.i18n import Text, Translator
from handlers.meetings import _kind_named
from models.consultations import MeetingKind
from sandbox.driver import message_text
from tests.consult.test_e2e_meetings import STAFF
from tests.e2e.conftest import Harness
from tests.support import reply_to


async def _kinds(h: Harness) -> dict:
    await h.driver.say(STAFF, "🏛 议事管理")
    await h.driver.tap(STAFF, "➕ 新建议事会")
    return await h.driver.expect(STAFF, "请选择会议类型")


async def test_a_title_typed_first_is_kept(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    await _kinds(h)
    again = await reply_to(d, STAFF, "关于加装电梯的议事会", "请再点下面的按钮选会议类型")
    assert "「关于加装电梯的议事会」" in message_text(again)
    await d.tap(STAFF, "居民议事会", again["message_id"])
    # the title is not asked again: the agenda is next
    await d.expect(STAFF, "请输入议程", since=again["message_id"])
    await reply_to(d, STAFF, "方案介绍\n费用分摊", "开会时间")
    duration = await reply_to(d, STAFF, "2026-12-16 15:00", "多长时间")
    await d.tap(STAFF, "90 分钟", duration["message_id"])
    await d.expect(STAFF, "开会地点", since=duration["message_id"])
    audience = await reply_to(d, STAFF, "社区活动室", "面向哪些人")
    await d.tap(STAFF, "全社区", audience["message_id"])
    await d.expect(STAFF, "最多多少人", since=audience["message_id"])
    preview = await reply_to(d, STAFF, "不限", "预览")
    assert "居民议事会：关于加装电梯的议事会" in message_text(preview)
    assert await d.errors() == []


async def test_a_kind_typed_chooses_it(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    await _kinds(h)
    await reply_to(d, STAFF, "楼栋夜话", "会议标题")
    # a title typed first, then the kind typed: on to the agenda with the kind said
    await _kinds(h)
    await reply_to(d, STAFF, "停车位分配讨论", "请再点下面的按钮选会议类型")
    said = await reply_to(d, STAFF, "听证会", "会议类型：重大事项听证会")
    agenda = await d.expect(STAFF, "请输入议程", since=said["message_id"])
    await reply_to(d, STAFF, "介绍方案", "开会时间")
    assert agenda


def test_kind_names() -> None:
    t = Text(Translator(), "zh-Hans")
    assert _kind_named("楼栋夜话", t) is MeetingKind.BUILDING_NIGHT
    assert _kind_named("党群", t) is MeetingKind.PARTY_MASSES
    assert _kind_named("关于加装电梯的议事会", t) is None
    assert _kind_named("hearing", t) is MeetingKind.HEARING
