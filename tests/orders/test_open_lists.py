"""services.open_lists: a member's 🛠 可接工单 lists are remembered to be kept true, the latest
few only (each list opened adds one; the oldest beyond `KEPT_LISTS` are no longer followed),
and a list's redraw reads each order as it is for its member; each line names the place as the
order's card does."""

from __future__ import annotations

from datetime import UTC

from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.i18n import Translator
from models.scheduling import Delivery
from services import open_lists
from services import orders as svc
from services.order_notices import localize
from tests.orders.conftest import T0, World
from tests.orders.test_cycle import _file, _issue


async def _remembered(session: AsyncSession, chat_id: int) -> list[int]:
    rows = await session.exec(
        select(Delivery.message_ids).where(
            col(Delivery.chat_id) == chat_id, col(Delivery.kind) == open_lists.LIST_KIND
        )
    )
    return sorted(int(m or 0) for m in rows.all())


async def test_the_latest_lists_are_kept_and_redrawn_as_the_order_is(
    session: AsyncSession, world: World
) -> None:
    order = await _issue(session, world, await _file(session, world))
    member = world.member2
    for message_id in range(100, 100 + open_lists.KEPT_LISTS + 2):
        args = await open_lists.list_args(
            session, member_id=member.id, orders=[order], page=0, pages=1, total=1, now=T0
        )
        await open_lists.remember(
            session,
            chat_id=member.id,
            message_id=message_id,
            args=args,
            text="可接工单",
            markup=None,
        )
        await session.commit()
    kept = await _remembered(session, member.id)
    assert kept == list(range(102, 102 + open_lists.KEPT_LISTS)), kept
    await svc.claim_order(
        session, user=world.member, roles=world.roles(world.member), order_id=order.id or 0, now=T0
    )
    redraws = await open_lists.list_redraws(session, order=order, now=T0)
    assert sorted(n.edit_message_id or 0 for n in redraws) == kept
    assert {line["state"] for n in redraws for line in n.args["lines"]} == {"full"}


async def test_a_line_names_the_place_as_the_card_does_without_the_room(
    session: AsyncSession, world: World
) -> None:
    """'阳光社区 · 第一网格 · 3号楼' (in English 'Building 3'), as the card reads; before, the
    line read the community alone for an order of the whole community. Never the room."""
    order = await _issue(session, world, await _file(session, world, "楼道里的灯坏了"))
    args = await open_lists.list_args(
        session, member_id=world.member.id, orders=[order], page=0, pages=1, total=1, now=T0
    )
    [line] = args["lines"]
    texts = Translator()
    read = {
        lang: str(localize(texts, lang, line, zone=UTC, now=T0)["place"])
        for lang in ("zh-Hans", "en")
    }
    assert read["zh-Hans"] == "阳光社区 · 第一网格 · 3号楼", read
    assert read["en"].endswith("Building 3"), read
    assert all("302" not in place for place in read.values()), read
