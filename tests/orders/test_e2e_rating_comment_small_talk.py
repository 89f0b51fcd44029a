"""At '请说说哪里还不好' (after 😞 不满意), small talk is no comment: '我不会弄' reached staff as
the complaint, and the real words after it were offered as a new matter. Now '我不会弄' gets how
to give one and the step stays; the words after it are the comment; '好的' or '谢谢' at that step
keep the score without one. (handlers.requests.on_rate_comment)"""

from __future__ import annotations

from sqlmodel import select

from models.orders import Rating
from sandbox.driver import message_text
from tests.e2e.conftest import Harness
from tests.orders.test_e2e_cycle import WU, _file
from tests.orders.test_e2e_qa import _handle_directly


async def _unsatisfied(h: Harness, text: str) -> str:
    """A request of 吴大爷's handled; he taps 😞 不满意; returns its number."""
    number = await _file(h, WU, text)
    await _handle_directly(h, number, "已更换灯泡")
    ask = await h.driver.expect(WU, "请给这次服务打个分")
    await h.driver.tap(WU, "不满意", ask["message_id"])
    await h.driver.expect(WU, "请说说哪里还不好", since=ask["message_id"])
    return number


async def _comment(h: Harness, number: str) -> str | None:
    async with h.sessionmaker() as session:
        rating = (
            await session.exec(select(Rating).where(Rating.request_id == int(number)))
        ).first()
    assert rating is not None
    return rating.comment


async def test_i_dont_know_how_is_no_comment(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    number = await _unsatisfied(h, "厨房的灯坏了，晚上看不见")
    [how] = await d.say(WU, "我不会弄")
    assert "直接打字说说哪里还不好就行" in message_text(how)
    [kept] = await d.say(WU, "灯还是一闪一闪的")
    assert "要把这件事报给社区吗" not in message_text(kept)
    assert await _comment(h, number) == "灯还是一闪一闪的"


async def test_thanks_at_the_comment_step_keeps_the_score_without_one(
    linli_sandbox: Harness,
) -> None:
    h = linli_sandbox
    number = await _unsatisfied(h, "楼道灯坏了，晚上很黑")
    await h.driver.say(WU, "好的，谢谢")
    assert not await _comment(h, number)  # no comment kept
