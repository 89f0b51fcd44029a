"""Photo and document uploads, file ids, getFile and downloads."""

from __future__ import annotations

import json

import aiohttp

from sandbox.driver import Driver
from sandbox.emulator import SANDBOX_TOKEN, Emulator
from tests.sandbox.conftest import BotApi
from tests.sandbox.test_conformance import png_bytes


async def _multipart(emulator: Emulator, method: str, fields: dict, files: dict) -> dict:
    form = aiohttp.FormData()
    for key, value in fields.items():
        form.add_field(key, value if isinstance(value, str) else json.dumps(value))
    for key, (name, data, ctype) in files.items():
        form.add_field(key, data, filename=name, content_type=ctype)
    async with aiohttp.ClientSession() as http:
        url = f"{emulator.base_url}/bot{SANDBOX_TOKEN}/{method}"
        async with http.post(url, data=form) as resp:
            data = await resp.json()
            assert resp.status == data.get("error_code", 200)
            return data


async def test_photo_upload_sizes_and_download(emulator: Emulator, api: BotApi) -> None:
    image = png_bytes()
    sent = await _multipart(
        emulator,
        "sendPhoto",
        {"chat_id": "1001", "caption": "<b>报修</b> 照片", "parse_mode": "HTML"},
        {"photo": ("leak.png", image, "image/png")},
    )
    msg = sent["result"]
    assert msg["caption"] == "报修 照片" and msg["caption_entities"][0]["type"] == "bold"
    sizes = msg["photo"]
    assert [(s["width"], s["height"]) for s in sizes] == [(320, 240), (400, 300)]
    file = await api.ok("getFile", file_id=sizes[-1]["file_id"])
    async with api.session.get(
        f"{emulator.base_url}/file/bot{SANDBOX_TOKEN}/{file['file_path']}"
    ) as resp:
        assert resp.status == 200 and await resp.read() == image
    async with api.session.get(f"{emulator.base_url}/file/bot{SANDBOX_TOKEN}/nope") as resp:
        assert resp.status == 404
    assert await api.err("getFile", file_id="nope") == (400, "Bad Request: invalid file_id")


async def test_attach_reference_and_media_group(emulator: Emulator, api: BotApi) -> None:
    image = png_bytes()
    sent = await _multipart(
        emulator,
        "sendPhoto",
        {"chat_id": "1001", "photo": "attach://f1"},
        {"f1": ("a.png", image, "image/png")},
    )
    file_id = sent["result"]["photo"][-1]["file_id"]
    album = await _multipart(
        emulator,
        "sendMediaGroup",
        {
            "chat_id": "-100500",
            "media": [
                {"type": "photo", "media": "attach://p2", "caption": "before"},
                {"type": "photo", "media": file_id},
                {"type": "document", "media": "attach://doc"},
            ],
        },
        {"p2": ("b.png", image, "image/png"), "doc": ("ledger.xlsx", b"PK..", "")},
    )
    msgs = album["result"]
    assert len(msgs) == 3 and len({m["media_group_id"] for m in msgs}) == 1
    assert msgs[0]["caption"] == "before" and msgs[1]["photo"][-1]["file_id"] == file_id
    assert msgs[2]["document"]["file_name"] == "ledger.xlsx"
    assert "spreadsheet" in msgs[2]["document"]["mime_type"]
    bad = await _multipart(
        emulator,
        "sendMediaGroup",
        {"chat_id": "1001", "media": [{"type": "photo", "media": file_id}]},
        {},
    )
    assert bad["error_code"] == 400


async def test_bad_photos(emulator: Emulator, api: BotApi) -> None:
    bad = await _multipart(
        emulator,
        "sendPhoto",
        {"chat_id": "1001"},
        {"photo": ("x.jpg", b"not an image", "image/jpeg")},
    )
    assert bad["description"] == "Bad Request: IMAGE_PROCESS_FAILED"
    code, desc = await api.err("sendPhoto", chat_id=1001, photo="unknown-id")
    assert (code, desc) == (400, "Bad Request: wrong file identifier/HTTP URL specified")
    code, desc = await api.err("sendPhoto", chat_id=1001)
    assert code == 400 and "photo" in desc


async def test_user_photo_reaches_bot_and_page(driver: Driver, api: BotApi, emulator) -> None:
    image = png_bytes()
    await driver.send(1001, "漏水", photo=image)
    update = (await api.ok("getUpdates"))[-1]
    file_id = update["message"]["photo"][-1]["file_id"]
    file = await api.ok("getFile", file_id=file_id)
    assert file["file_size"] == len(image)
    async with api.session.get(f"{emulator.base_url}/sandbox/api/files/{file_id}") as resp:
        assert await resp.read() == image
    # the bot can forward the user's photo by file_id
    fwd = await api.ok("sendPhoto", chat_id=1002, photo=file_id, caption="from resident")
    assert fwd["photo"][-1]["file_id"] == file_id
