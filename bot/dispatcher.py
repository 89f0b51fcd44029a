"""The dispatcher, built in one function: middlewares, routers and the error handler."""

from __future__ import annotations

import copy
import logging
import operator
from collections.abc import Awaitable, Callable
from contextlib import suppress
from dataclasses import dataclass
from datetime import UTC, datetime, tzinfo
from inspect import isawaitable, isclass
from typing import Any

from aiogram import Dispatcher, Router
from aiogram.dispatcher.event.bases import UNHANDLED
from aiogram.dispatcher.event.handler import FilterObject, HandlerObject
from aiogram.dispatcher.event.telegram import TelegramEventObserver
from aiogram.exceptions import TelegramBadRequest
from aiogram.filters import Command
from aiogram.filters.callback_data import CallbackQueryFilter
from aiogram.filters.state import StateFilter
from aiogram.fsm.state import State, StatesGroup
from aiogram.fsm.storage.base import BaseStorage
from aiogram.fsm.storage.memory import MemoryStorage
from aiogram.types import (
    CallbackQuery,
    ErrorEvent,
    InlineKeyboardMarkup,
    Message,
    ReplyKeyboardMarkup,
    TelegramObject,
)
from magic_filter.operations import ComparatorOperation, FunctionOperation, GetAttributeOperation
from magic_filter.util import in_op
from sqlalchemy.ext.asyncio import async_sessionmaker
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.answered import was_answered
from bot.busy import BackgroundWork
from bot.catalogue_watch import CHECK_EVERY, CatalogueMiddleware, CatalogueWatch
from bot.chat_lock import RedisChatLock
from bot.i18n import Text, Translator
from bot.middlewares import (
    CallbackDataGuard,
    ChatOrderMiddleware,
    DbSessionMiddleware,
    MenuResetMiddleware,
    OutboxMiddleware,
    ThrottleMiddleware,
    TypedLabelMiddleware,
    UpdateDedupeMiddleware,
    UserMiddleware,
)
from bot.settings import Settings
from handlers import claims, get_routers, triage_staff
from handlers.form_guard import STARTING_OVER, tell_left
from handlers.keyboards import which_day_keyboard
from handlers.menu import all_flow_labels, all_menu_labels, menu_labels, set_translator
from handlers.order_ui import is_card_of
from handlers.registration import register_now_kb
from models.base import utcnow
from services.categories import CatalogueSync
from services.consult_common import LocalTime, localize
from services.errors import DomainError, MovedAway, PermissionDenied
from services.when import WhichDay

log = logging.getLogger(__name__)


