"""The main menu: large reply-keyboard buttons, chosen by role.

Each feature adds its buttons to MENU (label key, roles that see it, row). A handler matches a
button with `F.text.in_(labels("menu-key"))`, so the button works in every language.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from aiogram.types import KeyboardButton, ReplyKeyboardMarkup

from bot.i18n import Text, Translator
from models import Role


@dataclass(frozen=True)
class MenuEntry:
    """One main-menu button."""

    key: str
    roles: frozenset[Role]
    order: int


ALL = frozenset(Role)
MEMBERS = frozenset({Role.MEMBER})
STAFF = frozenset({Role.STAFF, Role.ADMIN})
ADMINS = frozenset({Role.ADMIN})

# order: residents' buttons first (10s), members' (30s), staff (50s), admin (70s), help last.
MENU: list[MenuEntry] = [
    MenuEntry("menu-register", ALL, 10),
    MenuEntry("menu-profile", ALL, 80),
    MenuEntry("menu-become-member", ALL, 81),
    MenuEntry("menu-members", STAFF, 60),
    MenuEntry("menu-broadcast", STAFF, 62),
    MenuEntry("menu-admin", ADMINS, 70),
    MenuEntry("menu-order-new", ALL, 11),  # issue 4: order cycle
    MenuEntry("menu-order-mine", ALL, 12),  # issue 4
    MenuEntry("menu-order-open", MEMBERS, 30),  # issue 4
    MenuEntry("menu-order-claims", MEMBERS, 31),  # issue 4
    MenuEntry("menu-order-points", MEMBERS, 32),  # issue 4
    MenuEntry("menu-order-queue", STAFF, 50),  # issue 4
    MenuEntry("menu-order-on-behalf", STAFF, 51),  # issue 4
    MenuEntry("menu-order-stats", STAFF, 52),  # issue 4
    MenuEntry("menu-consult", ALL, 20),  # issue 7: 近期议事
    MenuEntry("menu-consult-staff", STAFF, 55),  # issue 7: 议事管理
    MenuEntry("menu-help", ALL, 99),
]

# Reply-keyboard buttons of the flows (besides the main menu). A tap on one sends its label as
# text, also long after its flow ended: text steps must not take it as an answer
# (handlers.text_steps). Every reply button the bot shows is listed here or in MENU.
FLOW_BUTTONS: tuple[str, ...] = (
    "common-cancel",
    "common-skip",
    "common-back",  # a form's steps after its first (handlers.text_steps.is_back)
    "order-btn-finished",
    "order-btn-report-restart",  # 完成上报 taken up again: write it afresh
    "order-btn-location",
    "reg-share-phone",
    "profile-phone-keep",
    "profile-phone-remove",
)

_translator: Translator | None = None


def set_translator(translator: Translator) -> None:
    """Remember the translator so button filters can list every language's label."""
    global _translator
    _translator = translator


def labels(key: str) -> frozenset[str]:
    """A menu key's label in every language (for F.text.in_)."""
    if _translator is None:
        from bot.i18n import Translator as _T

        set_translator(_T())
    assert _translator is not None
    return _translator.all_values(key)


def is_skip(text: str | None) -> bool:
    """An optional step passed over: its 跳过 label, or words that say so ('不需要', '没有',
    '先不填', 'no'), as older users type rather than tap."""
    from services.smalltalk import says_skip

    return text is not None and (text in labels("common-skip") or says_skip(text))


def menu_keys(roles: Collection[Role], *, registered: bool, is_member: bool) -> list[str]:
    """The menu keys this user sees, in order."""
    keys = []
    for entry in sorted(MENU, key=lambda e: e.order):
        if not entry.roles & set(roles):
            continue
        if entry.key == "menu-register" and registered:
            continue
        if entry.key == "menu-become-member" and is_member:
            continue
        keys.append(entry.key)
    return keys


def main_menu(
    t: Text, roles: Collection[Role], *, registered: bool, is_member: bool = False
) -> ReplyKeyboardMarkup:
    """Two big buttons a row; the help button on its own row at the end."""
    keys = menu_keys(roles, registered=registered, is_member=is_member or Role.MEMBER in roles)
    rows: list[list[KeyboardButton]] = []
    body = [k for k in keys if k != "menu-help"]
    for i in range(0, len(body), 2):
        rows.append([KeyboardButton(text=t(k)) for k in body[i : i + 2]])
    if "menu-help" in keys:
        rows.append([KeyboardButton(text=t("menu-help"))])
    return ReplyKeyboardMarkup(
        keyboard=rows, resize_keyboard=True, input_field_placeholder=t("menu-placeholder")
    )


def all_menu_labels() -> frozenset[str]:
    """Every main-menu label in every language."""
    out: set[str] = set()
    for entry in MENU:
        out |= labels(entry.key)
    return frozenset(out)


def menu_labels(roles: Collection[Role]) -> frozenset[str]:
    """The labels, in every language, of the main-menu buttons these roles see (whether
    registered or a member yet or not: those buttons are everyone's)."""
    have = set(roles)
    out: set[str] = set()
    for entry in MENU:
        if entry.roles & have:
            out |= labels(entry.key)
    return frozenset(out)


def all_flow_labels() -> frozenset[str]:
    """Every flow button's label (FLOW_BUTTONS) in every language."""
    return frozenset(label for key in FLOW_BUTTONS for label in labels(key))
