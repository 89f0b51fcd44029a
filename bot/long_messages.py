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

import contextlib
from typing import Any, cast

from aiogram import Bot
from aiogram.client.default import Default
from aiogram.client.session.middlewares.base import (
    BaseRequestMiddleware,
    NextRequestMiddlewareType,
)
from aiogram.exceptions import TelegramBadRequest
from aiogram.methods import DeleteMessage, EditMessageText, SendMessage, SendPhoto, TelegramMethod
from aiogram.methods.base import Response, TelegramType

from services.delivery import CAPTION_LIMIT, TEXT_LIMIT, split_html, utf16_len, visible_text

_TAILS_KEPT = 10_000  # edited messages whose rest below them is remembered


class LongMessages(BaseRequestMiddleware):
    """Split a sendMessage whose text is too long for one message; an edit too long for one
    message shows the first part and sends the rest below it, and the next edit of that
    message edits those in place (deleting the ones no longer needed) instead of sending them
    again; a photo whose caption is too long goes without it, the caption following as text
    (as the outbox sends it)."""

    def __init__(self) -> None:
        # (chat, message) -> the messages an edit of it sent below it, newest edits last;
        # kept in memory (a redraw after a restart sends its rest anew, as before)
        self._tails: dict[tuple[int | str, int], list[tuple[int, str]]] = {}

    async def _redraw_tail(
        self,
        call: Any,
        bot: Bot,
        method: EditMessageText,
        parts: list[str],
        tail: list[tuple[int, str]],
    ) -> None:
        """The rest of an edited message in the messages below it the last edit sent (edited
        in place), more sent when it grew, those no longer needed deleted; remembered."""
        assert method.chat_id is not None
        ids: list[tuple[int, str]] = []
        for index, part in enumerate(parts):
            if index < len(tail):
                message_id, shown = tail[index]
                if shown == part:  # reads so already (an edit would be refused as such)
                    ids.append((message_id, part))
                    continue
                edit = EditMessageText(
                    chat_id=method.chat_id,
                    message_id=message_id,
                    text=part,
                    parse_mode=method.parse_mode,
                )
                try:
                    await call(bot, edit)
                    ids.append((message_id, part))
                    continue
                except TelegramBadRequest as exc:
                    if "not modified" in exc.message:
                        ids.append((message_id, part))
                        continue
                    # deleted by the person, or too old to edit: it goes anew
            sent = await call(bot, _text(method.chat_id, part, method.parse_mode))
            ids.append((sent.message_id, part))  # (a request's answer is Telegram's result)
        for older, _ in tail[len(parts) :]:
            with contextlib.suppress(TelegramBadRequest):  # gone, or too old to delete
                await call(bot, DeleteMessage(chat_id=method.chat_id, message_id=older))
        if ids:
            if len(self._tails) >= _TAILS_KEPT:  # the oldest forgotten
                self._tails.pop(next(iter(self._tails)))
            self._tails[(method.chat_id, method.message_id or 0)] = ids

    async def __call__(
        self,
        make_request: NextRequestMiddlewareType[TelegramType],
        bot: Bot,
        method: TelegramMethod[TelegramType],
    ) -> Response[TelegramType]:
        call: Any = make_request  # parts are sendMessage calls whatever the method was
        if isinstance(method, SendMessage) and not method.entities:
            parts = _parts(bot, method.text, method.parse_mode, TEXT_LIMIT)
            if len(parts) > 1:
                for part in parts[:-1]:  # the keyboard goes under the last part only
                    await call(bot, method.model_copy(update={"text": part, "reply_markup": None}))
                return await call(bot, method.model_copy(update={"text": parts[-1]}))
        elif (
            isinstance(method, EditMessageText)
            and not method.entities
            and method.chat_id is not None
            and method.text
        ):
            parts = _parts(bot, method.text, method.parse_mode, TEXT_LIMIT)
            tail = self._tails.pop((method.chat_id, method.message_id or 0), [])
            if len(parts) > 1 or tail:
                try:
                    edited = await call(bot, method.model_copy(update={"text": parts[0]}))
                except TelegramBadRequest as exc:
                    if "not modified" not in exc.message:
                        raise
                    # it reads so already; what follows it may not: redrawn, then said
                    await self._redraw_tail(call, bot, method, parts[1:], tail)
                    raise
                await self._redraw_tail(call, bot, method, parts[1:], tail)
                return cast("Response[TelegramType]", edited)
        elif isinstance(method, SendPhoto) and method.caption and not method.caption_entities:
            caption = method.caption
            parts = _parts(bot, caption, method.parse_mode, CAPTION_LIMIT)
            if len(parts) > 1:
                markup = method.reply_markup
                photo = await call(
                    bot, method.model_copy(update={"caption": None, "reply_markup": None})
                )
                texts = _parts(bot, caption, method.parse_mode, TEXT_LIMIT)
                for i, part in enumerate(texts):
                    last = i == len(texts) - 1
                    sent = _text(method.chat_id, part, method.parse_mode)
                    await call(
                        bot, sent.model_copy(update={"reply_markup": markup if last else None})
                    )
                return cast("Response[TelegramType]", photo)
        return await make_request(bot, method)


def _parts(bot: Bot, text: str, parse_mode: Any, limit: int) -> list[str]:
    """The text in parts Telegram accepts (one when it fits), at line ends."""
    if isinstance(parse_mode, Default):
        parse_mode = bot.default[parse_mode.name]
    html = str(getattr(parse_mode, "value", parse_mode) or "").lower() == "html"
    shown = visible_text(text) if html else text
    if utf16_len(shown) <= limit:
        return [text]
    return split_html(text, limit=limit) if html else _plain_parts(text, limit)


def _text(chat_id: int | str, text: str, parse_mode: Any) -> SendMessage:
    return SendMessage(chat_id=chat_id, text=text, parse_mode=parse_mode)


def _plain_parts(text: str, limit: int = TEXT_LIMIT) -> list[str]:
    """A plain text in parts of at most `limit` UTF-16 code units, at line ends where one
    is in a part's second half."""
    parts: list[str] = []
    while utf16_len(text) > limit:
        cut, size = 0, 0
        for i, ch in enumerate(text):
            size += 2 if ord(ch) > 0xFFFF else 1
            if size > limit:
                break
            cut = i + 1
        line_end = text.rfind("\n", 0, cut)
        if line_end > cut // 2:
            cut = line_end + 1
        parts.append(text[:cut])
        text = text[cut:]
    return [*parts, text]
