"""The three rates by their definitions, and the XLSX ledger, on SQLite and PostgreSQL."""

from __future__ import annotations

import subprocess
import sys
from datetime import timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from openpyxl import load_workbook
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.i18n import Translator
from models.orders import Score
from services import orders as svc
from services import requests as req_svc
from services import stats
from services.errors import PermissionDenied
from services.export import export_ledger
from tests.orders.conftest import T0, World, draft

ZONE = ZoneInfo("Asia/Shanghai")


async def _scenario(session: AsyncSession, w: World) -> list[int]:
    """A: answered in 1 h, verified, 满意. B: answered after 30 h, result, 不满意 (reopened).
    C: declined in 2 h. D: withdrawn before any answer. E: in the other community."""
    roles = w.roles(w.staff)
    ids = []
    for i, text in enumerate(["灯坏了", "水管漏了", "想买彩票", "问个事"]):
        filed = await req_svc.file_request(
            session,
            user=w.resident,
            draft=draft(text),
            suggestion=None,
            now=T0 + timedelta(minutes=i),
        )
        ids.append(filed.request.id or 0)
    a, b, c, d = ids
    order = (
        await svc.issue_order(
            session,
            user=w.staff,
            roles=roles,
            request_id=a,
            spec=svc.OrderSpec(),
            now=T0 + timedelta(hours=1),
        )
    ).order
    assert order is not None
    await svc.claim_order(
        session, user=w.member, roles=w.roles(w.member), order_id=order.id or 0, now=T0
    )
    await svc.report_done(
        session,
        user=w.member,
        roles=w.roles(w.member),
        order_id=order.id or 0,
        note="换好了",
        now=T0 + timedelta(hours=3),
    )
    await svc.verify(
        session,
        user=w.staff,
        roles=roles,
        order_id=order.id or 0,
        approve=True,
        note=None,
        now=T0 + timedelta(hours=5),
    )
    await svc.rate(
        session,
        user=w.resident,
        request_id=a,
        score=Score.SATISFIED,
        comment="谢谢",
        now=T0 + timedelta(hours=6),
    )
    await svc.handle_directly(
        session, user=w.staff, roles=roles, request_id=b, now=T0 + timedelta(hours=30)
    )
    await svc.staff_result(
        session,
        user=w.staff,
        roles=roles,
        request_id=b,
        note="修好了",
        now=T0 + timedelta(hours=40),
    )
    await svc.rate(
        session,
        user=w.resident,
        request_id=b,
        score=Score.UNSATISFIED,
        comment="还漏",
        now=T0 + timedelta(hours=41),
    )
    await svc.decline(
        session,
        user=w.staff,
        roles=roles,
        request_id=c,
        reason="不属于服务范围",
        now=T0 + timedelta(hours=2),
    )
    await req_svc.withdraw(
        session, user=w.resident, request_id=d, reason=None, now=T0 + timedelta(hours=1)
    )
    return ids


async def test_response_rate_counts_only_those_due(session: AsyncSession, world: World) -> None:
    """A request filed an hour ago and not answered yet is not late: it is left out of the
    response rate (and shown as waiting); once its 24 hours are over unanswered, it counts
    against the rate; answered late, it counts as not on time."""
    roles = world.roles(world.staff)
    ids = []
    for i, text in enumerate(["灯坏了", "水管漏了"]):
        filed = await req_svc.file_request(
            session,
            user=world.resident,
            draft=draft(text),
            suggestion=None,
            now=T0 + timedelta(minutes=i),
        )
        ids.append(filed.request.id or 0)
    await svc.handle_directly(
        session, user=world.staff, roles=roles, request_id=ids[0], now=T0 + timedelta(hours=2)
    )

    async def rates(at: timedelta) -> stats.Rates:
        found = await stats.ledger_stats(
            session,
            user=world.staff,
            roles=roles,
            start=T0 - timedelta(days=1),
            end=T0 + timedelta(days=1),
            now=T0 + at,
            zone=ZONE,
        )
        return found.overall

    early = await rates(timedelta(hours=3))
    assert (early.responded, early.response_base, early.awaiting_response) == (1, 1, 1)
    assert early.response_rate == 1.0
    late = await rates(timedelta(hours=25))
    assert (late.responded, late.response_base, late.awaiting_response) == (1, 2, 0)
    assert late.response_rate == 0.5
    await svc.handle_directly(
        session, user=world.staff, roles=roles, request_id=ids[1], now=T0 + timedelta(hours=26)
    )
    answered_late = await rates(timedelta(hours=27))
    assert (answered_late.responded, answered_late.response_base) == (1, 2)


