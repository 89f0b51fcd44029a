"""editMessageCaption answers as Telegram does: a photo's caption is redrawn and the photo stays;
a text message has no caption to edit (and a photo no text); the same caption is 'not modified';
a caption over 1024 characters is too long; a message that is not there is not found."""

from __future__ import annotations

from sandbox.emulator import Emulator
from tests.sandbox.conftest import BotApi


async def test_edit_caption_of_a_photo(api: BotApi, emulator: Emulator) -> None:
    photo = emulator.store_photo(b"not really an image", strict=False)
    file_id = photo[-1]["file_id"]
    sent = await api.ok(
        "sendPhoto", chat_id=1001, photo=file_id, caption="<b>晒单</b> 修好了", parse_mode="HTML"
    )
    mid = sent["message_id"]
    edited = await api.ok(
        "editMessageCaption",
        chat_id=1001,
        message_id=mid,
        caption="<b>晒单</b> 修好了\n🔁 重新办理",
        parse_mode="HTML",
    )
    assert edited["caption"] == "晒单 修好了\n🔁 重新办理" and edited["edit_date"]
    assert edited["caption_entities"][0]["type"] == "bold"
    assert edited["photo"] == sent["photo"]
    assert await api.err(
        "editMessageCaption",
        chat_id=1001,
        message_id=mid,
        caption="<b>晒单</b> 修好了\n🔁 重新办理",
        parse_mode="HTML",
    ) == (
        400,
        "Bad Request: message is not modified: specified new message content and reply markup "
        "are exactly the same as a current content and reply markup of the message",
    )
    assert await api.err(
        "editMessageCaption", chat_id=1001, message_id=mid, caption="c" * 1025
    ) == (400, "Bad Request: message caption is too long")
    assert await api.err("editMessageText", chat_id=1001, message_id=mid, text="x") == (
        400,
        "Bad Request: there is no text in the message to edit",
    )
    text = await api.ok("sendMessage", chat_id=1001, text="hi")
    assert await api.err(
        "editMessageCaption", chat_id=1001, message_id=text["message_id"], caption="x"
    ) == (400, "Bad Request: there is no caption in the message to edit")
    assert await api.err("editMessageCaption", chat_id=1001, message_id=999, caption="x") == (
        400,
        "Bad Request: message to edit not found",
    )
    # no caption at all: the caption is removed
    bare = await api.ok("editMessageCaption", chat_id=1001, message_id=mid)
    assert "caption" not in bare and bare["photo"] == sent["photo"]
