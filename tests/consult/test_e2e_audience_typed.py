"""'全社区' / '所有居民' / '整个社区' typed where the poll and meeting forms ask who it is for:
taken as the 全社区 tap (the question shows the answer, the next step is asked). Before, each
was told to tap the buttons above; words naming no audience still are."""

from __future__ import annotations

from sqlmodel import select

from models.consultations import AudienceKind, Poll
from sandbox.driver import message_text
from tests.consult.test_e2e_qa_polls import current, labels_of
from tests.e2e.conftest import Harness
from tests.support import reply_to

STAFF = 2001  # 李社工


async def test_poll_audience_typed(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    await d.say(STAFF, "🏛 议事管理")
    await d.tap(STAFF, "➕ 新建投票")
    await d.expect(STAFF, "请输入投票问题")
    await reply_to(d, STAFF, "3号楼是否加装电梯", "请输入选项")
    await reply_to(d, STAFF, "同意，不同意", "单选还是多选")
    audience = await reply_to(d, STAFF, "单选", "面向哪些人")
    await reply_to(d, STAFF, "随便", "请点上面消息里的按钮")
    await reply_to(d, STAFF, "所有居民", "谁可以投票")
    shown = await current(d, STAFF, audience["message_id"])
    assert "全社区" in message_text(shown) and labels_of(shown) == [], message_text(shown)
    await reply_to(d, STAFF, "已核实的", "一户一票")
    await reply_to(d, STAFF, "是", "截止时间")
    await reply_to(d, STAFF, "后天晚上8点", "匿名还是实名")
    await reply_to(d, STAFF, "实名投票", "结果什么时候公开")
    await reply_to(d, STAFF, "截止后公开", "参与比例")
    await reply_to(d, STAFF, "跳过", "赞成须达到")
    await reply_to(d, STAFF, "跳过", "预览")
    async with h.sessionmaker() as session:
        poll = (await session.exec(select(Poll))).one()
    assert poll.audience_kind == AudienceKind.COMMUNITY
    assert await d.errors() == []


async def test_meeting_audience_typed(linli_sandbox: Harness) -> None:
    d = linli_sandbox.driver
    await d.say(STAFF, "🏛 议事管理")
    await d.tap(STAFF, "➕ 新建议事会")
    kinds = await d.expect(STAFF, "请选择会议类型")
    await d.tap(STAFF, "居民议事会", kinds["message_id"])
    await d.expect(STAFF, "会议标题", since=kinds["message_id"])
    await reply_to(d, STAFF, "停车位分配议事会", "请输入议程")
    await reply_to(d, STAFF, "介绍方案", "开会时间")
    duration = await reply_to(d, STAFF, "2026-12-20 19:30", "多长时间")
    await d.tap(STAFF, "60 分钟", duration["message_id"])
    await d.expect(STAFF, "开会地点", since=duration["message_id"])
    audience = await reply_to(d, STAFF, "社区活动室", "面向哪些人")
    # a grid list opened, then the whole community typed: both questions settle
    await d.tap(STAFF, "指定网格", audience["message_id"])
    picker = await d.expect(STAFF, "可多选", since=audience["message_id"])
    await reply_to(d, STAFF, "整个社区", "最多多少人")
    shown = await current(d, STAFF, audience["message_id"])
    assert "全社区" in message_text(shown) and labels_of(shown) == [], message_text(shown)
    assert labels_of(await current(d, STAFF, picker["message_id"])) == []
    assert await d.errors() == []
