"""Bad input never crashes the emulator: Telegram's error shape, or HTTP 400 for the driver."""

from __future__ import annotations

import asyncio
import json
import random
from typing import Any

import aiohttp
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sandbox.emulator import Emulator, Params

PARAM_NAMES = [
    "chat_id", "text", "parse_mode", "entities", "reply_markup", "message_id", "photo",
    "caption", "caption_entities", "document", "voice", "media", "latitude", "longitude",
    "question", "options", "is_anonymous", "type", "correct_option_id", "callback_query_id",
    "show_alert", "file_id", "commands", "scope", "language_code", "user_id", "offset", "limit",
    "allowed_updates", "reply_parameters", "reply_to_message_id", "action", "from_chat_id",
    "message_ids", "phone_number", "first_name", "inline_message_id", "open_period",
]  # fmt: skip
SKIP = {"getupdates", "setwebhook"}  # long polls / outgoing HTTP are tested elsewhere

json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**63), 2**63) | st.floats() | st.text(max_size=20)
    | st.sampled_from(["1001", "-100500", "@x", "<b>", "HTML", '{"inline_keyboard": [[1]]}',
                       "[1, 2]", '["a"]', "attach://x", "", "null"]),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner,
                                                                 max_size=4),
    max_leaves=8,
)  # fmt: skip
random_params = st.dictionaries(st.sampled_from(PARAM_NAMES), json_values, max_size=6)
# Half the cases address a real chat and message, so the checks past the chat lookup run too.
valid_base = st.fixed_dictionaries(
    {"chat_id": st.sampled_from([1001, "1001", -100500]), "message_id": st.sampled_from([1, "1"])}
)
params = random_params | st.builds(lambda a, b: {**a, **b}, random_params, valid_base)


async def _run(method: str, data: dict[str, Any]) -> tuple[dict[str, Any], int]:
    emu = Emulator()
    emu.add_user(id=1001, first_name="Wang")
    emu.add_group(id=-100500, title="G", type="supergroup", members=[1001])
    await emu.call("sendMessage", Params({"chat_id": 1001, "text": "seed"}, {}))
    return await emu.call(method, Params(data, {}))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(method=st.sampled_from(sorted(set(Emulator()._methods) - SKIP)), data=params)
def test_bot_api_never_crashes(method: str, data: dict[str, Any]) -> None:
    payload, status = asyncio.run(_run(method, data))
    assert status != 500, payload
    json.dumps(payload)
    if payload["ok"]:
        assert status == 200 and "result" in payload
    else:
        assert status == payload["error_code"] and isinstance(payload["description"], str)


async def test_driver_api_answers_400_to_garbage(emulator: Emulator) -> None:
    rng = random.Random(20260301)
    pool: list[Any] = [
        None,
        0,
        -1,
        1001,
        -100500,
        "1001",
        "x",
        "",
        [],
        [0],
        {},
        {"a": 1},
        True,
        1.5,
        "aGk=",
        {"base64": "aGk="},
        {"phone_number": 5},
        {"latitude": "n"},
    ]
    keys = [
        "from",
        "chat",
        "text",
        "photo",
        "contact",
        "location",
        "voice",
        "message_id",
        "data",
        "poll_id",
        "option_ids",
        "user",
        "id",
        "first_name",
        "title",
        "type",
        "members",
        "method",
        "error_code",
        "count",
        "timeout",
    ]
    paths = ["users", "groups", "send", "click", "vote", "block", "unblock", "faults"]
    async with aiohttp.ClientSession() as http:
        for _ in range(300):
            body = {rng.choice(keys): rng.choice(pool) for _ in range(rng.randint(0, 5))}
            if "timeout" in body:
                body["timeout"] = 0
            path = rng.choice(paths)
            async with http.post(f"{emulator.base_url}/sandbox/api/{path}", json=body) as resp:
                answer = await resp.json()
                assert resp.status in (200, 400), (path, body, answer)
                if resp.status == 400:
                    assert isinstance(answer["error"], str)
        for query in [
            "chat=x",
            "chat=1001&since=q",
            "chat=1001&timeout=-1",
            "chat=1001&timeout=z",
        ]:
            async with http.get(f"{emulator.base_url}/sandbox/api/wait?{query}") as resp:
                assert resp.status == 400
        # A well-formed call still works afterwards.
        async with http.get(f"{emulator.base_url}/sandbox/api/health") as resp:
            assert (await resp.json())["ok"] is True


async def test_malformed_http_bodies_get_telegram_errors(emulator: Emulator) -> None:
    url = f"{emulator.base_url}/bot{emulator.token}/sendMessage"
    bodies = [
        (b"{not json", "application/json"),
        (b"[1, 2]", "application/json"),
        (b"--xx\r\nbroken", "multipart/form-data; boundary=xx"),
        (b"\xff\xfe=\xff", "application/x-www-form-urlencoded"),
    ]
    async with aiohttp.ClientSession() as http:
        for body, ctype in bodies:
            async with http.post(url, data=body, headers={"Content-Type": ctype}) as resp:
                answer = await resp.json()
                assert resp.status == answer["error_code"] == 400, answer
                assert answer["ok"] is False
        async with http.post(f"{emulator.base_url}/bot{emulator.token}/") as resp:
            assert resp.status == 404