def build_dispatcher(
    *,
    settings: Settings,
    sessionmaker: async_sessionmaker[AsyncSession],
    translator: Translator,
    storage: BaseStorage | None = None,
    redis: Any = None,
    **workflow_data: Any,
) -> Dispatcher:
    """Wire everything an update needs; extra keyword data reaches handlers by name."""
    set_translator(translator)
    dp = Dispatcher(
        storage=storage or MemoryStorage(),
        settings=settings,
        translator=translator,
        sessionmaker=sessionmaker,
        **workflow_data,
    )
    if redis is not None:
        prefix = settings.redis_prefix("update", legacy="linli:update")
        dp.update.outer_middleware(UpdateDedupeMiddleware(redis, prefix=prefix))
    # one chat's updates one at a time (before a DB connection is taken for the waiting ones),
    # across every bot process when they share Redis
    shared = None
    if redis is not None:
        prefix = settings.redis_prefix("chat", legacy="linli:chat")
        shared = RedisChatLock(redis, prefix=prefix, lease_s=settings.chat_lock_seconds)
    dp.update.outer_middleware(ChatOrderMiddleware(shared))
    dp["chat_lock"] = shared  # the webhook queues each update in its chat before acknowledging
    # work beside an update (the ledger export), one at a time per key across the processes
    dp["background"] = BackgroundWork(
        redis, prefix=settings.redis_prefix("busy", legacy="linli:busy")
    )
    # the catalogue admins edit, taken up from the database when another process changed it
    watch = CatalogueWatch(
        CatalogueSync(data_dir=settings.data_dir, check_every=CHECK_EVERY),
        sessionmaker,
        redis=redis,
        channel=settings.redis_prefix("catalogue", legacy="linli:catalogue"),
        clock=workflow_data.get("clock") or utcnow,
    )
    dp["catalogue_watch"] = watch
    dp.update.outer_middleware(CatalogueMiddleware(watch))
    dp.update.outer_middleware(DbSessionMiddleware(sessionmaker))
    # what a handler queues goes once its commit is through (this process's sender, when
    # it runs one; another process's sender finds it at its next look)
    scheduler = workflow_data.get("scheduler")
    wake = scheduler.sender.wake if scheduler is not None else None
    # and what a handler changes of a matter redraws the staff cards of it, whichever router
    # the handler is in (the order cycle's leave the card tapped to the handler: its context)
    dp.update.outer_middleware(
        OutboxMiddleware(
            settings,
            translator,
            wake=wake,
            cards=triage_staff.card_drawer,
            orders=claims.staff_order_drawer,
        )
    )
    dp.update.outer_middleware(UserMiddleware(settings, translator))
    throttle = ThrottleMiddleware(
        rate=settings.throttle_rate,
        burst=settings.throttle_burst,
        redis=redis,  # one bucket per user across processes
        prefix=settings.redis_prefix("throttle", legacy="linli:throttle"),
    )
    dp.message.outer_middleware(throttle)
    dp.callback_query.outer_middleware(throttle)
    dp.callback_query.outer_middleware(CallbackDataGuard())
    # a button's words typed without its emoji ('说完了', '取消') are the button, of the
    # sender's own menu (another role's words are their own text)
    dp.message.outer_middleware(
        TypedLabelMiddleware(lambda roles: menu_labels(roles) | all_flow_labels())
    )
    # /start, /register and /join start over as the menu's buttons do (and say what was left)
    reset = MenuResetMiddleware(lambda: all_menu_labels() | STARTING_OVER, on_leave=tell_left)
    dp.message.outer_middleware(reset)
    dp.include_routers(*get_routers())
    dp.errors.register(on_error)
    _speed_up_filters(dp)
    return dp


def _speed_up_filters(dp: Dispatcher) -> None:
    """The two filter shortcuts below reach into aiogram's handler objects (aiogram >=3.15,<4).
    Should a later 3.x lay them out otherwise, the bot runs its filters as aiogram does, and
    says so once, rather than not starting. Each handler is changed whole or not at all, so
    stopping part way leaves every handler correct."""
    try:
        inline_cheap_filters(dp)
        direct_filter_checks(dp)
        state_indexed_triggers(dp)
        skip_idle_routers(dp)
    except (AttributeError, TypeError) as exc:  # only on another aiogram
        log.warning("filter shortcuts left out (aiogram's handler objects differ): %s", exc)


def _as_coroutine(func: Callable[..., Any]) -> Callable[..., Any]:
    async def call(*args: Any, **kwargs: Any) -> Any:
        return func(*args, **kwargs)

    if isinstance(func, State):
        call.__wrapped_state__ = func  # type: ignore[attr-defined]  # see _direct_filter
    return call


def inline_cheap_filters(root: Router) -> int:
    """Run magic (`F....`) and FSM-state filters in the event loop instead of a worker thread.

    aiogram hands every synchronous filter to `asyncio.to_thread`; these two kinds only compare
    attributes of the update, so the thread hop (one per filter per handler tried) cost far more
    than the check. Returns how many filters were changed; running it twice changes nothing.
    """
    changed = 0
    for router in root.chain_tail:
        for observer in router.observers.values():
            handlers = [observer._handler, *observer.handlers]
            for handler in handlers:
                for flt in handler.filters or ():
                    if flt.awaitable:
                        continue
                    if flt.magic is not None or isinstance(flt.callback, State):
                        flt.callback = _as_coroutine(flt.callback)
                        flt.awaitable = True
                        changed += 1
    return changed


