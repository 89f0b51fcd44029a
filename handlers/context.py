"""One context per update for the order-cycle and consultation handlers: what the middlewares
already put in the update's data (session, user, roles, language, settings, clock, triage), with
the steps every handler ends with (the main menu, queueing the notices its action caused)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from aiogram import BaseMiddleware
from aiogram.types import CallbackQuery, Message, ReplyKeyboardMarkup, TelegramObject
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.i18n import Text, Translator
from bot.settings import Settings
from handlers.consult_kit import make_notifier
from handlers.menu import main_menu
from handlers.order_ui import outbox_sink, send_notices
from models import Role, User
from models.base import utcnow
from services import request_cards, staff_order_cards
from services.consult_common import Notifier
from services.order_common import Notice


@dataclass(frozen=True, slots=True)
class OrderCtx:
    """Who is acting, in which language, on which session, at what time."""

    session: AsyncSession
    user: User
    roles: frozenset[Role]
    t: Text
    translator: Translator
    settings: Settings
    clock: Callable[[], datetime]
    triage: Any = None
    scheduler: Any = None  # this process's scheduler.service.SchedulerService, if it runs one

    def now(self) -> datetime:
        """The injected clock's time (tests move it)."""
        return self.clock()

    def main_menu(self) -> ReplyKeyboardMarkup:
        """The user's main menu, as a flow that ends gives it back."""
        return main_menu(self.t, self.roles, registered=self.user.registered)

    async def deliver(self, notices: Sequence[Notice]) -> None:
        """Queue the notices an action caused for other people (each in their language)."""
        await send_notices(
            self.session,
            notices,
            translator=self.translator,
            settings=self.settings,
            now=self.now(),
        )

    def outbox(self, now: datetime) -> Callable[[Sequence[Notice]], Awaitable[int]]:
        """A sink a service queues its notices into, committed with its own change."""
        return outbox_sink(
            self.session, translator=self.translator, settings=self.settings, now=now
        )

    def notifier(self) -> Notifier:
        """What a consultation service tells people with: real texts, local zone, the clock."""
        return make_notifier(self.translator, self.settings, self.clock)

    async def meeting_cards_follow(self, meeting_id: int) -> None:
        """A resident's answer or check-in changed the meeting's counts, or a staff member
        changed the meeting (published, edited, postponed, cancelled, minuted): its staff
        cards on screens, colleagues' too, are to show it (services.meeting_cards.redraw_cards).
        Through this process's scheduler, which coalesces a burst of answers into a few rounds
        of redrawing; without one, at once (and committed). Called after the handler redrew
        the card tapped, so that the round finds that one reading so already."""
        if self.scheduler is not None:
            self.scheduler.redraw_meeting_cards(meeting_id)
            return
        from services import meeting_cards  # only this fallback draws here

        await meeting_cards.redraw_cards_of(
            self.session, meeting_id=meeting_id, notifier=self.notifier()
        )


class OrderCtxMiddleware(BaseMiddleware):
    """Hands an order-cycle or consultation handler `ctx`, built from the update's data (a
    user's updates only). With `draws_cards` (the order cycle's routers), the handler draws the
    card it acts on itself: the staff cards the update's changes redraw (set up for every
    update by bot.middlewares.OutboxMiddleware: services.request_cards, staff_order_cards)
    leave the acting staff member's cards of the request, and the message tapped, to it.
    """

    def __init__(self, *, draws_cards: bool = False) -> None:
        self.draws_cards = draws_cards

    async def __call__(
        self,
        handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]],
        event: TelegramObject,
        data: dict[str, Any],
    ) -> Any:
        user: User | None = data.get("user")
        if user is not None:
            data["ctx"] = OrderCtx(
                session=data["session"],
                user=user,
                roles=data["roles"],
                t=data["t"],
                translator=data["translator"],
                settings=data["settings"],
                clock=data.get("clock") or utcnow,
                triage=data.get("triage"),
                scheduler=data.get("scheduler"),
            )
            if self.draws_cards and user.id is not None:
                session: AsyncSession = data["session"]
                request_cards.actor_draws(session, actor_id=user.id)
                tapped = event.message if isinstance(event, CallbackQuery) else None
                if isinstance(tapped, Message):  # the handler answers the tap on it
                    staff_order_cards.drawn_here(
                        session, chat_id=tapped.chat.id, message_id=tapped.message_id
                    )
        return await handler(event, data)


# The consultation handlers (meetings, polls, topics) take the same context by a neutral name.
UpdateCtx = OrderCtx
UpdateCtxMiddleware = OrderCtxMiddleware
