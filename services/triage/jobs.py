"""Scheduled retraining: seed (or the deployment's own) examples plus staff corrections.

The kind is registered when scheduler/kinds.py imports this module; ensure_retraining_scheduled()
keeps one recurring run pending (nightly by default). The running bot picks up the new model on
its own (Triage watches the active model directory); the new model is swapped in whole, in one
step, once it is trained. A retraining the scheduler stops (the bot stopping or stepping down)
leaves the current model as it is and runs again when the scheduler next starts (the job goes
back to the queue, due as before; after more than a day it is skipped and the next night's run
takes over).
"""

from __future__ import annotations

import asyncio
import logging
import threading
from datetime import datetime, timedelta, tzinfo
from pathlib import Path
from typing import Any

from sqlmodel.ext.asyncio.session import AsyncSession

from services.jobs import JobContext, cancel_jobs, job_kind, pending_jobs, schedule_recurring
from services.triage.deployment import load_deployment_catalogue
from services.triage.training import TrainingError, retrain

log = logging.getLogger(__name__)

RETRAIN_KIND = "triage.retrain"
RETRAIN_RULE = "30 3 * * *"  # every night at 03:30 local time


# minutes of CPU: run beside the tick (background), not inside it, so reminders and notices
# that fall due meanwhile are not held up
@job_kind(RETRAIN_KIND, too_late=timedelta(days=1), max_attempts=2, background=True)
async def run_retraining(ctx: JobContext, payload: dict[str, Any]) -> None:
    """Retrain the classifier with every staff correction recorded so far."""
    from services.orders import triage_corrections

    corrections = await triage_corrections(ctx.session)
    if ctx.background:
        await ctx.end_transaction()  # hold no transaction open while training
    data_dir = Path(getattr(ctx.settings, "data_dir", "data"))
    allowed = [c.code for c in load_deployment_catalogue(data_dir)]
    stop = threading.Event()
    try:
        report = await asyncio.to_thread(
            retrain,
            data_dir=data_dir,
            extra_examples=corrections,
            allowed_labels=allowed,
            should_stop=stop.is_set,
        )
    except TrainingError:
        log.exception("triage retraining failed; the current model stays")
        return
    finally:
        # cancelled (the scheduler is stopping): the thread cannot be interrupted, but it
        # stops at its next step without touching the model, and the job runs again
        stop.set()
    log.info(
        "triage retrained on %d examples (%d corrections) into %s",
        report.examples,
        len(corrections),
        report.model_dir,
    )


async def ensure_retraining_scheduled(
    session: AsyncSession, *, now: datetime, zone: tzinfo, rule: str = RETRAIN_RULE
) -> None:
    """Keep the next nightly retraining scheduled (call once at scheduler start-up); an empty
    `rule` (the setting triage_retrain_rule) turns it off: a pending run is cancelled."""
    if not rule.strip():
        if await cancel_jobs(session, key=RETRAIN_KIND):
            await session.commit()
        return
    pending = await pending_jobs(session, key=RETRAIN_KIND)
    if pending and pending[0].payload.get("_rule") == rule:
        return
    await schedule_recurring(
        session, kind=RETRAIN_KIND, rule=rule, payload={}, key=RETRAIN_KIND, now=now, zone=zone
    )
    await session.commit()
