"""A poll withdrawn after it was announced: 去投票 on its announcement, or an option on a ballot
opened before, is refused with why ('这个投票已经取消了'), and the message loses the button
that leads nowhere now. Before, it said only '不在进行中' and the buttons stayed."""

from __future__ import annotations

from models import Role, User
from sandbox.driver import message_text
from services import polls
from services.consult_common import Notifier
from tests.consult.test_e2e_qa_polls import STAFF, ZHOU, ballot, current, labels_of, make_poll
from tests.e2e.conftest import Harness


async def test_cancelled_polls_buttons_are_spent(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    poll_id = await make_poll(h)
    mine = await ballot(d, ZHOU)
    announcement = await d.expect(ZHOU, "投票：")
    assert "🗳 去投票" in labels_of(announcement)
    async with h.sessionmaker() as session:
        staff = await session.get(User, STAFF)
        assert staff is not None
        await polls.cancel_poll(
            session,
            user=staff,
            roles=frozenset({Role.RESIDENT, Role.STAFF}),
            poll_id=poll_id,
            now=h.clock(),
            notifier=Notifier(texts=h.sandbox.app.translator, now=h.clock()),
        )
    await d.expect(ZHOU, "已取消", since=mine["message_id"])
    tapped = await d.tap(ZHOU, "修路灯", mine["message_id"])
    assert "已经取消了" in str(tapped["answer"])
    assert not labels_of(await current(d, ZHOU, mine["message_id"]))
    tapped = await d.tap(ZHOU, "🗳 去投票", announcement["message_id"])
    assert "已经取消了" in str(tapped["answer"])
    assert "🗳 去投票" not in labels_of(await current(d, ZHOU, announcement["message_id"]))
    assert message_text(await current(d, ZHOU, announcement["message_id"]))
