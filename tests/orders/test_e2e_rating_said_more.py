"""A rating given as residents say it beyond the three scores: points above five are a mark
out of ten ('打十分', '8分', '给9分': 8–10 满意, 5–7 基本满意, ≤4 不满意), read back with the
three buttons as '打五分' is (before, '打十分' was offered to be filed as a matter); stars or
points said with a comment ('五星，师傅很好', '4 stars, quick and friendly') are read back with
the comment, and the tap records both (before, the points were not read at all: the whole
message was offered as a comment under the buttons). A score in words with its comment at the
menu while two results await a score ('满意，师傅很耐心') is read back for the newest, its
comment kept for the tap (it was dropped). (services.smalltalk.points_of, points_and_comment;
handlers.requests.take_typed_rating)"""

from __future__ import annotations

from models.orders import RequestStatus, Score
from sandbox.driver import message_text
from tests.e2e.conftest import Harness
from tests.orders.test_e2e_cycle import ZHOU
from tests.orders.test_e2e_rating_typed import SCORES, _done, _stored
from tests.support import inline_labels, reply_to


async def test_points_out_of_ten_read_back(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    number, _ = await _done(h, "楼道灯坏了，晚上很黑")
    asked = await reply_to(d, ZHOU, "打十分", "记作「😊 满意」")
    text = message_text(asked)
    assert f"诉求 {number}" in text and "10 分（满分 10 分）" in text, text
    assert "8–10 分算满意" in text, text
    assert inline_labels(asked) == SCORES
    req, ratings = await _stored(h, number)
    assert req.status == RequestStatus.DONE and ratings == []  # nothing recorded yet
    await d.tap(ZHOU, "😊 满意", asked["message_id"])
    await d.expect(ZHOU, "您的评价已记下", since=asked["message_id"])
    req, [rating] = await _stored(h, number)
    assert (req.status, rating.score) == (RequestStatus.RESOLVED, Score.SATISFIED)
    for said, label in (("8分", "😊 满意"), ("给9分", "😊 满意"), ("打6分", "🙂 基本满意")):
        number, _ = await _done(h, f"小区门口的路灯坏了（{said}）")
        await d.say(ZHOU, "你好")  # at the menu, not under the question: the one awaiting
        asked = await reply_to(d, ZHOU, said, f"记作「{label}」")
        assert f"诉求 {number}" in message_text(asked), said
        assert inline_labels(asked) == SCORES, said
        await d.tap(ZHOU, label, asked["message_id"])
        await d.expect(ZHOU, "您的评价已记下", since=asked["message_id"])
    assert await d.errors() == []


async def test_points_with_a_comment_read_back_and_kept(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    for said, comment in (
        ("五星，师傅很好", "师傅很好"),
        ("4 stars, quick and friendly", "quick and friendly"),
    ):
        number, _ = await _done(h, f"单元门的门禁坏了（{said}）")
        asked = await reply_to(d, ZHOU, said, "记作「😊 满意」")
        text = message_text(asked)
        assert f"诉求 {number}" in text and f"您说的「{comment}」会和评价一起记下" in text, text
        assert inline_labels(asked) == SCORES
        req, ratings = await _stored(h, number)
        assert req.status == RequestStatus.DONE and ratings == []  # read back, not given
        await d.tap(ZHOU, "😊 满意", asked["message_id"])
        await d.expect(ZHOU, "您的话我们记下了", since=asked["message_id"])
        req, [rating] = await _stored(h, number)
        assert (req.status, rating.score, rating.comment) == (
            RequestStatus.RESOLVED,
            Score.SATISFIED,
            comment,
        ), said
    assert await d.errors() == []


async def test_a_score_and_comment_for_the_newest_of_two_keeps_the_comment(
    linli_sandbox: Harness,
) -> None:
    h = linli_sandbox
    d = h.driver
    first, _ = await _done(h, "楼下垃圾桶满了没人清")
    second, _ = await _done(h, "电梯按钮不灵")
    await d.say(ZHOU, "你好")  # at the menu: two await a score
    asked = await reply_to(d, ZHOU, "满意，师傅很耐心", f"您是要给诉求 {second} 打分")
    assert "您说的「师傅很耐心」会和评价一起记下" in message_text(asked), message_text(asked)
    await d.tap(ZHOU, "😊 满意", asked["message_id"])
    await d.expect(ZHOU, "您的话我们记下了", since=asked["message_id"])
    req, [rating] = await _stored(h, second)
    assert (rating.score, rating.comment) == (Score.SATISFIED, "师傅很耐心")
    req, ratings = await _stored(h, first)
    assert req.status == RequestStatus.DONE and ratings == []
    # read back with words kept, then the score typed rather than tapped: the words kept too
    asked = await reply_to(d, ZHOU, "三颗星，来得有点晚", "记作「🙂 基本满意」")
    assert "您说的「来得有点晚」会和评价一起记下" in message_text(asked), message_text(asked)
    await reply_to(d, ZHOU, "满意", "按您说的记下了")
    req, [rating] = await _stored(h, first)
    assert (rating.score, rating.comment) == (Score.SATISFIED, "来得有点晚")
    assert await d.errors() == []
