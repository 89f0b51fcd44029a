"""Settings from the environment (prefix LINLI_) and an optional .env file."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import Field, SecretStr, ValidationError, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict
from pydantic_settings import SettingsError as SourceError

LANGUAGES = ("zh-Hans", "zh-Hant", "en")


class Settings(BaseSettings):
    """Everything a deployment configures; built once in main() and passed down."""

    model_config = SettingsConfigDict(
        env_prefix="LINLI_",
        env_file=".env",
        env_file_encoding="utf-8",
        extra="ignore",
    )

    bot_token: SecretStr | None = None
    database_url: str = "sqlite+aiosqlite:///data/linli.sqlite3"
    redis_url: str | None = None
    # with Redis: every key under "NAMESPACE:" (several deployments or test runs sharing one
    # Redis); unset keeps the keys of earlier versions ("fsm:…", "linli:update:…", "linli:chat:…")
    redis_namespace: str | None = None
    # with Redis: how long a chat's lease lasts unless its process renews it (bot.chat_lock);
    # a process that dies holding a chat frees it at most this long after
    chat_lock_seconds: float = Field(default=15.0, ge=1, le=300)
    # with Redis: a conversation left half-done (its state and data, and a request draft the
    # filing limits held back) is forgotten this long after its last change; at least 25 hours,
    # so a draft held by the 24-hour limit is still there when the resident may file again
    fsm_ttl_hours: int = Field(default=72, ge=25)
    timezone: str = "Asia/Shanghai"
    admin_ids: Annotated[list[int], NoDecode] = Field(default_factory=list)
    default_language: Literal["zh-Hans", "zh-Hant", "en"] = "zh-Hans"
    data_dir: Path = Path("data")
    bot_api_base: str | None = None
    webhook_url: str | None = None
    webhook_secret: SecretStr | None = None
    webhook_host: str = "0.0.0.0"
    webhook_port: int = Field(default=8081, ge=1, le=65535)
    webhook_path: str = "/telegram/webhook"
    throttle_rate: float = Field(default=3.0, gt=0)
    throttle_burst: int = Field(default=8, ge=1)
    invite_ttl_hours: int = Field(default=72, ge=1)
    # anti-spam for residents' requests (services.requests.FilingLimits; staff filing for a
    # resident are not limited): at most BURST_LIMIT in BURST_MINUTES, DAILY_LIMIT in 24 hours
    request_burst_limit: int = Field(default=5, ge=1)
    request_burst_minutes: int = Field(default=10, ge=1)
    request_daily_limit: int = Field(default=20, ge=1)
    # the outbox sender's overall pace (Telegram allows about 30 messages/s per bot), for the
    # scheduler `linli run` and `linli sandbox` start and for `linli scheduler` (--rate overrides)
    send_rate: float = Field(default=30.0, gt=0)
    # how often the outbox sender looks for messages when nothing woke it: those queued by
    # another process, or coming due (held for the night, a retry); what this process's own
    # updates and jobs queue is sent at once
    send_poll_seconds: float = Field(default=0.5, gt=0, le=3600)
    # when the triage classifier is retrained with staff corrections (cron, local time); empty:
    # never (a small machine, or a deployment that retrains with `linli triage train` by hand)
    triage_retrain_rule: str = "30 3 * * *"

    @field_validator("triage_retrain_rule")
    @classmethod
    def _cron_rule(cls, value: str) -> str:
        if value.strip():
            from apscheduler.triggers.cron import CronTrigger

            try:
                CronTrigger.from_crontab(value)
            except ValueError as exc:
                raise ValueError(f"not a cron rule ({exc}): {value!r}") from exc
        return value.strip()

    @field_validator("admin_ids", mode="before")
    @classmethod
    def _split_ids(cls, value: object) -> object:
        if isinstance(value, int):
            return [value]
        if isinstance(value, str):
            text = value.strip()
            if text.startswith("["):
                return value
            return [part.strip() for part in text.replace(";", ",").split(",") if part.strip()]
        return value

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise ValueError(f"unknown time zone {value!r}") from exc
        return value

    @field_validator("database_url")
    @classmethod
    def _async_driver(cls, value: str) -> str:
        if value.startswith(("postgres://", "postgresql://")):
            return "postgresql+asyncpg://" + value.split("://", 1)[1]
        if value.startswith("sqlite://"):
            return "sqlite+aiosqlite://" + value.split("://", 1)[1]
        if not value.startswith(("sqlite+aiosqlite://", "postgresql+asyncpg://")):
            raise ValueError("use sqlite+aiosqlite:///PATH or postgresql+asyncpg://USER@HOST/DB")
        return value

    @field_validator("webhook_url")
    @classmethod
    def _https_webhook(cls, value: str | None) -> str | None:
        if value is None or not value.strip():
            return None
        local = value.startswith(("http://127.", "http://localhost"))
        if not value.startswith("https://") and not local:
            raise ValueError("must be https:// (Telegram only calls https)")
        return value

    @property
    def zone(self) -> ZoneInfo:
        """The local time zone used when showing times to people."""
        return ZoneInfo(self.timezone)

    def redis_prefix(self, name: str, *, legacy: str) -> str:
        """Where one kind of key lives in Redis: under LINLI_REDIS_NAMESPACE when it is set."""
        if self.redis_namespace:
            return f"{self.redis_namespace}:{name}"
        return legacy

    def token(self) -> str:
        """The bot token, or a SettingsError naming the missing setting."""
        if self.bot_token is None or not self.bot_token.get_secret_value().strip():
            raise SettingsError("LINLI_BOT_TOKEN: not set (get one from @BotFather)")
        return self.bot_token.get_secret_value().strip()


class SettingsError(Exception):
    """A setting is missing or wrong; the message is one line naming it."""


class StartupError(Exception):
    """Start-up cannot go on; the message is one line telling what to do."""


def load_settings(**overrides: object) -> Settings:
    """Build settings, turning pydantic's report into one clear line per problem."""
    try:
        return Settings(**overrides)  # type: ignore[arg-type]
    except ValidationError as exc:
        lines = []
        for error in exc.errors():
            field = "_".join(str(part) for part in error["loc"][:1]) or "settings"
            message = str(error["msg"]).removeprefix("Value error, ")
            lines.append(f"LINLI_{field.upper()}: {message}")
        raise SettingsError("; ".join(lines)) from None
    except SourceError as exc:
        field = str(exc).split('"')[1] if '"' in str(exc) else "settings"
        raise SettingsError(f"LINLI_{field.upper()}: cannot be parsed ({exc.__cause__})") from None
