"""Router-level role filters (services check scope again)."""

from __future__ import annotations

from typing import Any

from aiogram.filters import Filter
from aiogram.types import TelegramObject

from models import Role


class HasRole(Filter):
    """Passes when the user holds any of the roles."""

    def __init__(self, *roles: Role) -> None:
        self.roles = frozenset(roles)

    async def __call__(
        self, event: TelegramObject, roles: frozenset[Role] = frozenset(), **_: Any
    ) -> bool:
        return bool(self.roles & roles)


IS_STAFF = HasRole(Role.STAFF, Role.ADMIN)
IS_ADMIN = HasRole(Role.ADMIN)
IS_MEMBER = HasRole(Role.MEMBER)
