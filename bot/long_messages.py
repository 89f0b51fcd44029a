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
from dataclasses import dataclass, field
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

from scheduler.sender import in_sender
from services.delivery import (
    CAPTION_LIMIT,
    TEXT_LIMIT,
    fit_parts,
    split_html,
    utf16_len,
    visible_text,
)

_KEPT = 10_000  # messages whose parts around them are remembered


@dataclass
class _Drawn:
    """A message this middleware sent or edited in parts: the messages above it carrying the
    start of its text (sent in parts, its keyboard under the last), its own text and keyboard,
    and the messages below it carrying the rest (an edit that grew), each with its text."""

    head: list[tuple[int, str]] = field(default_factory=list)
    shown: str | None = None
    markup: str | None = None
    tail: list[tuple[int, str]] = field(default_factory=list)


class LongMessages(BaseRequestMiddleware):
    """Split a sendMessage whose text is too long for one message; an edit too long for one
    message shows the first part and sends the rest below it, and the next edit of that
    message edits those in place (deleting the ones no longer needed) instead of sending them
    again; an edit of a message sent in parts (the one with the keyboard, the last: the one
    tapped) redraws the parts above it too, so the whole message changes, not the part tapped
    alone; a photo whose caption is too long goes without it, the caption following as text
    (as the outbox sends it)."""

    def __init__(self) -> None:
        # (chat, message) -> the parts around it, as last sent or edited; kept in memory (an
        # edit after a restart redraws the message itself, and sends its rest anew, as before)
        self._drawn: dict[tuple[int | str, int], _Drawn] = {}

    def _remember(self, key: tuple[int | str, int], drawn: _Drawn) -> None:
        if not (drawn.head or drawn.tail):
            return
        if len(self._drawn) >= _KEPT:  # the oldest forgotten
            self._drawn.pop(next(iter(self._drawn)))
        self._drawn[key] = drawn

    async def _redraw_head(
        self,
        call: Any,
        bot: Bot,
        method: EditMessageText,
        parts: list[str],
        head: list[tuple[int, str]],
    ) -> tuple[list[tuple[int, str]], Any]:
        """The start of an edited message that went in parts, in the messages above it
        (edited where they read otherwise, from the top), those no longer needed deleted;
        what they show now, and the last answer got (None: no call made)."""
        assert method.chat_id is not None
        kept: list[tuple[int, str]] = []
        answer: Any = None
        for (message_id, shown), part in zip(head, parts, strict=False):
            if shown != part:  # (reading so already, an edit would be refused as such)
                edit = EditMessageText(
                    chat_id=method.chat_id,
                    message_id=message_id,
                    text=part,
                    parse_mode=method.parse_mode,
                )
                try:
                    answer = await call(bot, edit)
                except TelegramBadRequest as exc:
                    if "not modified" not in exc.message:
                        kept.append((message_id, shown))  # gone, or too old: left so
                        continue
            kept.append((message_id, part))
        for older, _ in head[len(parts) :]:
            with contextlib.suppress(TelegramBadRequest):  # gone, or too old to delete
                answer = await call(bot, DeleteMessage(chat_id=method.chat_id, message_id=older))
        return kept, answer

    async def _redraw_tail(
        self,
        call: Any,
        bot: Bot,
        method: EditMessageText,
        parts: list[str],
        tail: list[tuple[int, str]],
    ) -> tuple[list[tuple[int, str]], Any]:
        """The rest of an edited message in the messages below it the last edit sent (edited
        in place), more sent when it grew, those no longer needed deleted; what they show
        now, and the last answer got (None: no call made)."""
        assert method.chat_id is not None
        ids: list[tuple[int, str]] = []
        answer: Any = None
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
                    answer = await call(bot, edit)
                    ids.append((message_id, part))
                    continue
                except TelegramBadRequest as exc:
                    if "not modified" in exc.message:
                        ids.append((message_id, part))
                        continue
                    # deleted by the person, or too old to edit: it goes anew
            answer = await call(bot, _text(method.chat_id, part, method.parse_mode))
            ids.append((answer.message_id, part))  # (a request's answer is Telegram's result)
        for older, _ in tail[len(parts) :]:
            with contextlib.suppress(TelegramBadRequest):  # gone, or too old to delete
                answer = await call(bot, DeleteMessage(chat_id=method.chat_id, message_id=older))
        return ids, answer

    async def _edit(
        self, call: Any, bot: Bot, method: EditMessageText, parts: list[str], drawn: _Drawn
    ) -> Any:
        """An edit of a message drawn in parts, or too long for one: the parts above it, it,
        and the parts below it, each edited only where it reads otherwise."""
        above, own, below = fit_parts(parts, above=len(drawn.head))
        markup = _markup_key(method.reply_markup)
        head, answer = await self._redraw_head(call, bot, method, above, drawn.head)
        new = _Drawn(head=head, shown=own, markup=markup)
        key = (method.chat_id or 0, method.message_id or 0)
        same = drawn.shown == own and drawn.markup == markup
        if same and (answer is not None or below != [t for _, t in drawn.tail]):
            # what changed is around it: it is left so (an edit would be refused as such)
            new.tail, last = await self._redraw_tail(call, bot, method, below, drawn.tail)
            self._remember(key, new)
            return last if last is not None else answer
        try:
            edited = await call(bot, method.model_copy(update={"text": own}))
        except TelegramBadRequest as exc:
            if "not modified" not in exc.message:
                raise
            # it reads so already; what follows it may not: redrawn, then said
            new.tail, _ = await self._redraw_tail(call, bot, method, below, drawn.tail)
            self._remember(key, new)
            raise
        new.tail, _ = await self._redraw_tail(call, bot, method, below, drawn.tail)
        self._remember(key, new)
        return edited

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
                head: list[tuple[int, str]] = []
                for part in parts[:-1]:  # the keyboard goes under the last part only
                    update = {"text": part, "reply_markup": None}
                    sent = await call(bot, method.model_copy(update=update))
                    head.append((sent.message_id, part))
                last = await call(bot, method.model_copy(update={"text": parts[-1]}))
                # an edit of the last (its keyboard tapped) redraws the parts above it too
                sent_so = _Drawn(
                    head=head, shown=parts[-1], markup=_markup_key(method.reply_markup)
                )
                self._remember((method.chat_id, last.message_id), sent_so)
                return cast("Response[TelegramType]", last)
        elif (
            isinstance(method, EditMessageText)
            and not method.entities
            and method.chat_id is not None
            and method.text
        ):
            key = (method.chat_id, method.message_id or 0)
            drawn = self._drawn.pop(key, None)
            if in_sender():
                # the outbox sender redraws the parts around a message itself
                return cast("Response[TelegramType]", await call(bot, method))
            parts = _parts(bot, method.text, method.parse_mode, TEXT_LIMIT)
            if len(parts) > 1 or drawn is not None:
                edited = await self._edit(call, bot, method, parts, drawn or _Drawn())
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


def _markup_key(markup: Any) -> str | None:
    """A keyboard as a string, to tell whether an edit changes it."""
    if markup is None or isinstance(markup, Default):
        return None
    dump = getattr(markup, "model_dump_json", None)
    return dump(exclude_none=True) if dump is not None else repr(markup)


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
