"""A score typed where the rating buttons were meant ('满意，谢谢') is taken as meant: the rating
question again for the request done, naming the score read; one tap records it. Before, '满意'
was offered to be filed as a new matter."""

from __future__ import annotations

from sqlmodel import select

from models.orders import Rating, Request, RequestStatus, Score
from sandbox.driver import message_text
from tests.e2e.conftest import Harness
from tests.orders.test_e2e_cycle import STAFF, ZHOU, _file, _open_card
from tests.support import inline_labels, reply_to

OFFER = "要把这件事报给社区吗"


async def _done(h: Harness, words: str) -> str:
    """A request of 周阿姨's handled by staff and sent to her to rate; its number."""
    d = h.driver
    number = await _file(h, ZHOU, words)
    await _open_card(h, number)
    await d.tap(STAFF, "直接办理")
    await d.expect(STAFF, "社区办理中")
    await d.tap(STAFF, "填写结果")
    await reply_to(d, STAFF, "已请电工修好", "已发给居民评价")
    await d.expect(ZHOU, "请给这次服务打个分")
    return number


async def test_a_typed_score_asks_to_tap_it_for_the_request_done(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    # nothing to rate yet: thanked, not offered to be filed
    none = await reply_to(d, ZHOU, "满意", "目前没有等您评价的诉求")
    assert OFFER not in message_text(none)
    number = await _done(h, "楼道灯坏了，晚上很黑")
    asked = await reply_to(d, ZHOU, "满意，谢谢！", f"要给诉求 {number} 打分")
    assert "「😊 满意」" in message_text(asked)
    assert inline_labels(asked) == ["😊 满意", "🙂 基本满意", "😞 不满意"]
    await d.tap(ZHOU, "😊 满意", asked["message_id"])
    await d.expect(ZHOU, "您的评价已记下", since=asked["message_id"])
    async with h.sessionmaker() as session:
        [req] = (await session.exec(select(Request))).all()
        [rating] = (await session.exec(select(Rating))).all()
    assert req.status == RequestStatus.RESOLVED and rating.score == Score.SATISFIED


async def test_typed_scores_read_as_said(linli_sandbox: Harness) -> None:
    d = linli_sandbox.driver
    number = await _done(linli_sandbox, "小区门口的路灯坏了")
    for said, score in (("还行吧", "🙂 基本满意"), ("不太满意", "😞 不满意")):
        asked = await reply_to(d, ZHOU, said, f"要给诉求 {number} 打分")
        assert f"「{score}」" in message_text(asked), said
    # a complaint about the result is more than a score: the rating question taking the words
    # as its comment, with 📝 报给社区 should they be another matter
    about = await reply_to(d, ZHOU, "灯还是不亮，不满意", f"您是说诉求 {number}")
    assert "报给社区" in str(about.get("reply_markup")), about
