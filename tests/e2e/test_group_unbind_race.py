"""Two staff confirming 🔓 确定解除 for the same group at the same moment unbind it once: one
audit row says who did it, the other is told it is no longer bound. Before, both checks read
the group still bound and both wrote an unbinding row."""

from __future__ import annotations

import asyncio

import pytest
from sqlmodel import col, select

from models import AuditEvent
from sandbox.driver import message_text
from services import group_chats
from tests.e2e.conftest import Harness
from tests.e2e.test_group_membership import GROUP
from tests.e2e.test_group_notices_kept import _group
from tests.support import reply_to

STAFF, GRID_WORKER, ADMIN = 2001, 2002, 1001
UNBIND = "🔓 解除绑定「阳光社区居民群」"


async def _asked(h: Harness, who: int) -> int:
    """`who` has the group listed and 🔓 解除绑定 tapped: the confirmation's message id."""
    d = h.driver
    listed = await reply_to(d, who, "本社区的群", "本社区绑定的群")
    await d.tap(who, UNBIND, listed["message_id"])
    ask = await d.expect(who, "确定解除群", since=listed["message_id"])
    return int(ask["message_id"])


async def _unbinds_once(h: Harness) -> None:
    d = h.driver
    await _group(h)
    asks = {who: await _asked(h, who) for who in (STAFF, GRID_WORKER, ADMIN)}
    taps = await asyncio.gather(
        *(d.click(who, mid, data=f"cgb:yes:{GROUP}") for who, mid in asks.items())
    )
    answers = [t["answer"] for t in taps]
    assert all(a is not None for a in answers), answers
    gone = [a for a in answers if "已经没有和本社区绑定" in (a["text"] or "")]
    assert len(gone) == 2, answers
    # the one not told so unbound it, and is told it did (a moment after the tap's answer)
    done = [
        who
        for (who, mid), a in zip(asks.items(), answers, strict=True)
        if "已经没有和本社区绑定" not in (a["text"] or "")
    ]
    for who in done:
        await d.expect(who, "已解除群", since=asks[who])
    for who, mid in asks.items():
        if who not in done:
            assert not [m for m in await d.messages(who, mid) if "已解除群" in message_text(m)]
    async with h.sessionmaker() as session:
        rows = (
            await session.exec(
                select(AuditEvent).where(col(AuditEvent.action) == group_chats.UNBOUND)
            )
        ).all()
        assert await group_chats.group_of(session, community_id=1) is None
    assert [r.actor_id for r in rows] == done and len(done) == 1, (rows, done)
    assert await d.errors() == []


async def test_two_staff_unbind_a_group_at_once_write_one_row(linli_sandbox: Harness) -> None:
    await _unbinds_once(linli_sandbox)


@pytest.mark.postgres
async def test_two_staff_unbind_a_group_at_once_on_postgres(
    linli_sandbox_pg: Harness,
) -> None:
    await _unbinds_once(linli_sandbox_pg)