def direct_filter_checks(root: Router) -> int:
    """Check each handler's filters as aiogram does, without building their arguments anew.

    aiogram tries handler after handler until one's filters pass (some 50 per update here), and
    calls every filter with a fresh copy of the update's data (~25 entries) and a partial
    holding the entries that filter takes. Magic (`F....`) and FSM-state filters take the event
    and at most `raw_state`: they are called with just that, and every other filter as aiogram
    calls it. Results are read as aiogram reads them (falsy stops; a dict adds to the data).
    Returns how many handlers were changed; running it twice changes nothing.
    """
    changed = 0
    for router in root.chain_tail:
        for observer in router.observers.values():
            for handler in (observer._handler, *observer.handlers):
                if not handler.filters or "check" in vars(handler):
                    continue
                runs = [_direct_filter(f) for f in handler.filters]
                handler.check = _direct_check(runs)  # type: ignore[method-assign,assignment]
                changed += 1
    return changed


SEPARATOR = ":"  # CallbackData's own, the one every button here uses
ANY_STATE = None  # what states_wanted says of a handler that does not look at the state


def states_wanted(handler: HandlerObject) -> frozenset[str | None] | None:
    """The conversation steps (raw FSM states, None for none) in which this handler's state
    filters can pass, or ANY_STATE when it has none (or one that takes any step, '*').
    Several state filters on one handler must all pass: the steps they share."""
    wanted: frozenset[str | None] | None = ANY_STATE
    for flt in handler.filters or ():
        callback = getattr(flt.callback, "__wrapped_state__", flt.callback)  # _as_coroutine's
        if isinstance(callback, StateFilter):
            allowed = _steps(callback.states)
        elif isinstance(callback, State):
            allowed = _steps((callback,))
        else:
            continue
        if allowed is not ANY_STATE:
            wanted = allowed if wanted is ANY_STATE else wanted & allowed
    return wanted


def _steps(states: Any) -> frozenset[str | None] | None:
    """The raw states a StateFilter's states accept, as aiogram's StateFilter reads them;
    ANY_STATE for '*' or a kind it does not know (left for the filter itself to decide)."""
    out: set[str | None] = set()
    for state in states:
        if state is None or isinstance(state, str):
            if state == "*":
                return ANY_STATE
            out.add(state)
        elif isinstance(state, State):
            if state.state == "*":
                return ANY_STATE
            out.add(state.state)
        elif isinstance(state, StatesGroup):
            out.update(type(state).__all_states_names__)
        elif isclass(state) and issubclass(state, StatesGroup):
            out.update(state.__all_states_names__)
        else:
            return ANY_STATE
    return frozenset(out)


def state_indexed_triggers(root: Router) -> int:
    """Try, for an update, only the handlers that can pass in its conversation step and with
    its words (aiogram tries every handler of every router in turn, some 70 for a message in the
    filing form, each check a fresh copy of the update's ~25 data entries). A handler is left
    out when its state filters refuse the step, when it takes only some fixed texts
    (`F.text.in_(...)`, `F.text == ...`: the menu's and the flows' buttons) and the message is
    none of them, or when it is a command's (aiogram's Command) and the text holds none of the
    commands' prefixes. Each observer gets one view per kind of update seen (update_kind: the
    step, the button text or none, command-like or not): a copy of it whose handlers are those
    wanted, same order, same middlewares, and aiogram's own trigger runs on the view: the
    handler that answers is the one aiogram would have picked, since a handler left out would
    have failed a filter. A handler registered later is seen (the views are made again).
    Returns how many observers were changed; running it twice changes nothing."""
    changed = 0
    for router in root.chain_tail:
        for observer in router.observers.values():
            if not isinstance(observer, TelegramEventObserver) or "trigger" in vars(observer):
                continue
            if all(handler_wants(h) == ANYTHING for h in observer.handlers):
                continue
            observer.trigger = _trigger_by_kind(observer)  # type: ignore[method-assign,assignment]
            changed += 1
    return changed


