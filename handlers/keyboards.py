"""Keyboard builders shared by the feature routers."""

from __future__ import annotations

from collections.abc import Sequence

from aiogram.types import (
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    KeyboardButton,
    ReplyKeyboardMarkup,
)

from bot.i18n import Text


def inline_kb(rows: Sequence[Sequence[tuple[str, str]]]) -> InlineKeyboardMarkup:
    """An inline keyboard from rows of (label, callback data)."""
    return InlineKeyboardMarkup(
        inline_keyboard=[
            [InlineKeyboardButton(text=label, callback_data=data) for label, data in row]
            for row in rows
        ]
    )


def cancel_keyboard(t: Text) -> ReplyKeyboardMarkup:
    """One big cancel button for a step that expects typed text."""
    return ReplyKeyboardMarkup(
        keyboard=[[KeyboardButton(text=t("common-cancel"))]], resize_keyboard=True
    )


def step_keyboard(t: Text, *, skip: bool = False) -> ReplyKeyboardMarkup:
    """A typed step after a form's first: go back a step, or cancel (and skip, when optional)."""
    keys = ["common-skip"] if skip else []
    keys += ["common-back", "common-cancel"]
    return ReplyKeyboardMarkup(
        keyboard=[[KeyboardButton(text=t(key)) for key in keys]], resize_keyboard=True
    )
