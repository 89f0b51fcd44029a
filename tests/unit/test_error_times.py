"""The error handler writes a time a domain error carries as the handlers do: in the reader's
words and the bot's zone (a LocalTime came out as "12-06 11:00", a datetime as a UTC date)."""

from __future__ import annotations

from collections.abc import AsyncGenerator
from datetime import UTC, datetime
from typing import Any

import pytest
from aiogram import Bot
from aiogram.client.session.base import BaseSession
from aiogram.methods import SendMessage, TelegramMethod
from aiogram.types import Chat, ErrorEvent, Message, Update

from bot.dispatcher import on_error
from bot.i18n import Translator
from bot.settings import Settings
from services.consult_common import LocalTime
from services.errors import Conflict
from services.listing import Listing

STARTS = datetime(2026, 12, 6, 11, 0, tzinfo=UTC)  # 19:00 in Shanghai, a Sunday
NOW = datetime(2026, 12, 6, 2, 0, tzinfo=UTC)


class Recording(BaseSession):
    """A session that records what the bot sends and answers it as sent."""

    def __init__(self) -> None:
        super().__init__()
        self.sent: list[TelegramMethod[Any]] = []

    async def make_request(
        self,
        bot: Bot,
        method: TelegramMethod[Any],
        timeout: int | None = None,  # noqa: ASYNC109
    ) -> Any:
        self.sent.append(method)
        assert isinstance(method, SendMessage)
        chat = Chat(id=int(method.chat_id), type="private")
        return Message(message_id=2, date=NOW, chat=chat, text=method.text)

    async def stream_content(
        self,
        url: str,
        headers: dict[str, Any] | None = None,
        timeout: int = 30,  # noqa: ASYNC109
        chunk_size: int = 65536,
        raise_for_status: bool = True,
    ) -> AsyncGenerator[bytes]:
        raise NotImplementedError
        yield b""

    async def close(self) -> None:
        return None


async def _told(lang: str, **args: Any) -> str:
    session = Recording()
    bot = Bot("42:TEST", session=session)
    message = {
        "message_id": 1,
        "date": NOW,
        "chat": {"id": 1001, "type": "private"},
        "from": {"id": 1001, "is_bot": False, "first_name": "Wang"},
        "text": "x",
    }
    update = Update.model_validate({"update_id": 1, "message": message}, context={"bot": bot})
    exc = Conflict("meeting-err-checkin-window", title="议事会", before=30, opens="18:30", **args)
    translator = Translator()
    settings = Settings(timezone="Asia/Shanghai")
    await on_error(
        ErrorEvent(update=update, exception=exc),
        t=translator.bind(lang),
        translator=translator,
        settings=settings,
        clock=lambda: NOW,
    )
    [sent] = session.sent
    assert isinstance(sent, SendMessage)
    return sent.text


@pytest.mark.parametrize(
    "when",
    [
        LocalTime(STARTS, zone=UTC),  # made where the zone was not known
        STARTS,
        STARTS.replace(tzinfo=None),  # as SQLite gives it back: UTC without its zone
    ],
)
async def test_time_in_the_readers_words_and_the_bots_zone(when: Any) -> None:
    assert "议事会 在 12月6日（周日）19:00 开会" in await _told("zh-Hans", when=when)
    assert "starts Sun 6 Dec, 19:00;" in await _told("en", when=when)


async def test_a_list_still_in_the_readers_words() -> None:
    told = await _told("en", when=Listing(["a", "b"]))
    assert "starts a, b;" in told, told
