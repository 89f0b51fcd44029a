"""A rating notice on its way (claimed by the sender, its call perhaps under way, no message id
recorded yet) when its round ends — rated on the request's card, or closed unrated — is
redrawn once it is recorded sent, and tagged like the round's other notices. Before, the rating
cancelled it: one whose call was under way went with its 满意/基本满意/不满意, unrecorded, so
it was never redrawn (a tap answered '已经评价过了') and, after 不满意 and a second result, its
buttons rated the new result. After a reopen it is redrawn with the result it told, never the
one given since. (And a transferred matter's answer, which asks for the rating as a result
does, follows the rating and the unrated close as the result's notice does.) SQLite and
PostgreSQL."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine, async_sessionmaker
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.app import make_bot
from bot.i18n import Translator
from bot.settings import Settings
from models.orders import Request, RequestStatus, Score
from models.scheduling import Delivery, DeliveryState
from models.users import User
from sandbox.emulator import SANDBOX_TOKEN, Emulator, Params
from scheduler.service import SchedulerService
from services import delivery as outbox
from services import orders as svc
from services import requests as req_svc
from services.errors import Conflict
from services.order_common import Notice, use_outbox
from services.order_notices import deliver
from tests.orders.conftest import T0, World, draft
from tests.support import FakeClock

TEXTS = Translator()
FIRST, SECOND = "已清运垃圾桶", "已请物业全部清走"


def _outbox(session: AsyncSession) -> svc.NoticeSink:
    async def sink(notices: Sequence[Notice]) -> int:
        return await deliver(session, notices, texts=TEXTS, default_language="zh-Hans", now=T0)

    return sink


async def _result(session: AsyncSession, w: World, req: Request, note: str) -> None:
    """Staff handle the request themselves and report a result: the resident is asked."""
    staff = w.roles(w.staff)
    await svc.handle_directly(session, user=w.staff, roles=staff, request_id=req.id or 0, now=T0)
    await svc.staff_result(
        session, user=w.staff, roles=staff, request_id=req.id or 0, note=note, now=T0
    )


async def _done(session: AsyncSession, w: World) -> Request:
    use_outbox(session, _outbox(session))
    filed = await req_svc.file_request(
        session, user=w.resident, draft=draft("2号楼门口的垃圾桶满了"), suggestion=None, now=T0
    )
    await _result(session, w, filed.request, FIRST)
    return filed.request


async def _notices(session: AsyncSession, w: World) -> list[Delivery]:
    """The resident's rating notices (not the redraws of them), oldest first."""
    rows = await session.exec(
        select(Delivery)
        .where(
            col(Delivery.chat_id) == w.resident.id,
            col(Delivery.kind) == "order-notice-result",
            col(Delivery.edit_message_id).is_(None),
        )
        .order_by(col(Delivery.id))
        .execution_options(populate_existing=True)
    )
    return list(rows.all())


async def _edits(session: AsyncSession, message_id: int) -> list[Delivery]:
    rows = await session.exec(
        select(Delivery)
        .where(col(Delivery.edit_message_id) == message_id)
        .order_by(col(Delivery.id))
        .execution_options(populate_existing=True)
    )
    return list(rows.all())


async def _on_its_way(session: AsyncSession, w: World) -> Delivery:
    """The sender claims what is queued: the rating notice is on its way."""
    claimed = await outbox.claim_deliveries(session, now=T0, limit=100, worker="sender")
    [notice] = await _notices(session, w)
    assert notice.id in {c.id for c in claimed} and notice.state == DeliveryState.SENDING
    return notice


async def _recorded(
    sessionmaker: async_sessionmaker[AsyncSession], notice: Delivery, message_id: int
) -> None:
    """Its call returns: recorded sent, marked to be redrawn."""
    async with sessionmaker() as sender:
        matter = await outbox.record_sent(
            sender, delivery_id=notice.id or 0, message_ids=[message_id], now=T0
        )
    assert matter is not None and svc.rating_to_redraw(matter) is not None, matter


async def _sent(
    sessionmaker: async_sessionmaker[AsyncSession], notice: Delivery, message_id: int
) -> int:
    """Its call returns: recorded sent, then the sender's follow-up (as the scheduler's)."""
    await _recorded(sessionmaker, notice, message_id)
    async with sessionmaker() as follow_up:
        return await svc.redraw_rating_once_sent(
            follow_up, delivery_id=notice.id or 0, outbox=_outbox(follow_up)
        )