async def test_three_rates_by_definition(session: AsyncSession, world: World) -> None:
    await _scenario(session, world)
    s = await stats.ledger_stats(
        session,
        user=world.staff,
        roles=world.roles(world.staff),
        start=T0 - timedelta(days=1),
        end=T0 + timedelta(days=1),
        now=T0 + timedelta(days=30),
        zone=ZONE,
    )
    o = s.overall
    assert o.total == 4
    assert (o.responded, o.response_base) == (2, 3)  # A and C within 24 h; D left out
    assert (o.resolved, o.accepted) == (1, 2)  # A resolved; B reopened
    assert (o.satisfied, o.rated) == (1, 2)
    assert o.median_response_hours == pytest.approx(2.0, abs=0.1)  # 1 h, 2 h, 30 h
    assert o.median_resolve_hours == pytest.approx(5.0, abs=0.1)
    assert o.overdue == 1  # B, reopened past its deadline
    assert s.by_status == {"resolved": 1, "reopened": 1, "declined": 1, "withdrawn": 1}
    assert set(s.by_community) == {world.community.id}
    assert s.by_member and s.by_member[0][1] == "党员300"
    assert sum(f for _, f, _ in s.per_day) == 4
    png = stats.chart_png(
        s, title="诉求与办结 · 本周", filed_label="新诉求", resolved_label="办结"
    )
    assert png.startswith(b"\x89PNG") and len(png) > 2000


async def test_stats_are_scoped(session: AsyncSession, world: World) -> None:
    await _scenario(session, world)
    other = await stats.ledger_stats(
        session,
        user=world.other_staff,
        roles=world.roles(world.other_staff),
        start=T0 - timedelta(days=1),
        end=T0 + timedelta(days=1),
        now=T0,
    )
    assert other.overall.total == 0
    with pytest.raises(PermissionDenied):
        await stats.ledger_stats(
            session,
            user=world.resident,
            roles=world.roles(world.resident),
            start=T0,
            end=T0 + timedelta(days=1),
            now=T0,
        )
    with pytest.raises(PermissionDenied):
        await stats.ledger_stats(
            session,
            user=world.other_staff,
            roles=world.roles(world.other_staff),
            start=T0,
            end=T0 + timedelta(days=1),
            now=T0,
            community_id=world.community.id,
        )


async def test_xlsx_ledger_has_one_row_per_matter_with_history(
    session: AsyncSession, world: World, tmp_path: Path
) -> None:
    ids = await _scenario(session, world)
    out = await export_ledger(
        session,
        path=tmp_path / "ledger.xlsx",
        start=T0 - timedelta(days=1),
        end=T0 + timedelta(days=2),
        community_ids=[world.community.id or 0],
        texts=Translator(),
        lang="zh-Hans",
        zone=ZONE,
        now=T0 + timedelta(days=30),
    )
    assert out.rows == 4
    sheet = load_workbook(out.path, read_only=True).active
    rows = [[c.value for c in row] for row in sheet.iter_rows()]
    header = rows[0]
    assert header[:3] == ["编号", "受理时间", "渠道"] and header[-1] == "办理过程"
    by_number = {r[0]: dict(zip(header, r, strict=True)) for r in rows[1:]}
    a = by_number[f"{ids[0]:05d}"]
    assert a["状态"] == "已解决" and a["评价"] == "满意" and a["接单人"] == "党员300"
    assert a["房号"] == "302" and a["电话"] == "13800138000"
    assert "派单" in a["办理过程"] and "验收" in a["办理过程"] and "评价满意" in a["办理过程"]
    assert a["受理时间"] == "2026-11-23 10:00"
    assert by_number[f"{ids[1]:05d}"]["超期"] == "是"
    assert by_number[f"{ids[2]:05d}"]["处理方式"] == "不予受理"


def test_cli_export_writes_the_ledger(tmp_path: Path) -> None:
    db = tmp_path / "cli.sqlite3"
    out = tmp_path / "out.xlsx"
    proc = subprocess.run(
        [
            sys.executable,
            "-c",
            "from bot.cli import main; raise SystemExit(main())",
            "export",
            "--from",
            "2026-11-01",
            "--to",
            "2026-11-30",
            "--out",
            str(out),
            "--database-url",
            f"sqlite+aiosqlite:///{db}",
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert "0 matters written" in proc.stdout and out.exists()
