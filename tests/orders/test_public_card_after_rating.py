"""The result card in the community's public channel follows the resident's rating: 不满意
redraws it to say the resident was not satisfied and the community handles it again (a card not
sent yet goes out so); handled again and rated, or closed, it says so. Never who the resident is
or what they wrote. SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta

from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.i18n import Translator
from models.orders import Order, Request, Score
from models.scheduling import Delivery, DeliveryState
from services import delivery
from services import orders as svc
from services import requests as req_svc
from services.order_common import OUTBOX, Notice, use_outbox
from services.order_notices import deliver
from tests.orders.conftest import T0, World, draft

CHANNEL = -1001
COMMENT = "灯还是一闪一闪的，我是周美兰"


async def _verified(session: AsyncSession, w: World) -> tuple[Request, Order]:
    """A request filed, issued, claimed, reported with a photo and verified, with the outbox."""
    texts = Translator()

    async def sink(notices: Sequence[Notice]) -> int:
        return await deliver(session, notices, texts=texts, default_language="zh-Hans", now=T0)

    use_outbox(session, sink)
    w.resident.first_name, w.resident.last_name = "美兰", "周"
    filed = await req_svc.file_request(
        session,
        user=w.resident,
        draft=draft("3号楼302楼道灯坏了，电话13812345678"),
        suggestion=None,
        now=T0,
    )
    req = filed.request
    staff = w.roles(w.staff)
    issued = await svc.issue_order(
        session,
        user=w.staff,
        roles=staff,
        request_id=req.id or 0,
        spec=svc.OrderSpec(members_needed=1, points=10),
        now=T0,
    )
    assert issued.order is not None
    oid = issued.order.id or 0
    member = w.roles(w.member)
    await svc.claim_order(session, user=w.member, roles=member, order_id=oid, now=T0)
    await svc.report_done(
        session,
        user=w.member,
        roles=member,
        order_id=oid,
        note="换了灯泡",
        photos=["after"],
        now=T0,
    )
    await svc.verify(
        session, user=w.staff, roles=staff, order_id=oid, approve=True, note=None, now=T0
    )
    return req, issued.order


async def _cards(session: AsyncSession) -> list[Delivery]:
    rows = await session.exec(
        select(Delivery)
        .where(col(Delivery.chat_id) == CHANNEL)
        .order_by(col(Delivery.id))
        .execution_options(populate_existing=True)
    )
    return list(rows.all())


async def _sent(session: AsyncSession, card: Delivery, message_id: int) -> None:
    await delivery.record_sent(session, delivery_id=card.id or 0, message_ids=[message_id], now=T0)


def _no_resident(text: str) -> None:
    for private in ("周", "美兰", "13812345678", "302", "一闪一闪"):
        assert private not in text, text


async def test_not_satisfied_redraws_the_sent_card_then_resolved_again(
    session: AsyncSession, world: World
) -> None:
    req, _ = await _verified(session, world)
    [card] = await _cards(session)
    assert card.photo_ref == "after" and "更新" not in card.text
    await _sent(session, card, 77)
    await svc.rate(
        session,
        user=world.resident,
        request_id=req.id or 0,
        score=Score.UNSATISFIED,
        comment=COMMENT,
        now=T0 + timedelta(hours=1),
    )
    [_, edit] = await _cards(session)
    # the photo stays; its caption says the matter is open again
    assert (edit.edit_message_id, edit.photo_ref, edit.urgent) == (77, "after", True)
    # right under the head: a caption cut to its 1024 characters still says it
    assert edit.text.split("\n")[1] == "🔁 更新：居民对办理结果不满意，社区正在重新办理。"
    assert "换了灯泡" in edit.text and "3号楼" in edit.text and "党员300" in edit.text
    _no_resident(edit.text)
    # staff handle it again; the resident is satisfied: the first card says so
    staff = world.roles(world.staff)
    await svc.handle_directly(
        session, user=world.staff, roles=staff, request_id=req.id or 0, now=T0
    )
    await svc.staff_result(
        session,
        user=world.staff,
        roles=staff,
        request_id=req.id or 0,
        note="换了镇流器",
        now=T0 + timedelta(hours=2),
    )
    await svc.rate(
        session,
        user=world.resident,
        request_id=req.id or 0,
        score=Score.SATISFIED,
        comment=None,
        now=T0 + timedelta(hours=3),
    )
    edits = [c for c in await _cards(session) if c.edit_message_id is not None]
    assert len(edits) == 2 and edits[-1].edit_message_id == 77
    assert "✅ 更新：社区重新办理后，居民表示满意。" in edits[-1].text
    assert "不满意" not in edits[-1].text


async def test_a_card_not_sent_yet_goes_out_redrawn(session: AsyncSession, world: World) -> None:
    req, order = await _verified(session, world)
    await svc.rate(
        session,
        user=world.resident,
        request_id=req.id or 0,
        score=Score.UNSATISFIED,
        comment=COMMENT,
        now=T0 + timedelta(hours=1),
    )
    [old, new] = await _cards(session)
    assert old.state == DeliveryState.CANCELLED and "更新" not in old.text
    assert new.state == DeliveryState.PENDING and new.edit_message_id is None
    assert new.dedupe_key == f"public-order-{order.id}" and new.photo_ref == "after"
    assert "社区正在重新办理" in new.text
    _no_resident(new.text)


async def test_a_satisfied_first_rating_leaves_the_card(
    session: AsyncSession, world: World
) -> None:
    req, _ = await _verified(session, world)
    [card] = await _cards(session)
    await _sent(session, card, 77)
    await svc.rate(
        session,
        user=world.resident,
        request_id=req.id or 0,
        score=Score.BASIC,
        comment=None,
        now=T0 + timedelta(hours=1),
    )
    assert len(await _cards(session)) == 1


async def test_closed_after_reopening_says_so(session: AsyncSession, world: World) -> None:
    req, _ = await _verified(session, world)
    [card] = await _cards(session)
    await _sent(session, card, 77)
    await svc.rate(
        session,
        user=world.resident,
        request_id=req.id or 0,
        score=Score.UNSATISFIED,
        comment=None,
        now=T0 + timedelta(hours=1),
    )
    await svc.close_request(
        session,
        user=world.staff,
        roles=world.roles(world.staff),
        request_id=req.id or 0,
        note="已与居民沟通",
        now=T0 + timedelta(hours=2),
    )
    last = (await _cards(session))[-1]
    assert last.edit_message_id == 77
    assert "✅ 更新：社区已重新跟进，此事已办结。" in last.text
    _no_resident(last.text)


async def test_handled_again_and_closed_unrated_says_so(
    session: AsyncSession, world: World
) -> None:
    req, _ = await _verified(session, world)
    [card] = await _cards(session)
    await _sent(session, card, 77)
    await svc.rate(
        session,
        user=world.resident,
        request_id=req.id or 0,
        score=Score.UNSATISFIED,
        comment=None,
        now=T0 + timedelta(hours=1),
    )
    staff = world.roles(world.staff)
    await svc.handle_directly(
        session, user=world.staff, roles=staff, request_id=req.id or 0, now=T0
    )
    await svc.staff_result(
        session, user=world.staff, roles=staff, request_id=req.id or 0, note="已处理", now=T0
    )
    assert await svc.auto_close_unrated(
        session,
        request_id=req.id or 0,
        now=T0 + timedelta(days=7),
        outbox=session.info[OUTBOX],
    )
    cards = await _cards(session)
    last = [c for c in cards if c.edit_message_id == 77][-1]
    assert "✅ 更新：社区已重新跟进，此事已办结。" in last.text
    # staff's own result, not sent yet, goes out saying so too
    [own] = [c for c in cards if c.dedupe_key == f"public-request-{req.id}-result-2"]
    assert own.state == DeliveryState.PENDING and own.edit_message_id is None
    assert "已处理" in own.text and "此事已办结" in own.text


async def test_staff_own_result_card_is_redrawn_too(session: AsyncSession, world: World) -> None:
    """A result staff gave themselves (handled directly) is posted too; after 不满意 it says
    so, with its own result, not the one given later."""
    req, _ = await _verified(session, world)
    [card] = await _cards(session)
    await _sent(session, card, 77)
    staff = world.roles(world.staff)
    for at, (score, result) in enumerate(
        [(Score.UNSATISFIED, "换了镇流器"), (Score.UNSATISFIED, "换了整套灯具")], start=1
    ):
        await svc.rate(
            session,
            user=world.resident,
            request_id=req.id or 0,
            score=score,
            comment=COMMENT,
            now=T0 + timedelta(hours=at),
        )
        await svc.handle_directly(
            session, user=world.staff, roles=staff, request_id=req.id or 0, now=T0
        )
        await svc.staff_result(
            session, user=world.staff, roles=staff, request_id=req.id or 0, note=result, now=T0
        )
        own = (await _cards(session))[-1]
        assert own.dedupe_key == f"public-request-{req.id}-result-{at + 1}"
        assert result in own.text and "更新" not in own.text
        await _sent(session, own, 77 + at)
    await svc.rate(
        session,
        user=world.resident,
        request_id=req.id or 0,
        score=Score.UNSATISFIED,
        comment=COMMENT,
        now=T0 + timedelta(hours=5),
    )
    redrawn = {c.edit_message_id: c.text for c in (await _cards(session))[-3:]}
    assert set(redrawn) == {77, 78, 79}
    assert (
        "换了灯泡" in redrawn[77] and "换了镇流器" in redrawn[78] and "换了整套灯具" in redrawn[79]
    )
    for text in redrawn.values():
        assert "社区正在重新办理" in text
        _no_resident(text)


async def test_a_card_the_sender_has_taken_is_not_sent_as_it_was(
    session: AsyncSession, world: World
) -> None:
    """Taken by the sender and waiting its turn (a 429 pause): cancelled, so the sender's look
    before sending finds it so (the card names a matter), and it goes out redrawn."""
    req, order = await _verified(session, world)
    claimed = await delivery.claim_deliveries(session, worker="test", now=T0, limit=50)
    [taken] = [c for c in claimed if c.chat_id == CHANNEL]
    assert taken.matter is not None
    await svc.rate(
        session,
        user=world.resident,
        request_id=req.id or 0,
        score=Score.UNSATISFIED,
        comment=None,
        now=T0 + timedelta(hours=1),
    )
    assert not await delivery.still_to_send(session, delivery_id=taken.id)
    [old, new] = await _cards(session)
    assert old.id == taken.id and old.state == DeliveryState.CANCELLED
    assert new.state == DeliveryState.PENDING and "社区正在重新办理" in new.text
    assert new.dedupe_key == f"public-order-{order.id}"
