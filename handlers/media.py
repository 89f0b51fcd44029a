"""Sending several photos as albums: one Bot API call per ten photos, not one per photo."""

from __future__ import annotations

from collections.abc import Sequence

from aiogram.types import InputMediaPhoto, Message

ALBUM_SIZE = 10  # Telegram's most photos in one media group


async def send_photos(message: Message, file_ids: Sequence[str], *, caption: str) -> None:
    """Photos to the chat of `message`, in albums of up to ten, the caption on the first."""
    for start in range(0, len(file_ids), ALBUM_SIZE):
        chunk = file_ids[start : start + ALBUM_SIZE]
        first_caption = caption if start == 0 else None
        if len(chunk) == 1:
            await message.answer_photo(chunk[0], caption=first_caption)
            continue
        await message.answer_media_group(
            [
                InputMediaPhoto(media=file_id, caption=first_caption if i == 0 else None)
                for i, file_id in enumerate(chunk)
            ]
        )
