"""Keyboard builders shared by the feature routers."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import time, tzinfo

from aiogram.types import (
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    KeyboardButton,
    ReplyKeyboardMarkup,
)

from bot.i18n import Text
from services.when import WhichDay

EVENING = time(18, 0)  # from when today's button says 今天晚上, not 今天白天


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


def which_day_keyboard(t: Text, asked: WhichDay, *, zone: tzinfo) -> ReplyKeyboardMarkup:
    """'明天 19:30' typed in the small hours: two big buttons, today's date (its coming
    daytime or evening) and tomorrow's, each in words the time step reads back
    ('12月7日 19:30（今天晚上）', '12月8日 19:30'); the tap answers the step the time was
    typed at. ✖️ 取消 below them, as the step had it."""
    rows = []
    for key, when in (
        ("when-which-day-today", asked.today),
        ("when-which-day-tomorrow", asked.tomorrow),
    ):
        local = when.astimezone(zone)
        label = t(
            key,
            month=str(local.month),
            day=str(local.day),
            time=local.strftime("%H:%M"),
            evening="yes" if local.time() >= EVENING else "no",
        )
        rows.append([KeyboardButton(text=label)])
    rows.append([KeyboardButton(text=t("common-cancel"))])  # the step's way out stays
    return ReplyKeyboardMarkup(keyboard=rows, resize_keyboard=True, one_time_keyboard=True)
