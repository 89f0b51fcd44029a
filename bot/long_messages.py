"""A message too long for Telegram goes as several, never refused.

Cards built from what people typed are fitted to one message where they are drawn
(services.fitting, with 📄 全文). Any other text a handler sends — a reason or an answer shown
back, a list, a notice — that is longer than Telegram's 4,096 characters (as it counts them:
UTF-16 code units of what is shown) would be refused with 400 'message is too long' and never
seen. This request middleware sends it instead in as many messages as it needs, split at line
ends (services.delivery.split_html, as the outbox sender splits its deliveries), the keyboard
under the last one; the caller gets the last message.
"""

from __future__ import annotations

from typing import Any

from aiogram import Bot
from aiogram.client.default import Default
from aiogram.client.session.middlewares.base import (
    BaseRequestMiddleware,
    NextRequestMiddlewareType,
)
from aiogram.methods import SendMessage, TelegramMethod
from aiogram.methods.base import Response, TelegramType

from services.delivery import TEXT_LIMIT, split_html, utf16_len, visible_text


class LongMessages(BaseRequestMiddleware):
    """Split a sendMessage whose text is too long for one message."""

    async def __call__(
        self,
        make_request: NextRequestMiddlewareType[TelegramType],
        bot: Bot,
        method: TelegramMethod[TelegramType],
    ) -> Response[TelegramType]:
        html = _html(bot, method)
        if html is None:  # not a sendMessage too long for one message
            return await make_request(bot, method)
        assert isinstance(method, SendMessage)
        parts = split_html(method.text) if html else _plain_parts(method.text)
        for part in parts[:-1]:  # the keyboard goes under the last part only
            await make_request(bot, _copy(method, text=part, reply_markup=None))
        return await make_request(bot, _copy(method, text=parts[-1]))


def _html(bot: Bot, method: TelegramMethod[Any]) -> bool | None:
    """For a sendMessage too long for one message, whether its text is HTML; else None."""
    if not isinstance(method, SendMessage) or method.entities:
        return None
    mode = method.parse_mode
    if isinstance(mode, Default):
        mode = bot.default[mode.name]
    html = str(getattr(mode, "value", mode) or "").lower() == "html"
    shown = visible_text(method.text) if html else method.text
    return html if utf16_len(shown) > TEXT_LIMIT else None


def _copy(method: SendMessage, **changes: Any) -> TelegramMethod[Any]:
    return method.model_copy(update=changes)


def _plain_parts(text: str) -> list[str]:
    """A plain text in parts of at most TEXT_LIMIT UTF-16 code units, at line ends where one
    is in a part's second half."""
    parts: list[str] = []
    while utf16_len(text) > TEXT_LIMIT:
        cut, size = 0, 0
        for i, ch in enumerate(text):
            size += 2 if ord(ch) > 0xFFFF else 1
            if size > TEXT_LIMIT:
                break
            cut = i + 1
        line_end = text.rfind("\n", 0, cut)
        if line_end > cut // 2:
            cut = line_end + 1
        parts.append(text[:cut])
        text = text[cut:]
    return [*parts, text]
