"""Two looks at a broadcast at once (the sandbox's own beat and a test's `show_progress`, or a
beat that overran the next): the author's progress line ends at the larger number. Before, a
look that read 1/2 could edit the line after the one that read 2/2 had, and it went on reading
已发送 1/2 under the report that all had gone."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from sqlalchemy import update
from sqlmodel import col
from sqlmodel.ext.asyncio.session import AsyncSession

from models.scheduling import AudienceKind, Delivery, DeliveryState
from models.users import Role, StaffScope, User
from sandbox.emulator import Emulator
from scheduler.service import SchedulerService
from services import broadcast as broadcasts
from tests.scheduler.conftest import add_users
from tests.scheduler.test_service import _org, service  # noqa: F401  (the fixture)
from tests.support import FakeClock


async def _sent(session: AsyncSession, chat_id: int) -> None:
    await session.exec(  # type: ignore[call-overload]
        update(Delivery).where(col(Delivery.chat_id) == chat_id).values(state=DeliveryState.SENT)
    )
    await session.commit()


async def test_a_slower_look_does_not_take_the_line_back(
    service: tuple[SchedulerService, Emulator],  # noqa: F811
    session: AsyncSession,
    clock: FakeClock,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    svc, emu = service
    cid, *_ = await _org(session)
    await add_users(session, [11, 12], community_id=cid)
    staff = User(id=21, first_name="社工", roles="resident,staff")
    session.add(staff)
    await session.commit()
    session.add(StaffScope(user_id=21, community_id=cid))
    await session.commit()
    for uid in (11, 12, 21):
        emu.add_user(id=uid, first_name=f"U{uid}")
    line = await svc.bot.send_message(21, "已发送 0/2")
    draft, _count = await broadcasts.create_draft(
        session,
        author=staff,
        roles=frozenset({Role.RESIDENT, Role.STAFF}),
        kind=AudienceKind.COMMUNITY,
        community_id=cid,
        target_ids=[],
        text="明天停水",
        now=clock.now,
    )
    assert draft.id is not None
    await broadcasts.confirm(
        session,
        author=staff,
        roles=frozenset({Role.RESIDENT, Role.STAFF}),
        broadcast_id=draft.id,
        urgent=False,
        progress_chat_id=21,
        progress_message_id=line.message_id,
        now=clock.now,
    )
    await _sent(session, 11)

    real_edit = svc._edit_progress
    first_in, go_on, second_edited = asyncio.Event(), asyncio.Event(), asyncio.Event()

    async def slow_first(item: Any, lang: str, done: int, total: int) -> None:
        if done == 1:  # the first look's edit is slow on its way
            first_in.set()
            await go_on.wait()
        else:
            second_edited.set()
        await real_edit(item, lang, done, total)

    monkeypatch.setattr(svc, "_edit_progress", slow_first)
    first = asyncio.create_task(svc.show_progress(force=True))
    await first_in.wait()
    await _sent(session, 12)  # the last copy goes meanwhile
    second = asyncio.create_task(svc.show_progress(force=True))
    # the second look must wait for the first; before, it edited the line to 2/2 at once
    # (proving that it does not needs a bounded wait)
    waiting = asyncio.create_task(second_edited.wait())
    await asyncio.wait({waiting, second}, timeout=1.0, return_when=asyncio.FIRST_COMPLETED)
    waiting.cancel()
    go_on.set()
    await asyncio.gather(first, second)

    [shown] = [m for m in emu.chats[21].messages if m.msg["message_id"] == line.message_id]
    assert "2/2" in str(shown.msg.get("text")), shown.msg.get("text")
    assert not emu.errors, list(emu.errors)
