"""Wording of the ledger (台账) and of what services tell staff, walked as staff: a merge's
history reads '00003 并入本诉求' / '并入 00005' (before, '并入 来自 00003' and '合并 并入 00005');
a declined matter's reason stands in 办理结果; a likely duplicate is named with how alike it
reads (很像 / 比较像 / 有点像), never a bare percentage; a list line's place is its building;
a merge across buildings is told; quiet hours that hold the resident's notice are said when it
goes; an estate named in words ('幸福里花园小区') is found whole, not cut to a garden; an office's
400 number is taken."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.i18n import Translator
from models import Building
from models.orders import Request
from services import orders as svc
from services import requests as req_svc
from services.address import named_place, public_place_in
from services.errors import InvalidInput
from services.order_common import Notice
from services.order_notices import held_for_night
from services.org_edit import clean_contact
from services.places import places_apart, spots
from services.triage.duplicates import likeness
from services.validation import office_phone_number
from tests.orders.conftest import T0, World, draft
from tests.orders.test_export_history_words import export_ledger_rows


async def _file(session: AsyncSession, w: World, text: str, *, second: bool = False) -> Request:
    user = w.resident2 if second else w.resident
    filed = await req_svc.file_request(
        session, user=user, draft=draft(text), suggestion=None, now=T0
    )
    return filed.request


def _row(rows: list[list[object]], number: str) -> dict[str, object]:
    head = [str(c) for c in rows[0]]
    row = next(r for r in rows[1:] if r[0] == number)
    return dict(zip(head, row, strict=False))


@pytest.mark.parametrize(
    ("lang", "merged", "target"),
    [
        ("zh-Hans", "并入 {into}", "{number} 并入本诉求"),
        ("en", "merged into {into}", "{number} merged into this one"),
    ],
)
async def test_a_merge_reads_naturally_in_the_history(
    session: AsyncSession, world: World, tmp_path: Path, lang: str, merged: str, target: str
) -> None:
    into = await _file(session, world, "3号楼楼道灯坏了")
    dup = await _file(session, world, "楼道的灯不亮了")
    roles = world.roles(world.staff)
    await svc.merge(
        session,
        user=world.staff,
        roles=roles,
        request_id=dup.id or 0,
        into_number=into.number,
        now=T0,
    )
    rows = await export_ledger_rows(session, world, tmp_path, lang)
    history = str(rows[0][-1])
    dup_history = str(_row(rows, dup.number)[history]).splitlines()
    into_history = str(_row(rows, into.number)[history]).splitlines()
    said = merged.format(into=into.number)
    assert any(line[17:].startswith(said) for line in dup_history), dup_history
    assert any(line[17:].startswith(target.format(number=dup.number)) for line in into_history)
    for line in dup_history + into_history:  # the action's word and the note's, not both
        assert "合并 并入" not in line and "并入 来自" not in line, line
        assert "merged merged" not in line and "merged in from" not in line, line


@pytest.mark.parametrize(("lang", "word"), [("zh-Hans", "不予受理："), ("en", "Declined: ")])
async def test_a_declined_matters_reason_is_its_result(
    session: AsyncSession, world: World, tmp_path: Path, lang: str, word: str
) -> None:
    req = await _file(session, world, "想让社区帮忙买菜")
    await svc.decline(
        session,
        user=world.staff,
        roles=world.roles(world.staff),
        request_id=req.id or 0,
        reason="超出社区服务范围，请联系物业",
        now=T0,
    )
    rows = await export_ledger_rows(session, world, tmp_path, lang)
    result_column = Translator().get(lang, "order-xlsx-result")
    assert _row(rows, req.number)[result_column] == f"{word}超出社区服务范围，请联系物业"


@pytest.mark.parametrize(
    ("score", "band"), [(1.0, "high"), (0.7, "high"), (0.55, "mid"), (0.37, "low"), (0.3, "low")]
)
def test_a_duplicate_is_said_by_how_alike_it_reads(score: float, band: str) -> None:
    assert likeness(score) == band


def test_the_duplicate_words_carry_no_percentage() -> None:
    texts = Translator()
    for lang in ("zh-Hans", "en"):
        for band in ("high", "mid", "low"):
            said = texts.get(lang, f"order-card-duplicate-{band}", number="00002")
            assert "00002" in said and "%" not in said and "0." not in said, said


async def test_a_list_line_names_the_building(session: AsyncSession, world: World) -> None:
    mine = await _file(session, world, "楼道灯坏了")
    theirs = await _file(session, world, "门口的灯不亮", second=True)
    where = await spots(session, [mine, theirs])
    assert where[mine.id or 0] == "3号楼" and where[theirs.id or 0] == "5号楼"


async def test_a_merge_across_buildings_is_found(session: AsyncSession, world: World) -> None:
    mine = await _file(session, world, "楼道灯坏了")
    same = await _file(session, world, "楼道的灯不亮")
    theirs = await _file(session, world, "门口的灯不亮", second=True)
    assert await places_apart(session, mine, same.id or 0) is None
    apart = await places_apart(session, mine, theirs.id or 0)
    assert apart is not None and (str(apart[0]), str(apart[1])) == ("3号楼", "5号楼")


async def test_quiet_hours_say_when_the_resident_hears(
    session: AsyncSession, world: World
) -> None:
    night = datetime(2026, 11, 23, 20, 30, tzinfo=UTC)  # 04:30 in Shanghai
    morning = datetime(2026, 11, 23, 23, 0, tzinfo=UTC)  # 07:00 in Shanghai
    rid = world.resident.id
    told = [Notice(chat_id=rid, key="order-notice-declined")]
    assert await held_for_night(session, told, chat_id=rid, now=night) == morning
    assert await held_for_night(session, told, chat_id=rid, now=T0) is None  # 10:00: at once
    urgent = [Notice(chat_id=rid, key="order-notice-declined", urgent=True)]
    assert await held_for_night(session, urgent, chat_id=rid, now=night) is None
    others = [Notice(chat_id=world.staff.id or 0, key="order-new")]
    assert await held_for_night(session, others, chat_id=rid, now=night) is None
    world.resident.quiet_hours_opt_out = True
    assert await held_for_night(session, told, chat_id=rid, now=night) is None


async def test_an_estate_is_read_by_its_whole_name(session: AsyncSession, world: World) -> None:
    cid = world.community.id or 0
    estate = Building(community_id=cid, grid_id=world.grid2.id or 0, name="幸福里花园小区")
    session.add(estate)
    await session.commit()
    for said in ("幸福里花园小区的路灯坏了", "幸福里花园门口有个大坑"):
        found = await named_place(
            session, said, community_id=cid, home_building_id=world.building.id
        )
        assert found is not None and found.name == "幸福里花园小区", said
    # the estate's own name is no garden: no public area cut out of it
    assert await public_place_in(session, "幸福里花园小区的路灯坏了", community_id=cid) is None
    assert await public_place_in(session, "小区花园里的椅子坏了", community_id=cid) == "花园"
    # a numbered building still needs its mark ('3号' may be a day of the month)
    assert (
        await named_place(session, "上个月5号开始漏水", community_id=cid, home_building_id=None)
        is None
    )


@pytest.mark.parametrize(
    ("typed", "kept"),
    [
        ("400-820-1234", "400-820-1234"),
        ("4008201234", "400-820-1234"),
        ("400 820 1234", "400-820-1234"),
        ("800-810-1234", "800-810-1234"),
        ("021-55500199", "021-55500199"),
        ("13900000001", "13900000001"),
    ],
)
def test_an_office_phone_may_be_a_400_number(typed: str, kept: str) -> None:
    assert office_phone_number(typed) == kept
    assert clean_contact("phone", typed) == kept


@pytest.mark.parametrize("typed", ["12345", "4001234", "400-820-12345", "500-820-1234"])
def test_other_numbers_are_still_refused(typed: str) -> None:
    with pytest.raises(InvalidInput):
        clean_contact("phone", typed)
