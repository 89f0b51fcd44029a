"""Domain errors: each carries the locale key of what the user is told."""

from __future__ import annotations

from datetime import datetime
from typing import Any


class DomainError(Exception):
    """A refused action; `key` is the text shown to the user, `args` its placeables."""

    def __init__(self, key: str, /, **args: Any) -> None:
        super().__init__(key)
        self.key = key
        self.args_ = args


class NotFound(DomainError):
    """The thing does not exist (or is not visible to this user)."""


class PermissionDenied(DomainError):
    """The user's role or scope does not allow this; always logged."""


class InvalidInput(DomainError):
    """What the user typed cannot be accepted; nothing was changed."""


class RetryLater(InvalidInput):
    """Not now (a limit or a waiting time); `retry_at` says from when it will be accepted."""

    def __init__(self, key: str, /, *, retry_at: datetime, **args: Any) -> None:
        super().__init__(key, **args)
        self.retry_at = retry_at


class Conflict(DomainError):
    """Someone else changed it first (a concurrent tap, an already-used invite)."""


class MovedAway(Conflict):
    """A matter moved out of the place (grid) a staff member acts for since their card was
    drawn: their tap is stale, not forged (nothing is logged). `request_id`: the request, so
    that its card, tapped, can lose its buttons."""

    def __init__(self, key: str, /, *, request_id: int, **args: Any) -> None:
        super().__init__(key, **args)
        self.request_id = request_id
