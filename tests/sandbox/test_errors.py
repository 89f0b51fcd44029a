"""One test per row of SANDBOX.md's "answers as Telegram does" table."""

from __future__ import annotations

import json

import pytest

from sandbox.emulator import Emulator
from tests.sandbox.conftest import BotApi, FakeClock

TOO_OLD = "Bad Request: query is too old and response timeout expired or query ID is invalid"


def kb(*rows: list[tuple[str, str]]) -> dict:
    """An inline keyboard from (text, callback_data) rows."""
    return {"inline_keyboard": [[{"text": t, "callback_data": d} for t, d in row] for row in rows]}


async def test_unknown_method_missing_parameter_wrong_type(api: BotApi) -> None:
    assert await api.err("sendMessagez", chat_id=1001, text="x") == (404, "Not Found")
    assert await api.err("sendMessage", chat_id=1001) == (
        400,
        "Bad Request: message text is empty",
    )
    assert await api.err("sendMessage", text="hi") == (400, "Bad Request: chat_id is empty")
    code, desc = await api.err("editMessageText", chat_id=1001, message_id="abc", text="x")
    assert code == 400 and "message_id" in desc
    code, desc = await api.err("sendMessage", chat_id=1001, text="x", reply_markup="{not json")
    assert (code, desc) == (400, "Bad Request: can't parse reply keyboard markup JSON object")


async def test_method_names_are_case_insensitive_and_get_works(api: BotApi, emulator) -> None:
    assert (await api.ok("GETME"))["username"] == "linli_sandbox_bot"
    async with api.session.get(f"{api.base}/sendmessage?chat_id=1001&text=hey") as resp:
        data = await resp.json()
    assert resp.status == 200 and data["result"]["text"] == "hey"


async def test_wrong_token_is_unauthorized(emulator: Emulator, api: BotApi) -> None:
    async with api.session.post(f"{emulator.base_url}/bot1:wrong/getMe") as resp:
        assert resp.status == 401
        assert await resp.json() == {"ok": False, "error_code": 401, "description": "Unauthorized"}


async def test_text_and_caption_length_after_entity_parsing(api: BotApi) -> None:
    ok = await api.ok("sendMessage", chat_id=1001, text=f"<b>{'字' * 4096}</b>", parse_mode="HTML")
    assert len(ok["text"]) == 4096 and ok["entities"][0]["type"] == "bold"
    assert await api.err("sendMessage", chat_id=1001, text="a" * 4097) == (
        400,
        "Bad Request: message is too long",
    )
    # Escapes count as one character each once parsed.
    await api.ok("sendMessage", chat_id=1001, text="&amp;" * 4096, parse_mode="HTML")
    assert await api.err("sendMessage", chat_id=1001, text="&lt;" * 4097, parse_mode="HTML") == (
        400,
        "Bad Request: message is too long",
    )


async def test_caption_too_long(api: BotApi, emulator: Emulator) -> None:
    photo = emulator.store_photo(b"not really an image", strict=False)
    file_id = photo[-1]["file_id"]
    await api.ok("sendPhoto", chat_id=1001, photo=file_id, caption="c" * 1024)
    assert await api.err("sendPhoto", chat_id=1001, photo=file_id, caption="c" * 1025) == (
        400,
        "Bad Request: message caption is too long",
    )


@pytest.mark.parametrize(
    "text",
    ["line<br>break", "<b>open", "1 < 2", "fish & chips", "<i>a</b>", "</b>", "<span>x</span>"],
)
async def test_html_rejected(api: BotApi, text: str) -> None:
    code, desc = await api.err("sendMessage", chat_id=1001, text=text, parse_mode="HTML")
    assert code == 400
    assert desc.startswith("Bad Request: can't parse entities: ")


async def test_callback_data_and_button_count(api: BotApi) -> None:
    assert await api.err(
        "sendMessage", chat_id=1001, text="x", reply_markup=kb([("a", "d" * 65)])
    ) == (400, "Bad Request: BUTTON_DATA_INVALID")
    # 64 bytes is fine, also when multi-byte characters make it up.
    await api.ok("sendMessage", chat_id=1001, text="x", reply_markup=kb([("a", "数" * 21)]))
    assert await api.err(
        "sendMessage", chat_id=1001, text="x", reply_markup=kb([("a", "数" * 22)])
    ) == (400, "Bad Request: BUTTON_DATA_INVALID")
    rows = [[(f"b{r}{c}", f"d{r}{c}") for c in range(5)] for r in range(20)]
    await api.ok("sendMessage", chat_id=1001, text="x", reply_markup=kb(*rows))
    rows.append([("one", "more")])
    assert await api.err("sendMessage", chat_id=1001, text="x", reply_markup=kb(*rows)) == (
        400,
        "Bad Request: reply markup is too long",
    )


async def _callback(emulator: Emulator, api: BotApi) -> str:
    sent = await api.ok("sendMessage", chat_id=1001, text="pick", reply_markup=kb([("A", "a")]))
    cb = emulator.press(
        user_id=1001, chat_id=None, message_id=sent["message_id"], data=None, text="A"
    )
    return cb.id


