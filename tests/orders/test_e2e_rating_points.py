"""A rating given as stars or points or a review ('打五分', '五星', '给5分', '打一分',
'给个好评', '差评'), as residents used to shopping apps answer the rating question. Stars and
points are read as one of the three scores (4–5 满意, 3 基本满意, 1–2 不满意) and said back
with the three buttons: a tap records it, or another score corrects the reading. '给个好评' is
'好评': recorded at once, as '满意' is. The same at the menu when one result awaits a score.
Before, '打五分' was taken for words about the matter (offered as a comment under the buttons,
or to be filed) and '给个好评' opened 我的诉求. (services.smalltalk.points_of)"""

from __future__ import annotations

from models.orders import RequestStatus, Score
from sandbox.driver import message_text
from tests.e2e.conftest import Harness
from tests.orders.test_e2e_cycle import ZHOU
from tests.orders.test_e2e_rating_typed import SCORES, _done, _stored
from tests.support import inline_labels, reply_to


async def test_points_and_stars_read_back_to_be_confirmed(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    number, _ = await _done(h, "楼道灯坏了，晚上很黑")
    asked = await reply_to(d, ZHOU, "打五分", "记作「😊 满意」")
    text = message_text(asked)
    assert f"诉求 {number}" in text and "5 分" in text and "4–5 分算满意" in text, text
    assert inline_labels(asked) == SCORES
    req, ratings = await _stored(h, number)
    assert req.status == RequestStatus.DONE and ratings == []  # nothing recorded yet
    await d.tap(ZHOU, "😊 满意", asked["message_id"])
    await d.expect(ZHOU, "您的评价已记下", since=asked["message_id"])
    req, [rating] = await _stored(h, number)
    assert (req.status, rating.score) == (RequestStatus.RESOLVED, Score.SATISFIED)
    # a reading corrected: '三颗星' is read as 基本满意, and the resident picks 不满意
    number, _ = await _done(h, "单元门的门禁坏了")
    asked = await reply_to(d, ZHOU, "三颗星", "记作「🙂 基本满意」")
    assert "3 星" in message_text(asked)
    await d.tap(ZHOU, "😞 不满意", asked["message_id"])
    await d.expect(ZHOU, "重新办理", since=asked["message_id"])
    req, [rating] = await _stored(h, number)
    assert (req.status, rating.score) == (RequestStatus.REOPENED, Score.UNSATISFIED)
    for said, label in (("五星", "😊 满意"), ("给5分", "😊 满意"), ("打一分", "😞 不满意")):
        number, _ = await _done(h, f"小区门口的路灯坏了（{said}）")
        await d.say(ZHOU, "你好")  # at the menu, not under the question: the one awaiting
        asked = await reply_to(d, ZHOU, said, f"记作「{label}」")
        assert f"诉求 {number}" in message_text(asked), said
        assert inline_labels(asked) == SCORES, said
    assert await d.errors() == []


async def test_a_review_in_words_is_the_score(linli_sandbox: Harness) -> None:
    """'给个好评' / '差评' at the menu, one result awaiting a score: recorded, said back."""
    h = linli_sandbox
    d = h.driver
    number, _ = await _done(h, "电梯按钮不灵")
    await d.say(ZHOU, "你好")  # not right under the question: at the menu
    took = await reply_to(d, ZHOU, "给个好评", "按您说的记下了")
    assert f"诉求 {number} 的评价是「😊 满意」" in message_text(took)
    req, [rating] = await _stored(h, number)
    assert (req.status, rating.score) == (RequestStatus.RESOLVED, Score.SATISFIED)
    number, _ = await _done(h, "楼下垃圾桶满了没人清")
    took = await reply_to(d, ZHOU, "给个差评", "按您说的记下了")
    assert f"诉求 {number} 的评价是「😞 不满意」" in message_text(took)
    req, [rating] = await _stored(h, number)
    assert (req.status, rating.score) == (RequestStatus.REOPENED, Score.UNSATISFIED)
    assert await d.errors() == []


async def _now(h: Harness, message: dict) -> dict:
    [current] = [
        m for m in await h.driver.messages(ZHOU) if m["message_id"] == message["message_id"]
    ]
    return current


async def test_a_score_read_back_is_given_by_yes_and_says_which(linli_sandbox: Harness) -> None:
    """'好的' / '是的' typed right under a score read back ('您给的是 8 分…记作「😊 满意」')
    gives that score, as typed yes does under a vote's or an RSVP's read-back (before, it got
    small talk and no score); and once a score is given, typed or tapped, the read-back loses
    its buttons and says which (before, it kept them as if unanswered)."""
    h = linli_sandbox
    d = h.driver
    number, _ = await _done(h, "楼道灯坏了，晚上很黑")
    asked = await reply_to(d, ZHOU, "8分", "记作「😊 满意」")
    assert "满分 10 分" in message_text(asked)
    took = await reply_to(d, ZHOU, "好的", "按您说的记下了")
    assert f"诉求 {number} 的评价是「😊 满意」" in message_text(took)
    req, [rating] = await _stored(h, number)
    assert (req.status, rating.score) == (RequestStatus.RESOLVED, Score.SATISFIED)
    settled = await _now(h, asked)
    assert inline_labels(settled) == [], inline_labels(settled)
    assert message_text(settled).endswith("您的评价：😊 满意"), message_text(settled)
    # '是的' under a reading of 不满意: given too (the matter reopened)
    number, _ = await _done(h, "单元门的门禁坏了")
    asked = await reply_to(d, ZHOU, "打一分", "记作「😞 不满意」")
    await reply_to(d, ZHOU, "是的", "重新办理")
    req, [rating] = await _stored(h, number)
    assert (req.status, rating.score) == (RequestStatus.REOPENED, Score.UNSATISFIED)
    assert inline_labels(await _now(h, asked)) == []
    # a score typed in words under the read-back: the read-back says it too
    number, _ = await _done(h, "电梯按钮不灵")
    asked = await reply_to(d, ZHOU, "三颗星", "记作「🙂 基本满意」")
    await reply_to(d, ZHOU, "满意", "按您说的记下了")
    settled = await _now(h, asked)
    assert inline_labels(settled) == [] and message_text(settled).endswith("您的评价：😊 满意")
    # tapped on the result's notice rather than on the read-back: the read-back says it too
    number, notice = await _done(h, "楼下垃圾桶满了没人清")
    asked = await reply_to(d, ZHOU, "五星", "记作「😊 满意」")
    await d.tap(ZHOU, "🙂 基本满意", notice["message_id"])
    await d.expect(ZHOU, "您的评价已记下", since=asked["message_id"])
    settled = await _now(h, asked)
    assert inline_labels(settled) == [] and message_text(settled).endswith("您的评价：🙂 基本满意")
    # tapped on the read-back itself: it reads the score (as before)
    number, _ = await _done(h, "小区门口的路灯坏了")
    asked = await reply_to(d, ZHOU, "给5分", "记作「😊 满意」")
    await d.tap(ZHOU, "😊 满意", asked["message_id"])
    await d.expect(ZHOU, "您的评价已记下", since=asked["message_id"])
    settled = await _now(h, asked)
    assert inline_labels(settled) == [] and "您的评价：😊 满意" in message_text(settled)
    assert await d.errors() == []
