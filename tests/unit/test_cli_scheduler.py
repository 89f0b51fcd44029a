"""`linli scheduler`: its options reach the scheduler service it runs."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest

import scheduler.hook as hook
from bot.cli import main
from bot.settings import load_settings


def test_options_reach_run_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: dict[str, Any] = {}

    async def fake_run_alone(settings: Any, **kwargs: Any) -> None:
        seen.update(kwargs)

    monkeypatch.setenv("LINLI_BOT_TOKEN", "1:x")
    monkeypatch.setattr(hook, "run_alone", fake_run_alone)
    argv = ["scheduler", "--tick", "0.5", "--in-flight", "3", "--rate", "12"]
    assert main(argv) == 0
    assert seen["tick_seconds"] == 0.5
    assert seen["max_in_flight"] == 3
    assert seen["per_second"] == 12


async def test_run_alone_sends_at_the_rate_asked(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    built: list[Any] = []
    real = hook.build_service

    async def spy(settings: Any, **kwargs: Any) -> Any:
        service = await real(settings, **kwargs)
        built.append(service)
        return service

    monkeypatch.setattr(hook, "build_service", spy)
    settings = load_settings(
        database_url=f"sqlite+aiosqlite:///{tmp_path}/s.sqlite3",
        bot_token="1:x",
        bot_api_base="http://127.0.0.1:9",
        data_dir=tmp_path,
    )
    stop = asyncio.Event()
    stop.set()
    await hook.run_alone(settings, stop=stop, max_in_flight=3, per_second=12)
    assert built[0].limiter.per_second == 12
