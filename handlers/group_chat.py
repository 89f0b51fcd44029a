"""Groups, supergroups and channels: the bot serves people in a private chat only.

A command or a main-menu button used in a group (or a command posted in a channel) gets one
short answer, in the sender's language, pointing to the private chat with the bot. So does a
message that mentions the bot or replies to it; a matter told that way is kept for the sender's
private chat (handlers.registration.kept_draft), where /start offers it to be filed, and it is
never repeated in the group. Never a reply keyboard: in a group it would appear for every member.
Other chatter in groups is left alone.
"""

from __future__ import annotations

from dataclasses import replace

from aiogram import Bot, F, Router
from aiogram.filters import Command
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, InlineKeyboardButton, InlineKeyboardMarkup, Message
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.commands import ADMIN_COMMANDS
from bot.i18n import Text
from handlers.common import office_text
from handlers.menu import all_menu_labels, labels
from handlers.registration import kept_draft
from models import Role, User
from services import org, smalltalk
from services.requests import MAX_PHOTOS, with_voice
from services.triage.pii import contains_pii
from services.triage.text import with_caption

router = Router(name="group_chat")
router.message.filter(F.chat.type != "private")

# Every command the bot knows; all of them work in a private chat only.
PRIVATE_COMMANDS = (*ADMIN_COMMANDS, "category")
LEFTOVER_BUTTONS = all_menu_labels() | labels("common-cancel") | labels("common-skip")


# the /start payload of the private-chat link under an answer to a mention (handlers.common)
FROM_GROUP = "g"
KEPT_MAX_CHARS = 4000


async def _pointer(
    bot: Bot, t: Text, *, key: str = "group-use-private", payload: str = ""
) -> tuple[str, InlineKeyboardMarkup]:
    """The short answer and its one button, a link to the private chat with the bot."""
    me = await bot.me()
    url = f"https://t.me/{me.username}" + (f"?start={payload}" if payload else "")
    button = InlineKeyboardButton(text=t("group-open-private"), url=url)
    text = t(key, bot=f"@{me.username}")
    return text, InlineKeyboardMarkup(inline_keyboard=[[button]])


async def addressed_to_bot(message: Message, bot: Bot) -> bool | dict[str, str]:
    """A filter: the message mentions the bot or replies to one of its messages; `said` (the
    handler's argument) is what it says besides the mention."""
    entities = message.entities or message.caption_entities or []
    replied = message.reply_to_message
    to_a_bot = bool(replied and replied.from_user and replied.from_user.is_bot)
    if not to_a_bot and not any(entity.type == "mention" for entity in entities):
        return False  # most group chatter: no need to know who the bot is
    me = await bot.me()
    text = message.text or message.caption or ""
    mention = f"@{me.username}".lower() if me.username else None
    to_bot = bool(to_a_bot and replied and replied.from_user and replied.from_user.id == me.id)
    said = text
    for entity in sorted(entities, key=lambda e: e.offset, reverse=True):
        if entity.type != "mention" or mention is None:
            continue
        if entity.extract_from(text).lower() == mention:
            to_bot = True
            said = said[: entity.offset] + said[entity.offset + entity.length :]
    return {"said": said.strip()} if to_bot else False


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


@router.callback_query(F.message.chat.type.in_({"group", "supergroup", "channel"}))
async def on_button_in_group(query: CallbackQuery, t: Text) -> None:
    """A button tapped in a group: the bot posts none there but links, so it is one of a private
    chat's messages forwarded to the group (or forged). Its screens carry personal data and it
    would act for whoever tapped it: a polite answer pointing to the private chat, nothing else."""
    await query.answer(t("group-button-private"), show_alert=True)


