"""What others write about a resident's matter — a member's 告诉社区, a release reason, a
report, staff's reasons — often quotes the resident ('周阿姨不在家', '302敲门没人应', a phone
number). When the resident deletes their data (/forget), those go from the ledger, the XLSX
ledger and the notices still held for the night as their own words do; and a result card in the
public channel never carries them. SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from openpyxl import load_workbook
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.i18n import Translator
from models.orders import Claim, LedgerEvent, Order, Request, Transfer
from models.scheduling import Delivery
from services import member_notes
from services import orders as svc
from services import requests as req_svc
from services.export import export_ledger
from services.order_common import Notice, Personal, use_outbox
from services.order_notices import deliver
from services.users import forget_user
from tests.orders.conftest import World, draft

NIGHT = datetime(2026, 11, 23, 15, 0, tzinfo=UTC)  # 23:00 in Shanghai: quiet hours
PERSONAL = ("周阿姨", "13800138000", "138 0013 8000", "302")


def _outbox(session: AsyncSession) -> None:
    async def sink(notices: Sequence[Notice]) -> int:
        return await deliver(
            session, notices, texts=Translator(), default_language="zh-Hans", now=NIGHT
        )

    use_outbox(session, sink)


def _clean(text: str | None) -> bool:
    return not any(word in (text or "") for word in PERSONAL)


async def _order(session: AsyncSession, w: World) -> Order:
    """周阿姨 (room 302, phone 13800138000) files; staff issue an order for it."""
    w.resident.first_name = "周阿姨"
    filed = await req_svc.file_request(
        session, user=w.resident, draft=draft("楼道灯坏了"), suggestion=None, now=NIGHT
    )
    out = await svc.issue_order(
        session,
        user=w.staff,
        roles=w.roles(w.staff),
        request_id=filed.request.id or 0,
        spec=svc.OrderSpec(members_needed=1, points=10),
        now=NIGHT,
    )
    assert out.order is not None
    return out.order


async def _worked_on(session: AsyncSession, w: World) -> Order:
    """Members write about 周阿姨 while working on her order: a note, a release, a report;
    staff verify it (a result card goes to the public channel)."""
    order = await _order(session, w)
    oid = order.id or 0
    first, second = w.member, w.member2
    await svc.claim_order(session, user=first, roles=w.roles(first), order_id=oid, now=NIGHT)
    await member_notes.tell_community(
        session,
        user=first,
        roles=w.roles(first),
        order_id=oid,
        text="周阿姨不在家，打13800138000也没人接，302敲门没人应",
        now=NIGHT,
    )
    await svc.release_claim(
        session,
        user=first,
        roles=w.roles(first),
        order_id=oid,
        reason="周阿姨说302今天没人在家",
        now=NIGHT,
    )
    await svc.claim_order(session, user=second, roles=w.roles(second), order_id=oid, now=NIGHT)
    await svc.report_done(
        session,
        user=second,
        roles=w.roles(second),
        order_id=oid,
        note="已给周阿姨家（302）换了灯泡，电话 138 0013 8000 回访过",
        now=NIGHT,
    )
    return order


async def _history(session: AsyncSession, w: World, tmp_path: Path) -> dict[str, str]:
    out = await export_ledger(
        session,
        path=tmp_path / "ledger.xlsx",
        start=NIGHT - timedelta(days=1),
        end=NIGHT + timedelta(days=1),
        community_ids=[w.community.id or 0],
        texts=Translator(),
        lang="zh-Hans",
        zone=ZoneInfo("Asia/Shanghai"),
        now=NIGHT + timedelta(days=2),
    )
    rows = [[c.value for c in row] for row in load_workbook(out.path, read_only=True).active]
    return {str(k): str(v or "") for k, v in zip(rows[0], rows[1], strict=True)}


async def test_what_members_wrote_about_her_is_masked_after_forget(
    session: AsyncSession, world: World, tmp_path: Path
) -> None:
    order = await _worked_on(session, world)
    await svc.verify(
        session,
        user=world.staff,
        roles=world.roles(world.staff),
        order_id=order.id or 0,
        approve=True,
        note=None,
        now=NIGHT,
    )
    # staff's copy before: every word as written
    before = await _history(session, world, tmp_path)
    assert "周阿姨不在家" in before["办理过程"] and "302敲门没人应" in before["办理过程"]
    await forget_user(session, user=world.resident, now=NIGHT + timedelta(hours=1))

    notes = (
        await session.exec(
            select(LedgerEvent.action, LedgerEvent.note).where(
                col(LedgerEvent.request_id) == order.request_id
            )
        )
    ).all()
    written = {action: note for action, note in notes if action in {"member_note", "release"}}
    assert written["member_note"] == "***不在家，打138****8000也没人接，***敲门没人应", written
    assert written["release"] == "***说***今天没人在家"
    assert all(_clean(note) for _, note in notes), notes
    for claim in (await session.exec(select(Claim))).all():
        assert _clean(claim.reason), claim.reason
    refreshed = await session.get(Order, order.id)
    assert refreshed is not None and _clean(refreshed.result_note)
    assert "换了灯泡" in (refreshed.result_note or "")
    req = await session.get(Request, order.request_id)
    assert req is not None and _clean(req.result_note) and "换了灯泡" in (req.result_note or "")
    # the XLSX ledger: its history and its result column
    after = await _history(session, world, tmp_path)
    assert "不在家" in after["办理过程"] and "换了灯泡" in after["办理结果"], after
    assert not [v for v in after.values() if not _clean(v)], after


async def test_staff_reasons_and_transfers_are_masked_too(
    session: AsyncSession, world: World
) -> None:
    world.resident.first_name = "周阿姨"
    filed = await req_svc.file_request(
        session, user=world.resident, draft=draft("楼道灯坏了"), suggestion=None, now=NIGHT
    )
    rid = filed.request.id or 0
    roles = world.roles(world.staff)
    await svc.transfer(
        session,
        user=world.staff,
        roles=roles,
        request_id=rid,
        unit="供电所",
        note="周阿姨302，电话13800138000",
        now=NIGHT,
    )
    await svc.record_transfer_answer(
        session,
        user=world.staff,
        roles=roles,
        request_id=rid,
        answer="已联系周阿姨，302明天上门",
        now=NIGHT,
    )
    await forget_user(session, user=world.resident, now=NIGHT + timedelta(hours=1))
    [transfer] = (await session.exec(select(Transfer))).all()
    assert _clean(transfer.note) and _clean(transfer.answer), (transfer.note, transfer.answer)
    assert "明天上门" in (transfer.answer or "")
    notes = (
        await session.exec(select(LedgerEvent.note).where(col(LedgerEvent.request_id) == rid))
    ).all()
    assert all(_clean(note) for note in notes), notes


async def test_held_notices_quoting_members_read_as_masked(
    session: AsyncSession, world: World
) -> None:
    """The staff notice of the member's note, held for the night, goes masked in the morning."""
    _outbox(session)
    await _worked_on(session, world)
    kinds = ("order-notice-member-note", "order-notice-released", "order-notice-verify")

    async def held() -> list[Delivery]:
        rows = await session.exec(
            select(Delivery)
            .where(col(Delivery.kind).in_(kinds))
            .execution_options(populate_existing=True)
        )
        return list(rows.all())

    assert {d.kind for d in await held()} == set(kinds)
    assert not any(_clean(d.text) for d in await held())
    await forget_user(session, user=world.resident, now=NIGHT + timedelta(hours=1))
    rows = await held()
    assert {d.kind for d in rows} == set(kinds)
    assert all(_clean(d.text) for d in rows), [d.text for d in rows]
    note = next(d.text for d in rows if d.kind == "order-notice-member-note")
    assert note.endswith("：***不在家，打138****8000也没人接，***敲门没人应"), note


async def test_the_public_result_card_never_names_her_or_her_room(
    session: AsyncSession, world: World
) -> None:
    order = await _worked_on(session, world)
    out = await svc.verify(
        session,
        user=world.staff,
        roles=world.roles(world.staff),
        order_id=order.id or 0,
        approve=True,
        note=None,
        now=NIGHT,
    )
    [card] = [n for n in out.notices if n.kind == "public-result"]
    assert card.args["note"] == "已给***家（***）换了灯泡，电话 138****8000 回访过", card.args


def test_personal_scrub_stars_out_what_is_known() -> None:
    known = Personal.of(
        names=["周阿姨", None, "x"], rooms=["2单元301", "5"], phones=["021-12345678", ""]
    )
    said = "周阿姨住2单元301，找301的x，打12345678或021 1234 5678，5号楼"
    # a name of one character, a room of one: too short to star out anywhere
    assert known.scrub(said) == "***住******，找***的x，打********或021-********，5号楼"
    assert Personal().scrub("周阿姨 302") == "周阿姨 302"
