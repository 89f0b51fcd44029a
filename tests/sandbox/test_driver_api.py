"""The driver API: users, groups, send, click, vote, block, messages, wait, calls, faults."""

from __future__ import annotations

import asyncio
import base64

import aiohttp
import pytest

from sandbox.driver import Driver, DriverCallError
from sandbox.emulator import SANDBOX_TOKEN, Emulator
from tests.sandbox.conftest import BotApi


async def test_users_and_groups(driver: Driver) -> None:
    created = await driver.add_user(id=2001, first_name="Zhao", username="zhao", role="member")
    assert created["id"] == 2001 and created["blocked"] is False
    again = await driver.add_user(id=2001, first_name="Zhao Lei")  # idempotent: updates
    assert again["first_name"] == "Zhao Lei" and again["role"] == "member"
    users = {u["id"]: u for u in await driver.users()}
    assert users[1001]["role"] == "resident" and users[2001]["first_name"] == "Zhao Lei"
    group = await driver.add_group(id=-100777, title="社区频道", type="channel")
    assert group == {
        "id": -100777,
        "title": "社区频道",
        "type": "channel",
        "username": None,
        "members": [],
        "bot_status": "member",  # the bot in it (added to the answer with my_chat_member)
    }
    assert {g["id"] for g in await driver.groups()} == {-100500, -100777}


async def test_bad_driver_calls_get_400(driver: Driver, emulator: Emulator) -> None:
    bad = [
        ("POST", "users", {"first_name": "x"}),
        ("POST", "users", {"id": "abc", "first_name": "x"}),
        ("POST", "groups", {"id": 5, "title": "t", "type": "group"}),
        ("POST", "groups", {"id": -5, "title": "t", "type": "forum"}),
        ("POST", "groups", {"id": -5, "title": "t", "type": "group", "bot_status": "owner"}),
        ("POST", "groups", {"id": -5, "title": "t", "type": "group", "bot_status": "kicked"}),
        ("POST", "send", {"from": 999999, "text": "x"}),
        ("POST", "send", {"from": 1001}),
        ("POST", "send", {"from": 1001, "photo": {"base64": "%%%"}}),
        ("POST", "send", {"from": 1001, "chat": -100500, "location": {"latitude": 99}}),
        ("POST", "click", {"from": 1001, "message_id": 77}),
        ("POST", "vote", {"from": 1001, "poll_id": "nope", "option_ids": [0]}),
        ("POST", "block", {"user": 31337}),
        ("GET", "chats/abc/messages", None),
        ("GET", "wait?chat=42", None),
        ("POST", "faults", {"method": "sendMessage", "error_code": 200}),
        ("GET", "no-such-call", None),
    ]
    async with aiohttp.ClientSession() as http:
        for method, path, body in bad:
            url = f"{emulator.base_url}/sandbox/api/{path}"
            async with http.request(method, url, json=body) as resp:
                data = await resp.json()
                assert resp.status == 400, (path, body, data)
                assert isinstance(data["error"], str) and data["error"]
        async with http.post(f"{emulator.base_url}/sandbox/api/send", data=b"[1,") as resp:
            assert resp.status == 400


async def test_send_kinds(driver: Driver, api: BotApi) -> None:
    await driver.send(1001, "/start ref42")
    await driver.send(1001, "看看这个", photo=b"\x89PNG fake")
    await driver.send(1001, contact="+8613800000000")
    await driver.send(1001, contact={"phone_number": "+8613900000000", "user_id": 1002})
    await driver.send(1001, location=(31.23, 121.47))
    await driver.send(1001, voice=b"OggS....", voice_duration=4)
    await driver.send(1002, "group hello", chat=-100500)
    updates = [u["message"] for u in await api.ok("getUpdates")]
    assert updates[0]["entities"] == [{"type": "bot_command", "offset": 0, "length": 6}]
    assert updates[1]["caption"] == "看看这个" and updates[1]["photo"][-1]["file_id"]
    assert updates[2]["contact"] == {
        "phone_number": "+8613800000000",
        "first_name": "Wang",
        "last_name": "Fang",
        "user_id": 1001,
    }
    assert updates[3]["contact"]["user_id"] == 1002
    assert updates[4]["location"] == {"latitude": 31.23, "longitude": 121.47}
    assert updates[5]["voice"]["duration"] == 4 and updates[5]["voice"]["mime_type"] == "audio/ogg"
    assert updates[6]["chat"] == {"id": -100500, "type": "supergroup", "title": "Grid 3"}
    with pytest.raises(DriverCallError):
        await driver.send(3003, "not a member", chat=-100500 + 1)


