"""A score typed where the rating buttons were meant, as older residents do ('满意，谢谢',
'挺好的', '还行', '一般', '不满意', '没修好', 'satisfied') is the score: recorded as its tap
would be — the rating question loses its buttons and reads the score, a comment is asked for
(不满意 reopens the matter and asks what is still wrong). Before, it was answered with the
buttons again and needed a tap. An 'OK' ('好的') right under the question is asked, politely,
with the buttons; nothing is recorded from it. (handlers.requests.take_typed_rating)"""

from __future__ import annotations

from typing import Any

from sqlmodel import col, select

from models.orders import Rating, Request, RequestStatus, Score
from sandbox.driver import message_text
from tests.e2e.conftest import Harness
from tests.orders.test_e2e_cycle import STAFF, ZHOU, _file, _open_card
from tests.support import inline_labels, reply_to

OFFER = "要把这件事报给社区吗"
SCORES = ["😊 满意", "🙂 基本满意", "😞 不满意"]


async def _done(h: Harness, words: str) -> tuple[str, dict[str, Any]]:
    """A request of 周阿姨's handled by staff and sent to her to rate: its number and the
    rating question she got."""
    d = h.driver
    number = await _file(h, ZHOU, words)
    await _open_card(h, number)
    await d.tap(STAFF, "直接办理")
    await d.expect(STAFF, "社区办理中")
    await d.tap(STAFF, "填写结果")
    await reply_to(d, STAFF, "已请电工修好", "已发给居民评价")
    asked = await d.expect(ZHOU, f"您的诉求 {number} 已办好")
    assert "请给这次服务打个分" in message_text(asked)
    return number, asked


async def _stored(h: Harness, number: str) -> tuple[Request, list[Rating]]:
    async with h.sessionmaker() as session:
        req = (await session.exec(select(Request).where(col(Request.id) == int(number)))).one()
        ratings = (
            await session.exec(
                select(Rating).where(Rating.request_id == req.id).order_by(col(Rating.id))
            )
        ).all()
    return req, list(ratings)


async def _question_now(h: Harness, asked: dict[str, Any]) -> dict[str, Any]:
    """The rating question as it reads now (redrawn once rated)."""
    [now] = [m for m in await h.driver.messages(ZHOU) if m["message_id"] == asked["message_id"]]
    return dict(now)


