"""🧾 报到审核 with more sign-ups waiting than it sends at once says so: '待审核的报到申请：22 份。
下面是最早的 20 份，处理完后再点「🧾 报到审核」看其余的。' Before, it said '22 份' and sent
20 cards, leaving staff to wonder where the other two were."""

from __future__ import annotations

from models import MemberProfile, Role, User
from sandbox.driver import message_text
from tests.e2e.conftest import Harness

STAFF = 2001  # 李社工, 阳光社区


async def test_a_long_review_list_says_what_it_leaves_for_later(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    async with h.sessionmaker() as session:
        for n in range(22):
            uid = 810_000 + n
            session.add(User(id=uid, first_name=f"报到{n:02d}", roles=Role.RESIDENT.value))
            await session.flush()
            session.add(
                MemberProfile(
                    user_id=uid,
                    real_name=f"报到{n:02d}",
                    work_unit="区图书馆",
                    phone="13800000000",
                    community_id=1,
                )
            )
        await session.commit()
    sent = await h.driver.send(STAFF, "🧾 报到审核")
    head = await h.driver.expect(STAFF, "待审核的报到申请", since=sent["message_id"])
    assert message_text(head) == (
        "待审核的报到申请：22 份。下面是最早的 20 份，处理完后再点「🧾 报到审核」看其余的。"
    )
    await h.driver.expect(STAFF, "报到19", since=sent["message_id"])
    cards = [
        m
        for m in await h.driver.replies(STAFF, sent["message_id"])
        if "报到申请" in message_text(m) and "姓名" in message_text(m)
    ]
    assert len(cards) == 20
