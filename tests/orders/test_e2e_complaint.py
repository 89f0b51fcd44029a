"""'我要投诉刘师傅，来了就走，根本没修好': a resident's complaint about a member who served them
is read back ('会转给负责诉求 00001 的工作人员，不会转给本人') and, with one tap on 📣 反映给社区,
reaches the matter's staff (with 查看诉求) and its ledger — never the member; a matter done and
not yet rated is offered 😞 不满意 too, which reopens it with the words. A complaint naming no
member of theirs goes to the staff of the resident's grid. Before, each was offered to be filed
as a new matter ('要把这件事报给社区吗？')."""

from __future__ import annotations

from typing import Any

from sqlmodel import select

from models.orders import LedgerEvent, Order, RequestStatus, Score
from sandbox.driver import message_text
from tests.e2e.conftest import Harness
from tests.orders.test_e2e_claim_in_place import _issue
from tests.orders.test_e2e_cycle import LIU, STAFF, WU, ZHOU
from tests.orders.test_e2e_rating_typed import _stored
from tests.support import inline_labels, reply_to

OFFER = "要把这件事报给社区吗"
COMPLAINT = "我要投诉刘师傅，来了就走，根本没修好"


def _new_texts(messages: list[dict[str, Any]]) -> list[str]:
    """The bot's new messages among these (the user's and the questions' redraws left out)."""
    return [
        message_text(m)
        for m in messages
        if m.get("from", {}).get("is_bot") and not m.get("edited") and not inline_labels(m)
    ]


async def _last(h: Harness, chat: int) -> int:
    return int(((await h.driver.messages(chat)) or [{"message_id": 0}])[-1]["message_id"])


async def _claimed_by_liu(h: Harness, text: str) -> str:
    """周阿姨's matter issued and claimed by 刘师傅: the request's number."""
    d = h.driver
    order_no = await _issue(h, text)
    offer = await d.expect(LIU, f"新工单 {order_no}")
    await d.click(LIU, offer["message_id"], text="✋ 接单")
    await d.expect(LIU, f"您已接下工单 {order_no}")
    async with h.sessionmaker() as session:
        order = await session.get(Order, int(order_no.lstrip("G")))
    assert order is not None
    return f"{order.request_id:05d}"