@router.message(F.from_user, addressed_to_bot)
async def on_addressed_in_group(
    message: Message,
    bot: Bot,
    state: FSMContext,
    t: Text,
    said: str,
    session: AsyncSession,
    user: User | None = None,
    roles: frozenset[Role] = frozenset(),
) -> None:
    """Someone mentions the bot in a group (or replies to it), often to tell it a matter: the
    answer points to the private chat, and what they said waits there to be filed (not in the
    group, where the room and phone would be public)."""
    if message.from_user is None:
        return
    if message.contact is not None:
        # a phone number shared in the group: public now; not kept, the way out said
        text, markup = await _pointer(bot, t, key="group-contact-public")
        await message.reply(text, reply_markup=markup)
        return
    photo = message.photo[-1].file_id if message.photo else None
    # a voice note or a location replying to the bot: as in the private chat, part of the matter
    voice = message.voice.file_id if message.voice else None
    place = [message.location.latitude, message.location.longitude] if message.location else None
    says_something = sum(ch.isalnum() for ch in said) >= 2 or photo is not None or voice or place
    if not says_something:
        text, markup = await _pointer(bot, t)
        await message.reply(text, reply_markup=markup)
        return
    if (
        photo is None
        and voice is None
        and place is None
        and await _answered_as_talk(message, bot, t, said, session, user, roles)
    ):
        return
    uid = message.from_user.id
    private = FSMContext(
        storage=state.storage, key=replace(state.key, chat_id=uid, user_id=uid, thread_id=None)
    )
    kept = await kept_draft(private).get_data()
    before = str(kept.get("text") or "")
    text = with_caption(before, said)
    if len(text) > KEPT_MAX_CHARS:  # with what waits already, more than a matter holds
        text = before  # not kept, and said so: never the end of it cut off unseen
        lost = True
    else:
        lost = False
    photos = list(kept.get("photos") or [])
    if photo and len(photos) < MAX_PHOTOS:
        photos.append(photo)
    if voice:  # beyond the draft's few voice notes, the ones kept already stay
        kept["voice"] = with_voice(kept.get("voice"), voice) or kept.get("voice")
    if place:  # where it is, shared under the bot's answer: the latest place counts
        kept["place"] = place
    kept.update(text=text, photos=photos, from_group=True)
    await kept_draft(private).set_data(kept)
    key = "group-kept-too-long" if lost else "group-kept-go-private"
    answer, markup = await _pointer(bot, t, key=key, payload=FROM_GROUP)
    if contains_pii(said):  # a phone or room number told in the group: everyone there read it
        answer = f"{answer}\n{t('group-pii-public')}"
    await message.reply(answer, reply_markup=markup)


async def _answered_as_talk(
    message: Message,
    bot: Bot,
    t: Text,
    said: str,
    session: AsyncSession,
    user: User | None,
    roles: frozenset[Role],
) -> bool:
    """Thanks, a goodbye or a question how to use the bot, said to it in a group: answered
    there, and not kept as a matter to file ('@bot 谢谢' used to wait in the private chat as
    a request). A greeting or a question about one's own matters points to the private chat."""
    kind = smalltalk.classify(said)
    if kind in (smalltalk.Kind.THANKS, smalltalk.Kind.ACK, smalltalk.Kind.BYE):
        await message.reply(t(f"smalltalk-{kind.value}-group"))
        return True
    if kind == smalltalk.Kind.WHO:  # "@bot 你是谁": what it is, and where to talk to it
        _, markup = await _pointer(bot, t)
        await message.reply(t("smalltalk-who"), reply_markup=markup)
        return True
    if kind is not None:  # a greeting, help, "how is my matter": that is the private chat's
        text, markup = await _pointer(bot, t)
        await message.reply(text, reply_markup=markup)
        return True
    named = smalltalk.how_to(said)
    if named is None:
        return False
    topic = named.topic  # asked how or named bare: in a group, how is the answer
    office = (
        await org.office_of(session, user_id=user.id)
        if topic == smalltalk.Topic.OFFICE and user is not None
        else None
    )
    if office is not None:
        await message.reply(office_text(t, office))
        return True
    if topic == smalltalk.Topic.OFFICE or user is None:
        text, markup = await _pointer(bot, t)
        await message.reply(text, reply_markup=markup)
        return True
    howto = smalltalk.how_to_answer(topic, registered=user.registered, roles=roles)
    _, markup = await _pointer(bot, t)
    await message.reply(t("group-howto", answer=t(howto.key, **howto.args)), reply_markup=markup)
    return True
