"""Ending or withdrawing a poll: a draft goes at once, an open poll is asked about once more,
the preview's buttons are spent once it is published, and the audience of a cancelled poll is
told its ballots no longer count."""

from __future__ import annotations

from sqlmodel import select

from handlers.consult_kit import PollCb
from models.consultations import Poll, PollStatus
from models.scheduling import Delivery
from sandbox.driver import Driver, message_text
from tests.consult.poll_form import to_close_step
from tests.consult.test_e2e_polls import STAFF, ZHOU, ballot
from tests.e2e.conftest import Harness


async def _draft(d: Driver, question: str) -> dict:
    """Staff fill in a poll for the whole community, up to its preview."""
    await to_close_step(d, question, "同意\n不同意")
    [ask] = await d.say(STAFF, "2026-11-24 20:00")
    await d.tap(STAFF, "匿名", ask["message_id"])
    ask = await d.expect(STAFF, "结果什么时候公开", since=ask["message_id"])
    await d.tap(STAFF, "截止后公开", ask["message_id"])
    await d.expect(STAFF, "参与比例才有效", since=ask["message_id"])
    await d.say(STAFF, "跳过")
    [first, *_] = await d.say(STAFF, "跳过")
    # the reply we want may come after others: wait for it, not for a quiet spell
    return await d.expect(STAFF, "预览", since=first["message_id"] - 1)


async def _poll(h: Harness) -> Poll:
    async with h.sessionmaker() as session:
        return (await session.exec(select(Poll))).one()


async def test_a_draft_is_withdrawn_at_once_and_told_to_nobody(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    preview = await _draft(d, "楼下是否设快递柜？")
    await d.tap(STAFF, "❌ 取消投票", preview["message_id"])
    await d.expect(STAFF, "草稿已删除，没有发给任何人", since=preview["message_id"])
    assert (await _poll(h)).status == PollStatus.CANCELLED
    [after] = [m for m in await d.messages(STAFF) if m["message_id"] == preview["message_id"]]
    assert not (after.get("reply_markup") or {}).get("inline_keyboard")
    async with h.sessionmaker() as session:
        assert (await session.exec(select(Delivery))).all() == []


async def test_an_open_poll_is_cancelled_only_when_confirmed_and_voters_are_told(
    linli_sandbox: Harness,
) -> None:
    h = linli_sandbox
    d = h.driver
    preview = await _draft(d, "小区是否增设电动车充电桩？")
    await d.tap(STAFF, "📣 发布", preview["message_id"])
    await d.expect(STAFF, "投票已发布", since=preview["message_id"])
    # the preview's buttons are spent: its "❌ 取消投票" can no longer end the live poll
    [spent] = [m for m in await d.messages(STAFF) if m["message_id"] == preview["message_id"]]
    assert not (spent.get("reply_markup") or {}).get("inline_keyboard")
    mine = await ballot(d, ZHOU)
    await d.tap(ZHOU, "同意", mine["message_id"])
    await d.expect(ZHOU, "已投票")
    # from the poll's card: asked once more, and "no" keeps it open
    await d.say(STAFF, "🏛 议事管理")
    await d.tap(STAFF, "📊 投票列表")
    listed = await d.expect(STAFF, "投票列表")
    await d.tap(STAFF, "充电桩", listed["message_id"])
    card = await d.expect(STAFF, "状态：进行中", since=listed["message_id"])
    await d.tap(STAFF, "❌ 取消投票", card["message_id"])
    ask = await d.expect(STAFF, "确定取消投票", since=card["message_id"])
    assert "已收到的 1 张选票将作废" in message_text(ask)
    await d.tap(STAFF, "不了，继续投票", ask["message_id"])
    await d.expect(STAFF, "投票继续进行", since=ask["message_id"] - 1)
    assert (await _poll(h)).status == PollStatus.OPEN
    # asked again and confirmed: cancelled, and the people it was sent to are told
    await d.tap(STAFF, "❌ 取消投票", card["message_id"])
    ask = await d.expect(STAFF, "确定取消投票", since=ask["message_id"])
    await d.tap(STAFF, "确认取消投票", ask["message_id"])
    done = await d.expect(STAFF, "投票已取消", since=ask["message_id"])
    poll = await _poll(h)
    assert poll.status == PollStatus.CANCELLED
    async with h.sessionmaker() as session:
        notices = (await session.exec(select(Delivery))).all()
    cancelled = [n for n in notices if "已取消，之前投的票不再有效" in n.text]
    assert {n.chat_id for n in cancelled} >= {ZHOU}
    assert f"取消通知已排队发给 {len(cancelled)} 人" in message_text(done)
    await d.expect(ZHOU, "投票「小区是否增设电动车充电桩？」已取消")
    # its buttons are spent; a second tap that was already on its way changes nothing
    data = PollCb(action="cancelok", id=poll.id or 0).pack()
    answer = await d.click(STAFF, ask["message_id"], data=data)
    assert "不在进行中" in str(answer)
    assert (await _poll(h)).status == PollStatus.CANCELLED