@pytest.mark.parametrize("score", [Score.SATISFIED, Score.UNSATISFIED])
async def test_rated_on_the_card_while_the_notice_is_on_its_way(
    session: AsyncSession,
    sessionmaker: async_sessionmaker[AsyncSession],
    world: World,
    score: Score,
) -> None:
    req = await _done(session, world)
    notice = await _on_its_way(session, world)
    await svc.rate(
        session, user=world.resident, request_id=req.id or 0, score=score, comment=None, now=T0
    )
    assert await _edits(session, 41) == []  # no message id to edit yet
    assert await _sent(sessionmaker, notice, 41) == 1
    [edit] = await _edits(session, 41)
    assert edit.chat_id == world.resident.id and edit.reply_markup is None
    assert FIRST in edit.text and "打个分" not in edit.text, edit.text
    label = "😊 满意" if score == Score.SATISFIED else "😞 不满意（已转给社区重新办理）"
    assert f"您的评价：{label}" in edit.text, edit.text
    [row] = await _notices(session, world)
    assert row.state == DeliveryState.SENT and row.matter == svc.rated_matter(req)
    # a stale tap on it is told it was rated
    await session.refresh(req)
    assert await svc.stale_rating_answer(session, req=req, message_id=41) == "order-err-rated"


async def test_reopened_and_done_again_the_notice_on_its_way_keeps_its_round(
    session: AsyncSession, sessionmaker: async_sessionmaker[AsyncSession], world: World
) -> None:
    """不满意 while the first notice was on its way, and a second result before it was recorded
    sent: it is redrawn with the first result, never rates the second, and the second round's
    rating does not redraw it again."""
    req = await _done(session, world)
    first = await _on_its_way(session, world)
    await svc.rate(
        session,
        user=world.resident,
        request_id=req.id or 0,
        score=Score.UNSATISFIED,
        comment=None,
        now=T0,
    )
    await _result(session, world, req, SECOND)
    await _recorded(sessionmaker, first, 41)
    # a tap on it before its redraw does not rate the second result
    with pytest.raises(Conflict) as refused:
        await svc.rate(
            session,
            user=world.resident,
            request_id=req.id or 0,
            score=Score.SATISFIED,
            comment=None,
            now=T0,
            shown_on=41,
        )
    assert refused.value.key == "order-err-rated-earlier"
    async with sessionmaker() as follow_up:
        assert (
            await svc.redraw_rating_once_sent(
                follow_up, delivery_id=first.id or 0, outbox=_outbox(follow_up)
            )
            == 1
        )
    [edit] = await _edits(session, 41)
    assert FIRST in edit.text and SECOND not in edit.text, edit.text
    assert "😞 不满意" in edit.text and edit.reply_markup is None, edit.text
    # the second result's notice is asking, with its buttons
    _, second = await _notices(session, world)
    assert SECOND in second.text and second.reply_markup is not None
    assert second.matter == svc.matter_of(req, RequestStatus.DONE)
    # nor after it (a button left, had the redraw not reached it)
    with pytest.raises(Conflict) as refused:
        await svc.rate(
            session,
            user=world.resident,
            request_id=req.id or 0,
            score=Score.SATISFIED,
            comment=None,
            now=T0,
            shown_on=41,
        )
    assert refused.value.key == "order-err-rated-earlier"
    # the second is sent and rated: only it is redrawn
    async with sessionmaker() as sender:
        await outbox.record_sent(sender, delivery_id=second.id or 0, message_ids=[52], now=T0)
    await session.refresh(req)
    await svc.rate(
        session,
        user=world.resident,
        request_id=req.id or 0,
        score=Score.SATISFIED,
        comment=None,
        now=T0 + timedelta(hours=1),
    )
    [again] = await _edits(session, 52)
    assert SECOND in again.text and "😊 满意" in again.text, again.text
    assert len(await _edits(session, 41)) == 1


async def test_closed_unrated_while_the_notice_is_on_its_way(
    session: AsyncSession, sessionmaker: async_sessionmaker[AsyncSession], world: World
) -> None:
    req = await _done(session, world)
    notice = await _on_its_way(session, world)
    assert await svc.auto_close_unrated(
        session, request_id=req.id or 0, now=T0 + timedelta(days=7), outbox=_outbox(session)
    )
    await _recorded(sessionmaker, notice, 41)
    # tapped before its redraw: it was not rated
    await session.refresh(req)
    answer = await svc.stale_rating_answer(session, req=req, message_id=41)
    assert answer == "order-err-closed-unrated"
    async with sessionmaker() as follow_up:
        assert (
            await svc.redraw_rating_once_sent(
                follow_up, delivery_id=notice.id or 0, outbox=_outbox(follow_up)
            )
            == 1
        )
    [edit] = await _edits(session, 41)
    assert FIRST in edit.text and "已自动结案" in edit.text and edit.reply_markup is None
    [row] = await _notices(session, world)
    assert row.matter == svc.unrated_matter(req)
    await session.refresh(req)
    assert req.status == RequestStatus.CLOSED
    answer = await svc.stale_rating_answer(session, req=req, message_id=41)
    assert answer == "order-err-closed-unrated"


