"""A resident who deletes their data (/forget) at night: a notice held for the morning that
carries one of their photos (a member told '居民补充了信息' with the photo added) is not sent,
since the photo's record is gone and nothing they sent should go out; before, it went in the
morning with the photo. A held notice of words alone still goes, masked (test_forget_held_cards).
SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import timedelta

from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.i18n import Translator
from models.scheduling import Delivery, DeliveryState
from services import orders as svc
from services import requests as req_svc
from services.order_notices import deliver
from services.users import forget_user
from tests.orders.conftest import World
from tests.orders.test_forget_held_cards import NIGHT, _file_at_night


async def _member_notices(session: AsyncSession, world: World) -> list[Delivery]:
    rows = await session.exec(
        select(Delivery)
        .where(
            col(Delivery.chat_id) == world.member.id,
            col(Delivery.kind) == "order-notice-info-added-member",
        )
        .order_by(col(Delivery.id))
        .execution_options(populate_existing=True)
    )
    return list(rows.all())


async def test_a_held_notice_with_their_photo_is_not_sent(
    session: AsyncSession, world: World
) -> None:
    req = await _file_at_night(session, world, "楼道灯坏了")
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
    # that night the resident adds a photo (held for the member), then words alone
    for text, photos in (("门口这盏", ["resident-photo-1"]), ("晚上八点后在家", [])):
        added = await req_svc.add_info(
            session,
            user=world.resident,
            request_id=req.id or 0,
            text=text,
            photos=photos,
            now=NIGHT,
        )
        await deliver(
            session, added.notices, texts=Translator(), default_language="zh-Hans", now=NIGHT
        )
    await session.commit()
    with_photo, words = await _member_notices(session, world)
    assert with_photo.photo_ref == "resident-photo-1" and words.photo_ref is None
    assert with_photo.state == words.state == DeliveryState.PENDING

    await forget_user(session, user=world.resident, now=NIGHT + timedelta(minutes=5))
    await session.commit()

    with_photo, words = await _member_notices(session, world)
    assert with_photo.state == DeliveryState.CANCELLED
    assert words.state == DeliveryState.PENDING  # words alone still go (masked where needed)
    assert await req_svc.attachments(session, request_id=req.id or 0) == []
