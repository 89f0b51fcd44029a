"""Times in consultation messages carry the date and weekday in the reader's language: a
resident reads '11月25日（周三）10:00', an English resident 'Wed 25 Nov, 10:00' (before, both
read '11-25 10:00': no weekday, and in English an ambiguous month-day)."""

from __future__ import annotations

from sqlmodel.ext.asyncio.session import AsyncSession

from services import meetings
from services.consult_common import LocalTime, Notifier
from tests.consult.conftest import NOW, World
from tests.consult.test_meetings import START, draft


async def test_announcement_time_in_each_language(
    session: AsyncSession, world: World, notifier: Notifier
) -> None:
    english = world["d"]
    english.language = "en"
    session.add(english)
    await session.commit()
    meeting = await meetings.create_meeting(
        session, user=world.staff, roles=world.staff_roles, draft=draft(world), now=NOW
    )
    await meetings.publish_meeting(
        session,
        user=world.staff,
        roles=world.staff_roles,
        meeting_id=meeting.id or 0,
        now=NOW,
        notifier=notifier,
    )
    texts = {m["chat_id"]: m["text"] for m in notifier.sent}
    assert "11月25日（周三）10:00" in texts[world["a1"].id]  # START is 02:00 UTC
    assert "Wed 25 Nov, 10:00" in texts[english.id]
    assert "11-25" not in texts[world["a1"].id] + texts[english.id]


def test_local_time_shows_the_year_when_not_this_years() -> None:
    notifier = Notifier(texts=_Echo(), now=NOW)
    when = notifier.local(START.replace(year=2027))
    assert str(when) == "11-25 10:00"  # as a plain string: unchanged
    assert isinstance(when, LocalTime)
    assert notifier.text("zh-Hans", "k", when=when) == "when=2027/11/25 thu 10:00"


class _Echo:
    """Renders date-time from its parts and any other key as its arguments."""

    def get(self, lang: str, key: str, /, **args: object) -> str:
        if key == "date-time":
            return f"{args['year']}/{args['month']}/{args['day']} {args['weekday']} {args['time']}"
        return " ".join(f"{k}={v}" for k, v in args.items())
