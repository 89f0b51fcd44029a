"""我的积分: month and lifetime totals, the community board by period (ties, consent to be
named, the reader always shown), and the latest entries; on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from sqlmodel.ext.asyncio.session import AsyncSession

from models import MemberProfile, MemberStatus
from models.orders import Order, PointsEntry, Request
from services import orders as svc
from tests.orders.conftest import World

ZONE = ZoneInfo("Asia/Shanghai")
NOW = datetime(2026, 12, 10, 4, 0, tzinfo=UTC)  # 12:00 on 10 December in Shanghai


async def _order(session: AsyncSession, world: World, title: str) -> Order:
    req = Request(community_id=world.community.id or 0, filed_by=world.resident.id, text=title)
    session.add(req)
    await session.flush()
    order = Order(
        request_id=req.id or 0,
        community_id=world.community.id or 0,
        title=title,
        category="facilities",
        created_by=world.staff.id,
    )
    session.add(order)
    await session.flush()
    return order


async def _credit(
    session: AsyncSession, world: World, member_id: int, at: datetime, points: int, *, title: str
) -> Order:
    order = await _order(session, world, title)
    session.add(
        PointsEntry(
            member_id=member_id,
            community_id=world.community.id or 0,
            order_id=order.id,
            points=points,
            minutes=points * 6,
            at=at,
            note=order.number,
        )
    )
    return order


async def test_points_overview_periods_ranks_names_and_entries(
    session: AsyncSession, world: World
) -> None:
    m300, m301, m302 = world.member.id, world.member2.id, world.member3.id
    # month and year begin at midnight in Shanghai, not in UTC:
    last_month = datetime(2026, 11, 30, 15, 30, tzinfo=UTC)  # 30 Nov 23:30 in Shanghai
    this_month_early = datetime(2026, 11, 30, 16, 30, tzinfo=UTC)  # 1 Dec 00:30 in Shanghai
    last_year = datetime(2025, 12, 31, 15, 0, tzinfo=UTC)  # 23:00 on 31 Dec 2025 locally
    await _credit(session, world, m300, last_year, 50, title="去年的单")
    await _credit(session, world, m300, last_month, 20, title="上月的单")
    first = await _credit(session, world, m300, this_month_early, 10, title="楼道灯")
    await _credit(session, world, m301, this_month_early, 10, title="水管")
    await _credit(session, world, m302, this_month_early, 30, title="门锁")
    # the member of another community earns there: never on this board
    session.add(
        PointsEntry(
            member_id=world.foreign_member.id,
            community_id=world.other_community.id or 0,
            points=99,
            at=this_month_early,
        )
    )
    p301 = await session.get(MemberProfile, m301)
    assert p301 is not None
    p301.show_name_public = False  # 党员301 did not agree to be named publicly
    await session.commit()

    month = await svc.points_overview(
        session, user=world.member, period="month", now=NOW, zone=ZONE
    )
    assert (month.month_points, month.month_minutes) == (10, 60)
    assert (month.total_points, month.total_minutes, month.done) == (80, 480, 3)
    assert month.community == "阳光社区"
    # ties share a rank: 30, then 10 and 10 both second
    assert [(b.rank, b.name, b.points) for b in month.board] == [
        (1, "党员302", 30),
        (2, "党员300", 10),
        (2, "党**", 10),
    ]
    assert month.ranked == 3
    assert month.mine is not None and month.mine.rank == 2 and month.mine.me
    # the newest entries first, with the order's number and title
    assert [(r.title, r.points) for r in month.recent] == [
        ("楼道灯", 10),
        ("上月的单", 20),
        ("去年的单", 50),
    ]
    assert month.recent[0].number == first.number

    year = await svc.points_overview(session, user=world.member, period="year", now=NOW, zone=ZONE)
    assert [(b.rank, b.points) for b in year.board] == [(1, 30), (1, 30), (3, 10)]
    assert year.board[0].name == "党员300"  # equal points and hours: a stable order
    every = await svc.points_overview(session, user=world.member, period="all", now=NOW, zone=ZONE)
    assert [(b.rank, b.name, b.points, b.masked) for b in every.board] == [
        (1, "党员300", 80, False),
        (2, "党员302", 30, False),
        (3, "党**", 10, True),
    ]

    # the member who is not named publicly sees their own name
    theirs = await svc.points_overview(
        session, user=world.member2, period="month", now=NOW, zone=ZONE
    )
    assert [b.name for b in theirs.board if b.me] == ["党员301"]


async def test_points_overview_reader_below_the_top_and_empty_period(
    session: AsyncSession, world: World
) -> None:
    # twelve other approved members each earn more this month than 党员300
    for i in range(12):
        uid = 900 + i
        user = await _make_member(session, world, uid)
        await _credit(session, world, user, NOW, 20 + i, title=f"单{i}")
    await _credit(session, world, world.member.id, NOW, 5, title="小事")
    await session.commit()
    got = await svc.points_overview(session, user=world.member, period="month", now=NOW, zone=ZONE)
    assert len(got.board) == svc.BOARD_SIZE and not any(b.me for b in got.board)
    assert got.mine is not None and (got.mine.rank, got.mine.points) == (13, 5)
    assert got.ranked == 13
    # nobody earned anything in a month to come: an empty board, no rank
    later = datetime(2027, 2, 1, 4, 0, tzinfo=UTC)
    empty = await svc.points_overview(
        session, user=world.member, period="month", now=later, zone=ZONE
    )
    assert empty.board == [] and empty.mine is None and empty.ranked == 0
    assert empty.month_points == 0 and empty.total_points == 5 and empty.done == 1


async def _make_member(session: AsyncSession, world: World, uid: int) -> int:
    from models import Role, User

    user = User(id=uid, first_name=f"u{uid}", created_at=NOW, last_seen_at=NOW)
    user.set_roles({Role.RESIDENT, Role.MEMBER})
    session.add(user)
    await session.flush()
    session.add(
        MemberProfile(
            user_id=uid,
            real_name=f"志{uid}",
            work_unit="单位",
            phone="13700137000",
            community_id=world.community.id or 0,
            status=MemberStatus.APPROVED,
        )
    )
    await session.flush()
    return uid


async def test_my_points_names_a_category_titled_order_in_the_readers_language(
    session: AsyncSession, world: World
) -> None:
    """🏅 My points read 'G00001 Public facilities' for an English-speaking member, as the
    order's card does (d77e803), when the order is called by its category's name (staff typed
    no title); a title staff typed reads as typed. Before: 'G00001 公共设施'."""
    from bot.i18n import Text, Translator
    from handlers.stats import points_text
    from services.order_common import category

    cat = category("facilities")
    assert cat.name() != cat.name("en")
    default = await _credit(session, world, world.member.id, NOW, 10, title=cat.name())
    typed = await _credit(session, world, world.member.id, NOW, 5, title="楼道灯")
    await session.commit()
    view = await svc.points_overview(
        session, user=world.member, period="month", now=NOW, zone=ZONE
    )
    translator = Translator()
    english = points_text(Text(translator, "en"), view, now=NOW, zone=ZONE)
    assert f"{default.number} {cat.name('en')}" in english, english
    assert cat.name() not in english
    assert f"{typed.number} 楼道灯" in english  # as staff typed it
    chinese = points_text(Text(translator, "zh-Hans"), view, now=NOW, zone=ZONE)
    assert f"{default.number} {cat.name()}" in chinese, chinese
