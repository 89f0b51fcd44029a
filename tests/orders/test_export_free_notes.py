"""The XLSX ledger reads the notes the services compose ("channel=bot urgent", "G00001 need=2
points=10") in its own words, and shows what people wrote exactly as written, even when it
looks like such a note: a member typing "points=5" is not a 积分 field."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from openpyxl import load_workbook
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.i18n import Translator
from services import member_notes
from services import orders as svc
from services.export import export_ledger
from tests.orders.conftest import T0, World
from tests.orders.test_cycle import _file, _issue


async def _history(session: AsyncSession, w: World, tmp_path: Path) -> list[str]:
    out = await export_ledger(
        session,
        path=tmp_path / "ledger.xlsx",
        start=T0 - timedelta(days=1),
        end=T0 + timedelta(days=2),
        community_ids=[w.community.id or 0],
        texts=Translator(),
        lang="zh-Hans",
        zone=ZoneInfo("Asia/Shanghai"),
        now=T0 + timedelta(days=3),
    )
    rows = [[c.value for c in row] for row in load_workbook(out.path, read_only=True).active]
    return str(rows[1][-1]).splitlines()


async def test_free_text_that_looks_like_key_value_stays_as_written(
    session: AsyncSession, world: World, tmp_path: Path
) -> None:
    order = await _issue(session, world, await _file(session, world))
    oid, member, roles = order.id or 0, world.member, world.roles(world.member)
    at = T0 + timedelta(hours=1)
    await svc.claim_order(session, user=member, roles=roles, order_id=oid, now=at)
    await member_notes.tell_community(
        session, user=member, roles=roles, order_id=oid, text="points=5 need=3", now=at
    )
    await svc.release_claim(
        session, user=member, roles=roles, order_id=oid, reason="channel=phone urgent", now=at
    )
    lines = await _history(session, world, tmp_path)
    # what people wrote, exactly
    [note] = [line for line in lines if "接单人留言" in line]
    assert note.endswith("接单人留言 points=5 need=3"), note
    [released] = [line for line in lines if "放弃" in line and "已放弃" in line]
    assert released.endswith("channel=phone urgent"), released
    # the services' own notes still read in the ledger's words
    assert any(line.endswith("渠道：机器人") for line in lines), lines
    assert any(line.endswith(f"{order.number} · 需要人数 1 · 积分 15") for line in lines), lines
