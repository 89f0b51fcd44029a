"""Wiring the scheduler into the bot: a start-up hook, and a standalone runner."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from models.base import utcnow
from scheduler.service import SchedulerService

log = logging.getLogger(__name__)


async def build_service(
    settings: Any,
    *,
    clock: Callable[[], datetime] = utcnow,
    tick_seconds: float = 1.0,
    max_in_flight: int = 8,
    per_second: float | None = None,
) -> SchedulerService:
    """A scheduler service with its own engine and Bot session (closed when it stops); it
    sends at most `per_second` messages a second overall (by default LINLI_SEND_RATE)."""
    from bot.app import make_bot
    from bot.i18n import Translator
    from models.db import create_engine, make_sessionmaker

    engine = create_engine(settings.database_url)
    return SchedulerService(
        settings=settings,
        engine=engine,
        sessionmaker=make_sessionmaker(engine),
        bot=make_bot(settings),
        texts=Translator(default=settings.default_language),
        clock=clock,
        tick_seconds=tick_seconds,
        max_in_flight=max_in_flight,
        per_second=settings.send_rate if per_second is None else per_second,
        poll_seconds=settings.send_poll_seconds,
        own_resources=True,
    )


async def scheduler_hook(
    *, settings: Any, resources: dict[str, Any], extra: dict[str, Any], **_: Any
) -> None:
    """STARTUP_HOOKS entry: the scheduler starts with polling and stops at shutdown."""
    service = await build_service(settings, clock=extra.get("clock", utcnow))
    extra["scheduler"] = service
    resources.setdefault("_starters", []).append(service.start)
    resources.setdefault("_closers", []).append(service.stop)


async def run_alone(
    settings: Any,
    *,
    stop: asyncio.Event,
    tick_seconds: float = 1.0,
    max_in_flight: int = 8,
    per_second: float | None = None,
) -> None:
    """`linli scheduler`: only the scheduler and the sender, until `stop` is set (at
    `per_second` messages a second, by default LINLI_SEND_RATE)."""
    from bot.app import prepare_database

    engine = await prepare_database(settings)  # checks (or, on SQLite, applies) the schema
    await engine.dispose()
    service = await build_service(
        settings, tick_seconds=tick_seconds, max_in_flight=max_in_flight, per_second=per_second
    )
    from bot.order_hooks import staff_cards_at, staff_orders_at

    # its jobs redraw the staff cards of what they change (without the triage model, which
    # only a new request's card uses, for its likely duplicates)
    service.use_staff_cards(
        staff_cards_at(settings, service.texts), staff_orders_at(settings, service.texts)
    )
    watch = follow_catalogue(settings, service)
    await watch.start()
    await service.start()
    log.info("scheduler: running alone as %s", service.worker)
    try:
        await stop.wait()
    finally:
        await service.stop()
        await watch.stop()
        if watch.redis is not None:
            await watch.redis.aclose()


def follow_catalogue(settings: Any, service: SchedulerService) -> Any:
    """`linli scheduler` handles no updates, so its tick takes up the catalogue admins edit
    with /category (as bot processes do before an update, bot.catalogue_watch): the
    deployment's file at start, then the database's newest edit within seconds — at once when
    announced on Redis (the returned CatalogueWatch listens once started)."""
    from bot.app import redis_client
    from bot.catalogue_watch import CHECK_EVERY, CatalogueWatch
    from services.categories import CatalogueSync
    from services.order_common import use_catalogue
    from services.triage import load_deployment_catalogue

    data_dir = Path(getattr(settings, "data_dir", "data"))
    use_catalogue(load_deployment_catalogue(data_dir))  # until the database's is read
    redis_url = getattr(settings, "redis_url", None)
    watch = CatalogueWatch(
        CatalogueSync(data_dir=data_dir, check_every=CHECK_EVERY),
        service.sessionmaker,
        redis=redis_client(redis_url) if redis_url else None,
        channel=settings.redis_prefix("catalogue", legacy="linli:catalogue"),
        clock=service.clock,
    )
    service.catalogue = watch
    return watch