async def test_click_by_text_data_and_forged(driver: Driver, api: BotApi) -> None:
    kb = {
        "inline_keyboard": [
            [
                {"text": "✅ 同意 Agree", "callback_data": "vote:yes"},
                {"text": "❌ 反对", "callback_data": "vote:no"},
            ],
            [{"text": "Docs", "url": "https://example.org"}],
        ]
    }
    sent = await api.ok("sendMessage", chat_id=1001, text="Vote?", reply_markup=kb)
    mid = sent["message_id"]

    async def answer_next(text: str) -> dict:
        updates = await api.ok("getUpdates", timeout=5)
        cq = updates[-1]["callback_query"]
        await api.ok("getUpdates", offset=updates[-1]["update_id"] + 1)
        await api.ok("answerCallbackQuery", callback_query_id=cq["id"], text=text, show_alert=True)
        return cq

    bot = asyncio.ensure_future(answer_next("recorded"))
    clicked = await driver.click(1001, mid, text="同意")
    cq = await bot
    assert cq["data"] == "vote:yes" and cq["message"]["message_id"] == mid
    assert clicked["answer"] == {"text": "recorded", "show_alert": True, "url": None}
    bot = asyncio.ensure_future(answer_next("nope"))
    forged = await driver.click(1001, mid, data="admin:delete-all")
    assert (await bot)["data"] == "admin:delete-all" and forged["answer"]["text"] == "nope"
    with pytest.raises(DriverCallError, match="no callback_data"):
        await driver.click(1001, mid, text="Docs")
    with pytest.raises(DriverCallError, match="no button"):
        await driver.click(1001, mid, text="Maybe")
    unanswered = await driver.click(1001, mid, data="vote:no", timeout=0.1)
    assert unanswered["answer"] is None and unanswered["callback_query_id"]


async def test_vote_and_poll_updates(driver: Driver, api: BotApi) -> None:
    sent = await api.ok(
        "sendPoll",
        chat_id=-100500,
        question="Install a lift?",
        options=["Yes", "No"],
        is_anonymous=False,
    )
    poll_id = sent["poll"]["id"]
    voted = await driver.vote(1001, poll_id, [0])
    assert voted["poll"]["options"][0]["voter_count"] == 1
    await driver.vote(1002, poll_id, [1])
    updates = await api.ok("getUpdates")
    answers = [u["poll_answer"] for u in updates if "poll_answer" in u]
    assert [(a["user"]["id"], a["option_ids"]) for a in answers] == [(1001, [0]), (1002, [1])]
    assert updates[-1]["poll"]["total_voter_count"] == 2
    with pytest.raises(DriverCallError):
        await driver.vote(1001, poll_id, [0, 1])  # single choice
    stopped = await api.ok("stopPoll", chat_id=-100500, message_id=sent["message_id"])
    assert stopped["is_closed"] is True
    with pytest.raises(DriverCallError, match="closed"):
        await driver.vote(1001, poll_id, [1])


async def test_block_unblock(driver: Driver, api: BotApi, emulator: Emulator) -> None:
    await driver.block(1001)
    assert {u["id"]: u["blocked"] for u in await driver.users()}[1001] is True
    code, _ = await api.err("sendMessage", chat_id=1001, text="hi")
    assert code == 403
    member = (await api.ok("getChatMember", chat_id=1001, user_id=1001))["status"]
    assert member == "kicked"
    await driver.unblock(1001)
    await api.ok("sendMessage", chat_id=1001, text="welcome back")
    kinds = [u["my_chat_member"]["new_chat_member"]["status"] for u in await api.ok("getUpdates")]
    assert kinds == ["kicked", "member"]
    assert await driver.errors() == []


async def test_messages_and_wait_show_edits_and_deletes(driver: Driver, api: BotApi) -> None:
    first = await api.ok("sendMessage", chat_id=1001, text="draft")
    user = await driver.send(1001, "ok")
    waiter = asyncio.ensure_future(driver.wait(1001, since=user["message_id"], timeout=5))
    await asyncio.wait({waiter}, timeout=0.1)
    assert not waiter.done()
    await api.ok("editMessageText", chat_id=1001, message_id=first["message_id"], text="final")
    got = await asyncio.wait_for(waiter, 5)
    # the edited older message comes back, with its current text
    assert [(m["message_id"], m["text"], m["edited"]) for m in got] == [
        (first["message_id"], "final", True)
    ]
    await api.ok("deleteMessage", chat_id=1001, message_id=first["message_id"])
    msgs = await driver.messages(1001)
    assert msgs[0]["deleted"] is True and msgs[0]["from"]["is_bot"] is True
    assert msgs[1]["from"]["is_bot"] is False
    assert await driver.messages(1001, since=user["message_id"]) == []
    # nothing new: the wait ends at its timeout with no messages
    assert await driver.wait(1001, since=user["message_id"], timeout=0.05) == []


