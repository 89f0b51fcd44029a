"""A meeting for several grids or buildings names them as the reader's language lists things:
'👥 For: 第一网格, 第二网格' for an English reader, '第一网格、第二网格' in Chinese. Before, the
English card read '第一网格、第二网格' with the Chinese list comma."""

from __future__ import annotations

from sqlmodel.ext.asyncio.session import AsyncSession

from models.consultations import AudienceKind
from services import meetings
from services.consult_common import Notifier
from tests.consult.conftest import NOW, World
from tests.consult.test_meetings import draft


async def test_a_meetings_grids_are_listed_in_the_readers_language(
    session: AsyncSession, world: World, notifier: Notifier
) -> None:
    meeting = await meetings.create_meeting(
        session,
        user=world.staff,
        roles=world.staff_roles,
        draft=draft(
            world,
            audience_kind=AudienceKind.GRIDS,
            audience_ids=(world.grid1.id, world.grid2.id),
        ),
        now=NOW,
    )
    args = await meetings.card_args(session, meeting=meeting, notifier=notifier)
    english = notifier.text("en", "meeting-card", **args)
    assert "第一网格, 第二网格" in english or "第二网格, 第一网格" in english, english
    assert "、" not in english
    chinese = notifier.text("zh-Hans", "meeting-card", **args)
    assert "第一网格、第二网格" in chinese or "第二网格、第一网格" in chinese, chinese
