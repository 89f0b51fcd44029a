"""Checks for what people type: names, rooms, phone numbers, free text."""

from __future__ import annotations

import re
import unicodedata

from services.errors import InvalidInput

_MOBILE = re.compile(r"^(?:\+?86)?1[3-9]\d{9}$")
_LANDLINE = re.compile(r"^0\d{2,3}-?\d{7,8}$")
_ROOM = re.compile(r"^[0-9A-Za-z\u4e00-\u9fff\-—#/ ]{1,20}$")


def _has_control(text: str) -> bool:
    return any(unicodedata.category(ch) in {"Cc", "Cf", "Co", "Cs"} for ch in text)


def _has_symbol_emoji(text: str) -> bool:
    return any(unicodedata.category(ch) in {"So", "Sk"} for ch in text)


def clean_text(text: str | None, *, max_len: int, key: str = "err-text-too-long") -> str:
    """Free text: trimmed, control characters dropped (newlines kept), length-checked."""
    if text is None or not text.strip():
        raise InvalidInput("err-text-empty")
    kept = "".join(ch for ch in text if ch in "\n\t" or unicodedata.category(ch) != "Cc")
    kept = kept.strip()
    if len(kept) > max_len:
        raise InvalidInput(key, limit=max_len, length=len(kept))
    return kept


def person_name(text: str | None, *, max_len: int = 30) -> str:
    """A real name: letters only (Chinese or Latin, with · and spaces), no emoji or controls."""
    if text is None or not text.strip():
        raise InvalidInput("err-name-invalid")
    name = " ".join(text.split())
    if len(name) > max_len:
        raise InvalidInput("err-name-too-long", limit=max_len)
    if _has_control(name) or _has_symbol_emoji(name):
        raise InvalidInput("err-name-invalid")
    if not all(ch.isalpha() or ch in " ·.-'" for ch in name):
        raise InvalidInput("err-name-invalid")
    return name


def short_label(text: str | None, *, max_len: int = 60) -> str:
    """A short one-line label (work unit, unit name): no control characters or emoji."""
    if text is None or not text.strip():
        raise InvalidInput("err-text-empty")
    label = " ".join(text.split())
    if len(label) > max_len:
        raise InvalidInput("err-text-too-long", limit=max_len, length=len(label))
    if _has_control(label) or _has_symbol_emoji(label):
        raise InvalidInput("err-label-invalid")
    return label


def room_number(text: str | None) -> str:
    """A room such as 302, 3-502 or 2单元301室."""
    if text is None:
        raise InvalidInput("err-room-invalid")
    room = text.strip()
    if len(room) > 20:
        raise InvalidInput("err-room-too-long", limit=20)
    if not room or not _ROOM.match(room):
        raise InvalidInput("err-room-invalid")
    return room


def phone_number(text: str | None) -> str:
    """A mainland mobile or landline number, normalised (spaces and dashes of mobiles removed)."""
    if text is None:
        raise InvalidInput("err-phone-invalid")
    raw = text.strip().replace(" ", "")
    mobile = raw.replace("-", "")
    if _MOBILE.match(mobile):
        return mobile.removeprefix("+").removeprefix("86") if len(mobile) > 11 else mobile
    if _LANDLINE.match(raw):
        return raw
    if len(raw) > 32:
        raise InvalidInput("err-phone-invalid")
    # Telegram contacts carry international numbers; accept any plausible one.
    if re.fullmatch(r"\+?\d{7,15}", mobile):
        return mobile
    raise InvalidInput("err-phone-invalid")