async def test_reply_keyboard_kept_for_driver_not_bot(driver: Driver, api: BotApi) -> None:
    markup = {
        "keyboard": [["📝 Request"], [{"text": "📱 Share phone", "request_contact": True}]],
        "resize_keyboard": True,
    }
    sent = await api.ok("sendMessage", chat_id=1001, text="Menu", reply_markup=markup)
    assert "reply_markup" not in sent  # as Telegram: only inline keyboards are in Message
    seen = (await driver.messages(1001))[-1]["reply_markup"]
    assert seen["keyboard"][0] == [{"text": "📝 Request"}]
    assert seen["keyboard"][1][0]["request_contact"] is True
    await api.ok("sendMessage", chat_id=1001, text="bye", reply_markup={"remove_keyboard": True})
    await api.ok("sendMessage", chat_id=1001, text="?", reply_markup={"force_reply": True})


async def test_calls_errors_and_faults(driver: Driver, api: BotApi) -> None:
    await driver.fault("sendMessage", 429, "Too Many Requests: retry after 3", count=2)
    await driver.fault("getChat", 500, "Internal Server Error")
    for _ in range(2):
        status, data = await api("sendMessage", chat_id=1001, text="x")
        assert status == 429 and data["parameters"] == {"retry_after": 3}
    assert (await api.ok("sendMessage", chat_id=1001, text="x"))["text"] == "x"
    status, data = await api("getChat", chat_id=1001)
    assert status == 500 and data["description"] == "Internal Server Error"
    assert (await api.ok("getChat", chat_id=1001))["first_name"] == "Wang"
    assert await driver.errors() == []  # injected faults are on purpose
    await api("sendMessage", chat_id=1001, text="<oops>", parse_mode="HTML")
    errors = await driver.errors()
    assert [(e["method"], e["error_code"]) for e in errors] == [("sendMessage", 400)]
    calls = await driver.calls(method="sendmessage")
    assert [c["ok"] for c in calls] == [False, False, True, False]
    assert calls[2]["answer"]["result"]["text"] == "x"
    assert len(await driver.calls(errors_only=True)) == 4


async def test_say_tap_expect(driver: Driver, emulator: Emulator) -> None:
    """The flow helpers, with a minimal raw-API bot answering in the background."""
    import aiohttp as _aiohttp

    from sandbox.emulator import SANDBOX_TOKEN

    async def tiny_bot() -> None:
        async with _aiohttp.ClientSession() as http:
            api = BotApi(emulator.base_url, http, SANDBOX_TOKEN)
            offset = 0
            while True:
                for upd in await api.ok("getUpdates", offset=offset, timeout=10):
                    offset = upd["update_id"] + 1
                    if "message" in upd:
                        chat = upd["message"]["chat"]["id"]
                        await api.ok("sendMessage", chat_id=chat, text="first")
                        kb = {"inline_keyboard": [[{"text": "Go ▶", "callback_data": "go"}]]}
                        await api.ok("sendMessage", chat_id=chat, text="second", reply_markup=kb)
                    else:
                        cq = upd["callback_query"]
                        await api.ok("answerCallbackQuery", callback_query_id=cq["id"], text="k")
                        await api.ok(
                            "editMessageText",
                            chat_id=cq["message"]["chat"]["id"],
                            message_id=cq["message"]["message_id"],
                            text="gone",
                        )

    task = asyncio.ensure_future(tiny_bot())
    try:
        replies = await driver.say(1001, "hi")
        assert [m["text"] for m in replies] == ["first", "second"]
        tapped = await driver.tap(1001, "Go")
        assert tapped["answer"]["text"] == "k"
        edited = await driver.expect(1001, "gone", since=replies[0]["message_id"])
        assert edited["edited"] is True
        with pytest.raises(AssertionError, match="never"):
            await driver.expect(1001, "never", since=0, timeout=0.2)
        with pytest.raises(AssertionError, match="no inline button"):
            await driver.tap(1001, "Missing")
    finally:
        task.cancel()
        await asyncio.gather(task, return_exceptions=True)


def test_b64_helper_roundtrip() -> None:
    assert base64.b64decode(base64.b64encode(b"x")) == b"x"


