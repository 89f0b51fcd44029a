"""🏅 我的积分: this month's and lifetime points, the community board with 本月 / 今年 / 全部
buttons that edit the message in place, the member's own rank, the latest entries. Months
begin at midnight in Shanghai; members who did not agree to be named are shown masked."""

from __future__ import annotations

from datetime import UTC, datetime

from models import MemberProfile
from models.orders import PointsEntry
from sandbox.driver import message_text
from tests.e2e.conftest import Harness
from tests.orders.test_e2e_claim_in_place import _issue
from tests.orders.test_e2e_cycle import LIU, STAFF, ZHAO
from tests.support import reply_to

FIRST_OF_DECEMBER = datetime(2026, 12, 1, 2, 0, tzinfo=UTC)  # 10:00 in Shanghai


async def _history(h: Harness) -> None:
    """Earlier points: 刘 on 30 November 23:30 local (last month); 赵 (not named publicly) on
    1 December 01:00 local, which is still 30 November in UTC (this month), and in 2025."""
    async with h.sessionmaker() as s:
        zhao = await s.get(MemberProfile, ZHAO)
        assert zhao is not None
        zhao.show_name_public = False
        cid = zhao.community_id
        s.add_all(
            [
                PointsEntry(
                    member_id=LIU,
                    community_id=cid,
                    points=20,
                    minutes=120,
                    at=datetime(2026, 11, 30, 15, 30, tzinfo=UTC),
                    note="G09001",
                ),
                PointsEntry(
                    member_id=ZHAO,
                    community_id=cid,
                    points=10,
                    minutes=60,
                    at=datetime(2026, 11, 30, 17, 0, tzinfo=UTC),
                    note="G09002",
                ),
                PointsEntry(
                    member_id=ZHAO,
                    community_id=cid,
                    points=100,
                    minutes=600,
                    at=datetime(2025, 6, 1, 2, 0, tzinfo=UTC),
                    note="G09003",
                ),
            ]
        )
        await s.commit()


async def test_my_points_month_year_all(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    h.clock.set(FIRST_OF_DECEMBER)
    await _history(h)
    # 刘 claims an order, reports it done, staff verify: 10 points, 1 hour, on 1 December
    order_no = await _issue(h, "楼道里的灯坏了，晚上看不见路")
    offer = await d.expect(LIU, f"新工单 {order_no}")
    await d.click(LIU, offer["message_id"], text="✋ 接单")
    await d.expect(LIU, f"您已接下工单 {order_no}")
    await d.tap(LIU, "完成上报")
    await d.say(LIU, "换好了灯泡")
    await d.say(LIU, "✅ 说完了")
    await d.expect(LIU, "等待社区验收")
    verify = await d.expect(STAFF, "请验收")
    await d.tap(STAFF, "验收通过", verify["message_id"])
    await d.expect(LIU, "您获得 10 积分")

    card = await reply_to(d, LIU, "🏅 我的积分", "我的积分")
    text = message_text(card)
    # this month began at midnight in Shanghai: 刘's 30 November entry is last month's
    assert "本月：10 分 · 服务 1 小时" in text, text
    assert "累计：30 分 · 服务 3 小时 · 完成 2 单" in text, text
    assert "阳光社区积分榜 · 本月" in text
    # equal points share the rank; 赵敏 did not agree to be named publicly
    assert "1. 刘建国（我） — 10 分（1 小时）" in text, text
    assert "1. 赵** — 10 分（1 小时）" in text and "赵敏" not in text, text
    assert "您本月排第 1 名（共 2 人上榜）" in text, text
    assert "只显示姓氏" in text
    # the latest entries: the order just verified first, with its title and date
    recent = text.split("最近的积分")[1]
    assert recent.index(order_no) < recent.index("G09001"), recent
    # called by the matter in the resident's words, not by its category (公共设施…)
    assert f"12月1日 · {order_no} 楼道里的灯坏了，晚上看不见路" in recent, recent
    assert "+10 分" in recent, recent
    assert "11月30日 · G09001" in recent and "2025年6月1日 · G09003" not in recent

    # 今年 / 全部 edit the same message
    await d.tap(LIU, "今年", card["message_id"])
    year = await d.expect(LIU, "积分榜 · 今年")
    assert year["message_id"] == card["message_id"]
    text = message_text(year)
    assert "1. 刘建国（我） — 30 分（3 小时）" in text and "2. 赵** — 10 分" in text, text
    assert "您今年排第 1 名（共 2 人上榜）" in text
    await d.tap(LIU, "全部", card["message_id"])
    every = await d.expect(LIU, "积分榜 · 累计")
    assert every["message_id"] == card["message_id"]
    text = message_text(every)
    assert "1. 赵** — 110 分（11 小时）" in text and "2. 刘建国（我） — 30 分" in text, text
    assert "您累计排第 2 名" in text
    # the selected period is marked on its button
    labels = [b["text"] for row in every["reply_markup"]["inline_keyboard"] for b in row]
    assert labels == ["本月", "今年", "✓ 全部"], labels

    # 赵敏 sees her own name; a month nobody earned in is explained
    hers = await reply_to(d, ZHAO, "🏅 我的积分", "我的积分")
    assert "赵敏（我）" in message_text(hers)
    h.clock.set(datetime(2027, 2, 1, 4, 0, tzinfo=UTC))
    empty = await reply_to(d, LIU, "🏅 我的积分", "我的积分")
    text = message_text(empty)
    assert "本月还没有人获得积分" in text and "累计：30 分" in text, text
