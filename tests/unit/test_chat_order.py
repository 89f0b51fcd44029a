"""One chat's updates are handled one at a time, in order; other chats are not held up."""

from __future__ import annotations

import asyncio
from types import SimpleNamespace
from typing import Any

import pytest

from bot.middlewares import ChatOrderMiddleware


async def _settle() -> None:
    for _ in range(20):
        await asyncio.sleep(0)


async def test_a_chat_waits_for_its_previous_update_and_others_do_not() -> None:
    order = ChatOrderMiddleware()
    log: list[str] = []
    release = {name: asyncio.Event() for name in ("a1", "a2", "b1")}

    async def handler(event: Any, data: dict[str, Any]) -> str:
        log.append(f"start {event}")
        await release[event].wait()
        log.append(f"end {event}")
        return str(event)

    def run(name: str, chat: int) -> asyncio.Task[Any]:
        return asyncio.create_task(order(handler, name, {"event_chat": SimpleNamespace(id=chat)}))

    a1, a2, b1 = run("a1", 1), run("a2", 1), run("b1", 2)
    await _settle()
    # a2 waits for a1 (same chat); b1 (another chat) runs beside a1
    assert log == ["start a1", "start b1"]
    release["a2"].set()  # a2 being ready changes nothing while a1 is not done
    await _settle()
    assert "start a2" not in log
    release["a1"].set()
    assert await a1 == "a1" and await a2 == "a2"
    assert log.index("end a1") < log.index("start a2")
    release["b1"].set()
    assert await b1 == "b1"
    assert order.chats_in_use() == 0  # no lock is kept once a chat is idle


async def test_an_update_without_a_chat_is_not_held_and_a_failure_frees_the_chat() -> None:
    order = ChatOrderMiddleware()

    async def fails(event: Any, data: dict[str, Any]) -> None:
        raise RuntimeError("boom")

    async def ok(event: Any, data: dict[str, Any]) -> str:
        return "ok"

    assert await order(ok, "inline", {}) == "ok"
    chat = {"event_chat": SimpleNamespace(id=7)}
    with pytest.raises(RuntimeError):
        await order(fails, "x", chat)
    assert await order(ok, "y", chat) == "ok"
    assert order.chats_in_use() == 0


class _State:
    """A stand-in for aiogram's FSMContext: only the current state."""

    def __init__(self) -> None:
        self.value: str | None = "Filing:confirm"

    async def get_state(self) -> str | None:
        return self.value


async def test_an_update_that_waited_sees_the_state_the_previous_one_left() -> None:
    # aiogram reads raw_state before outer middlewares: a double tap on 确认提交 read
    # 'Filing:confirm' for both taps, so the second matched the submit handler's state filter
    # although the first had already left the flow.
    order = ChatOrderMiddleware()
    state = _State()
    seen: list[str | None] = []
    first_running = asyncio.Event()
    release = asyncio.Event()

    async def handler(event: Any, data: dict[str, Any]) -> None:
        seen.append(data["raw_state"])
        if event == "tap1":
            first_running.set()
            await release.wait()
            state.value = None  # filed: the flow is over

    def tap(name: str) -> asyncio.Task[Any]:
        data = {"event_chat": SimpleNamespace(id=1), "state": state, "raw_state": state.value}
        return asyncio.create_task(order(handler, name, data))

    first = tap("tap1")
    await first_running.wait()
    second = tap("tap2")  # arrives (and has its raw_state read) while the first is handled
    await _settle()
    release.set()
    await asyncio.gather(first, second)
    assert seen == ["Filing:confirm", None]
