"""Changing a poll draft before it is published (✏️ 修改 on its preview or card): the question,
the options and the closing time, checked as when the poll was created; once published or
withdrawn it is no longer changed."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from models import AuditEvent
from models.consultations import Poll
from services import polls
from services.consult_common import Notifier
from services.errors import Conflict, InvalidInput, PermissionDenied
from tests.consult.conftest import NOW, RESIDENT, World
from tests.consult.test_polls import draft


async def _draft(session: AsyncSession, world: World, **changes: object) -> Poll:
    return await polls.create_poll(
        session, user=world.staff, roles=world.staff_roles, draft=draft(world, **changes), now=NOW
    )


async def _edit(
    session: AsyncSession, world: World, notifier: Notifier, poll: Poll, **changes: Any
) -> Poll:
    return await polls.edit_draft(
        session,
        user=world.staff,
        roles=world.staff_roles,
        poll_id=poll.id or 0,
        edit=polls.PollEdit(**changes),
        now=NOW,
        notifier=notifier,
    )


async def _options(session: AsyncSession, poll: Poll) -> list[str]:
    return [o.text for o in await polls.poll_options(session, poll_id=poll.id or 0)]


async def test_question_options_and_closing_time_change(
    session: AsyncSession, world: World, notifier: Notifier
) -> None:
    poll = await _draft(session, world)
    closes = NOW + timedelta(days=5)
    changed = await _edit(
        session,
        world,
        notifier,
        poll,
        question=" 2号楼是否加装电梯？ ",
        options=["1. 同意", "2. 反对"],
    )
    assert changed.question == "2号楼是否加装电梯？"
    assert await _options(session, poll) == ["同意", "反对"]
    changed = await _edit(session, world, notifier, poll, closes_at=closes)
    assert changed.closes_at == closes
    audit = (
        await session.exec(select(AuditEvent.detail).where(AuditEvent.action == "poll-edit"))
    ).all()
    assert list(audit) == ["question,options", "closes_at"]


async def test_a_multiple_choice_keeps_its_maximum_within_the_options(
    session: AsyncSession, world: World, notifier: Notifier
) -> None:
    poll = await _draft(session, world, multiple=True, max_choices=3)
    changed = await _edit(session, world, notifier, poll, options=["同意", "反对"])
    assert changed.max_choices == 2


@pytest.mark.parametrize(
    ("changes", "key"),
    [
        ({"options": ["同意"]}, "poll-err-option-count"),
        ({"options": ["同意", "反对", "弃权"]}, "poll-err-no-change"),
        ({"question": "1号楼是否加装电梯？"}, "poll-err-no-change"),
        ({"closes_at": NOW - timedelta(minutes=1)}, "poll-err-close-past"),
        ({"closes_at": NOW + timedelta(days=61)}, "poll-err-too-long"),
    ],
)
async def test_a_slip_is_refused_and_nothing_changes(
    session: AsyncSession,
    world: World,
    notifier: Notifier,
    changes: dict[str, object],
    key: str,
) -> None:
    poll = await _draft(session, world)
    with pytest.raises(InvalidInput) as refused:
        await _edit(session, world, notifier, poll, **changes)
    assert refused.value.key == key
    assert await _options(session, poll) == ["同意", "反对", "弃权"]
    assert (await polls.get_poll(session, poll_id=poll.id or 0)).closes_at == poll.closes_at


async def test_published_or_withdrawn_polls_are_not_changed(
    session: AsyncSession, world: World, notifier: Notifier
) -> None:
    published = await _draft(session, world)
    await polls.publish_poll(
        session,
        user=world.staff,
        roles=world.staff_roles,
        poll_id=published.id or 0,
        now=NOW,
        notifier=notifier,
    )
    with pytest.raises(Conflict) as refused:
        await _edit(session, world, notifier, published, question="改一下")
    assert refused.value.key == "poll-err-edit-published"
    withdrawn = await _draft(session, world)
    await polls.cancel_poll(
        session, user=world.staff, roles=world.staff_roles, poll_id=withdrawn.id or 0, now=NOW
    )
    with pytest.raises(Conflict) as refused:
        await _edit(session, world, notifier, withdrawn, question="改一下")
    assert refused.value.key == "poll-err-edit-cancelled"


async def test_only_staff_of_the_community_change_a_draft(
    session: AsyncSession, world: World, notifier: Notifier
) -> None:
    poll = await _draft(session, world)
    with pytest.raises(PermissionDenied):
        await polls.edit_draft(
            session,
            user=world["a1"],
            roles=RESIDENT,
            poll_id=poll.id or 0,
            edit=polls.PollEdit(question="改一下"),
            now=NOW,
            notifier=notifier,
        )
    stored = (await session.exec(select(Poll).where(col(Poll.id) == poll.id))).one()
    assert stored.question == "1号楼是否加装电梯？"
