"""Settings: defaults, parsing, and one clear line per wrong setting."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from bot.settings import SettingsError, load_settings


def test_defaults_and_parsing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LINLI_ADMIN_IDS", "1001, 1002")
    monkeypatch.setenv("LINLI_DATABASE_URL", "postgresql://postgres@127.0.0.1/test")
    settings = load_settings()
    assert settings.admin_ids == [1001, 1002]
    assert settings.database_url.startswith("postgresql+asyncpg://")
    assert settings.timezone == "Asia/Shanghai"
    assert settings.default_language == "zh-Hans"


@pytest.mark.parametrize(
    ("name", "value", "expected"),
    [
        ("LINLI_TIMEZONE", "Mars/Olympus", "LINLI_TIMEZONE: unknown time zone"),
        ("LINLI_ADMIN_IDS", "12,abc", "LINLI_ADMIN_IDS"),
        ("LINLI_DATABASE_URL", "mysql://x", "LINLI_DATABASE_URL: use sqlite"),
        ("LINLI_DEFAULT_LANGUAGE", "fr", "LINLI_DEFAULT_LANGUAGE"),
        ("LINLI_WEBHOOK_URL", "http://example.org", "LINLI_WEBHOOK_URL: must be https"),
    ],
)
def test_wrong_setting_names_itself(
    monkeypatch: pytest.MonkeyPatch, name: str, value: str, expected: str
) -> None:
    monkeypatch.setenv(name, value)
    with pytest.raises(SettingsError) as info:
        load_settings()
    assert expected in str(info.value)
    assert "\n" not in str(info.value)


def _linli(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """Run `linli ARGS` in a fresh process with only these settings in its environment."""
    return subprocess.run(
        [sys.executable, "-m", "bot.cli", *args],
        capture_output=True,
        text=True,
        env={"PATH": "/usr/bin:/bin", **env},
        timeout=60,
        check=False,
    )


def test_missing_token_stops_run_with_one_line(tmp_path: object) -> None:
    result = _linli(["run"], {"LINLI_BOT_TOKEN": ""})
    assert result.returncode == 2
    assert result.stderr.strip() == "linli: LINLI_BOT_TOKEN: not set (get one from @BotFather)"
    assert "Traceback" not in result.stderr


def test_bad_timezone_stops_cli_with_one_line() -> None:
    result = _linli(["org", "show"], {"LINLI_TIMEZONE": "Nowhere/City"})
    assert result.returncode == 2
    assert "LINLI_TIMEZONE: unknown time zone 'Nowhere/City'" in result.stderr
    assert "Traceback" not in result.stderr


def test_webhook_mode_without_url_stops_with_one_line() -> None:
    result = _linli(["run", "--webhook"], {"LINLI_BOT_TOKEN": "123:abc", "LINLI_WEBHOOK_URL": ""})
    assert result.returncode == 2
    assert result.stderr.strip() == "linli: LINLI_WEBHOOK_URL: not set (needed for webhook mode)"
    assert "Traceback" not in result.stderr


def test_unknown_migration_revision_stops_with_one_line(tmp_path: Path) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path / 'm.sqlite3'}"
    result = _linli(["migrate", "--revision", "9999"], {"LINLI_DATABASE_URL": url})
    assert result.returncode == 2
    assert result.stderr.strip() == "linli: --revision: Can't locate revision identified by '9999'"
