"""A meeting from draft to minutes through the sandbox: staff and residents in chat."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlmodel import select

from models.consultations import CheckIn, Decision, Meeting, MeetingStatus
from sandbox.driver import message_text
from tests.e2e.conftest import Harness
from tests.support import reply_to

STAFF = 2001  # 李社工, 阳光社区
ZHOU = 4001  # 周阿姨, 1号楼 302
WU = 4002  # 吴大爷, 1号楼 502
ZHENG = 4003  # 郑先生, 5号楼 101
HUANG = 4005  # 黄奶奶, 1号楼 302
OTHER = 4004  # 冯女士, 和谐社区
START = datetime(2026, 11, 25, 11, 30, tzinfo=UTC)  # 19:30 in Shanghai
AFTER_JUMP = 30.0  # seconds to wait for scheduled work after the clock jumps


def texts(messages: list[dict]) -> list[str]:
    """The texts of messages."""
    return [message_text(m) for m in messages]


async def test_meeting_from_draft_to_minutes(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    # staff create a building evening talk for 1号楼 with two places
    await d.say(STAFF, "🏛 议事管理")
    await d.tap(STAFF, "➕ 新建议事会")
    await d.expect(STAFF, "请选择会议类型")
    await d.tap(STAFF, "楼栋夜话")
    await d.expect(STAFF, "会议标题")
    await d.say(STAFF, "1号楼加装电梯夜话")
    # an agenda of 10,000 characters is refused and the step is asked again
    await reply_to(d, STAFF, "议" * 10_000, "议程太长了")
    await d.say(STAFF, "介绍加装方案\n听取低层住户意见")
    await reply_to(d, STAFF, "2020-01-01 10:00", "已经过去")
    await d.say(STAFF, "2026-11-25 19:30")
    await d.tap(STAFF, "90 分钟")
    await d.expect(STAFF, "开会地点")
    await d.say(STAFF, "1号楼架空层")
    await d.tap(STAFF, "指定楼栋")
    pick = await d.expect(STAFF, "可多选")
    await d.tap(STAFF, "1号楼", pick["message_id"])
    await d.tap(STAFF, "✅ 完成", pick["message_id"])
    await d.expect(STAFF, "最多多少人")
    [first, *_] = await d.say(STAFF, "2")
    # the reply we want may come after others: wait for it, not for a quiet spell
    preview = await d.expect(STAFF, "预览", since=first["message_id"] - 1)
    assert "楼栋夜话：1号楼加装电梯夜话" in message_text(preview)
    assert "11月25日（周三）19:30" in message_text(preview)
    assert "人数上限：2 人" in message_text(preview)
    await d.tap(STAFF, "📣 发布", preview["message_id"])
    published = await d.expect(STAFF, "已发布，正在通知 3 人")
    code = message_text(published).split("签到码：")[1].strip()
    # the three residents of 1号楼 are told; 5号楼 and the other community are not
    invite = await d.expect(ZHOU, "议事会通知")
    assert "1. 介绍加装方案" in message_text(invite)
    await d.expect(WU, "议事会通知")
    await d.expect(HUANG, "议事会通知")
    assert not [t for t in texts(await d.messages(ZHENG)) if "议事会通知" in t]
    assert not [t for t in texts(await d.messages(OTHER)) if "议事会通知" in t]

    # RSVP: two places; the third yes waits and moves up when someone cancels
    await d.tap(ZHOU, "去", invite["message_id"])
    await d.expect(ZHOU, "已报名")
    await d.tap(WU, "去")
    await d.expect(WU, "已报名")
    await d.tap(HUANG, "去")
    await d.expect(HUANG, "候补名单第 1 位")
    await d.tap(ZHOU, "不去", invite["message_id"])
    await d.expect(ZHOU, "已记录「不去」")
    await d.expect(HUANG, "已从候补转为正式参加")

    # staff change the place: those who answered are told exactly what changed
    await d.say(STAFF, "🏛 议事管理")
    await d.tap(STAFF, "📋 议事会列表")
    listed = await d.expect(STAFF, "近期议事会")
    await d.tap(STAFF, "1号楼加装电梯夜话", listed["message_id"])
    card = await d.expect(STAFF, "签到码", since=listed["message_id"])
    await d.tap(STAFF, "✏️ 修改", card["message_id"])
    await d.expect(STAFF, "要修改什么")
    await d.tap(STAFF, "地点/链接")
    ask = await d.expect(STAFF, "请输入新的内容")
    assert "现在是：1号楼架空层" in message_text(ask)  # the current value is shown (QA D28)
    await d.say(STAFF, "社区活动室")
    await d.expect(STAFF, "已修改，正在通知 2 位")
    changed = await d.expect(WU, "议事会有变动")
    assert "地点改为：社区活动室" in message_text(changed)
    assert "时间改为" not in message_text(changed)

    # check-in by code outside the window is refused
    await d.say(WU, "🗳 近期议事")
    await d.tap(WU, "🔢 输入签到码")
    await d.expect(WU, "6 位签到码")
    await reply_to(d, WU, code, "还没到签到时间")
    await d.say(WU, "✖️ 取消")
    # 24 hours before: a reminder to those going (吴 and 黄, not 周 who said no)
    h.clock.set(START - timedelta(hours=24))
    # (the nightly retraining the jump makes due runs beside the tick, not before the reminder)
    await d.expect(WU, "提醒：1号楼加装电梯夜话", timeout=AFTER_JUMP)
    await d.expect(HUANG, "提醒：1号楼加装电梯夜话", timeout=AFTER_JUMP)
    # check-in opens 30 minutes before: a button for those going; 黄 uses the code instead
    h.clock.set(START - timedelta(minutes=20))
    button = await d.expect(WU, "现在开始签到", timeout=AFTER_JUMP)
    await d.tap(WU, "📍 签到", button["message_id"])
    await d.expect(WU, "签到成功")
    await d.say(HUANG, "🗳 近期议事")
    await d.tap(HUANG, "🔢 输入签到码")
    await d.expect(HUANG, "6 位签到码")
    # (the check-in notice for those going may land in the same moment: not taken for the answer)
    await reply_to(d, HUANG, code, "签到成功")
    assert not [t for t in texts(await d.messages(ZHOU)) if "现在开始签到" in t]

    # after the meeting: minutes and decisions to everyone invited
    h.clock.set(START + timedelta(hours=2))
    await d.say(STAFF, "🏛 议事管理")
    await d.tap(STAFF, "📋 议事会列表")
    listed = await d.expect(STAFF, "近期议事会", since=listed["message_id"])
    await d.tap(STAFF, "1号楼加装电梯夜话", listed["message_id"])
    card = await d.expect(STAFF, "已签到 2", since=listed["message_id"])
    await d.tap(STAFF, "📝 发布纪要", card["message_id"])
    await d.expect(STAFF, "会议纪要")
    await d.say(STAFF, "到会居民同意启动加装电梯意见征集。")
    [first, *_] = await d.say(STAFF, "成立加装电梯居民小组\n修复1号楼门口路灯")
    preview = await d.expect(STAFF, "议事会纪要", since=first["message_id"] - 1)
    await d.tap(STAFF, "✅ 确认发送", preview["message_id"])
    await d.expect(STAFF, "纪要已发布，正在发给 3 位")
    minutes = await d.expect(ZHOU, "议事会纪要")
    assert "2. 修复1号楼门口路灯" in message_text(minutes)
    assert "在机器人上签到 2 人" in message_text(minutes)
    # a decision becomes an order, linked back to the meeting: staff check the plan first
    await d.expect(STAFF, "已发布纪要")
    last = (await d.messages(STAFF))[-1]["message_id"]
    await d.tap(STAFF, "🧾 转为工单 2")
    plan = await d.expect(STAFF, "决议转为工单", since=last)
    assert "工单标题：修复1号楼门口路灯" in message_text(plan)
    assert "地点：第一网格 · 1号楼" in message_text(plan)
    assert "分类（自动建议）：公共设施" in message_text(plan)  # triage's suggestion
    await d.tap(STAFF, "✏️ 改标题", plan["message_id"])
    await d.expect(STAFF, "现在的标题是：修复1号楼门口路灯", since=plan["message_id"])
    [first, *_] = await d.say(STAFF, "修1号楼门口路灯")
    # the reply we want may come after others: wait for it, not for a quiet spell
    plan = await d.expect(STAFF, "决议转为工单", since=first["message_id"] - 1)
    assert "工单标题：修1号楼门口路灯" in message_text(plan)
    await d.tap(STAFF, "✅ 创建工单", plan["message_id"])
    made = await d.expect(STAFF, "已根据决议创建工单", since=plan["message_id"])
    async with h.sessionmaker() as session:
        meeting = (await session.exec(select(Meeting))).one()
        assert meeting.status == MeetingStatus.MINUTED
        checkins = (await session.exec(select(CheckIn))).all()
        assert sorted((c.user_id, c.method) for c in checkins) == [(WU, "button"), (HUANG, "code")]
        decision = (await session.exec(select(Decision).where(Decision.position == 1))).one()
        assert decision.order_ref and decision.order_ref in message_text(made)
    # and RSVP to the finished meeting is refused politely
    answer = await d.tap(ZHOU, "去", invite["message_id"])
    assert "已经结束" in str(answer)
