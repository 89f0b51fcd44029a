"""`linli export --from --to [--community] [--out]`: the XLSX ledger (台账) for a period."""

from __future__ import annotations

import argparse
import asyncio
import sys
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any


def _day(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r}: give a date as YYYY-MM-DD") from None


def _unwritable(out: Path) -> str | None:
    """Why the ledger cannot be written to `out`, found before the database is read."""
    if out.is_dir():
        return "is a directory; give a file name"
    existed = out.exists()
    try:
        with out.open("ab"):
            pass
    except OSError as exc:
        return f"cannot be written ({exc.strerror or exc})"
    if not existed:
        out.unlink()
    return None


def cmd_export(args: argparse.Namespace) -> int:
    """Write the ledger of matters filed from --from to --to (both days included)."""
    from bot.app import StartupError, prepare_database
    from bot.i18n import Translator
    from bot.settings import load_settings
    from models.base import utcnow
    from models.db import make_sessionmaker
    from services.export import export_ledger
    from services.org import community_by_name

    overrides: dict[str, Any] = {}
    if args.database_url:
        overrides["database_url"] = args.database_url
    settings = load_settings(**overrides)
    zone = settings.zone
    if args.to < args.from_:
        print("linli export: --to is before --from", file=sys.stderr)
        return 2
    try:  # the day after --to, and both ends in UTC, exist (not so for 9999-12-31, 0001-01-01)
        start = datetime.combine(args.from_, time(0), tzinfo=zone)
        end = datetime.combine(args.to + timedelta(days=1), time(0), tzinfo=zone)
        start.astimezone(UTC), end.astimezone(UTC)
    except OverflowError:
        print("linli export: a date is out of range (give years 2 to 9998)", file=sys.stderr)
        return 2
    out = Path(args.out or f"ledger-{args.from_:%Y%m%d}-{args.to:%Y%m%d}.xlsx")
    if not out.parent.exists():
        # a folder is not made up: a typo in the path would put the ledger where nobody looks
        print(
            f"linli export: --out {out}: the folder {out.parent} does not exist; "
            f"create it first (mkdir -p {out.parent}) or give another path",
            file=sys.stderr,
        )
        return 2  # a bad --out, as every other bad argument of `linli export`
    problem = _unwritable(out)
    if problem:
        print(f"linli export: --out {out}: {problem}", file=sys.stderr)
        return 2

    async def main() -> int:
        try:
            engine = await prepare_database(settings)
        except StartupError as exc:
            print(f"linli export: {exc}", file=sys.stderr)
            return 1
        try:
            async with make_sessionmaker(engine)() as session:
                ids = None
                if args.community:
                    community = await community_by_name(session, name=args.community)
                    if community is None or community.id is None:
                        print(
                            f"linli export: no community named {args.community!r}", file=sys.stderr
                        )
                        return 2
                    ids = [community.id]
                result = await export_ledger(
                    session,
                    path=out,
                    start=start,
                    end=end,
                    community_ids=ids,
                    texts=Translator(default=settings.default_language),
                    lang=args.lang or settings.default_language,
                    zone=zone,
                    now=utcnow(),
                )
        finally:
            await engine.dispose()
        print(f"{result.rows} matters written to {result.path}")
        return 0

    return asyncio.run(main())


def add_parsers(sub: Any) -> None:
    """Register `linli export`."""
    parser = sub.add_parser("export", help="write the XLSX ledger for a period")
    parser.add_argument(
        "--from", dest="from_", type=_day, required=True, metavar="DAY", help="YYYY-MM-DD"
    )
    parser.add_argument(
        "--to", type=_day, required=True, metavar="DAY", help="YYYY-MM-DD (included)"
    )
    parser.add_argument("--community", help="community name (default: all)")
    parser.add_argument("--out", help="output file (default: ledger-FROM-TO.xlsx)")
    parser.add_argument("--lang", choices=["zh-Hans", "zh-Hant", "en"], help="column language")
    parser.add_argument("--database-url")
    parser.set_defaults(func=cmd_export)
