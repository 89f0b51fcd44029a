"""The registry of scheduled-work kinds: one explicit list of the modules that define them.

A feature adds its kinds by writing `@job_kind("feature.what", too_late=...)` functions in one of
its own modules and adding that module's name to JOB_MODULES below (one line). Nothing registers
itself by being imported somewhere else; the scheduler calls load_job_kinds() at start-up.
Recurring work that must always have its next run scheduled (digests, nightly jobs) adds its
"ensure" function to ON_LEADING.
"""

from __future__ import annotations

import importlib
from collections.abc import Awaitable, Callable

from services.jobs import JobKind, registered_kinds

JOB_MODULES: list[str] = [
    "scheduler.generic_jobs",  # weekly digest to staff, monthly report to admins (issue 6)
    "services.order_jobs",  # order cycle: escalation, deadlines, 回访, unrated close (issue 4)
    "services.triage.jobs",  # triage: nightly retraining with staff corrections (issue 5)
    "services.consult_jobs",  # meetings and polls: reminders, check-in, closing (issue 7)
    "services.member_jobs",  # the one-off notice to members never asked about being named
    # Features add their job modules here, one line each, e.g. "services.order_jobs".
]


ON_LEADING: list[str] = [
    "scheduler.generic_jobs:ensure_recurring",  # weekly digest, monthly report (issue 6)
    "services.triage.jobs:ensure_retraining_scheduled",  # nightly retraining (issue 5)
    "services.member_jobs:ensure_name_consent_asked",  # members never asked: one notice
    "services.member_jobs:ensure_pause_ends_told",  # members' own pauses: told at their end
    # Recurring work a feature keeps scheduled: "module:function", called as
    # `await function(session, now=..., zone=...)` each time a process becomes the leader.
]


def on_leading() -> list[Callable[..., Awaitable[None]]]:
    """The functions that keep recurring work scheduled, in order."""
    found = []
    for spec in ON_LEADING:
        module, _, name = spec.partition(":")
        found.append(getattr(importlib.import_module(module), name))
    return found


def load_job_kinds() -> dict[str, JobKind]:
    """Import every job module and return the kinds they registered."""
    for name in JOB_MODULES:
        importlib.import_module(name)
    return registered_kinds()
