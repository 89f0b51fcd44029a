"""The audit log for actions outside the order ledger."""

from __future__ import annotations

from sqlmodel.ext.asyncio.session import AsyncSession

from models import AuditEvent


def record(
    session: AsyncSession,
    *,
    actor_id: int | None,
    action: str,
    subject_type: str = "",
    subject_id: object = "",
    detail: str = "",
) -> AuditEvent:
    """Add an audit event to the session (the caller commits)."""
    event = AuditEvent(
        actor_id=actor_id,
        action=action,
        subject_type=subject_type,
        subject_id=str(subject_id),
        detail=detail[:2000],
    )
    session.add(event)
    return event


async def refused(session: AsyncSession, *, actor_id: int, what: str) -> None:
    """Keep a refused attempt (a forged or foreign button) in the audit log, committed."""
    record(session, actor_id=actor_id, action="refused", subject_type="button", detail=what)
    await session.commit()
