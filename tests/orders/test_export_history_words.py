"""The XLSX ledger's history reads as a community office reads it, in the export's language:
the notes services.orders composes in words of its own ('G00001 skills=plumbing', 'G00001 1/2
by staff', '300 → 301', 'round 2', '+2 photo(s)') are kept so in the database and written in
skill names, member names (not ids), '第2轮', '由工作人员指派' … Before, the ledger showed them
as stored."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from openpyxl import load_workbook
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.i18n import Translator
from models import MemberProfile
from models.orders import LedgerEvent
from services import orders as svc
from services import requests as req_svc
from services.order_common import note_event
from services.praise import PRAISE_ACTION
from tests.orders.conftest import T0, World
from tests.orders.test_cycle import _file


async def _history(session: AsyncSession, w: World, tmp_path: Path, lang: str) -> list[str]:
    out = await export_ledger_rows(session, w, tmp_path, lang)
    return str(out[1][-1]).splitlines()


async def export_ledger_rows(
    session: AsyncSession, w: World, tmp_path: Path, lang: str
) -> list[list[object]]:
    from services.export import export_ledger

    out = await export_ledger(
        session,
        path=tmp_path / f"ledger-{lang}.xlsx",
        start=T0 - timedelta(days=1),
        end=T0 + timedelta(days=2),
        community_ids=[w.community.id or 0],
        texts=Translator(),
        lang=lang,
        zone=ZoneInfo("Asia/Shanghai"),
        now=T0 + timedelta(days=3),
    )
    return [[c.value for c in row] for row in load_workbook(out.path, read_only=True).active]


def _line(lines: list[str], action: str, nth: int = 0) -> str:
    found = [line for line in lines if line[17:].startswith(action)]
    assert len(found) > nth, (action, lines)
    return found[nth]


async def _a_worked_order(session: AsyncSession, w: World) -> str:
    """A matter with every composed note: photos added, an order limited to a skill offered
    to all, escalated, claimed, assigned, reassigned and praised. Its order's number."""
    staff, roles = w.staff, w.roles(w.staff)
    req = await _file(session, w)
    rid = req.id or 0
    at = T0 + timedelta(minutes=1)
    await req_svc.add_info(
        session, user=w.resident, request_id=rid, text=None, photos=["p1", "p2"], now=at
    )
    out = await svc.issue_order(
        session,
        user=staff,
        roles=roles,
        request_id=rid,
        spec=svc.OrderSpec(members_needed=2, points=15, skills=("plumbing",)),
        now=T0 + timedelta(minutes=10),
    )
    assert out.order is not None and out.order.id is not None
    oid = out.order.id
    at = T0 + timedelta(minutes=20)
    await svc.offer_to_all(session, user=staff, roles=roles, order_id=oid, now=at)
    await svc.escalate_unclaimed(session, order_id=oid, round_=2, now=at)
    await session.commit()
    member = w.member
    await svc.claim_order(session, user=member, roles=w.roles(member), order_id=oid, now=at)
    await svc.assign_order(
        session, user=staff, roles=roles, order_id=oid, member_id=w.member2.id or 0, now=at
    )
    await svc.reassign(
        session,
        user=staff,
        roles=roles,
        order_id=oid,
        from_member_id=w.member2.id or 0,
        to_member_id=w.member3.id or 0,
        now=at,
    )
    note_event(
        session,
        request_id=rid,
        subject="request",
        subject_id=rid,
        action=PRAISE_ACTION,
        actor_id=w.resident.id,
        now=at,
        state=req.status,
        note="党员302: 修得很好，谢谢",
    )
    await session.commit()
    return out.order.number


async def test_composed_notes_read_in_chinese(
    session: AsyncSession, world: World, tmp_path: Path
) -> None:
    number = await _a_worked_order(session, world)
    lines = await _history(session, world, tmp_path, "zh-Hans")
    assert _line(lines, "补充信息").endswith("补充信息 照片 2 张")
    assert _line(lines, "改为全社区所有党员可接").endswith(f" {number} · 原限技能：水管疏通")
    assert _line(lines, "上报").endswith("上报 第2轮")
    assert _line(lines, "接单").endswith(f" 党员300 · {number} · 已接 1/2 人")
    assert _line(lines, "接单", 1).endswith(f" 党员301 · {number} · 已接 2/2 人 · 由工作人员指派")
    assert _line(lines, "改派").endswith(" 党员301 → 党员302")
    assert _line(lines, "接单", 2).endswith(f" 党员302 · {number} · 由工作人员指派")
    assert _line(lines, "居民表扬").endswith("居民表扬 党员302：修得很好，谢谢")
    # the stored notes stay as they were written (old rows read the same way)
    notes = (await session.exec(select(LedgerEvent.note).order_by(col(LedgerEvent.id)))).all()
    assert f"{number} 2/2 by staff" in notes and "301 → 302" in notes and "round 2" in notes


async def test_composed_notes_read_in_english(
    session: AsyncSession, world: World, tmp_path: Path
) -> None:
    number = await _a_worked_order(session, world)
    lines = await _history(session, world, tmp_path, "en")
    text = "\n".join(lines)
    assert "photo(s)" not in text and "skills=" not in text and "2/2 by staff" not in text
    assert _line(lines, "information added").endswith("information added 2 photos"), lines
    assert _line(lines, "offered to all").endswith(f"{number} · skills asked before: Plumbing")
    assert _line(lines, "escalated").endswith("escalated round 2")
    assert _line(lines, "claimed").endswith(f" 党员300 · {number} · 1 of 2 taken")
    assert _line(lines, "claimed", 1).endswith(f"{number} · 2 of 2 taken · assigned by staff")
    assert _line(lines, "reassigned").endswith(" 党员301 → 党员302")
    assert _line(lines, "Praise").endswith("resident 党员302: 修得很好，谢谢")


async def test_a_member_who_deleted_their_data_is_not_shown_by_id(
    session: AsyncSession, world: World, tmp_path: Path
) -> None:
    """Reassigned from a member who then deleted their data (/forget): their label, no id;
    a member with no profile left at all reads '-'."""
    await _a_worked_order(session, world)
    gone = await session.get(MemberProfile, world.member2.id)
    assert gone is not None
    gone.real_name = "-"  # what /forget leaves of a member's name
    session.add(gone)
    await session.commit()
    lines = await _history(session, world, tmp_path, "zh-Hans")
    assert _line(lines, "改派").endswith(" （已删除个人信息） → 党员302"), lines
    assert "301" not in _line(lines, "改派")[17:]