@dataclass(frozen=True)
class Wants:
    """What a handler's filters need of an update before any of them can pass."""

    steps: frozenset[str | None] | None = ANY_STATE  # states_wanted
    texts: frozenset[str] | None = None  # the message's text is one of these (None: any)
    command: str = ""  # its text or caption holds one of these prefixes (a Command filter)
    # a button's data of this CallbackData prefix ('oc:...'), and its first field one of these
    button: str | None = None
    actions: frozenset[str] | None = None

    def admits(self, kind: UpdateKind) -> bool:
        """Whether the handler may pass an update of this kind (its filters decide)."""
        step, text, command_like, button, action = kind
        if self.steps is not ANY_STATE and step not in self.steps:
            return False
        if self.texts is not None and text not in self.texts:
            return False
        if self.button is not None and button != self.button:
            return False
        if self.actions is not None and action not in self.actions:
            return False
        return not self.command or command_like


ANYTHING = Wants()
# (raw FSM state, the message's text when some handler takes just that text else None,
# whether its text or caption holds a command prefix, a button's CallbackData prefix and first
# field when some handler looks for them else None)
UpdateKind = tuple[str | None, str | None, bool, str | None, str | None]


def handler_wants(handler: HandlerObject) -> Wants:
    """What the handler's filters need of an update: its steps, and the fixed texts or command
    prefix it takes, read from the filters aiogram will run (magic `F.text.in_(a set)` and
    `F.text == 'words'`, aiogram's Command); filters of other shapes are left to run."""
    texts: frozenset[str] | None = None
    command = ""
    button: str | None = None
    actions: frozenset[str] | None = None
    for flt in handler.filters or ():
        fixed = _fixed_texts(flt)
        if fixed is not None:
            texts = fixed if texts is None else texts & fixed
        if isinstance(flt.callback, Command) and not command:
            command = "".join(sorted(set(flt.callback.prefix)))
        if isinstance(flt.callback, CallbackQueryFilter) and button is None:
            button, actions = _button_wanted(flt.callback)
    return Wants(
        steps=states_wanted(handler), texts=texts, command=command, button=button, actions=actions
    )


def _button_wanted(flt: CallbackQueryFilter) -> tuple[str | None, frozenset[str] | None]:
    """The CallbackData prefix a button filter takes ('oc'), and the values of the data's first
    field its rule takes (`OrderCb.filter(F.action == 'fsubmit')`, `F.action.in_(...)`) when
    that field is plain text; None where it cannot be read so."""
    data = flt.callback_data
    if data.__separator__ != SEPARATOR:
        return None, None
    fields = list(data.model_fields.items())
    actions = None
    if fields and fields[0][1].annotation is str and flt.rule is not None:
        values = _fixed_values(flt.rule, fields[0][0])
        if values is not None and "" not in values:
            actions = values
    return data.__prefix__, actions


def _fixed_texts(flt: FilterObject) -> frozenset[str] | None:
    """The texts a magic filter `F.text.in_(texts)` or `F.text == text` takes, else None."""
    if flt.magic is None or flt.params != {"value"}:
        return None
    return _fixed_values(flt.magic, "text")


def _fixed_values(magic: Any, name: str) -> frozenset[str] | None:
    """The strings a magic filter `F.<name>.in_(strings)` or `F.<name> == string` takes."""
    ops: tuple[Any, ...] = getattr(magic, "_operations", ())
    if len(ops) != 2 or not isinstance(ops[0], GetAttributeOperation) or ops[0].name != name:
        return None
    last = ops[1]
    if (
        type(last) is FunctionOperation
        and last.function is in_op
        and not last.kwargs
        and len(last.args) == 1
        and isinstance(last.args[0], (set, frozenset, tuple, list))
        and all(type(x) is str for x in last.args[0])
    ):
        return frozenset(last.args[0])
    if type(last) is ComparatorOperation and last.comparator is operator.eq:
        return frozenset((last.right,)) if type(last.right) is str else None
    return None


