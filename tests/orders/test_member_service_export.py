"""The ledger export's second sheet, 党员服务: each member's service in the period — claims,
completions, releases, hours, points and how residents rated it — the sheet a community sends
each work unit (双报到) and reads for 动态考核. Every approved member of the community is listed,
service or not; a grid worker's export counts only service on their grid's matters."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from openpyxl import load_workbook
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.i18n import Translator
from models.orders import Score
from services import orders as order_svc
from services import requests as req_svc
from services.export import export_ledger
from services.stats import scope_condition
from tests.orders.conftest import T0, World, draft


async def _served(session: AsyncSession, w: World) -> None:
    """党员300 completes an order (rated 满意); 党员301 claims another and gives it back."""
    filed = await req_svc.file_request(
        session, user=w.resident, draft=draft(), suggestion=None, now=T0
    )
    other = await req_svc.file_request(
        session, user=w.resident, draft=draft("楼下的水管漏水"), suggestion=None, now=T0
    )
    staff = {"user": w.staff, "roles": w.roles(w.staff)}
    spec = order_svc.OrderSpec(members_needed=1, points=15)
    first = (
        await order_svc.issue_order(
            session, **staff, request_id=filed.request.id or 0, spec=spec, now=T0
        )
    ).order
    second = (
        await order_svc.issue_order(
            session, **staff, request_id=other.request.id or 0, spec=spec, now=T0
        )
    ).order
    assert first is not None and second is not None
    liu = {"user": w.member, "roles": w.roles(w.member)}
    await order_svc.claim_order(session, **liu, order_id=first.id or 0, now=T0)
    await order_svc.report_done(session, **liu, order_id=first.id or 0, note="修好了", now=T0)
    await order_svc.verify(
        session, **staff, order_id=first.id or 0, approve=True, note=None, now=T0
    )
    await order_svc.rate(
        session,
        user=w.resident,
        request_id=filed.request.id or 0,
        score=Score.SATISFIED,
        comment=None,
        now=T0,
    )
    zhao = {"user": w.member2, "roles": w.roles(w.member2)}
    await order_svc.claim_order(session, **zhao, order_id=second.id or 0, now=T0)
    await order_svc.release_claim(
        session, **zhao, order_id=second.id or 0, reason="临时出差", now=T0
    )


async def _sheet(session: AsyncSession, tmp_path: Path, **kw: Any) -> dict[str, tuple[Any, ...]]:
    out = await export_ledger(
        session,
        path=tmp_path / "ledger.xlsx",
        start=T0 - timedelta(days=1),
        end=T0 + timedelta(days=1),
        texts=Translator(),
        lang="zh-Hans",
        zone=ZoneInfo("Asia/Shanghai"),
        now=T0,
        **kw,
    )
    book = load_workbook(out.path)
    assert book.sheetnames == ["台账", "党员服务"]
    rows = list(book["党员服务"].iter_rows(values_only=True))
    assert rows[0][:4] == ("姓名", "工作单位", "报到社区", "技能")
    return {row[0]: row for row in rows[1:]}


async def test_every_member_of_the_community_with_their_service(
    session: AsyncSession, world: World, tmp_path: Path
) -> None:
    w = world
    await _served(session, w)
    rows = await _sheet(session, tmp_path, community_ids=[w.community.id or 0])
    assert set(rows) == {"党员300", "党员301", "党员302"}  # 党员303 serves 和谐社区
    liu = rows["党员300"]
    assert liu[1:3] == ("单位", "阳光社区") and "电路维修" in liu[3]
    assert liu[4:11] == (1, 1, 0, 1, 15, 1, "100%")  # claimed, done, released, hours, points…
    assert rows["党员301"][4:7] == (1, 0, 1)  # claimed and released
    assert rows["党员302"][4:10] == (0, 0, 0, 0, 0, 0) and rows["党员302"][10] is None


async def test_a_grid_workers_export_counts_service_on_their_grid(
    session: AsyncSession, world: World, tmp_path: Path
) -> None:
    w = world
    await _served(session, w)  # both matters are 周's, of grid 1
    filed = await req_svc.file_request(  # grid 2's matter, served by 党员302
        session, user=w.resident2, draft=draft("5号楼楼道灯坏了"), suggestion=None, now=T0
    )
    staff = {"user": w.staff, "roles": w.roles(w.staff)}
    spec = order_svc.OrderSpec(members_needed=1, points=10)
    order = (
        await order_svc.issue_order(
            session, **staff, request_id=filed.request.id or 0, spec=spec, now=T0
        )
    ).order
    assert order is not None
    wang = {"user": w.member3, "roles": w.roles(w.member3), "order_id": order.id or 0}
    await order_svc.claim_order(session, **wang, now=T0)
    await order_svc.report_done(session, **wang, note="换了灯泡", now=T0)
    await order_svc.verify(
        session, **staff, order_id=order.id or 0, approve=True, note=None, now=T0
    )
    whole = await _sheet(session, tmp_path, community_ids=[w.community.id or 0])
    assert whole["党员302"][4:9] == (1, 1, 0, 1, 10)
    grid = await scope_condition(session, user=w.grid_staff, roles=w.roles(w.grid_staff))
    rows = await _sheet(session, tmp_path, community_ids=[w.community.id or 0], scope=grid)
    assert set(rows) == {"党员300", "党员301"}  # those who served on grid 1, nobody else
