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


def test_rate_left_out_is_the_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: dict[str, Any] = {}

    async def fake_run_alone(settings: Any, **kwargs: Any) -> None:
        seen.update(kwargs, send_rate=settings.send_rate)

    monkeypatch.setenv("LINLI_BOT_TOKEN", "1:x")
    monkeypatch.setenv("LINLI_SEND_RATE", "7")
    monkeypatch.setattr(hook, "run_alone", fake_run_alone)
    assert main(["scheduler"]) == 0
    assert seen["per_second"] is None  # run_alone then sends at the setting's rate
    assert seen["send_rate"] == 7


def test_rate_must_be_positive(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["scheduler", "--rate", "0"])
    assert "--rate: not a positive number: '0'" in capsys.readouterr().err


def _settings(tmp_path: Path, **values: Any) -> Any:
    return load_settings(
        database_url=f"sqlite+aiosqlite:///{tmp_path}/s.sqlite3",
        bot_token="1:x",
        bot_api_base="http://127.0.0.1:9",
        data_dir=tmp_path,
        **values,
    )


async def test_the_scheduler_of_run_and_sandbox_sends_at_the_setting(tmp_path: Path) -> None:
    """`linli run` and `linli sandbox` start the scheduler with the start-up hook: it sends
    at LINLI_SEND_RATE (30 by default), as `linli scheduler` without --rate does."""
    for values, rate in (({}, 30), ({"send_rate": 4.5}, 4.5)):
        extra: dict[str, Any] = {}
        resources: dict[str, Any] = {}
        await hook.scheduler_hook(
            settings=_settings(tmp_path, **values), resources=resources, extra=extra
        )
        try:
            assert extra["scheduler"].limiter.per_second == rate
        finally:
            for close in resources["_closers"]:
                await close()
    stop = asyncio.Event()
    stop.set()
    built: list[Any] = []
    real = hook.build_service

    async def spy(settings: Any, **kwargs: Any) -> Any:
        built.append(await real(settings, **kwargs))
        return built[-1]

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(hook, "build_service", spy)
        await hook.run_alone(_settings(tmp_path, send_rate=9), stop=stop)
    assert built[0].limiter.per_second == 9
