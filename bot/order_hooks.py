"""Start-up wiring of the order cycle: the triage model, loaded once and shared by handlers;
the staff cards' drawing, handed to the scheduler."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)


def _seconds(clock: Any) -> Callable[[], float]:
    """The app's clock (aware datetimes) in seconds, for the triage's minute between looks at
    its model directory; time.monotonic when the app has none."""
    if clock is None:
        return time.monotonic
    return lambda: float(clock().timestamp())


def _codes_in_force() -> list[str]:
    """The categories of the order cycle's catalogue now (the /category commands change it)."""
    from services.order_common import catalogue

    return [c.code for c in catalogue()]


async def triage_hook(*, settings: Any, resources: dict[str, Any], extra: dict[str, Any]) -> None:
    """Load Triage (jieba + the model) once into extra["triage"], unless a hook already did."""
    if extra.get("triage") is not None:
        return
    from services.order_common import use_catalogue
    from services.triage import load_deployment_catalogue, load_triage
    from services.triage.deployment import load_shipped_triage

    data_dir = Path(getattr(settings, "data_dir", "data"))
    # the order cycle's catalogue first: the triage suggests only its categories, as they are
    # when it sorts a request (an unreadable catalogue file stops the start-up, with its reason)
    categories = load_deployment_catalogue(data_dir)
    use_catalogue(categories)
    clock = _seconds(extra.get("clock"))

    def _load() -> Any:
        # The deployment's retrained model when it has one; jieba's cache in the data
        # directory; a model trained or switched on later is picked up without a restart.
        try:
            return load_triage(data_dir=data_dir, codes_in_force=_codes_in_force, clock=clock)
        except (OSError, ValueError):
            log.exception("the deployment's triage could not be loaded; using the shipped one")
            # still watching the model directory: the next good model there is taken up
            return load_shipped_triage(
                data_dir=data_dir,
                catalogue=categories,
                codes_in_force=_codes_in_force,
                clock=clock,
            )

    extra["triage"] = await asyncio.to_thread(_load)


def staff_cards_at(
    settings: Any, texts: Any, triage: Callable[[], Any] = lambda: None
) -> Callable[[datetime], Any]:
    """What draws a staff member's card of a request as of a scheduled job's time, as the
    handlers draw it (handlers.triage_staff.card_drawer; `triage()`: the model for a new
    request's likely duplicates, None where none is loaded): the scheduler's jobs redraw the
    staff cards of the requests they change with it (services.order_redraws.watch_job)."""
    from handlers.triage_staff import card_drawer

    def at(now: datetime) -> Any:
        return card_drawer(texts, settings, lambda: now, triage())

    return at


def staff_orders_at(settings: Any, texts: Any) -> Callable[[datetime], Any]:
    """What draws a staff member's card of an order as of a scheduled job's time, as the
    handlers draw it (handlers.claims.staff_order_drawer): the scheduler's jobs redraw the
    staff cards of the orders they change with it (services.staff_order_cards)."""
    from handlers.claims import staff_order_drawer

    def at(now: datetime) -> Any:
        return staff_order_drawer(texts, settings, lambda: now)

    return at


async def staff_cards_hook(
    *, settings: Any, resources: dict[str, Any], extra: dict[str, Any]
) -> None:
    """The scheduler (started by scheduler.hook.scheduler_hook) redraws staff cards."""
    del resources
    service = extra.get("scheduler")
    if service is not None:
        service.use_staff_cards(
            staff_cards_at(settings, service.texts, lambda: extra.get("triage")),
            staff_orders_at(settings, service.texts),
        )
