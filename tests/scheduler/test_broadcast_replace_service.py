"""A notice changed from its preview (✏️ 修改) replaces its draft, at the service level: the two
never both go out, a draft sent meanwhile is not replaced, and a change that would reach nobody
leaves the draft as it was."""

from __future__ import annotations

from datetime import datetime

import pytest
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from models.scheduling import AudienceKind, Broadcast, BroadcastState
from models.users import Role
from services import broadcast as broadcasts
from services.errors import Conflict, InvalidInput
from tests.scheduler.conftest import add_users
from tests.scheduler.test_broadcast_photo_service import PHOTO, _community_with_staff
from tests.support import FakeClock

ROLES = frozenset({Role.RESIDENT, Role.STAFF})


async def _states(session: AsyncSession) -> list[tuple[str, str]]:
    rows = (await session.exec(select(Broadcast).order_by(col(Broadcast.id)))).all()
    return [(b.text, b.state) for b in rows]


async def test_a_change_replaces_its_draft(session: AsyncSession, clock: FakeClock) -> None:
    cid, staff = await _community_with_staff(session)
    await add_users(session, [11, 12], community_id=cid)
    now: datetime = clock.now
    first, _ = await broadcasts.create_draft(
        session,
        author=staff,
        roles=ROLES,
        kind=AudienceKind.COMMUNITY,
        community_id=cid,
        target_ids=[],
        text="周六停水",
        now=now,
        photo=PHOTO,
    )
    changed, count = await broadcasts.create_draft(
        session,
        author=staff,
        roles=ROLES,
        kind=AudienceKind.COMMUNITY,
        community_id=cid,
        target_ids=[],
        text="周六上午停水",
        now=now,
        photo=PHOTO,
        replaces=first.id,
    )
    assert count == 2 and changed.photo_ref == PHOTO
    assert await _states(session) == [
        ("周六停水", BroadcastState.CANCELLED),
        ("周六上午停水", BroadcastState.DRAFT),
    ]
    # a change of it that reaches nobody (no members yet): refused, the draft stays
    with pytest.raises(InvalidInput) as refused:
        await broadcasts.create_draft(
            session,
            author=staff,
            roles=ROLES,
            kind=AudienceKind.MEMBERS,
            community_id=cid,
            target_ids=[],
            text="周六上午停水",
            now=now,
            replaces=changed.id,
        )
    assert refused.value.key == "broadcast-empty-audience"
    assert (await _states(session))[-1] == ("周六上午停水", BroadcastState.DRAFT)
    # sent from the old preview before the change came: the change is refused, nothing stored
    assert changed.id is not None
    await broadcasts.confirm(
        session,
        author=staff,
        roles=ROLES,
        broadcast_id=changed.id,
        urgent=False,
        progress_chat_id=None,
        progress_message_id=None,
        now=now,
    )
    with pytest.raises(Conflict) as late:
        await broadcasts.create_draft(
            session,
            author=staff,
            roles=ROLES,
            kind=AudienceKind.COMMUNITY,
            community_id=cid,
            target_ids=[],
            text="周六全天停水",
            now=now,
            replaces=changed.id,
        )
    assert late.value.key == "broadcast-already-sent"
    assert [text for text, _ in await _states(session)] == ["周六停水", "周六上午停水"]
