"""A request just filed has no staff card remembered and no order: the redraw hooks an update
runs (services.request_cards.watch, with the staff cards of orders, services.order_redraws.watch)
do not look them up for it, while a later change of the same request still does (else a
colleague's card would go stale)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import event
from sqlmodel.ext.asyncio.session import AsyncSession

from models.orders import Order, Request
from models.users import User
from services import order_redraws, request_cards
from services import requests as req_svc
from services.order_common import Notice, use_outbox
from services.order_notices import deliver
from tests.orders.conftest import World, draft

NOON = datetime(2026, 11, 23, 4, 0, tzinfo=UTC)


class Texts:
    def get(self, lang: str, key: str, /, **args: object) -> str:
        return key


async def _draw(
    session: AsyncSession, *, request: Request, reader: User
) -> tuple[str, dict[str, Any] | None] | None:
    return f"card {request.id} {request.status}", None


async def _draw_order(
    session: AsyncSession, *, order: Order, reader: User
) -> tuple[str, dict[str, Any] | None] | None:
    return f"order {order.id} {order.status}", None


def _hooked(session: AsyncSession, world: World) -> list[str]:
    """The session as an update's middlewares set it up; returns the statements it runs."""

    async def sink(notices: Sequence[Notice]) -> int:
        return await deliver(session, notices, texts=Texts(), default_language="zh-Hans", now=NOON)

    use_outbox(session, sink)
    order_redraws.watch(session)
    request_cards.watch(session, draw=_draw, actor_id=world.resident.id, orders=_draw_order)
    statements: list[str] = []
    event.listen(
        session.bind.sync_engine,  # type: ignore[union-attr]
        "before_cursor_execute",
        lambda *a: statements.append(a[2]),
    )
    return statements


def _reads_of(statements: list[str], table: str) -> list[str]:
    return [s for s in statements if s.lstrip().startswith("SELECT") and f"FROM {table}" in s]


async def test_filing_reads_no_cards_and_no_orders(session: AsyncSession, world: World) -> None:
    statements = _hooked(session, world)
    filed = await req_svc.file_request(
        session,
        user=world.resident,
        draft=draft(),
        suggestion=None,
        now=NOON,
        outbox=session.info["linli.outbox"],
    )
    await order_redraws.redraw_changed(session)
    assert filed.request.id is not None
    assert _reads_of(statements, "request_cards") == []
    assert _reads_of(statements, "orders") == []
    assert [s for s in statements if "order_cards" in s] == []  # nor staff cards of orders

    # the same request changed in a later update: its cards and orders are looked up
    session.info.clear()
    statements = _hooked(session, world)
    await req_svc.add_info(
        session,
        user=world.resident,
        request_id=filed.request.id,
        text="灯在三楼和四楼之间",
        now=NOON,
        outbox=session.info["linli.outbox"],
    )
    await order_redraws.redraw_changed(session)
    assert len(_reads_of(statements, "request_cards")) == 1
    assert len(_reads_of(statements, "orders")) == 1
    assert len(_reads_of(statements, "order_cards")) == 1


async def test_a_plain_commit_is_redrawn_after_the_update(
    session: AsyncSession, world: World
) -> None:
    """A change committed without services.order_common.commit_with (as /forget's) leaves
    its staff cards pending, looked up once the update's handler is done; a filing committed
    so leaves nothing to look up."""
    statements = _hooked(session, world)
    filed = await req_svc.file_request(
        session, user=world.resident, draft=draft(), suggestion=None, now=NOON
    )
    await session.commit()
    assert not request_cards.pending(session) and not order_redraws.changed(session)
    assert _reads_of(statements, "request_cards") == []

    session.info.clear()
    statements = _hooked(session, world)
    req = await session.get(Request, filed.request.id)
    assert req is not None
    req.contact_phone = None
    session.add(req)
    await session.commit()
    assert request_cards.pending(session) and order_redraws.changed(session)
    await order_redraws.redraw_changed(session)
    assert len(_reads_of(statements, "request_cards")) == 1
    assert len(_reads_of(statements, "order_cards")) == 1
    assert not request_cards.pending(session)