async def test_a_score_typed_under_the_question_is_recorded(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    # nothing to rate yet: thanked, not offered to be filed
    none = await reply_to(d, ZHOU, "满意", "目前没有等您评价的诉求")
    assert OFFER not in message_text(none)
    number, asked = await _done(h, "楼道灯坏了，晚上很黑")
    took = await reply_to(d, ZHOU, "满意，谢谢！", "按您说的记下了")
    assert f"诉求 {number} 的评价是「😊 满意」" in message_text(took)
    assert inline_labels(took) == ["跳过"]  # the comment, or not
    req, [rating] = await _stored(h, number)
    assert req.status == RequestStatus.RESOLVED and rating.score == Score.SATISFIED
    # the question reads the score and has no buttons left to tap
    await d.expect(ZHOU, "您的评价：😊 满意", since=asked["message_id"] - 1)
    question = await _question_now(h, asked)
    assert not set(inline_labels(question)) & set(SCORES), question
    await d.tap(ZHOU, "跳过", took["message_id"])
    await d.expect(ZHOU, "感谢您的评价", since=took["message_id"])
    req, [rating] = await _stored(h, number)
    assert rating.comment == ""


async def test_typed_words_read_as_their_score(linli_sandbox: Harness) -> None:
    """Table-driven: each word under its own request's question."""
    h = linli_sandbox
    d = h.driver
    for said, label, score in (
        ("很满意", "😊 满意", Score.SATISFIED),
        ("挺好的", "😊 满意", Score.SATISFIED),
        ("还行", "🙂 基本满意", Score.BASIC),
        ("一般", "🙂 基本满意", Score.BASIC),
        ("satisfied", "😊 满意", Score.SATISFIED),
    ):
        number, _ = await _done(h, f"小区门口的路灯坏了，{said}")
        took = await reply_to(d, ZHOU, said, "按您说的记下了")
        assert f"诉求 {number} 的评价是「{label}」" in message_text(took), said
        # a comment typed at once is the rating's comment, as after a tap
        await reply_to(d, ZHOU, f"{said}，师傅很认真", "您的话我们记下了")
        req, [rating] = await _stored(h, number)
        assert (req.status, rating.score) == (RequestStatus.RESOLVED, score), said
        assert rating.comment == f"{said}，师傅很认真"


async def test_not_satisfied_in_words_reopens_and_asks_what_is_wrong(
    linli_sandbox: Harness,
) -> None:
    h = linli_sandbox
    d = h.driver
    for said in ("不满意", "没修好"):
        number, _ = await _done(h, f"3楼楼道的灯不亮（{said}）")
        took = await reply_to(d, ZHOU, said, "按您说的记下了")
        text = message_text(took)
        assert f"诉求 {number} 的评价是「😞 不满意」" in text and "请说说哪里还不好" in text
        req, [rating] = await _stored(h, number)
        assert req.status == RequestStatus.REOPENED and rating.score == Score.UNSATISFIED
        await reply_to(d, ZHOU, "灯还是一闪一闪的", "社区会重新办理")
        await d.expect(STAFF, "灯还是一闪一闪的")
        req, [rating] = await _stored(h, number)
        assert rating.comment == "灯还是一闪一闪的"
    # '没修好' with nothing awaiting a score is not taken for one: offered to be filed
    offered = await reply_to(d, ZHOU, "没修好", OFFER)
    assert "目前没有等您评价的诉求" not in message_text(offered)
    # nor '还没修好' not right under the question (it may be about a matter still in hand):
    # her requests and how each stands, as before; nothing rated
    number, _ = await _done(h, "2楼的扶手松了")
    await d.say(ZHOU, "你好")
    listed = await reply_to(d, ZHOU, "还没修好", number)
    assert "按您说的记下了" not in message_text(listed)
    req, ratings = await _stored(h, number)
    assert req.status == RequestStatus.DONE and ratings == []


async def test_an_ok_under_the_question_is_asked_with_the_buttons(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    number, _ = await _done(h, "电梯按钮不灵")
    asked = await reply_to(d, ZHOU, "好的", f"您是要给诉求 {number} 打分吗")
    assert inline_labels(asked) == SCORES
    req, ratings = await _stored(h, number)
    assert req.status == RequestStatus.DONE and ratings == []  # nothing taken from '好的'
    await d.tap(ZHOU, "🙂 基本满意", asked["message_id"])
    await d.expect(ZHOU, "您的评价已记下", since=asked["message_id"])
    req, [rating] = await _stored(h, number)
    assert req.status == RequestStatus.RESOLVED and rating.score == Score.BASIC
    # '好的' not under a rating question is small talk, as before
    [ok] = await d.say(ZHOU, "好的")
    assert "打分" not in message_text(ok)


async def test_the_question_right_above_says_which_request(linli_sandbox: Harness) -> None:
    """Two requests await a score: the one whose question the words are right under is rated;
    then, the other being the only one left, a score typed later is its."""
    h = linli_sandbox
    d = h.driver
    first, _ = await _done(h, "楼下垃圾桶满了没人清")
    second, _ = await _done(h, "单元门的门禁坏了")
    took = await reply_to(d, ZHOU, "满意", "按您说的记下了")
    assert f"诉求 {second} 的评价" in message_text(took)
    await d.tap(ZHOU, "跳过", took["message_id"])
    await d.expect(ZHOU, "感谢您的评价", since=took["message_id"])
    req, ratings = await _stored(h, first)
    assert req.status == RequestStatus.DONE and ratings == []
    took = await reply_to(d, ZHOU, "还可以", "按您说的记下了")
    assert f"诉求 {first} 的评价是「🙂 基本满意」" in message_text(took)
    req, [rating] = await _stored(h, first)
    assert req.status == RequestStatus.RESOLVED and rating.score == Score.BASIC


async def test_a_score_said_with_its_comment_is_recorded_at_once(linli_sandbox: Harness) -> None:
    """'很满意，师傅很负责' under the question: the score and its comment, recorded at once, and
    no comment asked for again (the whole message was offered as a matter's words under the
    buttons, to be tapped); '不满意，灯还是不亮' reopens the matter with what is wrong."""
    h = linli_sandbox
    d = h.driver
    number, asked = await _done(h, "楼道灯坏了，晚上很黑")
    took = await reply_to(d, ZHOU, "很满意，师傅很负责", "按您说的记下了")
    assert f"诉求 {number} 的评价是「😊 满意」" in message_text(took)
    assert "跳过" not in inline_labels(took)
    req, [rating] = await _stored(h, number)
    assert req.status == RequestStatus.RESOLVED and rating.score == Score.SATISFIED
    assert rating.comment == "师傅很负责"
    await d.expect(ZHOU, "您的评价：😊 满意", since=asked["message_id"] - 1)
    question = await _question_now(h, asked)
    assert not set(inline_labels(question)) & set(SCORES), question
    number, _ = await _done(h, "门口的路灯不亮了")
    took = await reply_to(d, ZHOU, "不满意，灯还是不亮", "已连同您说的情况转给社区重新办理")
    req, [rating] = await _stored(h, number)
    assert rating.score == Score.UNSATISFIED and rating.comment == "灯还是不亮"
    assert req.status != RequestStatus.RESOLVED
    assert await d.errors() == []