async def test_command_menu_by_scope_and_language(driver: Driver, api: BotApi, emulator) -> None:
    start = {"command": "start", "description": "开始"}
    await api.ok("setMyCommands", commands=[start])
    await api.ok(
        "setMyCommands", commands=[{"command": "help", "description": "Help"}], language_code="en"
    )
    staff = [{"command": "ledger", "description": "台账"}]
    await api.ok("setMyCommands", commands=staff, scope={"type": "chat", "chat_id": 1001})
    assert await api.ok("getMyCommands") == [start]
    assert await api.ok("getMyCommands", language_code="en") == [
        {"command": "help", "description": "Help"}
    ]
    async with api.session.get(f"{emulator.base_url}/sandbox/api/commands?chat=1001") as resp:
        assert (await resp.json())["commands"] == staff
    async with api.session.get(f"{emulator.base_url}/sandbox/api/commands?chat=1002") as resp:
        assert (await resp.json())["commands"][0]["command"] == "help"  # Li speaks English
    code, desc = await api.err(
        "setMyCommands", commands=[{"command": "Bad-Name", "description": "x"}]
    )
    assert (code, desc) == (400, "Bad Request: BOT_COMMAND_INVALID")
    assert await api.ok("deleteMyCommands", scope={"type": "chat", "chat_id": 1001}) is True
    async with api.session.get(f"{emulator.base_url}/sandbox/api/commands?chat=1001") as resp:
        assert (await resp.json())["commands"] == [start]


async def test_the_bot_added_to_a_group_and_removed(
    driver: Driver, api: BotApi, emulator: Emulator
) -> None:
    """POST groups with bot_status: the bot hears who added, promoted or removed it
    (my_chat_member, old and new status); removed, it cannot post there (403, an error)."""
    group = await driver.add_group(
        id=-100600, title="居民群", members=[1001], bot_status="member", by=1001
    )
    assert group["bot_status"] == "member"
    await api.ok("sendMessage", chat_id=-100600, text="大家好")
    await driver.add_group(id=-100600, title="居民群", bot_status="member", by=1001)  # no change
    await driver.add_group(id=-100600, title="居民群", bot_status="administrator", by=1001)
    await driver.add_group(id=-100600, title="居民群", bot_status="kicked", by=1001)
    updates = await api.ok("getUpdates")
    changes = [
        (
            u["my_chat_member"]["from"]["id"],
            u["my_chat_member"]["old_chat_member"]["status"],
            u["my_chat_member"]["new_chat_member"]["status"],
        )
        for u in updates
    ]
    assert changes == [
        (1001, "left", "member"),
        (1001, "member", "administrator"),
        (1001, "administrator", "kicked"),
    ]
    member = await api.ok("getChatMember", chat_id=-100600, user_id=emulator.bot_id)
    assert member["status"] == "kicked"
    assert await api.err("sendMessage", chat_id=-100600, text="还在吗") == (
        403,
        "Forbidden: bot was kicked from the supergroup chat",
    )
    assert [e["error_code"] for e in await driver.errors()] == [403]
    await driver.send(1001, "@linli_sandbox_bot 你还在吗", chat=-100600)  # the bot hears nothing
    assert await api.ok("getUpdates", offset=updates[-1]["update_id"] + 1) == []
    # a group made without bot_status: the bot is simply there, told nothing, as before
    await driver.add_group(id=-100601, title="另一个群", members=[1001])
    assert await api.ok("getUpdates", offset=updates[-1]["update_id"] + 1) == []


async def test_say_waits_past_an_edit_for_the_answer(driver: Driver, emulator: Emulator) -> None:
    """A step that first redraws an earlier message (an offer's button spent) and answers a
    moment later, as a busy machine makes it: `say` returns the answer, not [] at the edit
    (seen in CI: '好的' under a meeting offer, the offer edited, its 已报名 missed)."""
    async with aiohttp.ClientSession() as http:
        api = BotApi(emulator.base_url, http, SANDBOX_TOKEN)
        offer = await api.ok("sendMessage", chat_id=1001, text="您是说要去吗？")

        async def slow_bot() -> None:
            offset = 0
            while True:
                for upd in await api.ok("getUpdates", offset=offset, timeout=10):
                    offset = upd["update_id"] + 1
                    await api.ok(
                        "editMessageText",
                        chat_id=1001,
                        message_id=offer["message_id"],
                        text="您是说要去吗？ ✓",
                    )
                    await asyncio.sleep(0.5)  # the bot slow to answer: a loaded machine
                    await api.ok("sendMessage", chat_id=1001, text="已报名")

        task = asyncio.ensure_future(slow_bot())
        try:
            replies = await driver.say(1001, "好的")
            assert [m["text"] for m in replies] == ["已报名"]
        finally:
            task.cancel()
            await asyncio.gather(task, return_exceptions=True)