async def test_complaint_reaches_the_staff_not_the_member(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    number = await _claimed_by_liu(h, "1号楼楼道灯坏了，晚上很黑")
    asked = await reply_to(d, ZHOU, COMPLAINT, "反映给社区")
    said = message_text(asked)
    assert f"会转给负责诉求 {number} 的工作人员，不会转给本人" in said and OFFER not in said, said
    assert inline_labels(asked) == ["📣 反映给社区", "不用了"]  # not done: no 不满意
    staff_seen, liu_seen = await _last(h, STAFF), await _last(h, LIU)
    await d.tap(ZHOU, "反映给社区", asked["message_id"])
    await d.expect(ZHOU, "工作人员会跟进", since=asked["message_id"])
    told = await d.expect(STAFF, "反映对 刘建国 的意见", since=staff_seen)
    assert number in message_text(told) and "来了就走" in message_text(told)
    assert "周阿姨" in message_text(told)
    assert "📄 查看诉求" in inline_labels(told)
    again = await d.click(ZHOU, asked["message_id"], data="cp:send")  # a second tap: nothing
    assert "已经选过了" in again["answer"]["text"], again
    async with h.sessionmaker() as session:
        kept = (
            await session.exec(select(LedgerEvent).where(LedgerEvent.action == "complaint"))
        ).all()
    assert len(kept) == 1 and "来了就走" in kept[0].note
    # never to the member
    assert not [m for m in await d.messages(LIU, liu_seen) if "来了就走" in message_text(m)]
    assert await d.errors() == []


async def test_complaint_on_a_done_matter_offers_unsatisfied(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    number = await _claimed_by_liu(h, "厨房的灯不亮了")
    await d.tap(LIU, "完成上报")
    await d.say(LIU, "换好了灯泡")
    await d.say(LIU, "✅ 说完了")
    await d.expect(LIU, "等待社区验收")
    verify = await d.expect(STAFF, "请验收")
    await d.tap(STAFF, "验收通过", verify["message_id"])
    await d.expect(ZHOU, "请给这次服务打个分")
    await d.say(ZHOU, "你好")  # at the menu, not under the rating question
    asked = await reply_to(d, ZHOU, "那个师傅态度很差，灯还是一闪一闪的", "反映给社区")
    assert f"负责诉求 {number}" in message_text(asked) and "不满意" in message_text(asked)
    assert inline_labels(asked) == ["📣 反映给社区", "😞 不满意，重新办理", "不用了"]
    liu_seen = await _last(h, LIU)
    await d.tap(ZHOU, "不满意，重新办理", asked["message_id"])
    await d.expect(ZHOU, "会重新办理", since=asked["message_id"])
    req, [rating] = await _stored(h, number)
    assert (req.status, rating.score) == (RequestStatus.REOPENED, Score.UNSATISFIED)
    assert "态度很差" in rating.comment
    # kept as a complaint in the ledger too, not only as the rating's comment
    async with h.sessionmaker() as session:
        kept = (
            await session.exec(select(LedgerEvent).where(LedgerEvent.action == "complaint"))
        ).all()
    assert len(kept) == 1 and "态度很差" in kept[0].note, kept
    assert not [m for m in await d.messages(LIU, liu_seen) if "态度很差" in message_text(m)]
    assert await d.errors() == []


async def _done_by_liu(h: Harness, text: str) -> str:
    """周阿姨's matter done by 刘师傅 and verified: her rating is asked; the request's number."""
    d = h.driver
    number = await _claimed_by_liu(h, text)
    await d.tap(LIU, "完成上报")
    await d.say(LIU, "换好了灯泡")
    await d.say(LIU, "✅ 说完了")
    await d.expect(LIU, "等待社区验收")
    verify = await d.expect(STAFF, "请验收")
    await d.tap(STAFF, "验收通过", verify["message_id"])
    await d.expect(ZHOU, "请给这次服务打个分")
    return number


async def test_complaint_said_with_a_score_is_rated_and_passed_on(
    linli_sandbox: Harness,
) -> None:
    """'一星，师傅来了就走，根本没修好' under the rating question: the score read back (asked
    once), saying the words go to the matter's staff as a complaint too; its tap records the
    rating with them and passes the complaint on (before: only the rating's comment)."""
    h = linli_sandbox
    d = h.driver
    number = await _done_by_liu(h, "厨房的灯不亮了")
    liu_seen = await _last(h, LIU)
    replies = await d.say(ZHOU, "一星，师傅来了就走，根本没修好")
    asking = [m for m in replies if inline_labels(m)]
    assert len(asking) == 1, [message_text(m) for m in replies]  # one question, not two
    said = message_text(asking[0])
    assert f"也会作为意见转给负责诉求 {number} 的工作人员，不会转给本人" in said, said
    await d.tap(ZHOU, "不满意", asking[0]["message_id"])
    # one confirmation saying both: the score (and the reopening) and to whom the complaint went
    told = await d.expect(ZHOU, "已作为意见转给负责诉求", since=asking[0]["message_id"])
    said = message_text(told)
    assert "不满意" in said and "重新办理" in said and f"负责诉求 {number}" in said, said
    assert _new_texts(await d.messages(ZHOU, asking[0]["message_id"])) == [said]
    req, [rating] = await _stored(h, number)
    assert (req.status, rating.score) == (RequestStatus.REOPENED, Score.UNSATISFIED)
    assert "来了就走" in rating.comment
    async with h.sessionmaker() as session:
        kept = (
            await session.exec(select(LedgerEvent).where(LedgerEvent.action == "complaint"))
        ).all()
    assert len(kept) == 1 and "刘建国: " in kept[0].note and "来了就走" in kept[0].note, kept
    assert not [m for m in await d.messages(LIU, liu_seen) if "来了就走" in message_text(m)]
    assert await d.errors() == []


async def test_complaint_said_with_a_fair_score_reaches_the_staff(
    linli_sandbox: Harness,
) -> None:
    """'基本满意，就是师傅态度很差' (no read-back: the score is said in words): recorded at once,
    and the complaint passed on to the matter's staff, said so, not asked."""
    h = linli_sandbox
    d = h.driver
    number = await _done_by_liu(h, "厨房的灯不亮了")
    staff_seen, zhou_seen = await _last(h, STAFF), await _last(h, ZHOU)
    replies = await d.say(ZHOU, "基本满意，就是师傅态度很差")
    assert not [m for m in replies if inline_labels(m)], [message_text(m) for m in replies]
    told = await d.expect(ZHOU, f"您的意见也已转给负责诉求 {number}", since=zhou_seen)
    # one confirmation saying both (before: the score's, then the complaint's); read from
    # before the words, as the answer may come after the say's quiet spell on a loaded machine
    assert "基本满意" in message_text(told), message_text(told)
    assert _new_texts(await d.messages(ZHOU, zhou_seen)) == [message_text(told)]
    _, [rating] = await _stored(h, number)
    assert rating.score == Score.BASIC and "态度很差" in rating.comment
    told = await d.expect(STAFF, "反映对 刘建国 的意见", since=staff_seen)
    assert number in message_text(told) and "态度很差" in message_text(told)
    assert await d.errors() == []


async def test_complaint_naming_no_member_goes_to_the_grid(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    asked = await reply_to(d, WU, "那个志愿者态度很差", "反映给社区")
    assert "您所在网格的工作人员" in message_text(asked) and OFFER not in message_text(asked)
    seen = await _last(h, STAFF)
    await d.tap(WU, "反映给社区", asked["message_id"])
    await d.expect(WU, "工作人员会跟进", since=asked["message_id"])
    told = await d.expect(STAFF, "反映对服务的意见", since=seen)
    assert "态度很差" in message_text(told)
    # '差评' with nothing awaiting a score: a complaint too (before: nothing to rate)
    asked = await reply_to(d, WU, "差评", "反映给社区")
    await d.tap(WU, "不用了", asked["message_id"])
    await d.expect(WU, "已选：不用反映", since=asked["message_id"] - 1)
    # about a neighbour, not who served them: still a matter to file
    await reply_to(d, WU, "我要投诉楼上噪音，半夜还在装修", OFFER)
    assert await d.errors() == []


async def test_complaint_typed_at_the_unsatisfied_comment_step(linli_sandbox: Harness) -> None:
    """😞 不满意 tapped, then '师傅来了就走，根本没修好' typed at its comment step: the matter is
    reopened as 不满意 reopens it, the words are kept as a complaint (one ledger row), the
    staff's notice says it is a complaint, and the resident is not asked again. Before, the
    words were only the rating's comment."""
    h = linli_sandbox
    d = h.driver
    number = await _done_by_liu(h, "厨房的灯不亮了")
    rating = await d.expect(ZHOU, "请给这次服务打个分")
    await d.tap(ZHOU, "不满意", rating["message_id"])
    asked = await d.expect(ZHOU, "哪里还不好", since=rating["message_id"])
    staff_seen, liu_seen = await _last(h, STAFF), await _last(h, LIU)
    replies = await d.say(ZHOU, "师傅来了就走，根本没修好")
    assert not [m for m in replies if inline_labels(m)], [message_text(m) for m in replies]
    told = await d.expect(ZHOU, "已作为意见转给负责诉求", since=asked["message_id"])
    assert f"负责诉求 {number}" in message_text(told) and "重新办理" in message_text(told)
    notice = await d.expect(STAFF, "的居民投诉", since=staff_seen)
    assert number in message_text(notice) and "来了就走" in message_text(notice)
    req, [stored] = await _stored(h, number)
    assert (req.status, stored.score) == (RequestStatus.REOPENED, Score.UNSATISFIED)
    assert "来了就走" in stored.comment
    async with h.sessionmaker() as session:
        kept = (
            await session.exec(select(LedgerEvent).where(LedgerEvent.action == "complaint"))
        ).all()
    assert len(kept) == 1 and "来了就走" in kept[0].note, kept
    # the staff told once, as a complaint (not a second, general complaint notice)
    staff_new = [message_text(m) for m in await d.messages(STAFF, staff_seen)]
    assert not [m for m in staff_new if "反映对" in m], staff_new
    assert not [m for m in await d.messages(LIU, liu_seen) if "来了就走" in message_text(m)]
    assert await d.errors() == []


async def test_complaint_typed_at_a_fair_scores_comment_step(linli_sandbox: Harness) -> None:
    """🙂 基本满意 tapped, then a complaint typed at the comment step: passed on to the
    matter's staff and kept in the ledger, said in the one confirmation."""
    h = linli_sandbox
    d = h.driver
    number = await _done_by_liu(h, "厨房的灯不亮了")
    rating = await d.expect(ZHOU, "请给这次服务打个分")
    await d.tap(ZHOU, "基本满意", rating["message_id"])
    asked = await d.expect(ZHOU, "跳过", since=rating["message_id"])
    staff_seen = await _last(h, STAFF)
    await d.say(ZHOU, "就是师傅态度很差")
    told = await d.expect(ZHOU, f"您的意见也已转给负责诉求 {number}", since=asked["message_id"])
    assert "已记下" in message_text(told) or "谢谢" in message_text(told), message_text(told)
    notice = await d.expect(STAFF, "反映对 刘建国 的意见", since=staff_seen)
    assert "态度很差" in message_text(notice)
    async with h.sessionmaker() as session:
        kept = (
            await session.exec(select(LedgerEvent).where(LedgerEvent.action == "complaint"))
        ).all()
    assert len(kept) == 1 and "态度很差" in kept[0].note, kept
    assert await d.errors() == []
