"""Ledger benchmark: /stats and the XLSX export on 100,000 matters in PostgreSQL.

A fresh PostgreSQL database is migrated and filled with N matters over a year (each with its
ledger events; a share with orders, claims, points and ratings). Then, each in its own process so
peak memory is its own: the stats of the year as an admin sees them (the three rates, medians,
overdue, by community/grid/category/member) and the chart, and the XLSX ledger of the year.

Prints what it measured and ends with one line of JSON, e.g.
{"matters": 100000, "stats_s": 0.8, "stats_peak_mb": 120, "export_s": 40.1, "export_peak_mb": 95}

    .venv/bin/python -m bench.stats [--matters 100000] [--database-url postgresql+asyncpg://...]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import insert, text
from sqlmodel import select

from models import Building, Role, User
from models.db import create_engine, make_sessionmaker
from models.orders import (
    Claim,
    LedgerEvent,
    Order,
    PointsEntry,
    Rating,
    Request,
)

PG_ADMIN_URL = os.environ.get(
    "LINLI_TEST_PG_URL", "postgresql+asyncpg://postgres@127.0.0.1:5432/test"
)
START = datetime(2026, 1, 1, tzinfo=UTC)
ZONE = ZoneInfo("Asia/Shanghai")
CATEGORIES = ("water_electric", "sanitation", "facilities", "noise_dispute", "property", "other")
CHUNK = 5000


def _peak_mb() -> float:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


async def seed(url: str, matters: int) -> None:
    """Demo org, a member, and `matters` requests with their ledger over a year."""
    from bot.demo.seed import seed_demo
    from models.migrate import upgrade

    engine = create_engine(url)
    await upgrade(engine)
    maker = make_sessionmaker(engine)
    rng = random.Random(4)
    async with maker() as session:
        await seed_demo(session)
        buildings = list((await session.exec(select(Building))).all())
        members = [3001, 3002]
    async with engine.begin() as conn:
        for base in range(0, matters, CHUNK):
            reqs, events, orders, claims, points, ratings = [], [], [], [], [], []
            for i in range(base + 1, min(matters, base + CHUNK) + 1):
                b = buildings[i % len(buildings)]
                created = START + timedelta(minutes=rng.randrange(0, 365 * 24 * 60))
                first = created + timedelta(minutes=rng.randrange(5, 48 * 60))
                fate = rng.random()
                status = (
                    "resolved"
                    if fate < 0.6
                    else "closed"
                    if fate < 0.7
                    else ("declined" if fate < 0.75 else "ordered" if fate < 0.9 else "new")
                )
                done = first + timedelta(hours=rng.randrange(1, 96)) if fate < 0.7 else None
                reqs.append(
                    {
                        "id": i,
                        "community_id": b.community_id,
                        "grid_id": b.grid_id,
                        "building_id": b.id,
                        "resident_id": 4001,
                        "filed_by": 4001,
                        "channel": "bot",
                        "room": "302",
                        "text": f"第{i}件：楼道灯坏了，晚上很黑，请尽快处理。",
                        "category": CATEGORIES[i % len(CATEGORIES)],
                        "keywords": "",
                        "urgent": i % 50 == 0,
                        "urgent_reasons": "",
                        "status": status,
                        "created_at": created,
                        "updated_at": done or first,
                        "first_response_at": None if status == "new" else first,
                        "first_responder_id": 2001,
                        "deadline_at": created + timedelta(hours=48),
                        "resolved_at": done,
                        "result_note": "已处理" if done else None,
                    }
                )
                events.append(
                    {
                        "request_id": i,
                        "subject": "request",
                        "subject_id": i,
                        "action": "file",
                        "from_state": None,
                        "to_state": "new",
                        "actor_id": 4001,
                        "at": created,
                        "note": "channel=bot",
                    }
                )
                if status == "new":
                    continue
                events.append(
                    {
                        "request_id": i,
                        "subject": "request",
                        "subject_id": i,
                        "action": "decline" if status == "declined" else "issue_order",
                        "from_state": "new",
                        "to_state": "declined" if status == "declined" else "ordered",
                        "actor_id": 2001,
                        "at": first,
                        "note": "",
                    }
                )
                if status == "declined":
                    continue
                member = members[i % 2]
                orders.append(
                    {
                        "id": i,
                        "request_id": i,
                        "community_id": b.community_id,
                        "grid_id": b.grid_id,
                        "title": "楼道灯维修",
                        "category": "facilities",
                        "skills": "electrical",
                        "deadline_at": created + timedelta(hours=48),
                        "points": 10,
                        "service_minutes": 60,
                        "members_needed": 1,
                        "claimed_count": 1,
                        "status": "verified" if done else "claimed",
                        "created_by": 2001,
                        "created_at": first,
                        "updated_at": done or first,
                    }
                )
                claims.append(
                    {
                        "order_id": i,
                        "member_id": member,
                        "status": "done" if done else "active",
                        "claimed_at": first + timedelta(minutes=30),
                    }
                )
                events.append(
                    {
                        "request_id": i,
                        "subject": "claim",
                        "subject_id": i,
                        "action": "claim",
                        "from_state": "active",
                        "to_state": "active",
                        "actor_id": member,
                        "at": first + timedelta(minutes=30),
                        "note": "",
                    }
                )
                if done is None:
                    continue
                events.append(
                    {
                        "request_id": i,
                        "subject": "request",
                        "subject_id": i,
                        "action": "result",
                        "from_state": "ordered",
                        "to_state": "done",
                        "actor_id": 2001,
                        "at": done,
                        "note": "已处理",
                    }
                )
                points.append(
                    {
                        "member_id": member,
                        "community_id": b.community_id,
                        "order_id": i,
                        "points": 10,
                        "minutes": 60,
                        "at": done,
                        "note": "",
                    }
                )
                if status == "resolved":
                    score = "satisfied" if rng.random() < 0.85 else "basic"
                    ratings.append(
                        {
                            "request_id": i,
                            "rater_id": 4001,
                            "score": score,
                            "comment": "",
                            "at": done + timedelta(hours=5),
                        }
                    )
            for model, rows in (
                (Request, reqs),
                (LedgerEvent, events),
                (Order, orders),
                (Claim, claims),
                (PointsEntry, points),
                (Rating, ratings),
            ):
                if rows:
                    table: Any = model.__table__  # type: ignore[union-attr]
                    await conn.execute(insert(table), rows)
        for name in ("requests", "orders"):
            await conn.execute(
                text(f"SELECT setval(pg_get_serial_sequence('{name}', 'id'), {matters + 1})")
            )
    async with engine.connect() as conn:  # as autovacuum would after a bulk load
        conn = await conn.execution_options(isolation_level="AUTOCOMMIT")
        await conn.execute(text("ANALYZE"))
    await engine.dispose()


async def phase_stats(url: str) -> dict[str, Any]:
    """Time the year's stats and chart as the admin sees them."""
    from services.stats import chart_png, ledger_stats

    engine = create_engine(url)
    maker = make_sessionmaker(engine)
    async with maker() as session:
        admin = await session.get(User, 1001)
        assert admin is not None
        started = time.perf_counter()
        stats = await ledger_stats(
            session,
            user=admin,
            roles=frozenset({Role.ADMIN}),
            start=START,
            end=START + timedelta(days=366),
            now=START + timedelta(days=366),
            zone=ZONE,
        )
        stats_s = time.perf_counter() - started
        chart = chart_png(
            stats, title="诉求与办结 · 今年", filed_label="新诉求", resolved_label="办结"
        )
        chart_s = time.perf_counter() - started - stats_s
    await engine.dispose()
    o = stats.overall
    return {
        "stats_s": round(stats_s, 3),
        "chart_s": round(chart_s, 3),
        "chart_bytes": len(chart),
        "stats_peak_mb": _peak_mb(),
        "counted": o.total,
        "response_rate": round(o.response_rate or 0, 3),
        "resolution_rate": round(o.resolution_rate or 0, 3),
        "satisfaction_rate": round(o.satisfaction_rate or 0, 3),
    }