async def test_answer_callback_query_limits(
    api: BotApi, emulator: Emulator, clock: FakeClock
) -> None:
    qid = await _callback(emulator, api)
    code, _ = await api.err("answerCallbackQuery", callback_query_id=qid, text="x" * 201)
    assert code == 400
    assert await api.ok("answerCallbackQuery", callback_query_id=qid, text="x" * 200) is True
    assert await api.err("answerCallbackQuery", callback_query_id=qid) == (400, TOO_OLD)
    late = await _callback(emulator, api)
    clock.advance(15 * 60 + 1)
    assert await api.err("answerCallbackQuery", callback_query_id=late) == (400, TOO_OLD)
    assert await api.err("answerCallbackQuery", callback_query_id="12345") == (400, TOO_OLD)


async def test_edit_not_modified(api: BotApi) -> None:
    sent = await api.ok(
        "sendMessage",
        chat_id=1001,
        text="<b>hi</b>",
        parse_mode="HTML",
        reply_markup=kb([("A", "a")]),
    )
    mid = sent["message_id"]
    code, desc = await api.err(
        "editMessageText",
        chat_id=1001,
        message_id=mid,
        text="<b>hi</b>",
        parse_mode="HTML",
        reply_markup=kb([("A", "a")]),
    )
    assert code == 400 and desc.startswith("Bad Request: message is not modified")
    # Same text without markup removes the keyboard: that is a modification.
    edited = await api.ok(
        "editMessageText", chat_id=1001, message_id=mid, text="<b>hi</b>", parse_mode="HTML"
    )
    assert "reply_markup" not in edited and edited["edit_date"]
    code, desc = await api.err("editMessageReplyMarkup", chat_id=1001, message_id=mid)
    assert desc.startswith("Bad Request: message is not modified")
    assert await api.err("editMessageText", chat_id=1001, message_id=999, text="x") == (
        400,
        "Bad Request: message to edit not found",
    )


async def test_forbidden_not_started_and_blocked(api: BotApi, emulator: Emulator) -> None:
    # 3003 is only known as a member of the group: never started the bot.
    assert await api.err("sendMessage", chat_id=3003, text="hi") == (
        403,
        "Forbidden: bot can't initiate conversation with a user",
    )
    emulator.set_blocked(1001, True)
    assert await api.err("sendMessage", chat_id=1001, text="hi") == (
        403,
        "Forbidden: bot was blocked by the user",
    )
    # The blocked-user answer is on purpose; the other one is listed as an error.
    assert [e["error_code"] for e in emulator.errors] == [403]
    assert "initiate" in emulator.errors[0]["description"]


async def test_unknown_chat(api: BotApi) -> None:
    for chat_id in (424242, -1009999, "@nochannel"):
        assert await api.err("sendMessage", chat_id=chat_id, text="hi") == (
            400,
            "Bad Request: chat not found",
        )


async def test_flood_limits_private_group_global(clock: FakeClock) -> None:
    emu = Emulator(limits=True, clock=clock)
    emu.add_user(id=1, first_name="A")
    emu.add_group(id=-5, title="G", type="group", members=[1])
    for uid in range(100, 140):
        emu.add_user(id=uid, first_name=f"U{uid}")
    from sandbox.emulator import Params

    async def send(chat_id: int) -> tuple[int, dict]:
        payload, status = await emu.call(
            "sendMessage", Params({"chat_id": chat_id, "text": "x"}, {})
        )
        return status, payload

    # private chat: a small burst, then about one per second
    statuses = [(await send(1))[0] for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    _status, payload = await send(1)
    assert payload["description"].startswith("Too Many Requests: retry after ")
    assert payload["parameters"]["retry_after"] >= 1
    clock.advance(payload["parameters"]["retry_after"])
    assert (await send(1))[0] == 200
    # group: 20 per minute
    clock.advance(61)
    got = []
    for _ in range(21):
        got.append((await send(-5))[0])
        clock.advance(1.5)
    assert got[:20] == [200] * 20 and got[20] == 429
    # overall: about 30 per second across chats
    clock.advance(120)
    overall = [(await send(uid))[0] for uid in range(100, 140)]
    assert overall.count(200) == 30 and overall[30:] == [429] * 10


async def test_no_flood_limits_when_off(api: BotApi) -> None:
    for _ in range(40):
        await api.ok("sendMessage", chat_id=1001, text="fast")


@pytest.mark.parametrize(
    ("question", "options", "fragment"),
    [
        ("Q?", ["only"], "at least 2"),
        ("Q?", [f"o{i}" for i in range(13)], "more than 12"),
        ("q" * 301, ["a", "b"], "question length"),
        ("Q?", ["a", "b" * 101], "options length"),
    ],
)
async def test_poll_limits(api: BotApi, question: str, options: list[str], fragment: str) -> None:
    code, desc = await api.err("sendPoll", chat_id=-100500, question=question, options=options)
    assert code == 400 and fragment in desc


async def test_poll_within_limits(api: BotApi) -> None:
    opts = [f"{i}" * 100 for i in range(10)] + ["a", "b"]
    result = await api.ok("sendPoll", chat_id=-100500, question="q" * 300, options=opts)
    assert len(result["poll"]["options"]) == 12
    # form-encoded, JSON-serialized nested field, as libraries send it
    status, data = await api(
        "sendPoll",
        "form",
        chat_id=-100500,
        question="Lift?",
        options=json.dumps(["yes", "no"]),
        is_anonymous="false",
    )
    assert status == 200 and data["result"]["poll"]["is_anonymous"] is False