class _Kinds:
    """Reads an update's kind (UpdateKind) for the handlers under one observer or router:
    the texts and prefixes they look for, taken from the handlers as they are now."""

    def __init__(self, wants: list[Wants]) -> None:
        self.texts: frozenset[str] = frozenset().union(*(w.texts or () for w in wants))
        self.prefixes = "".join(sorted({c for w in wants for c in w.command}))
        self.buttons = frozenset(w.button for w in wants if w.button is not None)
        self.actions: frozenset[str] = frozenset().union(*(w.actions or () for w in wants))

    def of(self, event: TelegramObject, step: str | None) -> UpdateKind:
        text = getattr(event, "text", None)
        said = text or getattr(event, "caption", None)
        command_like = isinstance(said, str) and any(c in said for c in self.prefixes)
        button = action = None
        if isinstance(event, CallbackQuery) and event.data and self.buttons:
            head, _, rest = event.data.partition(SEPARATOR)
            if head in self.buttons:
                button = head
                first = rest.partition(SEPARATOR)[0]
                action = first if first in self.actions else None
        return step, (text if text in self.texts else None), command_like, button, action


def _trigger_by_kind(observer: TelegramEventObserver) -> Callable[..., Awaitable[Any]]:
    views: dict[UpdateKind, TelegramEventObserver] = {}
    made: list[Any] = [-1, None]  # how many handlers the views were made from, their _Kinds

    def view(event: TelegramObject, step: str | None) -> TelegramEventObserver:
        handlers = observer.handlers
        if made[0] != len(handlers):
            views.clear()
            made[0] = len(handlers)
            made[1] = _Kinds([handler_wants(h) for h in handlers])
        kind = made[1].of(event, step)
        found = views.get(kind)
        if found is None:
            found = copy.copy(observer)
            vars(found).pop("trigger", None)  # the view runs aiogram's own trigger
            found.handlers = [h for h in handlers if handler_wants(h).admits(kind)]
            views[kind] = found
        return found

    async def trigger(event: TelegramObject, **kwargs: Any) -> Any:
        step = kwargs.get("raw_state")
        if step is not None and not isinstance(step, str):  # not a raw state: as aiogram
            return await TelegramEventObserver.trigger(observer, event, **kwargs)
        return await view(event, step).trigger(event, **kwargs)

    return trigger


def skip_idle_routers(root: Router) -> int:
    """A router none of whose handlers (nor its sub-routers') can take an update of this kind
    (Wants.admits: its step, its words) is passed over in one check, as aiogram would have
    found after trying its root filters and each handler: it answers nothing. A router is
    always tried when it or a router under it has outer middlewares for the update's type
    (they run even when no handler answers). Router filters are not needed to pass it over:
    they only narrow what its handlers take. Handlers and routers added later are seen (the
    layout under the router is compared). Returns how many routers were changed; running it
    twice changes nothing."""
    changed = 0
    for router in root.chain_tail:
        if router is root or "propagate_event" in vars(router):
            continue
        router.propagate_event = _gated(router)  # type: ignore[method-assign,assignment]
        changed += 1
    return changed


def _gated(router: Router) -> Callable[..., Awaitable[Any]]:
    """The router's propagate_event, passing over the update when nothing under it takes it."""
    below: list[Router] = []  # the router and every router under it, as last seen
    made: dict[str, tuple[list[Any], _Kinds, dict[UpdateKind, bool]]] = {}

    def layout(update_type: str) -> list[Any]:
        return [
            (
                r,
                len(r.sub_routers),
                o,
                len(o.handlers) if o else 0,
                len(o.outer_middleware) if o else 0,
            )
            for r in below
            for o in (r.observers.get(update_type),)
        ]

    def worth_trying(update_type: str, event: TelegramObject, step: str | None) -> bool:
        seen = made.get(update_type)
        now = layout(update_type)
        if seen is None or seen[0] != now:
            below[:] = router.chain_tail  # a router included under it since
            now = layout(update_type)
            wants = [
                handler_wants(h)
                for _, _, o, _, _ in now
                if isinstance(o, TelegramEventObserver)
                for h in o.handlers
            ]
            seen = made[update_type] = (now, _Kinds(wants), {})
        kinds, answers = seen[1], seen[2]
        kind = kinds.of(event, step)
        answer = answers.get(kind)
        if answer is None:
            observers = [o for _, _, o, _, _ in now if isinstance(o, TelegramEventObserver)]
            answer = any(len(o.outer_middleware) for o in observers) or any(
                handler_wants(h).admits(kind) for o in observers for h in o.handlers
            )
            answers[kind] = answer
        return answer

    async def propagate_event(update_type: str, event: TelegramObject, **kwargs: Any) -> Any:
        step = kwargs.get("raw_state")
        if (step is None or isinstance(step, str)) and not worth_trying(update_type, event, step):
            return UNHANDLED
        return await Router.propagate_event(router, update_type, event, **kwargs)

    return propagate_event


