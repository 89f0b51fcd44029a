"""A resident who deletes their data at night: the staff cards about their new request held for
the morning go out as the request reads now (phone numbers masked, their name starred out), not
as it was filed, and still go (the matter stays for staff to handle). SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, timedelta

from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.i18n import Translator
from models.orders import Request
from models.scheduling import Delivery, DeliveryState
from services import delivery
from services import requests as req_svc
from services.order_common import Notice, use_outbox
from services.order_notices import deliver, render
from services.users import forget_user
from tests.orders.conftest import World, draft

NIGHT = datetime(2026, 11, 23, 15, 0, tzinfo=UTC)  # 23:00 in Shanghai: quiet hours
MORNING = datetime(2026, 11, 23, 23, 0, tzinfo=UTC)  # 07:00 the day after
FILED = "我是周美兰，电话13812345678，楼道灯坏了 <很黑> & 危险"


async def _file_at_night(session: AsyncSession, world: World, text: str = FILED) -> Request:
    texts = Translator()

    async def sink(notices: Sequence[Notice]) -> int:
        return await deliver(session, notices, texts=texts, default_language="zh-Hans", now=NIGHT)

    use_outbox(session, sink)
    world.resident.first_name, world.resident.last_name = "美兰", "周"
    filed = await req_svc.file_request(
        session, user=world.resident, draft=draft(text), suggestion=None, now=NIGHT, outbox=sink
    )
    return filed.request


async def _cards(session: AsyncSession) -> list[Delivery]:
    rows = await session.exec(
        select(Delivery)
        .where(col(Delivery.kind) == "order-notice-new")
        .order_by(col(Delivery.id))
        .execution_options(populate_existing=True)
    )
    return list(rows.all())


def _as_now(req: Request, lang: str = "zh-Hans") -> str:
    """The card as it would be written for the request as it reads now."""
    text, _ = render(
        Translator(),
        lang,
        Notice(
            chat_id=0,
            key="order-notice-new",
            args={
                "number": req.number,
                "category": req.category,
                "place": "阳光社区 · 第一网格 · 3号楼",
                "text": req_svc.card_quote(req.text),
                "photos": 0,
                "voices": 0,
            },
        ),
    )
    return text


async def test_held_staff_cards_read_as_the_request_after_forget(
    session: AsyncSession, world: World
) -> None:
    req = await _file_at_night(session, world)
    cards = await _cards(session)
    assert {c.chat_id for c in cards} == {world.staff.id, world.grid_staff.id}
    assert all("13812345678" in c.text and "周美兰" in c.text for c in cards)
    held = {c.id: c.not_before for c in cards}
    assert all(c.state == DeliveryState.PENDING and c.not_before > NIGHT for c in cards)

    await forget_user(session, user=world.resident, now=NIGHT + timedelta(minutes=5))
    await session.refresh(req)
    assert "13812345678" not in req.text and "周美兰" not in req.text
    assert "楼道灯坏了 <很黑> & 危险" in req.text  # the words of the matter stay
    cards = await _cards(session)
    assert {c.id: c.not_before for c in cards} == held  # still going in the morning
    for card in cards:
        assert card.state == DeliveryState.PENDING
        assert "13812345678" not in card.text and "周美兰" not in card.text
        assert card.text == _as_now(req)
        assert card.reply_markup is not None  # its button to open the request stays


async def test_a_card_claimed_but_not_sent_goes_as_a_rewritten_copy(
    session: AsyncSession, world: World
) -> None:
    await _file_at_night(session, world)
    # morning: the sender took the cards and waits for the chat's turn
    claimed = await delivery.claim_deliveries(session, now=MORNING, limit=10, worker="w")
    assert len(claimed) == 2 and "13812345678" in claimed[0].text
    await forget_user(session, user=world.resident, now=MORNING)
    for card in claimed:  # the sender looks again before sending: not these
        assert not await delivery.still_to_send(session, delivery_id=card.id)
    again = await delivery.claim_deliveries(
        session, now=MORNING + timedelta(seconds=1), limit=10, worker="w"
    )
    assert sorted(c.chat_id for c in again) == sorted(c.chat_id for c in claimed)
    for card in again:
        assert "13812345678" not in card.text and "周美兰" not in card.text
        assert card.reply_markup is not None and card.matter == claimed[0].matter


async def test_another_residents_cards_are_left_alone(session: AsyncSession, world: World) -> None:
    await _file_at_night(session, world)
    other = await req_svc.file_request(
        session,
        user=world.resident2,
        draft=draft("电话13912345678，5号楼门坏了"),
        suggestion=None,
        now=NIGHT,
        outbox=session.info["linli.outbox"],
    )
    before = {c.id: c.text for c in await _cards(session) if "13912345678" in c.text}
    assert before
    await forget_user(session, user=world.resident, now=NIGHT)
    after = {c.id: c.text for c in await _cards(session)}
    assert all(after[i] == text for i, text in before.items())
    assert other.request.text == "电话13912345678，5号楼门坏了"


async def test_what_they_added_later_is_masked_in_the_ledger_and_held_notices(
    session: AsyncSession, world: World
) -> None:
    from services import orders as svc

    req = await _file_at_night(session, world, "我是周美兰，楼道灯坏了")
    # that night: an order, a member on it, and the resident adds their phone and name
    out = await svc.issue_order(
        session,
        user=world.staff,
        roles=world.roles(world.staff),
        request_id=req.id or 0,
        spec=svc.OrderSpec(members_needed=1, points=15),
        now=NIGHT,
    )
    assert out.order is not None
    await svc.claim_order(
        session,
        user=world.member,
        roles=world.roles(world.member),
        order_id=out.order.id or 0,
        now=NIGHT,
    )
    added = await req_svc.add_info(
        session,
        user=world.resident,
        request_id=req.id or 0,
        text="联系周美兰，电话13812345678 <晚上>",
        now=NIGHT,
    )
    await deliver(
        session, added.notices, texts=Translator(), default_language="zh-Hans", now=NIGHT
    )
    await session.commit()
    rows = await session.exec(
        select(Delivery).where(
            col(Delivery.chat_id) == world.member.id,
            col(Delivery.kind) == "order-notice-info-added-member",
        )
    )
    [notice] = rows.all()
    assert notice.state == DeliveryState.PENDING and "13812345678" in notice.text

    await forget_user(session, user=world.resident, now=NIGHT + timedelta(minutes=5))

    await session.refresh(notice)
    assert notice.state == DeliveryState.PENDING
    assert "13812345678" not in notice.text and "周美兰" not in notice.text
    assert "&lt;晚上&gt;" in notice.text
    for event in await req_svc.history(session, request_id=req.id or 0):
        assert "13812345678" not in (event.note or "") and "周美兰" not in (event.note or "")


async def test_a_card_of_words_since_grown_is_masked_as_well(
    session: AsyncSession, world: World
) -> None:
    req = await _file_at_night(session, world, "我是周美兰，楼道灯坏了")
    await req_svc.add_info(
        session, user=world.resident, request_id=req.id or 0, text="电话13812345678", now=NIGHT
    )
    await forget_user(session, user=world.resident, now=NIGHT)
    cards = await _cards(session)
    assert cards and all(c.state == DeliveryState.PENDING for c in cards)
    for card in cards:
        assert "周美兰" not in card.text and "楼道灯坏了" in card.text
