"""QA findings on the order cycle, end to end through the sandbox (see notes/QA.md)."""

from __future__ import annotations

from sqlmodel import col, select

from models.orders import Rating, Request, RequestStatus
from sandbox.driver import message_text
from tests.e2e.conftest import Harness
from tests.orders.test_e2e_cycle import STAFF, WU, _file, _open_card


async def _handle_directly(h: Harness, number: str, result: str) -> None:
    """Staff handle a request themselves and write the result: the resident is asked to rate."""
    d = h.driver
    await _open_card(h, number)
    await d.tap(STAFF, "直接办理")
    await d.expect(STAFF, "社区办理中")
    await d.tap(STAFF, "填写结果")
    await d.say(STAFF, result)
    await d.expect(STAFF, "已发给居民评价")


async def test_satisfied_tap_is_stored_before_the_optional_comment(linli_sandbox: Harness) -> None:
    """QA D24: a resident who taps 满意 and stops there has rated."""
    h = linli_sandbox
    d = h.driver
    number = await _file(h, WU, "2号楼门口的垃圾桶满了，味道很大")
    await _handle_directly(h, number, "已清运垃圾桶")
    ask = await d.expect(WU, "已清运垃圾桶")
    await d.tap(WU, "😊 满意", ask["message_id"])
    await d.expect(WU, "评价已记下")
    # the resident leaves without a comment: the rating is already counted
    await d.say(WU, "📂 我的诉求")
    async with h.sessionmaker() as s:
        req = (await s.exec(select(Request).where(col(Request.resident_id) == WU))).one()
        assert req.status == RequestStatus.RESOLVED
        [rating] = (await s.exec(select(Rating).where(col(Rating.request_id) == req.id))).all()
        assert rating.score == "satisfied" and rating.comment == ""
    # a second tap on the same prompt is told it was rated already
    result = await d.click(WU, ask["message_id"], data=f"oc:rate2:{req.id}:0")
    assert "已经评价过" in str(result)


async def test_comment_after_the_tap_is_added_to_the_rating(linli_sandbox: Harness) -> None:
    """QA D24: the comment typed after 基本满意 joins the stored rating."""
    h = linli_sandbox
    d = h.driver
    number = await _file(h, WU, "楼道里堆了很多杂物，不好走")
    await _handle_directly(h, number, "已清理楼道杂物")
    ask = await d.expect(WU, "已清理楼道杂物")
    await d.tap(WU, "🙂 基本满意", ask["message_id"])
    await d.expect(WU, "评价已记下")
    await d.say(WU, "下次早点来就好了")
    saved = await d.expect(WU, "记下了")
    assert "下次" not in message_text(saved)
    async with h.sessionmaker() as s:
        [rating] = (await s.exec(select(Rating))).all()
        assert rating.score == "basic" and rating.comment == "下次早点来就好了"