FilterRun = Callable[[tuple[Any, ...], dict[str, Any]], Awaitable[Any]]


def _direct_check(runs: list[FilterRun]) -> Callable[..., Awaitable[tuple[bool, dict[str, Any]]]]:
    async def check(*args: Any, **kwargs: Any) -> tuple[bool, dict[str, Any]]:
        for run in runs:  # as HandlerObject.check
            result = await run(args, kwargs)
            if not result:
                return False, kwargs
            if isinstance(result, dict):
                kwargs.update(result)
        return True, kwargs

    return check


def _direct_filter(flt: FilterObject) -> FilterRun:
    """How to run one filter: directly for the magic and FSM-state kinds, else as aiogram."""

    async def as_aiogram(args: tuple[Any, ...], data: dict[str, Any]) -> Any:
        return await flt.call(*args, **data)

    if flt.magic is not None and flt.params == {"value"}:
        resolve = flt.magic.resolve

        async def magic(args: tuple[Any, ...], data: dict[str, Any]) -> Any:
            if "value" in data:
                return await as_aiogram(args, data)
            return resolve(*args)

        return magic
    state: Callable[..., Any] | None = None
    if isinstance(flt.callback, (StateFilter, State)):
        state = flt.callback
    elif isinstance(getattr(flt.callback, "__wrapped_state__", None), State):
        state = flt.callback.__wrapped_state__  # type: ignore[attr-defined]  # _as_coroutine's
    if state is not None and len(flt.params) == 2 and "raw_state" in flt.params:
        first = next(p for p in flt.params if p != "raw_state")  # the event's parameter
        check_state = state

        async def in_state(args: tuple[Any, ...], data: dict[str, Any]) -> Any:
            if first in data:
                return await as_aiogram(args, data)
            result = check_state(*args, raw_state=data.get("raw_state"))
            return await result if isawaitable(result) else result

        return in_state
    return as_aiogram


async def on_error(
    event: ErrorEvent,
    t: Text | None = None,
    translator: Translator | None = None,
    settings: Settings | None = None,
    clock: Callable[[], datetime] | None = None,
) -> bool:
    """Domain errors become their polite text; anything else is logged and apologised for."""
    exc = event.exception
    update = event.update
    if t is None and translator is not None:
        # failed before the user's language was known (e.g. Redis away while the FSM state
        # was read): apologise in the deployment's language rather than in English
        t = translator.bind(translator.default)
    if isinstance(exc, TelegramBadRequest) and "message is not modified" in str(exc):
        # A repeated tap re-rendered the same text: nothing to change, nothing to apologise for.
        log.info("update %s: message not modified", update.update_id)
        return True
    if isinstance(exc, DomainError):
        if isinstance(exc, PermissionDenied):
            log.warning("refused: %s in update %s", exc.key, update.update_id)
        if t is None:
            text = exc.key
        else:
            zone = settings.zone if settings is not None else UTC
            text = t(exc.key, **error_args(exc, t, zone=zone, now=(clock or utcnow)()))
    else:
        log.exception("update %s failed", update.update_id, exc_info=exc)
        text = t("err-generic") if t else "Sorry, something went wrong."
    try:
        query = update.callback_query
        if query is not None and isinstance(query.message, Message):
            way_on = _way_on(exc, query.message, t)
            if way_on is not None:  # the refusal with its button in the chat, not an alert
                if not was_answered(query.id):  # the handler may have answered the tap
                    with suppress(TelegramBadRequest):  # too old by now
                        await query.answer()
                await query.message.answer(text, reply_markup=way_on)
                return True
        if query is not None:
            await _answer_tap(query, text)
            if (
                isinstance(exc, MovedAway)
                and isinstance(query.message, Message)
                and is_card_of(query.message, exc.request_id)
            ):
                # the card of a matter moved to another grid: no button on it works for them,
                # and what it says of the place is no longer so
                await _redraw_moved_away(query.message, exc, t)
        elif update.message is not None:
            zone = settings.zone if settings is not None else UTC
            await update.message.answer(text, reply_markup=_way_on(exc, update.message, t, zone))
    except Exception:  # the apology itself failed (user blocked the bot, network): log only
        log.exception("could not tell the user about an error")
    return True


