"""Migration 0010: members were never asked whether to be named publicly, so none is named
until they say so (SQLite and PostgreSQL)."""

from __future__ import annotations

from sqlmodel.ext.asyncio.session import AsyncSession

from models import Community, MemberProfile, MemberStatus, Role, User
from models.base import utcnow
from models.db import create_engine
from models.migrate import downgrade, upgrade


async def test_existing_members_are_not_named_after_0010(db_url: str) -> None:
    engine = create_engine(db_url)
    try:
        await upgrade(engine, "0009")
        async with AsyncSession(engine, expire_on_commit=False) as session:
            community = Community(name="阳光社区")
            session.add(community)
            user = User(id=3001, first_name="刘师傅", created_at=utcnow(), last_seen_at=utcnow())
            user.set_roles({Role.MEMBER})
            session.add(user)
            await session.flush()
            session.add(
                MemberProfile(
                    user_id=3001,
                    real_name="刘建国",
                    work_unit="区住建局",
                    phone="13800000001",
                    community_id=community.id or 0,
                    status=MemberStatus.APPROVED,
                    show_name_public=True,  # the old default, never the member's answer
                )
            )
            await session.commit()
        await upgrade(engine, "0010")
        async with AsyncSession(engine) as session:
            profile = await session.get(MemberProfile, 3001)
            assert profile is not None and not profile.show_name_public
        # going back leaves them unnamed (there is no earlier answer to restore)
        await downgrade(engine, "0009")
    finally:
        await engine.dispose()
