"""Which button taps this process has answered.

Telegram takes one answer per tap and refuses any further one ("query is too old"). A handler
answers the tap (often at once, to stop the spinner) and may fail after that; the error handler
then tells the person in the chat instead of in an alert, and must know whether the tap was
answered without trying it: before, it tried, and the refused call was a Bot API error each
time. Every answerCallbackQuery the bot makes goes through `AnsweredTaps` (a request
middleware, whoever makes the call), which notes the tap first. A tap's updates are handled by
one process, so what this one noted is the whole story.
"""

from __future__ import annotations

from collections import OrderedDict

from aiogram import Bot
from aiogram.client.session.middlewares.base import (
    BaseRequestMiddleware,
    NextRequestMiddlewareType,
)
from aiogram.methods import AnswerCallbackQuery, TelegramMethod
from aiogram.methods.base import Response, TelegramType

# Taps are answered within seconds of arriving (Telegram refuses an answer after 15 minutes):
# the latest few thousand are all that can still matter.
_KEEP = 10_000
_answered: OrderedDict[str, None] = OrderedDict()


def note_answered(query_id: str) -> None:
    """Remember that an answer to this tap was sent (or is on its way)."""
    _answered[query_id] = None
    _answered.move_to_end(query_id)
    while len(_answered) > _KEEP:
        _answered.popitem(last=False)


def was_answered(query_id: str) -> bool:
    """Whether an answer to this tap was already sent: a second one would be refused."""
    return query_id in _answered


class AnsweredTaps(BaseRequestMiddleware):
    """Notes each tap the bot answers, before the call (one that fails on its way may have
    reached Telegram: telling the person in the chat is the safe side)."""

    async def __call__(
        self,
        make_request: NextRequestMiddlewareType[TelegramType],
        bot: Bot,
        method: TelegramMethod[TelegramType],
    ) -> Response[TelegramType]:
        if isinstance(method, AnswerCallbackQuery):
            note_answered(method.callback_query_id)
        return await make_request(bot, method)