def error_args(exc: DomainError, t: Text, *, zone: tzinfo, now: datetime) -> dict[str, Any]:
    """A domain error's placeables as the handlers write them (handlers.consult_kit.tx): a
    time (LocalTime, or a datetime, UTC when naive) in the reader's words in the bot's `zone`
    ("12月6日（周日）19:00", not "12-06 19:00" or a UTC date), a list as their language lists
    things."""
    args: dict[str, Any] = {}
    for name, value in exc.args_.items():
        if isinstance(value, LocalTime):
            value = LocalTime(value.at, zone=zone, now=now)
        elif isinstance(value, datetime):
            when = value if value.tzinfo is not None else value.replace(tzinfo=UTC)
            value = LocalTime(when, zone=zone, now=now)
        args[name] = value
    return localize(t, args)


async def _redraw_moved_away(message: Message, exc: MovedAway, t: Text | None) -> None:
    """A staff card of a matter moved to another grid, tapped: it reads where the matter is
    now and who has it (as the cards the move found are redrawn), without its buttons (its
    caption, for a card with a photo). One the edit refuses only loses its buttons."""
    said = t("order-card-moved-away", **exc.args_) if t is not None else None
    if said is not None and (message.text is not None or message.caption is not None):
        with suppress(TelegramBadRequest):
            if message.text is not None:
                await message.edit_text(said, reply_markup=None)
            else:
                await message.edit_caption(caption=said, reply_markup=None)
            return
    with suppress(TelegramBadRequest):
        await message.edit_reply_markup(reply_markup=None)


def _way_on(
    exc: BaseException, message: Message, t: Text | None, zone: tzinfo = UTC
) -> InlineKeyboardMarkup | ReplyKeyboardMarkup | None:
    """A button that gets the person past the refusal, where there is one: 🏠 现在登记 under
    "register your address first" in the private chat (`message`: the person's, or the one
    whose button they tapped); today's date and tomorrow's under "which day is 明天?" (a time
    typed in the small hours)."""
    if t is not None and isinstance(exc, WhichDay):
        return which_day_keyboard(t, exc, zone=zone)
    if (
        t is not None
        and isinstance(exc, PermissionDenied)
        and exc.key in ("err-need-register", "poll-err-need-register")
        and message.chat.type == "private"
    ):
        return register_now_kb(t)
    return None


async def _answer_tap(query: CallbackQuery, text: str) -> None:
    """An alert on the tap; if the handler had answered the tap already (Telegram refuses a
    second answer: it is not tried), the text goes to the chat instead, so the user is told
    either way."""
    if query.message is not None and was_answered(query.id):
        await query.bot.send_message(chat_id=query.message.chat.id, text=text)  # type: ignore[union-attr]
        return
    try:
        await query.answer(text[:200], show_alert=True)
    except TelegramBadRequest:
        if query.message is None:
            raise
        await query.bot.send_message(chat_id=query.message.chat.id, text=text)  # type: ignore[union-attr]
