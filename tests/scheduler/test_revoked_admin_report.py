"""Someone who is no longer an admin gets no monthly report: one still waiting for them when
their role is taken away (`linli revoke admin`) is cancelled, and the next month's goes to the
admins only. An admin named by LINLI_ADMIN_IDS stays one (as everywhere, effective_roles):
revoking them is refused, changing nothing; once the setting no longer names them, the scheduler
cancels what waits for them when it starts. SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from models.scheduling import Delivery, DeliveryState
from models.users import Role, User
from scheduler.generic_jobs import ensure_recurring
from scheduler.kinds import load_job_kinds
from scheduler.runner import JobRunner
from services import delivery
from services import staff as staff_svc
from services.errors import Conflict
from tests.scheduler.test_generic_jobs import SHANGHAI, _setup, local

ADMIN = 31  # 王主任, granted the role (linli grant admin)
FROM_SETTINGS = 900  # named by LINLI_ADMIN_IDS (the runner's settings)


async def _reports(session: AsyncSession) -> list[tuple[int, DeliveryState]]:
    rows = await session.exec(
        select(Delivery)
        .where(Delivery.kind == "report")
        .order_by(col(Delivery.id))
        .execution_options(populate_existing=True)
    )
    return [(d.chat_id, d.state) for d in rows.all()]


async def test_a_revoked_admin_gets_no_report(session: AsyncSession, runner: JobRunner) -> None:
    load_job_kinds()
    await _setup(session)
    await ensure_recurring(session, now=local(11, 23, 10), zone=SHANGHAI)
    await runner.run_due(now=local(12, 1, 9, 30))  # queued, not sent yet
    own = await delivery.enqueue(
        session, chat_id=ADMIN, text="您的诉求有进展", now=local(12, 1, 9)
    )
    await session.commit()
    assert await _reports(session) == [
        (ADMIN, DeliveryState.PENDING),
        (FROM_SETTINGS, DeliveryState.PENDING),
    ]

    await staff_svc.revoke(session, telegram_id=ADMIN, role=Role.ADMIN, admin_ids=[FROM_SETTINGS])
    assert await _reports(session) == [
        (ADMIN, DeliveryState.CANCELLED),
        (FROM_SETTINGS, DeliveryState.PENDING),
    ]
    await session.refresh(own)
    assert own.state == DeliveryState.PENDING  # their own news as a resident still goes

    next_month = datetime(2027, 1, 1, 9, 30, tzinfo=SHANGHAI).astimezone(UTC)
    assert (await runner.run_due(now=next_month)).done  # the next month's report
    assert [r for r in await _reports(session) if r[1] == DeliveryState.PENDING] == [
        (FROM_SETTINGS, DeliveryState.PENDING),
        (FROM_SETTINGS, DeliveryState.PENDING),
    ]


async def test_an_admin_the_settings_name_is_not_revoked(
    session: AsyncSession, runner: JobRunner
) -> None:
    load_job_kinds()
    await _setup(session)
    session.add(User(id=FROM_SETTINGS, first_name="赵科长", roles=Role.RESIDENT.value))
    await session.commit()
    await ensure_recurring(session, now=local(11, 23, 10), zone=SHANGHAI)
    await runner.run_due(now=local(12, 1, 9, 30))
    with pytest.raises(Conflict) as refused:
        await staff_svc.revoke(
            session, telegram_id=FROM_SETTINGS, role=Role.ADMIN, admin_ids=[FROM_SETTINGS]
        )
    assert refused.value.key == "err-admin-from-settings"
    assert (FROM_SETTINGS, DeliveryState.PENDING) in await _reports(session)


async def test_the_scheduler_cancels_reports_to_admins_the_settings_no_longer_name(
    session: AsyncSession, runner: JobRunner
) -> None:
    load_job_kinds()
    await _setup(session)
    await ensure_recurring(session, now=local(11, 23, 10), zone=SHANGHAI)
    await runner.run_due(now=local(12, 1, 9, 30))
    # restarted with LINLI_ADMIN_IDS empty: 900 is no admin any more, 31 (granted) still is
    assert await staff_svc.cancel_former_admins_mail(session, admin_ids=[]) == 1
    assert await _reports(session) == [
        (ADMIN, DeliveryState.PENDING),
        (FROM_SETTINGS, DeliveryState.CANCELLED),
    ]
    assert await staff_svc.cancel_former_admins_mail(session, admin_ids=[FROM_SETTINGS]) == 0
