"""/stats for the period staff need: last month (the monthly report, on the 1st), or any days
typed after the command; its export covers the same days. A period with nothing filed says so
without an empty chart, and a period that cannot be read is explained with examples."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo

from sandbox.driver import message_text
from tests.e2e.conftest import Harness
from tests.orders.test_e2e_cycle import STAFF, WU, _file


async def _ask(h: Harness) -> dict[str, Any]:
    """/stats: the question with the period buttons."""
    sent = await h.driver.send(STAFF, "/stats")
    return await h.driver.expect(STAFF, "请选择统计时段", since=sent["message_id"])


async def test_last_month_and_typed_periods(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    h.clock.set(datetime(2026, 11, 20, 2, 0, tzinfo=UTC))  # 20 Nov, 10:00 in Shanghai
    await _file(h, WU, "2号楼门口的路灯不亮了")
    h.clock.set(datetime(2026, 12, 1, 1, 0, tzinfo=UTC))  # 1 Dec, 09:00: the monthly report
    # (the staff card of the filing may arrive meanwhile: answers are found by their text)
    ask = await _ask(h)
    await d.tap(STAFF, "本月", ask["message_id"])
    this_month = await d.expect(STAFF, "台账统计 · 本月", since=ask["message_id"])
    assert "诉求 0 件" in message_text(this_month)
    await d.tap(STAFF, "上月", ask["message_id"])
    last = await d.expect(STAFF, "台账统计 · 上月", since=this_month["message_id"])
    assert "诉求 1 件" in message_text(last)
    # typed: a month, or from-to days; the export is of those days
    sent = await d.send(STAFF, "/stats 2026年11月")
    typed = await d.expect(STAFF, "台账统计 · 2026-11-01 至 2026-11-30", since=sent["message_id"])
    assert "诉求 1 件" in message_text(typed)
    await d.tap(STAFF, "导出台账", typed["message_id"])
    doc = await d.expect(STAFF, "台账已生成，共 1 件", since=typed["message_id"])
    assert doc["document"]["file_name"].startswith("ledger-20261101-20261130")
    sent = await d.send(STAFF, "/stats 2026-11-21 2026-11-30")
    other = await d.expect(STAFF, "台账统计 · 2026-11-21 至 2026-11-30", since=sent["message_id"])
    assert "诉求 0 件" in message_text(other)


async def test_an_empty_period_has_no_chart_and_a_bad_one_is_explained(
    linli_sandbox: Harness,
) -> None:
    h = linli_sandbox
    d = h.driver
    ask = await _ask(h)
    await d.tap(STAFF, "本周", ask["message_id"])
    figures = await d.expect(STAFF, "台账统计 · 本周", since=ask["message_id"])
    assert "诉求 0 件" in message_text(figures)
    assert not [m for m in await d.messages(STAFF) if m.get("photo")], "no empty chart"
    [refused] = await d.say(STAFF, "/stats 很久以前")
    assert "/stats 2026-11" in message_text(refused), message_text(refused)
    [refused] = await d.say(STAFF, "/stats 2026-11-30 2026-11-01")
    assert "开始日期 2026-11-30 在结束日期 2026-11-01 之后" in message_text(refused)


async def test_the_examples_the_question_gives_work(linli_sandbox: Harness) -> None:
    """The question names how to ask for another period; each example it gives is read."""
    import re

    h = linli_sandbox
    d = h.driver
    ask = await _ask(h)
    examples = re.findall(r"/stats [0-9- ]*[0-9]", message_text(ask))
    assert len(examples) == 3, message_text(ask)
    for example in examples:
        sent = await d.send(STAFF, example)
        figures = await d.expect(STAFF, "台账统计 · 2026-", since=sent["message_id"])
        assert "诉求" in message_text(figures)


async def test_the_period_said_in_words(linli_sandbox: Harness) -> None:
    """Staff say the period rather than tap or type a date: '上个月的' right under the period
    buttons, '本月的台账' or '11月统计' at the menu, '/stats 上周' after the command; '统计'
    alone brings the buttons. Before, '上个月的' was kept as a matter of their own to file."""
    h = linli_sandbox
    d = h.driver
    h.clock.set(datetime(2026, 11, 20, 2, 0, tzinfo=UTC))  # 20 Nov, 10:00 in Shanghai
    await _file(h, WU, "2号楼门口的路灯不亮了")
    h.clock.set(datetime(2026, 12, 7, 1, 0, tzinfo=UTC))  # Monday 7 Dec, 09:00
    ask = await _ask(h)
    assert "「上周」「11月」「最近30天」" in message_text(ask)
    sent = await d.send(STAFF, "上个月的")
    last = await d.expect(STAFF, "台账统计 · 上月", since=sent["message_id"])
    assert "诉求 1 件" in message_text(last)
    sent = await d.send(STAFF, "本月的台账")  # a button's period: titled as its button's
    this = await d.expect(STAFF, "台账统计 · 本月", since=sent["message_id"])
    assert "诉求 0 件" in message_text(this)
    sent = await d.send(STAFF, "最近30天统计")
    recent = await d.expect(STAFF, "台账统计 · 2026-11-08 至 2026-12-07", since=sent["message_id"])
    assert "诉求 1 件" in message_text(recent)
    sent = await d.send(STAFF, "/stats 上周")
    week = await d.expect(STAFF, "台账统计 · 2026-11-30 至 2026-12-06", since=sent["message_id"])
    assert "诉求 0 件" in message_text(week)
    sent = await d.send(STAFF, "统计")
    await d.expect(STAFF, "请选择统计时段", since=sent["message_id"])
    # a month alone is a period only right under the period buttons
    await d.send(STAFF, "11月")
    figures = await d.expect(
        STAFF, "台账统计 · 2026-11-01 至 2026-11-30", since=sent["message_id"]
    )
    sent = await d.send(STAFF, "11月")
    later = await d.expect(STAFF, "", since=sent["message_id"])
    assert "台账统计" not in message_text(later), message_text(later)
    assert figures["message_id"] < later["message_id"]
    # the figures asked as a question, or the ledger asked to be sent
    sent = await d.send(STAFF, "上个月的满意率是多少？")
    await d.expect(STAFF, "台账统计 · 上月", since=sent["message_id"])
    sent = await d.send(STAFF, "这个月的台账发我一下")
    await d.expect(STAFF, "台账统计 · 本月", since=sent["message_id"])
    sent = await d.send(STAFF, "这周的统计")
    week = await d.expect(STAFF, "台账统计 · 本周", since=sent["message_id"])
    assert "2026-12-07" not in message_text(week)
    assert await d.errors() == []


async def test_how_many_came_in_asked_in_words(linli_sandbox: Harness) -> None:
    """'今天有几个新诉求', '今天来了多少单', 'how many new requests today?', '这周有多少诉求':
    the figures of that period, as /stats gives them (was kept as a matter of the staff
    member's own, for registering)."""
    h = linli_sandbox
    d = h.driver
    await _file(h, WU, "2号楼门口的路灯不亮了")
    today = h.clock().astimezone(ZoneInfo("Asia/Shanghai")).date()
    for said, period in (
        ("今天有几个新诉求", today.isoformat()),
        ("今天来了多少单", today.isoformat()),
        ("how many new requests today?", today.isoformat()),
        ("这周有多少诉求", "本周"),  # titled as the 本周 button's figures are
    ):
        sent = await d.send(STAFF, said)
        figures = await d.expect(STAFF, f"台账统计 · {period}", since=sent["message_id"])
        assert "诉求 1 件" in message_text(figures), said
        assert "导出台账" in str(figures.get("reply_markup")), said
        said_back = [
            message_text(m)
            for m in await d.messages(STAFF)
            if m["message_id"] > sent["message_id"]
        ]
        assert not any("已经先记下了" in t or "报给社区" in t for t in said_back), said_back
    assert await d.errors() == []


async def test_which_comes_first_and_by_community_asked_in_words(linli_sandbox: Harness) -> None:
    """'这个月各社区情况怎么样', '哪个网格满意率最低', '上个月谁接单最多': the figures of that
    period, broken down by community, grid and member as they are (each was kept as a matter
    of the staff member's own, for registering)."""
    h = linli_sandbox
    d = h.driver
    await _file(h, WU, "2号楼门口的路灯不亮了")
    for said, period, filed in (
        ("这个月各社区情况怎么样", "本月", 1),
        ("哪个网格满意率最低", "本月", 1),  # no period said: this month's figures
        ("上个月谁接单最多？", "上月", 0),
        ("which community has the most overdue", "本月", 1),
    ):
        sent = await d.send(STAFF, said)
        figures = await d.expect(STAFF, f"台账统计 · {period}", since=sent["message_id"])
        assert f"诉求 {filed} 件" in message_text(figures), said
        said_back = [
            message_text(m)
            for m in await d.messages(STAFF)
            if m["message_id"] > sent["message_id"]
        ]
        assert not any("已经先记下了" in t or "报给社区" in t for t in said_back), said_back
    assert await d.errors() == []


async def test_a_period_said_right_under_the_figures_is_taken(linli_sandbox: Harness) -> None:
    """The question says '其他时段直接说就行，例如「上周」': said right under the figures of
    another period (the buttons' message no longer the last), '上周' was answered as staff
    talking of their own home ('已经先记下了'); now it gives that period's figures."""
    h = linli_sandbox
    d = h.driver
    ask = await _ask(h)
    await d.tap(STAFF, "本周", ask["message_id"])
    figures = await d.expect(STAFF, "台账统计 · 本周", since=ask["message_id"])
    sent = await d.send(STAFF, "上周")
    last_week = await d.expect(STAFF, "台账统计 · ", since=sent["message_id"])
    sent = await d.send(STAFF, "11月")
    await d.expect(STAFF, "台账统计 · 2026-11-01 至 2026-11-30", since=sent["message_id"])
    assert "登记" not in message_text(last_week) and figures
    assert await d.errors() == []
