"""A staff poll card left open on the screen keeps its 📨 line true as the announcement moves
on: when a household votes at night (their held announcements dropped) and when the held
announcements go out at 07:00, the card is redrawn through the outbox. Before, the line was
worked out only when the card was opened or redrawn by a tap, and went on saying '另有 N 人的
通知等到 07:00 发出' all day."""

from __future__ import annotations

import re

from handlers.consult_kit import PollCb
from sandbox.driver import message_text
from scheduler.service import SchedulerService
from tests.consult.test_e2e_poll_card_after_end import _card
from tests.consult.test_e2e_poll_reach import MORNING, NIGHT, WAITING, _draft
from tests.consult.test_e2e_qa_polls import STAFF, ZHOU, current
from tests.consult.test_e2e_voted_at_night import _vote_by_link
from tests.e2e.conftest import Harness


async def test_open_card_follows_the_announcement(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    service = h.sandbox.app.dp["scheduler"]
    assert isinstance(service, SchedulerService)
    h.clock.set(NIGHT)
    poll_id = await _draft(h)
    [greeting] = await d.say(STAFF, "/start")
    await d.click(STAFF, greeting["message_id"], data=PollCb(action="publish", id=poll_id).pack())
    card = await _card(d)
    first = message_text(card)
    said = re.search(r"已发给 0 人，另有 (\d+) 人的通知等到", first)
    assert said is not None, first
    held = int(said[1])

    # 周阿姨 votes at night: her announcement and 黄奶奶's are dropped; the card says so
    await _vote_by_link(h, ZHOU, poll_id)
    await service.drain()
    text = message_text(await current(d, STAFF, card["message_id"]))
    assert f"已发给 0 人，另有 {held - 2} 人的通知等到" in text, text
    assert "2 人的通知没有发出（发出前本人或家人已投票）" in text, text
    assert text.split("\n")[:-1] == first.split("\n")[:-1], text  # the rest as it was

    # 07:00: the held announcements go, and the card, not opened again, counts them
    h.clock.set(MORNING)
    await service.run_due()
    await service.drain()
    shown = await current(d, STAFF, card["message_id"])
    text = message_text(shown)
    assert f"📨 投票通知：已发给 {held - 2} 人；2 人的通知没有发出" in text, text
    assert WAITING.search(text) is None, text
    assert "📊 查看结果" in str(shown["reply_markup"]), shown  # its tools kept
    assert await d.errors() == []
