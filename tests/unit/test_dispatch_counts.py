"""How much of the dispatcher an update goes through before its handler answers (not timed:
counted). aiogram alone tries every router in turn and every handler in it; with the bot's
shortcuts (bot.dispatcher.state_indexed_triggers, skip_idle_routers) a description typed in
the filing form, and the 确认提交 tap, reach their handler past a handful of checks. The old
layout took a description past 16 routers and 41 handler checks, the tap past 68 checks."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime
from typing import Any

import pytest
from aiogram import Bot, Router
from aiogram.dispatcher.event.handler import HandlerObject
from aiogram.fsm.context import FSMContext
from aiogram.fsm.storage.base import StorageKey
from aiogram.types import CallbackQuery, Chat, Message
from aiogram.types import User as TgUser

from bot.dispatcher import build_dispatcher
from bot.i18n import Translator
from bot.settings import load_settings
from models import Role, User
from models.db import create_engine, make_sessionmaker

WHEN = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)
PERSON = TgUser(id=42, is_bot=False, first_name="周")
CHAT = Chat(id=42, type="private")


async def _route(event_type: str, event: Any, raw_state: str | None) -> tuple[list[str], Counter]:
    """The handlers that answered, and how many routers and handler checks it took."""
    counted: Counter[str] = Counter()
    answered: list[str] = []
    engine = create_engine("sqlite+aiosqlite://")
    translator = Translator(default="zh-Hans")
    sessionmaker = make_sessionmaker(engine)
    dp = build_dispatcher(
        settings=load_settings(bot_token="42:TEST", throttle_rate=1e6, throttle_burst=10**6),
        sessionmaker=sessionmaker,
        translator=translator,
    )
    for router in dp.chain_tail:
        for observer in router.observers.values():
            for handler in observer.handlers:
                handler.check = _counting(handler.check, counted)  # type: ignore[method-assign]
    bot = Bot("42:TEST")
    user = User(id=42, first_name="周")
    user.set_roles({Role.RESIDENT})
    key = StorageKey(bot_id=42, chat_id=42, user_id=42)
    await dp.storage.set_state(key, raw_state)
    original = Router._propagate_event

    async def entered(self: Router, *args: Any, **kwargs: Any) -> Any:
        counted["routers"] += 1
        return await original(self, *args, **kwargs)

    async def answer(self: HandlerObject, *args: Any, **kwargs: Any) -> bool:
        answered.append(self.callback.__name__)
        return True

    try:
        async with sessionmaker() as session:
            with pytest.MonkeyPatch.context() as mp:
                mp.setattr(Router, "_propagate_event", entered)
                mp.setattr(HandlerObject, "call", answer)
                await dp.propagate_event(
                    event_type,
                    event.as_(bot),
                    **dp.workflow_data,
                    dispatcher=dp,
                    bot=bot,
                    event_from_user=PERSON,
                    event_chat=CHAT,
                    state=FSMContext(storage=dp.storage, key=key),
                    raw_state=raw_state,
                    session=session,
                    user=user,
                    roles=frozenset({Role.RESIDENT}),
                    lang="zh-Hans",
                    t=translator.bind("zh-Hans"),
                )
    finally:
        await bot.session.close()
        await engine.dispose()
    return answered, counted


def _counting(check: Any, counted: Counter[str]) -> Any:
    async def counted_check(*args: Any, **kwargs: Any) -> Any:
        counted["checks"] += 1
        return await check(*args, **kwargs)

    return counted_check


def _message(text: str) -> Message:
    return Message(message_id=7, date=WHEN, chat=CHAT, from_user=PERSON, text=text)


async def test_a_description_in_the_filing_form_takes_a_few_checks() -> None:
    answered, counted = await _route(
        "message", _message("楼上漏水，天花板都湿了，麻烦看看"), "Filing:compose"
    )
    assert answered == ["on_compose_text"]
    assert counted["routers"] <= 6, counted  # 16 before
    assert counted["checks"] <= 12, counted  # 41 before


async def test_the_confirm_tap_takes_a_few_checks() -> None:
    card = _message("分类：公共设施")
    tap = CallbackQuery(
        id="1", from_user=PERSON, chat_instance="x", data="oc:fsubmit:0:0", message=card
    )
    answered, counted = await _route("callback_query", tap, "Filing:confirm")
    assert answered == ["on_submit"]
    assert counted["routers"] <= 6, counted  # 16 before
    assert counted["checks"] <= 12, counted  # 68 before


async def test_a_menu_button_in_the_form_still_reaches_the_menu() -> None:
    """Words of a button taken by a handler further on (not the form's) are not passed over."""
    answered, _ = await _route("message", _message("📝 我要点单"), None)
    assert answered == ["cmd_new_request"]
    answered, _ = await _route("message", _message("/help"), "Filing:compose")
    assert answered == ["cmd_help"]
