"""Groups, supergroups and channels: the bot serves people in a private chat only.

A command or a main-menu button used in a group (or a command posted in a channel) gets one
short answer, in the sender's language, pointing to the private chat with the bot. Never a reply
keyboard: in a group it would appear for every member. Other chatter in groups is left alone.
"""

from __future__ import annotations

from aiogram import Bot, F, Router
from aiogram.filters import Command
from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup, Message

from bot.commands import ADMIN_COMMANDS
from bot.i18n import Text
from handlers.menu import all_menu_labels, labels

router = Router(name="group_chat")
router.message.filter(F.chat.type != "private")

# Every command the bot knows; all of them work in a private chat only.
PRIVATE_COMMANDS = (*ADMIN_COMMANDS, "category")
LEFTOVER_BUTTONS = all_menu_labels() | labels("common-cancel") | labels("common-skip")


async def _pointer(bot: Bot, t: Text) -> tuple[str, InlineKeyboardMarkup]:
    """The short answer and its one button, a link to the private chat with the bot."""
    me = await bot.me()
    button = InlineKeyboardButton(text=t("group-open-private"), url=f"https://t.me/{me.username}")
    text = t("group-use-private", bot=f"@{me.username}")
    return text, InlineKeyboardMarkup(inline_keyboard=[[button]])


@router.message(Command(*PRIVATE_COMMANDS))
@router.message(F.text.in_(LEFTOVER_BUTTONS))
async def on_private_only_in_group(message: Message, bot: Bot, t: Text) -> None:
    """A command or menu button in a group: a reply pointing to the private chat."""
    text, markup = await _pointer(bot, t)
    await message.reply(text, reply_markup=markup)


@router.channel_post(Command(*PRIVATE_COMMANDS))
async def on_private_only_in_channel(post: Message, bot: Bot, t: Text) -> None:
    """A command posted in a channel (no sender to answer): one post pointing to the bot."""
    text, markup = await _pointer(bot, t)
    await post.answer(text, reply_markup=markup)