async def phase_export(url: str) -> dict[str, Any]:
    """Time the year's XLSX ledger."""
    from bot.i18n import Translator
    from services.export import export_ledger

    engine = create_engine(url)
    maker = make_sessionmaker(engine)
    with tempfile.TemporaryDirectory() as tmp:
        async with maker() as session:
            started = time.perf_counter()
            result = await export_ledger(
                session,
                path=Path(tmp) / "ledger.xlsx",
                start=START,
                end=START + timedelta(days=366),
                community_ids=None,
                texts=Translator(),
                lang="zh-Hans",
                zone=ZONE,
                now=START + timedelta(days=366),
            )
            export_s = time.perf_counter() - started
            size = result.path.stat().st_size
    await engine.dispose()
    return {
        "export_s": round(export_s, 2),
        "export_rows": result.rows,
        "export_mb": round(size / 1e6, 1),
        "export_peak_mb": _peak_mb(),
    }


async def _create_db() -> str:
    admin = create_engine(PG_ADMIN_URL)
    name = f"linli_bench_{uuid.uuid4().hex[:10]}"
    async with admin.connect() as conn:
        conn = await conn.execution_options(isolation_level="AUTOCOMMIT")
        await conn.execute(text(f'CREATE DATABASE "{name}"'))
    await admin.dispose()
    return PG_ADMIN_URL.rsplit("/", 1)[0] + "/" + name


async def _drop_db(url: str) -> None:
    admin = create_engine(PG_ADMIN_URL)
    async with admin.connect() as conn:
        conn = await conn.execution_options(isolation_level="AUTOCOMMIT")
        await conn.execute(text(f'DROP DATABASE IF EXISTS "{url.rsplit("/", 1)[1]}" WITH (FORCE)'))
    await admin.dispose()


def _child(phase: str, url: str) -> dict[str, Any]:
    out = subprocess.run(
        [sys.executable, "-m", "bench.stats", "--phase", phase, "--database-url", url],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).resolve().parents[1],
    )
    return dict(json.loads(out.stdout.strip().splitlines()[-1]))


def main(argv: list[str] | None = None) -> None:
    """Command line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--matters", type=int, default=100_000)
    parser.add_argument("--phase", choices=["stats", "export"], help=argparse.SUPPRESS)
    parser.add_argument("--database-url", help="an existing, seeded database (phases only)")
    args = parser.parse_args(argv)
    if args.phase:
        runner = phase_stats if args.phase == "stats" else phase_export
        print(json.dumps(asyncio.run(runner(args.database_url))))
        return
    url = asyncio.run(_create_db())
    try:
        started = time.perf_counter()
        asyncio.run(seed(url, args.matters))
        seed_s = time.perf_counter() - started
        result: dict[str, Any] = {"matters": args.matters, "seed_s": round(seed_s, 1)}
        result.update(_child("stats", url))
        result.update(_child("export", url))
    finally:
        asyncio.run(_drop_db(url))
    print(
        f"{result['matters']} matters: stats in {result['stats_s']} s (chart "
        f"{result['chart_s']} s, peak {result['stats_peak_mb']} MB); XLSX ledger of "
        f"{result['export_rows']} rows ({result['export_mb']} MB) in {result['export_s']} s, "
        f"peak {result['export_peak_mb']} MB"
    )
    print(json.dumps(result, ensure_ascii=False))


if __name__ == "__main__":
    main()
