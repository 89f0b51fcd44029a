"""`linli scheduler`: run the scheduler and the delivery sender alone (no polling)."""

from __future__ import annotations

import argparse
from typing import Any


def cmd_scheduler(args: argparse.Namespace) -> int:
    """Run due work and drain the outbox until SIGINT/SIGTERM (leader-elected on PostgreSQL)."""
    from bot.runner import run_until_signal
    from bot.settings import load_settings
    from scheduler.hook import run_alone

    overrides: dict[str, Any] = {}
    if args.database_url:
        overrides["database_url"] = args.database_url
    settings = load_settings(**overrides)
    settings.token()

    async def main(stop: Any) -> None:
        await run_alone(
            settings,
            stop=stop,
            tick_seconds=args.tick,
            max_in_flight=args.in_flight,
            per_second=args.rate,
        )

    run_until_signal(main)
    return 0


def _rate(value: str) -> float:
    """--rate: a positive number of messages per second."""
    try:
        rate = float(value)
    except ValueError:
        rate = 0.0
    if not rate > 0 or rate == float("inf"):
        raise argparse.ArgumentTypeError(f"not a positive number: {value!r}")
    return rate


def add_parsers(sub: Any) -> None:
    """Register `linli scheduler`."""
    parser = sub.add_parser("scheduler", help="run only the scheduler and the sender")
    parser.add_argument("--database-url")
    parser.add_argument("--tick", type=float, default=1.0, help="seconds between checks")
    parser.add_argument("--in-flight", type=int, default=8, help="messages in flight at most")
    parser.add_argument(
        "--rate",
        type=_rate,
        default=None,
        help="messages per second overall (default: LINLI_SEND_RATE, 30)",
    )
    parser.set_defaults(func=cmd_scheduler)
