"""The dispatcher checks its handlers' filters without aiogram's per-filter argument building
(bot.dispatcher.direct_filter_checks): every handler of the real dispatcher must pass or fail
each update, in each conversation step, exactly as aiogram's own HandlerObject.check says, with
the same data added."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest
from aiogram import Bot
from aiogram.dispatcher.event.handler import FilterObject, HandlerObject
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import CallbackQuery, Chat, Message, User

from bot.dispatcher import (
    ANY_STATE,
    ANYTHING,
    Wants,
    _Kinds,
    build_dispatcher,
    direct_filter_checks,
    handler_wants,
    skip_idle_routers,
    state_indexed_triggers,
    states_wanted,
)
from bot.i18n import Translator
from bot.settings import load_settings
from handlers.menu import all_menu_labels
from models import Role
from models.db import create_engine, make_sessionmaker

WHEN = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)
PERSON = User(id=42, is_bot=False, first_name="周")
CHAT = Chat(id=42, type="private")
GROUP = Chat(id=-100, type="supergroup", title="楼栋群")


def _message(text: str | None, chat: Chat = CHAT, **kw: Any) -> Message:
    return Message(message_id=7, date=WHEN, chat=chat, from_user=PERSON, text=text, **kw)


def _tap(data: str) -> CallbackQuery:
    return CallbackQuery(
        id="1", from_user=PERSON, chat_instance="x", data=data, message=_message("卡片")
    )


def _states() -> list[str | None]:
    """Every conversation step the handlers name, and none."""
    found: set[str | None] = {None}

    def walk(group: type[StatesGroup]) -> None:
        for state in group.__all_states__:
            found.add(state.state)

    import handlers

    for module in vars(handlers).values():
        for value in vars(module).values() if hasattr(module, "__dict__") else ():
            if isinstance(value, type) and issubclass(value, StatesGroup):
                walk(value)
            elif isinstance(value, State):
                found.add(value.state)
    return sorted(found, key=lambda s: s or "")


@pytest.fixture
async def dispatcher_handlers() -> Any:
    engine = create_engine("sqlite+aiosqlite://")
    try:
        dp = build_dispatcher(
            settings=load_settings(),
            sessionmaker=make_sessionmaker(engine),
            translator=Translator(default="zh-Hans"),
        )
        assert direct_filter_checks(dp) == 0  # already done, and done once
        assert state_indexed_triggers(dp) == 0
        assert skip_idle_routers(dp) == 0
        yield [
            handler
            for router in dp.chain_tail
            for observer in router.observers.values()
            for handler in (observer._handler, *observer.handlers)
        ]
    finally:
        await engine.dispose()


async def test_direct_checks_agree_with_aiogram(dispatcher_handlers: list[HandlerObject]) -> None:
    bot = Bot("42:TEST")
    texts = ["📝 我要点单", "✅ 说完了", "楼道灯坏了", "/start", "/cancel", "取消"]
    texts += sorted(all_menu_labels())[:4]
    events: list[Any] = [_message(t) for t in texts]
    events += [_message(None), _message("大家好", chat=GROUP), _message("/start abc")]
    events += [_tap(d) for d in ("req:ok:0:0", "ord:cl:5:0", "x")]
    states = _states()
    assert len(states) > 20
    compared = 0
    for event in events:
        for raw_state in states:
            for roles in (frozenset({Role.RESIDENT}), frozenset({Role.STAFF, Role.ADMIN})):
                data = {
                    "bot": bot,
                    "raw_state": raw_state,
                    "roles": roles,
                    "event_from_user": PERSON,
                    "event_chat": getattr(event, "chat", None) or CHAT,
                }
                for handler in dispatcher_handlers:
                    if not handler.filters:
                        continue
                    theirs = await _outcome(HandlerObject.check(handler, event, **data))
                    ours = await _outcome(handler.check(event, **data))
                    assert ours == theirs, (handler.callback, event, raw_state)
                    compared += 1
    assert compared > 100_000
    await bot.session.close()


async def test_handlers_not_tried_in_a_step_are_those_aiogram_refuses_in_it(
    dispatcher_handlers: list[HandlerObject],
) -> None:
    """state_indexed_triggers (and skip_idle_routers) try, for an update, only the handlers
    handler_wants admits for its kind (its step, its button text, command-like or not, its
    button's data): every handler left out must be one aiogram's own check refuses, whatever
    the update; and many must be left out (else it saves nothing)."""
    bot = Bot("42:TEST")
    texts = ["📝 我要点单", "✅ 说完了", "楼道灯坏了", "/start", "/help", "说 /start", "取消"]
    texts += sorted(all_menu_labels())
    events: list[Any] = [_message(t) for t in texts]
    events += [_message(None), _message(None, caption="/start"), _message("大家好", chat=GROUP)]
    taps = ["oc:fsubmit:0:0", "oc:fsubmit", "oc", "oc::1:2", "oc:rview:5:0", "oc:zzz:1:1"]
    taps += ["req:ok:0:0", "ord:cl:5:0", "x", "oc:fsubmit:0:0:9"]
    events += [_tap(d) for d in taps]
    kinds = _Kinds([handler_wants(h) for h in dispatcher_handlers])
    left_out = 0
    for raw_state in [None, "Filing:compose", "Filing:confirm", "Nowhere:step"]:
        for event in events:
            kind = kinds.of(event, raw_state)
            for handler in dispatcher_handlers:
                if handler_wants(handler).admits(kind):
                    continue
                left_out += 1
                data = {
                    "bot": bot,
                    "raw_state": raw_state,
                    "roles": frozenset({Role.STAFF, Role.ADMIN}),
                    "event_from_user": PERSON,
                    "event_chat": CHAT,
                }
                passed, _ = await _outcome(HandlerObject.check(handler, event, **data))
                assert passed is False, (handler.callback, event, raw_state)
    assert left_out > 10_000
    for raw_state in _states():  # every step: what the step alone leaves out
        for handler in dispatcher_handlers:
            wanted = states_wanted(handler)
            if wanted is ANY_STATE or raw_state in wanted:
                continue
            data = {"bot": bot, "raw_state": raw_state, "event_from_user": PERSON}
            event = _message("📝 我要点单")
            passed, _ = await _outcome(HandlerObject.check(handler, event, **data))
            assert passed is False, (handler.callback, raw_state)
    await bot.session.close()


def test_what_handlers_want_is_read_from_their_filters() -> None:
    """The shapes handler_wants reads; anything else is left for the filters to decide."""
    from aiogram import F
    from aiogram.filters import Command

    from handlers.order_ui import OrderCb

    def wants(*filters: Any) -> Wants:
        return handler_wants(
            HandlerObject(callback=lambda: None, filters=[FilterObject(f) for f in filters])
        )

    assert wants(F.text.in_({"a", "b"})).texts == {"a", "b"}
    assert wants(F.text == "a").texts == {"a"}
    assert wants(~F.text.in_({"a"})) == ANYTHING
    assert wants(F.text.startswith("a")) == ANYTHING
    assert wants(F.caption.in_({"a"})) == ANYTHING
    assert wants(Command("help")).command == "/"
    tap = wants(OrderCb.filter(F.action == "fsubmit"))
    assert (tap.button, tap.actions) == ("oc", {"fsubmit"})
    tap = wants(OrderCb.filter(F.ref == 5))
    assert (tap.button, tap.actions) == ("oc", None)
    tap = wants(OrderCb.filter(F.action.in_({"a", "b"})))
    assert tap.actions == {"a", "b"}


async def _outcome(check: Any) -> Any:
    try:
        passed, data = await check
    except Exception as exc:  # a filter that fails fails the same way
        return type(exc), str(exc)
    return passed, sorted(data.items(), key=lambda kv: kv[0]) if passed else None


def test_a_later_aiogram_that_lays_handlers_out_otherwise_still_starts(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """The shortcuts reach into aiogram's handler objects; if those differ, the bot runs its
    filters as aiogram does and says so, rather than not starting."""
    import logging

    from aiogram import Dispatcher

    import bot.dispatcher as wiring

    def laid_out_otherwise(root: Any) -> int:
        raise AttributeError("'TelegramEventObserver' object has no attribute '_handler'")

    monkeypatch.setattr(wiring, "direct_filter_checks", laid_out_otherwise)
    with caplog.at_level(logging.WARNING, logger="bot.dispatcher"):
        wiring._speed_up_filters(Dispatcher())
    assert "filter shortcuts left out" in caplog.text
