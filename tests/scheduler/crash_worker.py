"""A scheduler process for the crash and leader tests: `linli scheduler` plus a test job kind.

Run as `python -m tests.scheduler.crash_worker --rate 2000` with LINLI_* in the environment.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import signal
import sys
from datetime import timedelta
from typing import Any

from services.jobs import JobContext, job_kind


@job_kind("test.crash-remind", too_late=timedelta(hours=1))
async def crash_remind(ctx: JobContext, payload: dict[str, Any]) -> None:
    """A due reminder: one urgent message to the user in the payload."""
    await ctx.notify(
        chat_id=payload["user_id"], text=f"reminder {ctx.job.id}", urgent=True, kind="reminder"
    )


async def _main(args: argparse.Namespace) -> None:
    from bot.settings import load_settings
    from scheduler.hook import run_alone

    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    await run_alone(
        load_settings(),
        stop=stop,
        tick_seconds=args.tick,
        max_in_flight=args.in_flight,
        per_second=args.rate,
    )


def main() -> None:
    """Parse the options and run until SIGTERM (or SIGKILL, which is the point)."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--tick", type=float, default=0.2)
    parser.add_argument("--in-flight", type=int, default=8)
    parser.add_argument("--rate", type=float, default=30.0)
    logging.basicConfig(level=logging.INFO, stream=sys.stderr, format="%(name)s: %(message)s")
    asyncio.run(_main(parser.parse_args()))


if __name__ == "__main__":
    main()
