"""/quiet's service: the span as staff type it (one word or two, a dash, a tilde, 至, full
width), and who may change a community's quiet hours, told before anything about the time
(SQLite and PostgreSQL)."""

from __future__ import annotations

from datetime import time

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlmodel.ext.asyncio.session import AsyncSession

from models.org import Community, Grid
from models.users import Role, StaffScope, User
from services import broadcast
from services.delivery import quiet_hours_of
from services.errors import InvalidInput, PermissionDenied
from tests.scheduler.conftest import add_users

OFFICE, GRID_WORKER, OTHER_OFFICE = 21, 22, 23


@pytest.mark.parametrize(
    ("typed", "span"),
    [
        ("22:00 07:00", (time(22), time(7))),
        ("22:00-07:00", (time(22), time(7))),
        ("22:00 - 7:30", (time(22), time(7, 30))),
        ("22:00~07:00", (time(22), time(7))),
        ("22:00 至 07:00", (time(22), time(7))),
        ("22:00至07:00", (time(22), time(7))),
        ("21:00到06:00", (time(21), time(6))),
        ("22：00－07：00", (time(22), time(7))),
        ("２２：３０～０６：３０", (time(22, 30), time(6, 30))),
        ("22:00–07:00", (time(22), time(7))),
        ("22:00　07:00", (time(22), time(7))),  # an ideographic space
        ("off", None),
        ("關閉", None),
        ("OFF", None),
    ],
)
def test_the_span_as_staff_type_it(typed: str, span: tuple[time, time] | None) -> None:
    assert broadcast.parse_quiet_hours(typed) == span


@pytest.mark.parametrize(
    "typed", ["", "22:00", "25:00 07:00", "22:00-07:00-08:00", "22:0007:00", "晚上十点", "22-7"]
)
def test_what_is_not_a_span_is_refused(typed: str) -> None:
    with pytest.raises(InvalidInput, match="broadcast-quiet-bad"):
        broadcast.parse_quiet_hours(typed)


@given(
    st.integers(0, 23),
    st.integers(0, 59),
    st.integers(0, 23),
    st.integers(0, 59),
    st.sampled_from([" ", "-", " - ", "~", "～", "至", " 至 ", "到", "－", "–", "—"]),
    st.booleans(),
)
def test_any_span_with_any_separator(
    h1: int, m1: int, h2: int, m2: int, sep: str, wide: bool
) -> None:
    typed = f"{h1:02d}:{m1:02d}{sep}{h2}:{m2:02d}"
    if wide:
        typed = typed.translate(str.maketrans("0123456789:", "０１２３４５６７８９："))
    assert broadcast.parse_quiet_hours(typed) == (time(h1, m1), time(h2, m2))


async def _communities(session: AsyncSession) -> tuple[int, int]:
    sun, harmony = Community(name="阳光社区"), Community(name="和谐社区")
    session.add_all([sun, harmony])
    await session.commit()
    assert sun.id is not None and harmony.id is not None
    grid = Grid(community_id=sun.id, name="第一网格")
    session.add(grid)
    await session.commit()
    users = await add_users(session, [OFFICE, GRID_WORKER, OTHER_OFFICE])
    for u, name in zip(users, ("李社工", "张网格员", "陈社工"), strict=True):
        u.first_name = name
        u.set_roles({Role.RESIDENT, Role.STAFF})
    session.add_all(
        [
            StaffScope(user_id=OFFICE, community_id=sun.id),
            StaffScope(user_id=GRID_WORKER, community_id=sun.id, grid_id=grid.id),
            StaffScope(user_id=OTHER_OFFICE, community_id=harmony.id),
        ]
    )
    await session.commit()
    return sun.id, harmony.id


async def test_who_may_not_is_told_whom_to_ask_before_the_time(session: AsyncSession) -> None:
    sun, harmony = await _communities(session)
    staff_roles = {Role.RESIDENT, Role.STAFF}
    grid_worker = await session.get(User, GRID_WORKER)
    office = await session.get(User, OFFICE)
    assert grid_worker is not None and office is not None
    for typed in ("20:00 08:00", "25:00", "nonsense", "off"):
        with pytest.raises(PermissionDenied) as refused:
            await broadcast.change_quiet_hours(
                session, user=grid_worker, roles=staff_roles, community_id=sun, typed=typed
            )
        assert refused.value.key == "broadcast-quiet-not-yours"
        assert refused.value.args_["community"] == "阳光社区"
        assert refused.value.args_["ask"].items == ("李社工",)
    with pytest.raises(PermissionDenied) as refused:  # staff of another community
        await broadcast.change_quiet_hours(
            session, user=office, roles=staff_roles, community_id=harmony, typed="25:00"
        )
    assert refused.value.args_["ask"].items == ("陈社工",)
    assert (await quiet_hours_of(session, community_id=harmony))[2] is True
    # without community-wide staff: ask the sub-district admin
    other = await session.get(User, OTHER_OFFICE)
    assert other is not None
    other.set_roles({Role.RESIDENT})
    await session.commit()
    with pytest.raises(PermissionDenied) as refused:
        await broadcast.change_quiet_hours(
            session, user=office, roles=staff_roles, community_id=harmony, typed="off"
        )
    assert refused.value.key == "broadcast-quiet-not-yours-admin"
    # the community's own staff: the time is read, and checked
    with pytest.raises(InvalidInput, match="broadcast-quiet-bad"):
        await broadcast.change_quiet_hours(
            session, user=office, roles=staff_roles, community_id=sun, typed="25:00"
        )
    assert await broadcast.change_quiet_hours(
        session, user=office, roles=staff_roles, community_id=sun, typed="21:00-06:00"
    ) == ("21:00", "06:00", True)
    keepers = await broadcast.quiet_keepers(
        session, user=office, roles=staff_roles, community_id=sun
    )
    assert keepers.may_change and keepers.ask.items == ()
