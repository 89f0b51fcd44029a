"""'不是' / '不对' / 'no' typed right under a score read back ('您给的是 8 分…记作「😊 满意」')
means 'not that one': the read-back loses its buttons and the score is asked again with the
three buttons; nothing is recorded until one is tapped. Before, those words got small talk and
the resident was left guessing."""

from __future__ import annotations

from models.orders import RequestStatus, Score
from sandbox.driver import message_text
from tests.e2e.conftest import Harness
from tests.orders.test_e2e_cycle import ZHOU
from tests.orders.test_e2e_rating_typed import SCORES, _done, _stored
from tests.support import inline_labels, reply_to


async def _now(h: Harness, message: dict) -> dict:
    [current] = [
        m for m in await h.driver.messages(ZHOU) if m["message_id"] == message["message_id"]
    ]
    return current


async def test_not_that_under_a_score_read_back_asks_again(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    for said, reading in (("不是", "😊 满意"), ("不对", "😊 满意"), ("no", "😞 不满意")):
        number, _ = await _done(h, f"楼道灯坏了，晚上很黑（{said}）")
        typed = "8分" if reading == "😊 满意" else "打一分"
        asked = await reply_to(d, ZHOU, typed, f"记作「{reading}」")
        again = await reply_to(d, ZHOU, said, f"不记「{reading}」")
        assert f"诉求 {number}" in message_text(again), said
        assert inline_labels(again) == SCORES, said
        assert inline_labels(await _now(h, asked)) == [], said  # one set of buttons live
        req, ratings = await _stored(h, number)
        assert req.status == RequestStatus.DONE and ratings == [], said
        await d.tap(ZHOU, "🙂 基本满意", again["message_id"])
        await d.expect(ZHOU, "您的评价已记下", since=again["message_id"])
        req, [rating] = await _stored(h, number)
        assert rating.score == Score.BASIC, said
    assert await d.errors() == []
