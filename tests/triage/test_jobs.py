"""The scheduled retraining job and its recurring schedule."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from types import SimpleNamespace
from typing import Any
from zoneinfo import ZoneInfo

from sqlmodel.ext.asyncio.session import AsyncSession

from models.scheduling import ScheduledJob
from services.jobs import JobContext, get_kind, pending_jobs
from services.triage.deployment import load_triage
from services.triage.jobs import RETRAIN_KIND, ensure_retraining_scheduled, run_retraining

NOW = datetime(2026, 11, 21, 8, 0, tzinfo=UTC)
ZONE = ZoneInfo("Asia/Shanghai")


class _Texts:
    def get(self, lang: str, key: str, /, **args: Any) -> str:
        return key


def _custom_deployment(data_dir: Path, jieba_cache: Path) -> None:
    (data_dir / "cache").mkdir(parents=True)
    for cached in jieba_cache.glob("*.cache"):
        (data_dir / "cache" / cached.name).write_bytes(cached.read_bytes())
    (data_dir / "triage").mkdir(parents=True)
    (data_dir / "triage" / "catalogue.yaml").write_text(
        "categories:\n"
        "- {code: roads, names: {zh-Hans: 道路, en: Roads}, deadline_hours: 48}\n"
        "- {code: other, names: {zh-Hans: 其他, en: Other}, deadline_hours: 72}\n",
        encoding="utf-8",
    )
    rows = ["label,text"] + [f"roads,马路上有坑{i}" for i in range(4)]
    rows += [f"other,谢谢社区{i}" for i in range(4)]
    (data_dir / "triage" / "examples.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")


async def test_recurring_retraining_is_scheduled_once(session: AsyncSession) -> None:
    assert get_kind(RETRAIN_KIND) is not None
    await ensure_retraining_scheduled(session, now=NOW, zone=ZONE)
    await ensure_retraining_scheduled(session, now=NOW, zone=ZONE)
    pending = await pending_jobs(session, key=RETRAIN_KIND)
    assert len(pending) == 1
    # 03:30 in Shanghai is 19:30 UTC
    assert pending[0].due_at.astimezone(UTC).hour == 19


async def test_retraining_turned_off_cancels_the_pending_run(session: AsyncSession) -> None:
    """LINLI_TRIAGE_RETRAIN_RULE empty: the run scheduled earlier does not happen."""
    await ensure_retraining_scheduled(session, now=NOW, zone=ZONE)
    assert await pending_jobs(session, key=RETRAIN_KIND)
    await ensure_retraining_scheduled(session, now=NOW, zone=ZONE, rule="")
    assert await pending_jobs(session, key=RETRAIN_KIND) == []
    # another rule replaces the schedule: 01:00 in Shanghai is 17:00 UTC
    await ensure_retraining_scheduled(session, now=NOW, zone=ZONE, rule="0 1 * * *")
    [pending] = await pending_jobs(session, key=RETRAIN_KIND)
    assert pending.due_at.astimezone(UTC).hour == 17


def test_a_bad_retrain_rule_is_refused_at_start() -> None:
    import pytest

    from bot.settings import SettingsError, load_settings

    with pytest.raises(SettingsError, match="LINLI_TRIAGE_RETRAIN_RULE: not a cron rule"):
        load_settings(bot_token="1:x", triage_retrain_rule="every night")
    assert load_settings(bot_token="1:x", triage_retrain_rule=" ").triage_retrain_rule == ""


async def test_retraining_job_writes_a_model_the_bot_picks_up(
    session: AsyncSession, tmp_path: Path, jieba_cache: Path
) -> None:
    data_dir = tmp_path / "data"
    _custom_deployment(data_dir, jieba_cache)
    ctx = JobContext(
        session=session,
        now=NOW,
        settings=SimpleNamespace(data_dir=data_dir),
        texts=_Texts(),
        job=ScheduledJob(kind=RETRAIN_KIND, due_at=NOW),
    )
    await run_retraining(ctx, {})
    triage = load_triage(data_dir=data_dir)
    assert triage.labels == ["other", "roads"]
    assert triage.analyze("路上有个坑").category == "roads"
