"""bot.long_messages: what a handler sends too long for one message goes as several calls,
each within Telegram's limits, the keyboard under the last; an edit shows its first part and
sends the rest; a photo whose caption is too long goes bare, the caption as text after it."""

from __future__ import annotations

import itertools
from types import SimpleNamespace
from typing import Any

from aiogram import Bot
from aiogram.client.default import DefaultBotProperties
from aiogram.enums import ParseMode
from aiogram.methods import DeleteMessage, EditMessageText, SendMessage, SendPhoto
from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup

from bot.long_messages import LongMessages
from services.delivery import CAPTION_LIMIT, TEXT_LIMIT, utf16_len, visible_text

LONG = "\n".join(f"<b>第{i}行</b> 路灯坏了 &amp; 很黑" for i in range(400))
_NEW_IDS = itertools.count(100)  # the ids of messages sent, as Telegram gives them
_ANSWERED: dict[int, int] = {}  # a sendMessage call (its id()) -> the message id it got
MARKUP = InlineKeyboardMarkup(
    inline_keyboard=[[InlineKeyboardButton(text="ok", callback_data="x")]]
)


async def _calls(method: Any, *, middleware: LongMessages | None = None) -> list[Any]:
    """The calls made for `method` (each answered as Telegram would: a message, new ids)."""
    bot = Bot("1:token", default=DefaultBotProperties(parse_mode=ParseMode.HTML))
    made: list[Any] = []

    async def make_request(_bot: Bot, call: Any) -> Any:
        made.append(call)
        if isinstance(call, DeleteMessage):
            return True
        if isinstance(call, EditMessageText):
            return SimpleNamespace(message_id=call.message_id)
        _ANSWERED[id(call)] = next(_NEW_IDS)
        return SimpleNamespace(message_id=_ANSWERED[id(call)])

    try:
        await (middleware or LongMessages())(make_request, bot, method)
    finally:
        await bot.session.close()
    return made


def _flat(texts: Any) -> str:
    """What the messages show, line breaks aside (a split at a line end drops one)."""
    return "".join(visible_text(text) for text in texts).replace("\n", "")


def _shown(text: str) -> int:
    return utf16_len(visible_text(text))


async def test_a_long_message_goes_in_parts_with_the_keyboard_last() -> None:
    made = await _calls(SendMessage(chat_id=1, text=LONG, reply_markup=MARKUP))
    assert len(made) > 1 and all(isinstance(m, SendMessage) for m in made)
    assert all(_shown(m.text) <= TEXT_LIMIT for m in made)
    assert [m.reply_markup for m in made] == [None] * (len(made) - 1) + [MARKUP]
    assert _flat(m.text for m in made) == _flat([LONG])


async def test_a_short_message_is_left_alone() -> None:
    method = SendMessage(chat_id=1, text="好的", reply_markup=MARKUP)
    assert await _calls(method) == [method]


async def test_a_long_edit_shows_its_first_part_and_sends_the_rest() -> None:
    made = await _calls(EditMessageText(chat_id=1, message_id=5, text=LONG, reply_markup=MARKUP))
    assert isinstance(made[0], EditMessageText) and made[0].reply_markup == MARKUP
    assert len(made) > 1 and all(isinstance(m, SendMessage) for m in made[1:])
    assert all(_shown(m.text) <= TEXT_LIMIT for m in made)


async def test_a_photo_with_a_long_caption_goes_bare_then_the_text() -> None:
    caption = "\n".join(LONG.splitlines()[:100])
    assert _shown(caption) > CAPTION_LIMIT
    made = await _calls(SendPhoto(chat_id=1, photo="file-1", caption=caption, reply_markup=MARKUP))
    assert isinstance(made[0], SendPhoto) and made[0].caption is None
    assert made[0].reply_markup is None
    texts = made[1:]
    assert texts and all(isinstance(m, SendMessage) for m in texts)
    assert texts[-1].reply_markup == MARKUP
    assert _flat(m.text for m in texts) == _flat([caption])


async def test_the_rest_of_a_long_edit_is_edited_in_place_next_time() -> None:
    """Redrawn again, a long message's rest is not sent again: the messages the last edit
    sent below it are edited (more sent when it grew, deleted when no longer needed)."""
    middleware = LongMessages()
    longer = LONG + "\n" + LONG.replace("路灯", "井盖")

    async def edit(text: str) -> list[Any]:
        method = EditMessageText(chat_id=1, message_id=5, text=text)
        return await _calls(method, middleware=middleware)

    def sent_ids(calls: list[Any]) -> list[int]:
        return [_ANSWERED[id(m)] for m in calls if isinstance(m, SendMessage)]

    first = await edit(LONG)
    below = sent_ids(first)
    assert below and isinstance(first[0], EditMessageText) and first[0].message_id == 5
    again = await edit(longer)
    edits = [m.message_id for m in again if isinstance(m, EditMessageText)]
    # each one sent below it, in place; the message itself reads so already (its first part
    # is the same): not edited, which Telegram would refuse as 'not modified'
    assert edits == below
    grown = sent_ids(again)
    assert grown  # longer: the rest goes on below
    assert _flat([first[0].text, *(m.text for m in again)]) == _flat([longer])
    assert all(_shown(m.text) <= TEXT_LIMIT for m in again)
    short = await edit("已取消")
    assert isinstance(short[0], EditMessageText) and short[0].text == "已取消"
    deleted = [m.message_id for m in short if isinstance(m, DeleteMessage)]
    assert deleted == [*below, *grown]
    assert await edit("已取消（改期）") == [
        EditMessageText(chat_id=1, message_id=5, text="已取消（改期）")
    ]  # nothing below it any more


async def test_an_edit_of_the_last_part_redraws_the_parts_above_it() -> None:
    """A message sent in parts is edited from its last (its keyboard tapped): the parts above
    it are edited too, each only where it reads otherwise, nothing sent again; shorter, those
    no longer needed go. Before, the part tapped got the start of the text and the rest was
    sent again below it, the first part left as it was."""
    middleware = LongMessages()
    sent = await _calls(
        SendMessage(chat_id=1, text=LONG, reply_markup=MARKUP), middleware=middleware
    )
    ids = [_ANSWERED[id(m)] for m in sent]
    assert len(ids) >= 2

    async def edit(text: str, markup: Any) -> list[Any]:
        method = EditMessageText(chat_id=1, message_id=ids[-1], text=text, reply_markup=markup)
        return await _calls(method, middleware=middleware)

    published = LONG.replace("第0行", "已发布 第0行", 1)  # the first part changes
    made = await edit(published, None)
    assert [(type(m), m.message_id) for m in made] == [
        (EditMessageText, ids[0]),
        (EditMessageText, ids[-1]),  # its keyboard gone
    ]
    assert made[-1].reply_markup is None and "已发布" in made[0].text
    # the first part changes again, the last reads the same: it is left so (an edit would
    # be refused as 'not modified')
    made = await edit(published.replace("已发布", "已发布（今天）", 1), None)
    assert [(type(m), m.message_id) for m in made] == [(EditMessageText, ids[0])]
    made = await edit("已取消", None)
    assert [(type(m), m.message_id) for m in made] == [
        *((DeleteMessage, i) for i in ids[:-1]),
        (EditMessageText, ids[-1]),
    ]
    assert made[-1].text == "已取消"