async def test_a_notice_sent_before_the_rating_is_not_redrawn_twice(
    session: AsyncSession, sessionmaker: async_sessionmaker[AsyncSession], world: World
) -> None:
    """Recorded sent before the rating: the rating redraws it at once, with no mark left."""
    req = await _done(session, world)
    notice = await _on_its_way(session, world)
    async with sessionmaker() as sender:
        matter = await outbox.record_sent(
            sender, delivery_id=notice.id or 0, message_ids=[41], now=T0
        )
    assert matter == svc.matter_of(req, RequestStatus.DONE)
    await svc.rate(
        session,
        user=world.resident,
        request_id=req.id or 0,
        score=Score.BASIC,
        comment=None,
        now=T0,
    )
    [edit] = await _edits(session, 41)
    assert "🙂 基本满意" in edit.text
    [row] = await _notices(session, world)
    assert row.matter == svc.rated_matter(req)
    async with sessionmaker() as follow_up:
        redrawn = await svc.redraw_rating_once_sent(
            follow_up, delivery_id=notice.id or 0, outbox=_outbox(follow_up)
        )
    assert redrawn == 0


async def test_the_scheduler_redraws_a_notice_rated_while_its_call_was_under_way(
    engine: AsyncEngine,
    session: AsyncSession,
    sessionmaker: async_sessionmaker[AsyncSession],
    world: World,
) -> None:
    """The whole path: the sender's call of the rating notice is under way (past its last
    look) when the resident rates on the card; once it is recorded sent, the scheduler's
    follow-up queues its redraw, and the sender makes it."""
    emu = Emulator(limits=False)
    await emu.start()
    for user in vars(world).values():
        if isinstance(user, User):
            emu.add_user(id=user.id, first_name=user.first_name)
    settings = Settings(bot_token=SANDBOX_TOKEN, bot_api_base=emu.base_url)
    bot = make_bot(settings)
    service = SchedulerService(
        settings=settings,
        engine=engine,
        sessionmaker=sessionmaker,
        bot=bot,
        texts=TEXTS,
        clock=FakeClock(T0),
    )
    name, send = emu._methods["sendmessage"]

    async def under_way(params: Params) -> Any:
        if FIRST in str(params.data.get("text")) and params.data.get("reply_markup"):
            async with sessionmaker() as s:  # the resident's tap on the card, meanwhile
                resident = await s.get(User, world.resident.id)
                assert resident is not None
                use_outbox(s, _outbox(s))
                await svc.rate(
                    s,
                    user=resident,
                    request_id=req.id or 0,
                    score=Score.SATISFIED,
                    comment=None,
                    now=T0,
                )
        return await send(params)

    emu._methods["sendmessage"] = (name, under_way)
    try:
        req = await _done(session, world)
        await service.drain()
        await service.drain()  # the redraw the follow-up queued
        [message] = [
            m
            for m in emu.chats[world.resident.id].messages
            if m.by_bot and FIRST in m.msg.get("text", "")
        ]
        text = message.msg["text"]
        assert "您的评价：😊 满意" in text and "打个分" not in text, text
        assert message.edited and message.markup is None, message.markup
        [row] = await _notices(session, world)
        assert row.matter == svc.rated_matter(req)
    finally:
        await service.stop()
        await bot.session.close()
        await emu.stop()


@pytest.mark.parametrize("close", [False, True])
async def test_a_transfer_answer_asking_for_the_rating_follows_it_too(
    session: AsyncSession,
    sessionmaker: async_sessionmaker[AsyncSession],
    world: World,
    close: bool,
) -> None:
    """A transferred matter's answer ('诉求 … 有了答复：…') asks for the rating as a result
    does. Before, rated on the card or closed unrated, it kept its buttons."""
    use_outbox(session, _outbox(session))
    filed = await req_svc.file_request(
        session, user=world.resident, draft=draft("小区门口路面塌陷"), suggestion=None, now=T0
    )
    req = filed.request
    staff = world.roles(world.staff)
    await svc.transfer(
        session,
        user=world.staff,
        roles=staff,
        request_id=req.id or 0,
        unit="区市政局",
        note="已电话联系",
        now=T0,
    )
    await svc.record_transfer_answer(
        session,
        user=world.staff,
        roles=staff,
        request_id=req.id or 0,
        answer="市政局已修复路面",
        now=T0,
    )
    [asked] = (
        await session.exec(
            select(Delivery).where(
                col(Delivery.chat_id) == world.resident.id,
                col(Delivery.kind) == "order-notice-transfer-answer",
            )
        )
    ).all()
    assert asked.reply_markup is not None
    async with sessionmaker() as sender:
        await outbox.record_sent(sender, delivery_id=asked.id or 0, message_ids=[61], now=T0)
    if close:
        await svc.auto_close_unrated(
            session, request_id=req.id or 0, now=T0 + timedelta(days=7), outbox=_outbox(session)
        )
    else:
        await svc.rate(
            session,
            user=world.resident,
            request_id=req.id or 0,
            score=Score.BASIC,
            comment=None,
            now=T0,
        )
    [edit] = await _edits(session, 61)
    assert "市政局已修复路面" in edit.text and edit.reply_markup is None, edit.text
    assert ("已自动结案" if close else "您的评价：🙂 基本满意") in edit.text, edit.text
