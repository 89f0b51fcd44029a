"""A local emulator of the Telegram Bot API, with a driver API and a web chat page.

One aiohttp application serves three things (see SANDBOX.md):

* ``/bot<token>/<method>`` and ``/file/bot<token>/<path>``: the Bot API the real bot talks to;
* ``/sandbox/api/...``: the driver API tests, scripts and the page use to act as users;
* ``/``: the web chat page (static files in ``sandbox/static``).

All state lives in memory.  Telegram's answers are imitated where bots usually go wrong:
parse errors, length limits, stale callback queries, blocked users, flood limits.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import hashlib
import io
import itertools
import json
import logging
import math
import mimetypes
import re
import secrets
from collections import deque
from collections.abc import Awaitable, Callable
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from aiohttp import BodyPartReader, web
from telegram.constants import (
    BotCommandLimit,
    CallbackQueryLimit,
    FileSizeLimit,
    FloodLimit,
    InlineKeyboardButtonLimit,
    InlineKeyboardMarkupLimit,
    MediaGroupLimit,
    MessageLimit,
    PollLimit,
)

from sandbox.tg_html import (
    EntityParseError,
    auto_entities,
    parse_html,
    strip_text,
    utf16_len,
)

__all__ = [
    "BOT_FIRST_NAME",
    "BOT_ID",
    "BOT_USERNAME",
    "SANDBOX_TOKEN",
    "ApiError",
    "Emulator",
]

log = logging.getLogger(__name__)

SANDBOX_TOKEN = "123456789:SANDBOX-linli-token"
BOT_ID = 123456789
BOT_USERNAME = "linli_sandbox_bot"
BOT_FIRST_NAME = "邻里 Linli"

STATIC_DIR = Path(__file__).with_name("static")

# Limits, from python-telegram-bot's telegram.constants where it has them.
MAX_TEXT = int(MessageLimit.MAX_TEXT_LENGTH)
MAX_CAPTION = int(MessageLimit.CAPTION_LENGTH)
MAX_CALLBACK_DATA = int(InlineKeyboardButtonLimit.MAX_CALLBACK_DATA)
MAX_BUTTONS = int(InlineKeyboardMarkupLimit.TOTAL_BUTTON_NUMBER)
MAX_ANSWER_TEXT = int(CallbackQueryLimit.ANSWER_CALLBACK_QUERY_TEXT_LENGTH)
MAX_POLL_QUESTION = int(PollLimit.MAX_QUESTION_LENGTH)
MAX_POLL_OPTION = int(PollLimit.MAX_OPTION_LENGTH)
MAX_POLL_OPTIONS = int(PollLimit.MAX_OPTION_NUMBER)
# PTB 22 allows a single option (newer API variants); the Bot API as Linli targets it needs 2.
MIN_POLL_OPTIONS = max(2, int(PollLimit.MIN_OPTION_NUMBER))
MAX_COMMANDS = int(BotCommandLimit.MAX_COMMAND_NUMBER)
MAX_COMMAND_LEN = int(BotCommandLimit.MAX_COMMAND)
MAX_COMMAND_DESC = int(BotCommandLimit.MAX_DESCRIPTION)
MIN_MEDIA = int(MediaGroupLimit.MIN_MEDIA_LENGTH)
MAX_MEDIA = int(MediaGroupLimit.MAX_MEDIA_LENGTH)
MAX_DOWNLOAD = int(FileSizeLimit.FILESIZE_DOWNLOAD)
PER_SECOND = int(FloodLimit.MESSAGES_PER_SECOND)
PER_CHAT_PER_SECOND = int(FloodLimit.MESSAGES_PER_SECOND_PER_CHAT)
PER_GROUP_PER_MINUTE = int(FloodLimit.MESSAGES_PER_MINUTE_PER_GROUP)
PRIVATE_BURST = 3  # a private chat may take a few messages at once, then ~1/s
CALLBACK_MAX_AGE_S = 15 * 60
BOT_STATUSES = ("member", "administrator", "left", "kicked")
DEFAULT_UPDATE_TYPES_EXCLUDED = {"chat_member", "message_reaction", "message_reaction_count"}

QUERY_TOO_OLD = "Bad Request: query is too old and response timeout expired or query ID is invalid"
NOT_MODIFIED = (
    "Bad Request: message is not modified: specified new message content and reply markup "
    "are exactly the same as a current content and reply markup of the message"
)
WRONG_FILE = "Bad Request: wrong file identifier/HTTP URL specified"

_COMMAND_RE = re.compile(r"[a-z0-9_]+")
_SECRET_RE = re.compile(r"[A-Za-z0-9_-]{1,256}")


class ApiError(Exception):
    """A Bot API error answer: Telegram's error_code, description and optional parameters."""

    def __init__(
        self,
        code: int,
        description: str,
        parameters: dict[str, Any] | None = None,
        *,
        reason: str | None = None,
    ) -> None:
        super().__init__(description)
        self.code = code
        self.description = description
        self.parameters = parameters
        self.reason = reason

    def payload(self) -> dict[str, Any]:
        """Telegram's JSON error object."""
        out: dict[str, Any] = {
            "ok": False,
            "error_code": self.code,
            "description": self.description,
        }
        if self.parameters:
            out["parameters"] = self.parameters
        return out


class DriverError(Exception):
    """A bad driver API call; answered with HTTP 400 {"error": ...}."""


@dataclass
class Upload:
    """A file part of a multipart request."""

    filename: str
    data: bytes
    content_type: str


@dataclass
class FileRec:
    """A stored file, downloadable through getFile and /file/bot<token>/<path>."""

    file_id: str
    file_unique_id: str
    kind: str
    data: bytes
    path: str
    mime_type: str
    file_name: str | None = None
    width: int | None = None
    height: int | None = None
    photo_sizes: list[dict[str, Any]] | None = None  # set on every size of a photo


@dataclass
class SUser:
    """A user the emulator knows."""

    id: int
    first_name: str
    last_name: str | None = None
    username: str | None = None
    language_code: str | None = None
    role: str | None = None
    started: bool = False
    blocked: bool = False

    def tg(self) -> dict[str, Any]:
        """The Bot API User object."""
        out: dict[str, Any] = {"id": self.id, "is_bot": False, "first_name": self.first_name}
        if self.last_name:
            out["last_name"] = self.last_name
        if self.username:
            out["username"] = self.username
        if self.language_code:
            out["language_code"] = self.language_code
        return out

    def driver(self) -> dict[str, Any]:
        """The driver API view of the user."""
        return {
            "id": self.id,
            "first_name": self.first_name,
            "last_name": self.last_name,
            "username": self.username,
            "language_code": self.language_code,
            "role": self.role,
            "blocked": self.blocked,
            "started": self.started,
        }


@dataclass
class MsgRec:
    """A stored message: its Bot API form, full reply markup (any kind) and flags."""

    msg: dict[str, Any]
    markup: dict[str, Any] | None
    by_bot: bool
    edited: bool = False
    deleted: bool = False

    def bot_view(self) -> dict[str, Any]:
        """The Message as the Bot API returns it (only inline keyboards are part of it)."""
        if self.markup is not None and "inline_keyboard" in self.markup:
            return {**self.msg, "reply_markup": self.markup}
        return self.msg

    def driver_view(self) -> dict[str, Any]:
        """The Message as the driver API shows it."""
        out = dict(self.msg)
        if self.markup is not None:
            out["reply_markup"] = self.markup
        out["edited"] = self.edited
        out["deleted"] = self.deleted
        return out


@dataclass
class SChat:
    """A chat: a private chat with a user, a group, a supergroup or a channel."""

    id: int
    type: str
    title: str | None = None
    username: str | None = None
    members: list[int] = field(default_factory=list)
    messages: list[MsgRec] = field(default_factory=list)
    waiters: list[asyncio.Future[None]] = field(default_factory=list)
    # the bot's own status in a group or channel (ChatMember.status): "member",
    # "administrator", or "left"/"kicked" once it was removed (it then cannot post there)
    bot_status: str = "member"
    # flood control
    stamps: deque[float] = field(default_factory=deque)
    tokens: float = float(PRIVATE_BURST)
    tokens_at: float = 0.0


@dataclass
class CallbackRec:
    """A callback query sent to the bot and how it was answered."""

    id: str
    user_id: int
    created: float
    answer: dict[str, Any] | None = None
    done: asyncio.Future[dict[str, Any]] | None = None


@dataclass
class PollRec:
    """A poll sent by the bot."""

    poll: dict[str, Any]
    chat_id: int
    message_id: int
    votes: dict[int, list[int]] = field(default_factory=dict)


class Params:
    """Parameters of one Bot API call, typed on access as Telegram converts them."""

    def __init__(self, data: dict[str, Any], files: dict[str, Upload]) -> None:
        self.data = data
        self.files = files

    def has(self, name: str) -> bool:
        """Whether the parameter is present and not empty."""
        value = self.data.get(name, self.files.get(name))
        return value is not None and value != ""

    def string(self, name: str, *, required: bool = False, empty: str | None = None) -> str | None:
        """A string parameter (numbers are accepted and converted)."""
        value = self.data.get(name)
        if value is None or value == "":
            if required:
                raise ApiError(400, empty or f"Bad Request: {name} is empty")
            return None
        if isinstance(value, bool):
            return "true" if value else "false"
        if isinstance(value, int | float):
            return str(value)
        if not isinstance(value, str):
            raise ApiError(400, f'Bad Request: field "{name}" must be of type String')
        return value

    def integer(self, name: str, *, required: bool = False) -> int | None:
        """An integer parameter."""
        value = self.data.get(name)
        if value is None or value == "":
            if required:
                raise ApiError(400, f"Bad Request: {name} is empty")
            return None
        if isinstance(value, bool):
            raise ApiError(400, f'Bad Request: field "{name}" must be of type Integer')
        if isinstance(value, int):
            return value
        if isinstance(value, float) and value.is_integer():
            return int(value)
        if isinstance(value, str):
            with contextlib.suppress(ValueError):
                return int(value.strip())
        raise ApiError(400, f'Bad Request: field "{name}" must be of type Integer')

    def number(self, name: str, *, required: bool = False) -> float | None:
        """A float parameter."""
        value = self.data.get(name)
        if value is None or value == "":
            if required:
                raise ApiError(400, f"Bad Request: {name} is empty")
            return None
        if isinstance(value, int | float) and not isinstance(value, bool):
            return float(value)
        if isinstance(value, str):
            with contextlib.suppress(ValueError):
                out = float(value.strip())
                if math.isfinite(out):
                    return out
        raise ApiError(400, f'Bad Request: field "{name}" must be of type Float')

    def flag(self, name: str, default: bool = False) -> bool:
        """A boolean parameter ("true"/"false", "1"/"0", or JSON booleans)."""
        value = self.data.get(name)
        if value is None or value == "":
            return default
        if isinstance(value, bool):
            return value
        if isinstance(value, int):
            return value != 0
        if isinstance(value, str):
            low = value.strip().lower()
            if low in ("true", "1", "yes"):
                return True
            if low in ("false", "0", "no"):
                return False
        raise ApiError(400, f'Bad Request: field "{name}" must be of type Boolean')

    def obj(self, name: str, error: str | None = None) -> Any:
        """A JSON-serialized parameter (or an already structured value in a JSON body)."""
        value = self.data.get(name)
        if value is None or value == "":
            return None
        if isinstance(value, str):
            try:
                return json.loads(value)
            except ValueError:
                raise ApiError(
                    400, error or f"Bad Request: can't parse {name} JSON object"
                ) from None
        return value

    def chat_id(self) -> int | str:
        """The chat_id parameter: an integer or an @username."""
        value = self.data.get("chat_id")
        if value is None or value == "":
            raise ApiError(400, "Bad Request: chat_id is empty")
        if isinstance(value, bool):
            raise ApiError(400, "Bad Request: chat not found")
        if isinstance(value, int):
            return value
        if isinstance(value, float) and value.is_integer():
            return int(value)
        if isinstance(value, str):
            text = value.strip()
            if text.startswith("@"):
                return text
            with contextlib.suppress(ValueError):
                return int(text)
        raise ApiError(400, "Bad Request: chat not found")

    def file(self, name: str) -> Upload | str | None:
        """A file parameter: an uploaded part, an attach:// reference, or a file_id/URL."""
        if name in self.files:
            return self.files[name]
        value = self.data.get(name)
        if value is None or value == "":
            return None
        if not isinstance(value, str):
            raise ApiError(400, WRONG_FILE)
        if value.startswith("attach://"):
            ref = value[len("attach://") :]
            if ref in self.files:
                return self.files[ref]
            raise ApiError(400, WRONG_FILE)
        return value

    def sanitized(self) -> dict[str, Any]:
        """The parameters for the call log, with files replaced by a short description."""
        out: dict[str, Any] = dict(self.data)
        for name, up in self.files.items():
            out[name] = {"file_name": up.filename, "size": len(up.data)}
        return out


def _dumps(obj: Any) -> bytes:
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def _json_response(obj: Any, status: int = 200) -> web.Response:
    return web.Response(body=_dumps(obj), status=status, content_type="application/json")


def _utcnow() -> datetime:
    return datetime.now(UTC)


BotMethod = Callable[[Params], Awaitable[Any]]


class Emulator:
    """The in-memory Telegram Bot API emulator with its driver API and web page."""

    def __init__(
        self,
        *,
        token: str = SANDBOX_TOKEN,
        limits: bool = False,
        clock: Callable[[], datetime] | None = None,
    ) -> None:
        self.token = token
        self.limits = limits
        self.clock: Callable[[], datetime] = clock or _utcnow
        self.bot_id = int(token.split(":", 1)[0]) if token.split(":", 1)[0].isdigit() else BOT_ID
        self.bot_username = BOT_USERNAME
        self.bot_first_name = BOT_FIRST_NAME
        self.base_url = ""
        self.bot_ready = False
        self.users: dict[int, SUser] = {}
        self.chats: dict[int, SChat] = {}
        self.files: dict[str, FileRec] = {}
        self.file_paths: dict[str, FileRec] = {}
        self.callbacks: dict[str, CallbackRec] = {}
        self.polls: dict[str, PollRec] = {}
        self.commands: dict[str, list[dict[str, Any]]] = {}
        self.calls: deque[dict[str, Any]] = deque(maxlen=20000)
        self.errors: deque[dict[str, Any]] = deque(maxlen=5000)
        self.faults: dict[str, list[dict[str, Any]]] = {}
        self._call_seq = itertools.count(1)
        self._file_seq = itertools.count(1)
        self._update_seq = itertools.count(1)
        self._updates: dict[int, dict[str, Any]] = {}
        self._updates_event = asyncio.Event()
        self._poll_generation = 0
        self._release_seq = 0
        self._allowed_updates: list[str] | None = None
        self._global_stamps: deque[float] = deque()
        self._webhook: dict[str, Any] | None = None
        self._webhook_task: asyncio.Task[None] | None = None
        self._webhook_inflight: set[int] = set()
        self._webhook_inflight_chats: set[int] = set()
        self._webhook_error: tuple[int, str] | None = None
        self._tasks: set[asyncio.Task[Any]] = set()
        self._closing = False
        self._runner: web.AppRunner | None = None
        self._session: Any = None
        self._methods: dict[str, tuple[str, BotMethod]] = {}
        self._register_methods()
        self.app = web.Application(client_max_size=64 * 1024 * 1024)
        self._setup_routes()
        self.app.on_shutdown.append(self._on_shutdown)
        self.app.on_cleanup.append(self._on_cleanup)

    # ------------------------------------------------------------------ lifecycle

    async def start(self, host: str = "127.0.0.1", port: int = 0) -> str:
        """Serve the application; returns the base URL such as "http://127.0.0.1:PORT"."""
        self._closing = False
        self._runner = web.AppRunner(self.app, access_log=None, shutdown_timeout=1.0)
        await self._runner.setup()
        site = web.TCPSite(self._runner, host, port)
        await site.start()
        server = site._server
        sockets = getattr(server, "sockets", None) or []
        real_port = sockets[0].getsockname()[1] if sockets else port
        shown = "127.0.0.1" if host in ("0.0.0.0", "") else host
        self.base_url = f"http://{shown}:{real_port}"
        return self.base_url

    async def stop(self) -> None:
        """Stop serving, wake every long poll and cancel webhook delivery."""
        await self._shutdown_internals()
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def _on_shutdown(self, app: web.Application) -> None:
        await self._shutdown_internals()

    async def _on_cleanup(self, app: web.Application) -> None:
        await self._shutdown_internals()

    async def _shutdown_internals(self) -> None:
        self._closing = True
        self._updates_event.set()
        for chat in self.chats.values():
            self._wake_chat(chat)
        for cb in self.callbacks.values():
            if cb.done is not None and not cb.done.done():
                cb.done.cancel()
        tasks = list(self._tasks)
        if self._webhook_task is not None:
            tasks.append(self._webhook_task)
            self._webhook_task = None
        for task in tasks:
            task.cancel()
        for task in tasks:
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await task
        if self._session is not None:
            await self._session.close()
            self._session = None

    # ------------------------------------------------------------------ saved state

    def snapshot(self) -> dict[str, Any]:
        """What a person sees on the chat page, as plain JSON: users, chats with their messages,
        stored files and polls (so a sandbox restarted on the same database shows the chats
        its bot remembers). Calls, errors, faults and pending updates are not kept."""
        return {
            "version": 1,
            "users": [asdict(u) for u in self.users.values()],
            "chats": [
                {
                    "id": c.id,
                    "type": c.type,
                    "title": c.title,
                    "username": c.username,
                    "members": list(c.members),
                    "bot_status": c.bot_status,
                    "messages": [
                        [m.msg, m.markup, m.by_bot, m.edited, m.deleted] for m in c.messages
                    ],
                }
                for c in self.chats.values()
            ],
            "files": [
                {**asdict(f), "data": base64.b64encode(f.data).decode()}
                for f in self.files.values()
            ],
            "polls": [asdict(p) for p in self.polls.values()],
            "commands": self.commands,
            "file_seq": next(self._file_seq),
            "update_seq": next(self._update_seq),
        }

    def restore(self, saved: dict[str, Any]) -> None:
        """Take up a `snapshot` (before the bot starts); a snapshot of another version is
        ignored."""
        if saved.get("version") != 1:
            return
        self.users = {int(u["id"]): SUser(**u) for u in saved["users"]}
        self.chats = {}
        for c in saved["chats"]:
            chat = SChat(
                id=int(c["id"]),
                type=c["type"],
                title=c["title"],
                username=c["username"],
                members=[int(m) for m in c["members"]],
                bot_status=str(c.get("bot_status") or "member"),
            )
            chat.messages = [
                MsgRec(msg=msg, markup=markup, by_bot=by_bot, edited=edited, deleted=deleted)
                for msg, markup, by_bot, edited, deleted in c["messages"]
            ]
            self.chats[chat.id] = chat
        self.files, self.file_paths = {}, {}
        for f in saved["files"]:
            rec = FileRec(**{**f, "data": base64.b64decode(f["data"])})
            self.files[rec.file_id] = rec
            self.file_paths[rec.path] = rec
        self.polls = {}
        for p in saved["polls"]:
            votes = {int(k): v for k, v in p["votes"].items()}
            self.polls[p["poll"]["id"]] = PollRec(
                poll=p["poll"], chat_id=p["chat_id"], message_id=p["message_id"], votes=votes
            )
        self.commands = dict(saved.get("commands") or {})
        self._file_seq = itertools.count(int(saved["file_seq"]))
        self._update_seq = itertools.count(int(saved["update_seq"]))

    # ------------------------------------------------------------------ Python API

    def add_user(
        self,
        *,
        id: int,
        first_name: str,
        last_name: str | None = None,
        username: str | None = None,
        language_code: str | None = None,
        role: str | None = None,
    ) -> None:
        """Create or update a user who has started the bot (a private chat exists)."""
        if not isinstance(id, int) or isinstance(id, bool) or id <= 0:
            raise ValueError("user id must be a positive integer")
        if not first_name:
            raise ValueError("first_name is required")
        user = self.users.get(id)
        if user is None:
            user = SUser(id=id, first_name=first_name)
            self.users[id] = user
        user.first_name = first_name
        user.last_name = last_name
        user.username = username
        user.language_code = language_code
        if role is not None:
            user.role = role
        user.started = True
        if id not in self.chats:
            self.chats[id] = SChat(id=id, type="private")

    def add_group(
        self,
        *,
        id: int,
        title: str,
        type: str,
        members: list[int] | None = None,
        username: str | None = None,
        bot_status: str | None = None,
        by: int | None = None,
    ) -> None:
        """Create or update a group, supergroup or channel with the bot in it.

        With `bot_status` ("member", "administrator", "left", "kicked") the bot's membership
        changes as someone (`by`, a user id; the group's first member by default) added,
        promoted or removed it, and the bot gets a `my_chat_member` update, as from Telegram;
        without it the bot is simply there (a member), and nothing is sent."""
        if type not in ("group", "supergroup", "channel"):
            raise ValueError('type must be "group", "supergroup" or "channel"')
        if bot_status is not None and bot_status not in BOT_STATUSES:
            raise ValueError('bot_status must be "member", "administrator", "left" or "kicked"')
        if by is not None and by not in self.users:
            raise ValueError(f"unknown user {by}")
        known = self.chats.get(id)
        if bot_status is not None and by is None and not (members or (known and known.members)):
            raise ValueError("from (who changed the bot's membership) is required")
        if not isinstance(id, int) or isinstance(id, bool) or id >= 0:
            raise ValueError("group and channel ids must be negative integers")
        if not title:
            raise ValueError("title is required")
        chat = self.chats.get(id)
        created = chat is None
        if chat is None:
            chat = SChat(id=id, type=type)
            self.chats[id] = chat
        chat.type = type
        chat.title = title
        if username is not None:
            chat.username = username.lstrip("@")
        for uid in members or []:
            if not isinstance(uid, int) or isinstance(uid, bool) or uid <= 0:
                raise ValueError("member ids must be positive integers")
            if uid not in self.users:
                self.users[uid] = SUser(id=uid, first_name=f"User {uid}")
            if uid not in chat.members:
                chat.members.append(uid)
        if bot_status is not None:
            self._set_bot_status(chat, bot_status, by=by, created=created)

    def _set_bot_status(self, chat: SChat, status: str, *, by: int | None, created: bool) -> None:
        """The bot's membership changes; the bot hears of it (my_chat_member) when it did."""
        before = "left" if created else chat.bot_status
        chat.bot_status = status
        if before == status:
            return
        actor = by if by is not None else chat.members[0]

        def member(state: str) -> dict[str, Any]:
            if state == "administrator":  # the rights getChatMember answers, every field set
                return self._admin_member()
            out: dict[str, Any] = {"status": state, "user": self.bot_user()}
            if state == "kicked":
                out["until_date"] = 0
            return out

        self._enqueue(
            "my_chat_member",
            {
                "chat": self.chat_tg(chat),
                "from": self.users[actor].tg(),
                "date": int(self.now()),
                "old_chat_member": member(before),
                "new_chat_member": member(status),
            },
        )

    def release_long_polls(self) -> None:
        """Answer the pending getUpdates now (lets a bot stop polling without waiting)."""
        self._release_seq += 1
        self._updates_event.set()

    def clear_log(self) -> None:
        """Forget the call log and the error list (for tests)."""
        self.calls.clear()
        self.errors.clear()

    # ------------------------------------------------------------------ helpers

    def now(self) -> float:
        """The injected clock as a POSIX timestamp."""
        return self.clock().timestamp()

    def _spawn(self, coro: Awaitable[Any]) -> None:
        task: asyncio.Task[Any] = asyncio.ensure_future(coro)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    def chat_tg(self, chat: SChat) -> dict[str, Any]:
        """The Bot API Chat object."""
        if chat.type == "private":
            user = self.users[chat.id]
            out: dict[str, Any] = {"id": chat.id, "type": "private", "first_name": user.first_name}
            if user.last_name:
                out["last_name"] = user.last_name
            if user.username:
                out["username"] = user.username
            return out
        out = {"id": chat.id, "type": chat.type, "title": chat.title}
        if chat.username:
            out["username"] = chat.username
        return out

    def bot_user(self) -> dict[str, Any]:
        """The bot as a User object."""
        return {
            "id": self.bot_id,
            "is_bot": True,
            "first_name": self.bot_first_name,
            "username": self.bot_username,
        }

    def _wake_chat(self, chat: SChat) -> None:
        waiters, chat.waiters = chat.waiters, []
        for fut in waiters:
            if not fut.done():
                fut.set_result(None)

    def _enqueue(self, kind: str, payload: dict[str, Any]) -> int:
        update_id = next(self._update_seq)
        allowed = self._allowed_updates
        if allowed:
            if kind not in allowed:
                return update_id
        elif kind in DEFAULT_UPDATE_TYPES_EXCLUDED:
            return update_id
        self._updates[update_id] = {"update_id": update_id, kind: payload}
        self._updates_event.set()
        return update_id

    def _store(
        self,
        chat: SChat,
        content: dict[str, Any],
        *,
        by_bot: bool,
        sender: dict[str, Any],
        markup: dict[str, Any] | None = None,
        reply_to: MsgRec | None = None,
    ) -> MsgRec:
        msg: dict[str, Any] = {
            "message_id": len(chat.messages) + 1,
            "from": sender,
            "chat": self.chat_tg(chat),
            "date": int(self.now()),
        }
        if by_bot and chat.type == "channel":
            msg["sender_chat"] = msg["chat"]
        if reply_to is not None:
            msg["reply_to_message"] = reply_to.bot_view()
        msg.update(content)
        rec = MsgRec(msg=msg, markup=markup, by_bot=by_bot)
        chat.messages.append(rec)
        if by_bot:
            self._wake_chat(chat)
        return rec

    def _find_message(self, chat: SChat, message_id: int | None) -> MsgRec | None:
        if message_id is None or message_id < 1 or message_id > len(chat.messages):
            return None
        rec = chat.messages[message_id - 1]
        return None if rec.deleted else rec

    # ------------------------------------------------------------------ routes

    def _setup_routes(self) -> None:
        r = self.app.router
        r.add_route("*", "/bot{token}/{method}", self._handle_bot)
        r.add_route("*", "/bot{token}/", self._handle_bot_no_method)
        r.add_get("/file/bot{token}/{path:.+}", self._handle_file)
        from sandbox.driver_api import setup_driver_routes

        setup_driver_routes(self)
        r.add_get("/", self._handle_index)
        if STATIC_DIR.is_dir():
            r.add_static("/static/", STATIC_DIR)

    async def _handle_index(self, request: web.Request) -> web.StreamResponse:
        index = STATIC_DIR / "index.html"
        if not index.is_file():
            return web.Response(text="Linli sandbox", content_type="text/plain")
        return web.FileResponse(index, headers={"Cache-Control": "no-cache"})

    async def _handle_bot_no_method(self, request: web.Request) -> web.Response:
        return _json_response(ApiError(404, "Not Found").payload(), 404)

    async def _handle_file(self, request: web.Request) -> web.Response:
        if request.match_info["token"] != self.token:
            return _json_response(ApiError(401, "Unauthorized").payload(), 401)
        rec = self.file_paths.get(request.match_info["path"])
        if rec is None:
            return _json_response(ApiError(404, "Not Found").payload(), 404)
        return web.Response(body=rec.data, content_type=rec.mime_type)

    async def _read_params(self, request: web.Request) -> Params:
        data: dict[str, Any] = dict(request.query)
        files: dict[str, Upload] = {}
        if request.method == "POST" and request.can_read_body:
            ctype = request.content_type
            if ctype == "application/json":
                raw = await request.read()
                if raw.strip():
                    try:
                        body = json.loads(raw)
                    except ValueError:
                        raise ApiError(400, "Bad Request: can't parse JSON request body") from None
                    if not isinstance(body, dict):
                        raise ApiError(400, "Bad Request: JSON request body must be an object")
                    data.update(body)
            elif ctype.startswith("multipart/"):
                try:
                    reader = await request.multipart()
                    while True:
                        part = await reader.next()
                        if part is None:
                            break
                        if not isinstance(part, BodyPartReader) or not part.name:
                            continue
                        if part.filename is not None:
                            blob = await part.read(decode=False)
                            files[part.name] = Upload(
                                part.filename,
                                bytes(blob),
                                part.headers.get("Content-Type", "application/octet-stream"),
                            )
                        else:
                            data[part.name] = await part.text()
                except (ValueError, AssertionError, UnicodeDecodeError) as exc:
                    raise ApiError(
                        400, f"Bad Request: can't parse multipart body: {exc}"
                    ) from None
            else:
                form = await request.post()
                for key, value in form.items():
                    if isinstance(value, str):
                        data[key] = value
                    elif isinstance(value, bytes | bytearray):
                        data[key] = bytes(value).decode("utf-8", "replace")
                    else:
                        files[key] = Upload(value.filename, value.file.read(), value.content_type)
        return Params(data, files)

    async def _handle_bot(self, request: web.Request) -> web.Response:
        token = request.match_info["token"]
        method = request.match_info["method"]
        if token != self.token:
            err = ApiError(401, "Unauthorized")
            self._record(method, {}, err.payload(), err)
            return _json_response(err.payload(), 401)
        try:
            params = await self._read_params(request)
        except ApiError as err:
            self._record(method, {}, err.payload(), err)
            return _json_response(err.payload(), err.code)
        except (asyncio.CancelledError, ConnectionError):
            raise
        except Exception as exc:
            bad = ApiError(400, f"Bad Request: can't parse request body: {exc}")
            self._record(method, {}, bad.payload(), bad)
            return _json_response(bad.payload(), bad.code)
        payload, status = await self.call(method, params, request=request)
        return _json_response(payload, status)

    async def call(
        self, method: str, params: Params, *, request: web.Request | None = None
    ) -> tuple[dict[str, Any], int]:
        """Run one Bot API method; returns (Telegram JSON answer, HTTP status)."""
        entry = self._methods.get(method.lower())
        name = entry[0] if entry else method
        try:
            if entry is None:
                raise ApiError(404, "Not Found")
            self._check_fault(name)
            result = await entry[1](params)
            payload: dict[str, Any] = {"ok": True, "result": result}
            if name == "setWebhook":
                payload["description"] = (
                    "Webhook was set" if params.has("url") else ("Webhook was deleted")
                )
            elif name == "deleteWebhook":
                payload["description"] = "Webhook was deleted"
            self._record(name, params.sanitized(), payload, None)
            return payload, 200
        except ApiError as err:
            if (
                err.reason == "conflict"
                and request is not None
                and (request.transport is None or request.transport.is_closing())
            ):
                return err.payload(), err.code  # nobody is listening any more
            self._record(name, params.sanitized(), err.payload(), err)
            return err.payload(), err.code
        except Exception as exc:
            log.exception("sandbox emulator failed on %s", name)
            crash = ApiError(500, f"Internal Server Error: emulator failed: {exc!r}")
            self._record(name, params.sanitized(), crash.payload(), crash)
            return crash.payload(), 500

    def _record(
        self, method: str, params: dict[str, Any], answer: dict[str, Any], err: ApiError | None
    ) -> None:
        entry: dict[str, Any] = {
            "id": next(self._call_seq),
            "time": self.clock().isoformat(),
            "method": method,
            "params": params,
            "ok": err is None,
            "answer": answer,
        }
        if err is not None:
            entry["error_code"] = err.code
            entry["description"] = err.description
            entry["reason"] = err.reason
            if err.reason not in ("fault", "blocked"):
                self.errors.append(entry)
        self.calls.append(entry)

    def _check_fault(self, name: str) -> None:
        queue = self.faults.get(name.lower())
        if not queue:
            return
        fault = queue[0]
        fault["count"] -= 1
        if fault["count"] <= 0:
            queue.pop(0)
        raise ApiError(
            fault["error_code"], fault["description"], fault.get("parameters"), reason="fault"
        )

    def add_fault(
        self,
        *,
        method: str,
        error_code: int,
        description: str,
        count: int = 1,
        parameters: dict[str, Any] | None = None,
    ) -> None:
        """Make the next ``count`` calls of ``method`` fail with the given error."""
        params = dict(parameters or {})
        if error_code == 429 and "retry_after" not in params:
            m = re.search(r"retry after (\d+)", description)
            params["retry_after"] = int(m.group(1)) if m else 1
        self.faults.setdefault(method.lower(), []).append(
            {
                "error_code": error_code,
                "description": description,
                "count": count,
                "parameters": params or None,
            }
        )

    # ------------------------------------------------------------------ method registry

    def _register_methods(self) -> None:
        table: dict[str, BotMethod] = {
            "getMe": self.m_get_me,
            "logOut": self.m_true,
            "close": self.m_true,
            "getUpdates": self.m_get_updates,
            "setWebhook": self.m_set_webhook,
            "deleteWebhook": self.m_delete_webhook,
            "getWebhookInfo": self.m_get_webhook_info,
            "sendMessage": self.m_send_message,
            "editMessageText": self.m_edit_text,
            "editMessageCaption": self.m_edit_caption,
            "editMessageReplyMarkup": self.m_edit_markup,
            "deleteMessage": self.m_delete_message,
            "deleteMessages": self.m_delete_messages,
            "answerCallbackQuery": self.m_answer_callback,
            "sendPhoto": self.m_send_photo,
            "sendDocument": self.m_send_document,
            "sendVoice": self.m_send_voice,
            "sendMediaGroup": self.m_send_media_group,
            "sendLocation": self.m_send_location,
            "sendContact": self.m_send_contact,
            "sendChatAction": self.m_send_chat_action,
            "sendPoll": self.m_send_poll,
            "stopPoll": self.m_stop_poll,
            "copyMessage": self.m_copy_message,
            "forwardMessage": self.m_forward_message,
            "getFile": self.m_get_file,
            "setMyCommands": self.m_set_commands,
            "getMyCommands": self.m_get_commands,
            "deleteMyCommands": self.m_delete_commands,
            "setMyDescription": self.m_true,
            "setMyShortDescription": self.m_true,
            "setMyName": self.m_true,
            "setChatMenuButton": self.m_true,
            "pinChatMessage": self.m_pin,
            "unpinChatMessage": self.m_chat_true,
            "unpinAllChatMessages": self.m_chat_true,
            "getChat": self.m_get_chat,
            "getChatMember": self.m_get_chat_member,
            "getChatAdministrators": self.m_get_chat_admins,
            "getChatMemberCount": self.m_get_chat_member_count,
        }
        self._methods = {name.lower(): (name, fn) for name, fn in table.items()}

    # ------------------------------------------------------------------ chat resolution

    def _lookup_chat(self, chat_id: int | str) -> SChat:
        if isinstance(chat_id, str):
            uname = chat_id.lstrip("@").lower()
            for known in self.chats.values():
                if known.type != "private" and known.username and known.username.lower() == uname:
                    return known
            raise ApiError(400, "Bad Request: chat not found")
        chat = self.chats.get(chat_id)
        if chat is None:
            raise ApiError(400, "Bad Request: chat not found")
        return chat

    def _writable_chat(self, chat_id: int | str) -> SChat:
        """The chat the bot writes to, or Telegram's 400/403 answer."""
        if isinstance(chat_id, int) and chat_id > 0:
            user = self.users.get(chat_id)
            if user is None:
                raise ApiError(400, "Bad Request: chat not found")
            if user.blocked:
                raise ApiError(403, "Forbidden: bot was blocked by the user", reason="blocked")
            if not user.started or chat_id not in self.chats:
                raise ApiError(403, "Forbidden: bot can't initiate conversation with a user")
            return self.chats[chat_id]
        chat = self._lookup_chat(chat_id)
        if chat.bot_status in ("left", "kicked"):  # removed: Telegram's answer
            if chat.type == "channel":
                raise ApiError(403, "Forbidden: bot is not a member of the channel chat")
            raise ApiError(403, f"Forbidden: bot was kicked from the {chat.type} chat")
        return chat

    def _check_flood(self, chat: SChat, count: int = 1) -> None:
        if not self.limits:
            return
        now = self.now()
        stamps = self._global_stamps
        while stamps and stamps[0] <= now - 1.0:
            stamps.popleft()
        if len(stamps) + count > PER_SECOND:
            wait = stamps[0] + 1.0 - now if stamps else 1.0
            self._raise_flood(wait)
        if chat.type == "private":
            elapsed = max(now - chat.tokens_at, 0.0)
            chat.tokens = min(float(PRIVATE_BURST), chat.tokens + elapsed * PER_CHAT_PER_SECOND)
            chat.tokens_at = now
            if chat.tokens < count:
                self._raise_flood((count - chat.tokens) / PER_CHAT_PER_SECOND)
            chat.tokens -= count
        else:
            cs = chat.stamps
            while cs and cs[0] <= now - 60.0:
                cs.popleft()
            if len(cs) + count > PER_GROUP_PER_MINUTE:
                self._raise_flood(cs[0] + 60.0 - now if cs else 60.0)
            cs.extend([now] * count)
        stamps.extend([now] * count)

    @staticmethod
    def _raise_flood(wait: float) -> None:
        retry = max(1, math.ceil(wait))
        raise ApiError(
            429,
            f"Too Many Requests: retry after {retry}",
            {"retry_after": retry},
            reason="rate_limit",
        )

    # ------------------------------------------------------------------ formatting & markup

    def _format(
        self,
        text: str | None,
        parse_mode: str | None,
        entities: Any,
        *,
        caption: bool,
    ) -> tuple[str, list[dict[str, Any]]]:
        """Parse text with its parse mode; check emptiness and length as Telegram does."""
        raw = text or ""
        ents: list[dict[str, Any]] = []
        mode = (parse_mode or "").strip().lower()
        if mode == "html":
            try:
                raw, ents = parse_html(raw)
            except EntityParseError as exc:
                raise ApiError(400, f"Bad Request: can't parse entities: {exc}") from None
        elif mode in ("markdown", "markdownv2"):
            pass  # accepted and stored as sent (not parsed by the sandbox)
        elif mode:
            raise ApiError(400, f"Bad Request: unsupported parse_mode {parse_mode!r}")
        elif entities is not None:
            ents = self._check_entities(entities)
        raw, ents = strip_text(raw, ents)
        ents = auto_entities(raw, ents)
        if not caption and not raw:
            raise ApiError(400, "Bad Request: message text is empty")
        size = utf16_len(raw)
        if caption and size > MAX_CAPTION:
            raise ApiError(400, "Bad Request: message caption is too long")
        if not caption and size > MAX_TEXT:
            raise ApiError(400, "Bad Request: message is too long")
        return raw, ents

    @staticmethod
    def _check_entities(entities: Any) -> list[dict[str, Any]]:
        if not isinstance(entities, list):
            raise ApiError(400, "Bad Request: can't parse entities JSON object")
        out: list[dict[str, Any]] = []
        for ent in entities:
            if (
                not isinstance(ent, dict)
                or not isinstance(ent.get("type"), str)
                or not isinstance(ent.get("offset"), int)
                or not isinstance(ent.get("length"), int)
            ):
                raise ApiError(400, "Bad Request: can't parse entities JSON object")
            out.append(ent)
        return out

    def _markup(self, p: Params, *, inline_only: bool = False) -> dict[str, Any] | None:
        raw = p.obj("reply_markup", "Bad Request: can't parse reply keyboard markup JSON object")
        if raw is None:
            return None
        if not isinstance(raw, dict):
            raise ApiError(400, "Bad Request: can't parse reply keyboard markup JSON object")
        if "inline_keyboard" in raw:
            return self._inline_markup(raw)
        if inline_only:
            raise ApiError(400, "Bad Request: inline keyboard expected")
        if "keyboard" in raw:
            rows = raw["keyboard"]
            if not isinstance(rows, list) or not all(isinstance(r, list) for r in rows):
                raise ApiError(400, 'Bad Request: field "keyboard" must be an Array of Arrays')
            norm_rows: list[list[dict[str, Any]]] = []
            total = 0
            for row in rows:
                norm: list[dict[str, Any]] = []
                for button in row:
                    if isinstance(button, str):
                        button = {"text": button}
                    if not isinstance(button, dict) or not isinstance(button.get("text"), str):
                        raise ApiError(400, "Bad Request: can't parse keyboard button")
                    if not button["text"]:
                        raise ApiError(400, "Bad Request: keyboard button text must be non-empty")
                    norm.append(button)
                    total += 1
                norm_rows.append(norm)
            if total > 300:
                raise ApiError(400, "Bad Request: reply markup is too long")
            return {**raw, "keyboard": norm_rows}
        if raw.get("remove_keyboard") is True or raw.get("force_reply") is True:
            return raw
        raise ApiError(400, "Bad Request: can't parse reply keyboard markup JSON object")

    @staticmethod
    def _inline_markup(raw: dict[str, Any]) -> dict[str, Any]:
        rows = raw["inline_keyboard"]
        if not isinstance(rows, list) or not all(isinstance(r, list) for r in rows):
            raise ApiError(400, 'Bad Request: field "inline_keyboard" must be an Array of Arrays')
        total = sum(len(r) for r in rows)
        if total > MAX_BUTTONS:
            raise ApiError(400, "Bad Request: reply markup is too long")
        actions = (
            "url",
            "callback_data",
            "web_app",
            "login_url",
            "switch_inline_query",
            "switch_inline_query_current_chat",
            "switch_inline_query_chosen_chat",
            "copy_text",
            "callback_game",
            "pay",
        )
        for row in rows:
            for button in row:
                if not isinstance(button, dict) or not isinstance(button.get("text"), str):
                    raise ApiError(400, "Bad Request: can't parse inline keyboard button")
                present = [a for a in actions if a in button and button[a] is not None]
                if not present:
                    raise ApiError(
                        400,
                        "Bad Request: can't parse inline keyboard button: Text buttons are "
                        "unallowed in the inline keyboard",
                    )
                if "callback_data" in button:
                    data = button["callback_data"]
                    if (
                        not isinstance(data, str)
                        or not data
                        or len(data.encode("utf-8")) > MAX_CALLBACK_DATA
                    ):
                        raise ApiError(400, "Bad Request: BUTTON_DATA_INVALID")
                if "url" in button and (not isinstance(button["url"], str) or not button["url"]):
                    raise ApiError(400, "Bad Request: BUTTON_URL_INVALID")
        return {"inline_keyboard": rows}

    def _reply_to(self, p: Params, chat: SChat) -> MsgRec | None:
        params = p.obj("reply_parameters")
        mid: int | None
        allow = p.flag("allow_sending_without_reply")
        if isinstance(params, dict):
            mid = params.get("message_id") if isinstance(params.get("message_id"), int) else None
            if mid is None:
                raise ApiError(400, "Bad Request: message to be replied not found")
            allow = bool(params.get("allow_sending_without_reply", allow))
        else:
            mid = p.integer("reply_to_message_id")
        if mid is None:
            return None
        rec = self._find_message(chat, mid)
        if rec is None and not allow:
            raise ApiError(400, "Bad Request: message to be replied not found")
        return rec

    # ------------------------------------------------------------------ files

    def _new_file(
        self,
        kind: str,
        data: bytes,
        mime: str,
        *,
        ext: str,
        file_name: str | None = None,
        width: int | None = None,
        height: int | None = None,
    ) -> FileRec:
        n = next(self._file_seq)
        digest = hashlib.sha1(data + n.to_bytes(8, "big")).digest()
        file_id = f"SBX{kind[:2].upper()}{n:06d}" + base64.urlsafe_b64encode(digest).decode()[:24]
        unique = "U" + base64.urlsafe_b64encode(digest[:9]).decode()
        rec = FileRec(
            file_id=file_id,
            file_unique_id=unique,
            kind=kind,
            data=data,
            path=f"{kind}s/file_{n}.{ext}",
            mime_type=mime,
            file_name=file_name,
            width=width,
            height=height,
        )
        self.files[file_id] = rec
        self.file_paths[rec.path] = rec
        return rec

    def store_photo(self, data: bytes, *, strict: bool) -> list[dict[str, Any]]:
        """Store an image; returns its PhotoSize array (smallest first)."""
        width = height = 0
        thumb: bytes | None = None
        thumb_size = (0, 0)
        try:
            from PIL import Image

            with Image.open(io.BytesIO(data)) as img:
                width, height = img.size
                if max(width, height) > 320:
                    small = img.convert("RGB")
                    small.thumbnail((320, 320))
                    buf = io.BytesIO()
                    small.save(buf, format="JPEG", quality=80)
                    thumb = buf.getvalue()
                    thumb_size = small.size
        except Exception:
            if strict:
                raise ApiError(400, "Bad Request: IMAGE_PROCESS_FAILED") from None
            width = height = 1
        sizes: list[FileRec] = []
        if thumb is not None:
            sizes.append(
                self._new_file(
                    "photo",
                    thumb,
                    "image/jpeg",
                    ext="jpg",
                    width=thumb_size[0],
                    height=thumb_size[1],
                )
            )
        sizes.append(
            self._new_file("photo", data, "image/jpeg", ext="jpg", width=width, height=height)
        )
        arr = [
            {
                "file_id": r.file_id,
                "file_unique_id": r.file_unique_id,
                "file_size": len(r.data),
                "width": r.width,
                "height": r.height,
            }
            for r in sizes
        ]
        for r in sizes:
            r.photo_sizes = arr
        return arr

    def _file_obj(self, rec: FileRec) -> dict[str, Any]:
        out: dict[str, Any] = {
            "file_id": rec.file_id,
            "file_unique_id": rec.file_unique_id,
            "file_size": len(rec.data),
        }
        if rec.kind in ("document", "video", "audio", "animation") and rec.file_name:
            out["file_name"] = rec.file_name
        if rec.kind != "photo":
            out["mime_type"] = rec.mime_type
        return out

    def store_generic(
        self, kind: str, up: Upload, *, default_mime: str, default_name: str
    ) -> FileRec:
        """Store an uploaded non-photo file."""
        mime = up.content_type
        name = up.filename or default_name
        if not mime or mime == "application/octet-stream":
            mime = mimetypes.guess_type(name)[0] or default_mime
        ext = name.rsplit(".", 1)[-1] if "." in name else "bin"
        return self._new_file(kind, up.data, mime, ext=ext[:8], file_name=name)

    def _photo_from(self, value: Upload | str | None) -> list[dict[str, Any]]:
        if value is None:
            raise ApiError(400, "Bad Request: there is no photo in the request")
        if isinstance(value, Upload):
            return self.store_photo(value.data, strict=True)
        rec = self.files.get(value)
        if rec is None:
            raise ApiError(400, WRONG_FILE)
        if rec.photo_sizes is None:
            raise ApiError(400, f"Bad Request: can't use file of type {rec.kind} as Photo")
        return rec.photo_sizes

    def _generic_from(self, kind: str, value: Upload | str | None) -> FileRec:
        if value is None:
            raise ApiError(400, f"Bad Request: there is no {kind} in the request")
        if isinstance(value, Upload):
            mime = {"voice": "audio/ogg", "audio": "audio/mpeg", "video": "video/mp4"}.get(
                kind, "application/octet-stream"
            )
            return self.store_generic(kind, value, default_mime=mime, default_name=kind)
        rec = self.files.get(value)
        if rec is None:
            raise ApiError(400, WRONG_FILE)
        if kind == "voice" and rec.kind != "voice":
            raise ApiError(400, f"Bad Request: can't use file of type {rec.kind} as Voice")
        return rec

    # ------------------------------------------------------------------ basic methods

    async def m_true(self, p: Params) -> Any:
        """Accepted and ignored."""
        return True

    async def m_chat_true(self, p: Params) -> Any:
        """Accepted for an existing chat."""
        self._lookup_chat(p.chat_id())
        return True

    async def m_get_me(self, p: Params) -> Any:
        """getMe."""
        return {
            **self.bot_user(),
            "can_join_groups": True,
            "can_read_all_group_messages": True,
            "supports_inline_queries": False,
            "can_connect_to_business": False,
            "has_main_web_app": False,
        }

    # ------------------------------------------------------------------ updates

    def _take_updates(self, offset: int | None, limit: int) -> list[dict[str, Any]]:
        ups = self._updates
        if offset is not None:
            if offset < 0:
                keys = list(ups)
                drop = keys[: max(len(keys) + offset, 0)]
                for key in drop:
                    del ups[key]
            else:
                while ups:
                    first = next(iter(ups))
                    if first >= offset:
                        break
                    del ups[first]
        return list(itertools.islice(ups.values(), limit))

    async def m_get_updates(self, p: Params) -> Any:
        """getUpdates with offset, limit, timeout and allowed_updates; a real long poll."""
        if self._webhook is not None:
            raise ApiError(
                409,
                "Conflict: can't use getUpdates method while webhook is active; "
                "use deleteWebhook to delete the webhook first",
            )
        offset = p.integer("offset")
        limit = p.integer("limit") or 100
        limit = min(max(limit, 1), 100)
        timeout = max(p.integer("timeout") or 0, 0)
        allowed = p.obj("allowed_updates")
        if allowed is not None:
            if not isinstance(allowed, list) or not all(isinstance(a, str) for a in allowed):
                raise ApiError(400, "Bad Request: can't parse allowed_updates JSON object")
            self._allowed_updates = allowed
        self.bot_ready = True
        self._poll_generation += 1
        mine = self._poll_generation
        release = self._release_seq
        self._updates_event.set()  # wakes an older poller so it answers 409
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while True:
            if mine != self._poll_generation:
                raise ApiError(
                    409,
                    "Conflict: terminated by other getUpdates request; make sure that only "
                    "one bot instance is running",
                    reason="conflict",
                )
            result = self._take_updates(offset, limit)
            remaining = deadline - loop.time()
            if result or remaining <= 0 or self._closing or release != self._release_seq:
                return result
            self._updates_event.clear()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._updates_event.wait(), remaining)

    async def m_set_webhook(self, p: Params) -> Any:
        """setWebhook: updates are then POSTed to the bot's URL."""
        url = p.string("url")
        if not url:
            await self.m_delete_webhook(p)
            return True
        if not (url.startswith("http://") or url.startswith("https://")):
            raise ApiError(
                400, "Bad Request: bad webhook: An HTTPS URL must be provided for webhook"
            )
        secret = p.string("secret_token")
        if secret is not None and not _SECRET_RE.fullmatch(secret):
            raise ApiError(400, "Bad Request: secret token contains unallowed characters")
        max_conn = p.integer("max_connections") or 40
        max_conn = min(max(max_conn, 1), 100)
        allowed = p.obj("allowed_updates")
        if allowed is not None:
            if not isinstance(allowed, list) or not all(isinstance(a, str) for a in allowed):
                raise ApiError(400, "Bad Request: can't parse allowed_updates JSON object")
            self._allowed_updates = allowed
        if p.flag("drop_pending_updates"):
            self._updates.clear()
        self._webhook = {"url": url, "secret_token": secret, "max_connections": max_conn}
        self._webhook_error = None
        self.bot_ready = True
        self._poll_generation += 1
        self._updates_event.set()
        if self._webhook_task is None or self._webhook_task.done():
            self._webhook_task = asyncio.ensure_future(self._webhook_loop())
        return True

    async def m_delete_webhook(self, p: Params) -> Any:
        """deleteWebhook."""
        self._webhook = None
        if p.flag("drop_pending_updates"):
            self._updates.clear()
        self._updates_event.set()
        return True

    async def m_get_webhook_info(self, p: Params) -> Any:
        """getWebhookInfo."""
        hook = self._webhook
        out: dict[str, Any] = {
            "url": hook["url"] if hook else "",
            "has_custom_certificate": False,
            "pending_update_count": len(self._updates),
        }
        if hook:
            out["max_connections"] = hook["max_connections"]
            if self._allowed_updates:
                out["allowed_updates"] = self._allowed_updates
            if self._webhook_error:
                out["last_error_date"] = self._webhook_error[0]
                out["last_error_message"] = self._webhook_error[1]
        return out

    @staticmethod
    def _update_chat_key(update: dict[str, Any]) -> int:
        for key, value in update.items():
            if key == "update_id" or not isinstance(value, dict):
                continue
            chat = value.get("chat") or (value.get("message") or {}).get("chat")
            if isinstance(chat, dict) and "id" in chat:
                return int(chat["id"])
            user = value.get("from") or value.get("user")
            if isinstance(user, dict) and "id" in user:
                return int(user["id"])
        return 0

    async def _webhook_loop(self) -> None:
        import aiohttp

        if self._session is None:
            self._session = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=60))
        while not self._closing and self._webhook is not None:
            hook = self._webhook
            started = False
            for update_id, update in list(self._updates.items()):
                if len(self._webhook_inflight) >= hook["max_connections"]:
                    break
                if update_id in self._webhook_inflight:
                    continue
                key = self._update_chat_key(update)
                if key in self._webhook_inflight_chats:
                    continue
                self._webhook_inflight.add(update_id)
                self._webhook_inflight_chats.add(key)
                self._spawn(self._deliver(hook, update_id, update, key))
                started = True
            if not started:
                self._updates_event.clear()
                await self._updates_event.wait()

    async def _deliver(
        self, hook: dict[str, Any], update_id: int, update: dict[str, Any], key: int
    ) -> None:
        import aiohttp

        headers = {"Content-Type": "application/json"}
        if hook.get("secret_token"):
            headers["X-Telegram-Bot-Api-Secret-Token"] = hook["secret_token"]
        failed = False
        try:
            async with self._session.post(hook["url"], data=_dumps(update), headers=headers) as r:
                if 200 <= r.status < 300:
                    self._updates.pop(update_id, None)
                    await self._webhook_reply(r)
                else:
                    failed = True
                    self._webhook_error = (
                        int(self.now()),
                        f"Wrong response from the webhook: {r.status} {r.reason}",
                    )
        except (aiohttp.ClientError, TimeoutError, OSError) as exc:
            failed = True
            self._webhook_error = (int(self.now()), f"Connection failed: {exc}")
        finally:
            if failed and not self._closing:
                await asyncio.sleep(0.5)  # back off before the retry, like Telegram does
            self._webhook_inflight.discard(update_id)
            self._webhook_inflight_chats.discard(key)
            self._updates_event.set()

    async def _webhook_reply(self, resp: Any) -> None:
        """Run a method the bot returned in its webhook response body, as Telegram does."""
        import aiohttp

        ctype = resp.content_type or ""
        data: dict[str, Any] = {}
        files: dict[str, Upload] = {}
        if ctype == "application/json":
            raw = await resp.read()
            if not raw.strip():
                return
            try:
                body = json.loads(raw)
            except ValueError:
                return
            if isinstance(body, dict):
                data = body
        elif ctype.startswith("multipart/"):
            reader = aiohttp.MultipartReader.from_response(resp)
            while True:
                part = await reader.next()
                if part is None:
                    break
                if not isinstance(part, aiohttp.BodyPartReader) or not part.name:
                    continue
                if part.filename is not None:
                    blob = await part.read(decode=False)
                    files[part.name] = Upload(part.filename, bytes(blob), "")
                else:
                    data[part.name] = await part.text()
        method = data.pop("method", None)
        if isinstance(method, str) and method:
            await self.call(method, Params(data, files))

    # ------------------------------------------------------------------ sending

    async def _send(
        self, p: Params, content_fn: Callable[[SChat], dict[str, Any]], *, count: int = 1
    ) -> dict[str, Any]:
        chat = self._writable_chat(p.chat_id())
        markup = self._markup(p)
        reply_to = self._reply_to(p, chat)
        content = content_fn(chat)
        self._check_flood(chat, count)
        rec = self._store(
            chat, content, by_bot=True, sender=self.bot_user(), markup=markup, reply_to=reply_to
        )
        return rec.bot_view()

    async def m_send_message(self, p: Params) -> Any:
        """sendMessage."""
        text_raw = p.string("text", required=True, empty="Bad Request: message text is empty")
        mode = p.string("parse_mode")
        text, ents = self._format(text_raw, mode, p.obj("entities"), caption=False)

        def content(chat: SChat) -> dict[str, Any]:
            out: dict[str, Any] = {"text": text}
            if ents:
                out["entities"] = ents
            return out

        return await self._send(p, content)

    def _caption(self, p: Params, out: dict[str, Any]) -> None:
        if p.has("caption"):
            cap, ents = self._format(
                p.string("caption"),
                p.string("parse_mode"),
                p.obj("caption_entities"),
                caption=True,
            )
            if cap:
                out["caption"] = cap
            if ents:
                out["caption_entities"] = ents

    async def m_send_photo(self, p: Params) -> Any:
        """sendPhoto (multipart upload or file_id)."""
        self._writable_chat(p.chat_id())
        out: dict[str, Any] = {}
        self._caption(p, out)
        self._markup(p)
        sizes = self._photo_from(p.file("photo"))
        out = {"photo": sizes, **out}
        if p.flag("has_spoiler"):
            out["has_media_spoiler"] = True
        return await self._send(p, lambda c: out)

    async def m_send_document(self, p: Params) -> Any:
        """sendDocument."""
        self._writable_chat(p.chat_id())
        out: dict[str, Any] = {}
        self._caption(p, out)
        self._markup(p)
        rec = self._generic_from("document", p.file("document"))
        out = {"document": self._file_obj(rec), **out}
        return await self._send(p, lambda c: out)

    async def m_send_voice(self, p: Params) -> Any:
        """sendVoice."""
        self._writable_chat(p.chat_id())
        out: dict[str, Any] = {}
        self._caption(p, out)
        self._markup(p)
        rec = self._generic_from("voice", p.file("voice"))
        voice = {**self._file_obj(rec), "duration": p.integer("duration") or 1}
        out = {"voice": voice, **out}
        return await self._send(p, lambda c: out)

    async def m_send_media_group(self, p: Params) -> Any:
        """sendMediaGroup: 2-10 photos/documents sent as an album."""
        chat = self._writable_chat(p.chat_id())
        media = p.obj("media", "Bad Request: can't parse media JSON object")
        if media is None:
            raise ApiError(400, "Bad Request: media is empty")
        if not isinstance(media, list):
            raise ApiError(400, "Bad Request: can't parse media JSON object")
        if not MIN_MEDIA <= len(media) <= MAX_MEDIA:
            raise ApiError(400, "Bad Request: wrong number of media in the group; must be 2-10")
        reply_to = self._reply_to(p, chat)
        contents: list[dict[str, Any]] = []
        for item in media:
            if not isinstance(item, dict) or item.get("type") not in (
                "photo",
                "document",
                "video",
                "audio",
            ):
                raise ApiError(400, "Bad Request: can't parse InputMedia JSON object")
            sub = Params(
                {
                    "file": item.get("media"),
                    "caption": item.get("caption"),
                    "parse_mode": item.get("parse_mode"),
                    "caption_entities": item.get("caption_entities"),
                },
                dict(p.files),
            )
            ref = sub.file("file")
            out: dict[str, Any] = {}
            self._caption(sub, out)
            if item["type"] == "photo":
                out = {"photo": self._photo_from(ref), **out}
            else:
                frec = self._generic_from(item["type"], ref)
                out = {item["type"]: self._file_obj(frec), **out}
            contents.append(out)
        self._check_flood(chat, len(contents))
        group_id = str(next(self._file_seq) * 7919 + 10**12)
        results = []
        for content in contents:
            content["media_group_id"] = group_id
            rec = self._store(
                chat, content, by_bot=True, sender=self.bot_user(), reply_to=reply_to
            )
            results.append(rec.bot_view())
        return results

    async def m_send_location(self, p: Params) -> Any:
        """sendLocation."""
        lat = p.number("latitude", required=True)
        lon = p.number("longitude", required=True)
        assert lat is not None and lon is not None
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            raise ApiError(400, "Bad Request: wrong location specified")
        return await self._send(p, lambda c: {"location": {"latitude": lat, "longitude": lon}})

    async def m_send_contact(self, p: Params) -> Any:
        """sendContact."""
        phone = p.string("phone_number", required=True)
        first = p.string("first_name", required=True)
        contact: dict[str, Any] = {"phone_number": phone, "first_name": first}
        if p.has("last_name"):
            contact["last_name"] = p.string("last_name")
        return await self._send(p, lambda c: {"contact": contact})

    async def m_send_chat_action(self, p: Params) -> Any:
        """sendChatAction."""
        self._writable_chat(p.chat_id())
        action = p.string("action", required=True)
        allowed = {
            "typing",
            "upload_photo",
            "record_video",
            "upload_video",
            "record_voice",
            "upload_voice",
            "upload_document",
            "choose_sticker",
            "find_location",
            "record_video_note",
            "upload_video_note",
        }
        if action not in allowed:
            raise ApiError(400, "Bad Request: wrong parameter action in request")
        return True

    async def m_copy_message(self, p: Params) -> Any:
        """copyMessage: the content of a message, sent again by the bot."""
        src = self._source_message(p)
        content = {
            k: v
            for k, v in src.msg.items()
            if k
            in (
                "text",
                "entities",
                "photo",
                "document",
                "voice",
                "location",
                "contact",
                "caption",
                "caption_entities",
            )
        }
        if p.has("caption"):
            content.pop("caption", None)
            content.pop("caption_entities", None)
            self._caption(p, content)
        rec_view = await self._send(p, lambda c: content)
        return {"message_id": rec_view["message_id"]}

    async def m_forward_message(self, p: Params) -> Any:
        """forwardMessage."""
        src = self._source_message(p)
        content = {
            k: v
            for k, v in src.msg.items()
            if k
            in (
                "text",
                "entities",
                "photo",
                "document",
                "voice",
                "location",
                "contact",
                "caption",
                "caption_entities",
            )
        }
        origin = src.msg.get("from") or {}
        content["forward_origin"] = {
            "type": "user",
            "date": src.msg["date"],
            "sender_user": origin,
        }
        return await self._send(p, lambda c: content)

    def _source_message(self, p: Params) -> MsgRec:
        raw_from = p.data.get("from_chat_id")
        if raw_from is None or raw_from == "":
            raise ApiError(400, "Bad Request: from_chat_id is empty")
        from_chat = self._lookup_chat(Params({"chat_id": raw_from}, {}).chat_id())
        rec = self._find_message(from_chat, p.integer("message_id", required=True))
        if rec is None:
            raise ApiError(400, "Bad Request: message to copy not found")
        return rec

    # ------------------------------------------------------------------ edits & deletes

    def _editable(self, p: Params) -> tuple[SChat, MsgRec]:
        if p.has("inline_message_id"):
            raise ApiError(400, "Bad Request: MESSAGE_ID_INVALID")
        chat = self._writable_chat(p.chat_id())
        mid = p.integer("message_id")
        if mid is None:
            raise ApiError(400, "Bad Request: message identifier is not specified")
        rec = self._find_message(chat, mid)
        if rec is None:
            raise ApiError(400, "Bad Request: message to edit not found")
        if not rec.by_bot:
            raise ApiError(400, "Bad Request: message can't be edited")
        return chat, rec

    def _apply_edit(
        self,
        chat: SChat,
        rec: MsgRec,
        changes: dict[str, Any],
        remove: tuple[str, ...],
        markup: dict[str, Any] | None,
    ) -> dict[str, Any]:
        msg = {k: v for k, v in rec.msg.items() if k not in remove}
        msg.update(changes)
        msg["edit_date"] = int(self.now())
        rec.msg = msg
        rec.markup = markup
        rec.edited = True
        self._wake_chat(chat)
        return rec.bot_view()

    @staticmethod
    def _inline_of(rec: MsgRec) -> dict[str, Any] | None:
        if rec.markup is not None and "inline_keyboard" in rec.markup:
            return rec.markup
        return None

    async def m_edit_text(self, p: Params) -> Any:
        """editMessageText."""
        chat, rec = self._editable(p)
        text_raw = p.string("text", required=True, empty="Bad Request: message text is empty")
        mode = p.string("parse_mode")
        text, ents = self._format(text_raw, mode, p.obj("entities"), caption=False)
        markup = self._markup(p, inline_only=True)
        if "text" not in rec.msg:
            raise ApiError(400, "Bad Request: there is no text in the message to edit")
        if (
            rec.msg.get("text") == text
            and rec.msg.get("entities", []) == ents
            and self._inline_of(rec) == markup
        ):
            raise ApiError(400, NOT_MODIFIED)
        changes: dict[str, Any] = {"text": text}
        if ents:
            changes["entities"] = ents
        return self._apply_edit(chat, rec, changes, ("entities",), markup)

    async def m_edit_caption(self, p: Params) -> Any:
        """editMessageCaption."""
        chat, rec = self._editable(p)
        if "text" in rec.msg or not any(
            k in rec.msg for k in ("photo", "document", "voice", "video", "audio")
        ):
            raise ApiError(400, "Bad Request: there is no caption in the message to edit")
        cap, ents = self._format(
            p.string("caption"), p.string("parse_mode"), p.obj("caption_entities"), caption=True
        )
        markup = self._markup(p, inline_only=True)
        if (
            rec.msg.get("caption", "") == cap
            and rec.msg.get("caption_entities", []) == ents
            and self._inline_of(rec) == markup
        ):
            raise ApiError(400, NOT_MODIFIED)
        changes: dict[str, Any] = {}
        if cap:
            changes["caption"] = cap
        if ents:
            changes["caption_entities"] = ents
        return self._apply_edit(chat, rec, changes, ("caption", "caption_entities"), markup)

    async def m_edit_markup(self, p: Params) -> Any:
        """editMessageReplyMarkup."""
        chat, rec = self._editable(p)
        markup = self._markup(p, inline_only=True)
        if self._inline_of(rec) == markup:
            raise ApiError(400, NOT_MODIFIED)
        return self._apply_edit(chat, rec, {}, (), markup)

    async def m_delete_message(self, p: Params) -> Any:
        """deleteMessage."""
        chat = self._lookup_chat(p.chat_id())
        rec = self._find_message(chat, p.integer("message_id", required=True))
        if rec is None:
            raise ApiError(400, "Bad Request: message to delete not found")
        rec.deleted = True
        self._wake_chat(chat)
        return True

    async def m_delete_messages(self, p: Params) -> Any:
        """deleteMessages."""
        chat = self._lookup_chat(p.chat_id())
        ids = p.obj("message_ids")
        if not isinstance(ids, list) or not ids or not all(isinstance(i, int) for i in ids):
            raise ApiError(400, "Bad Request: message_ids must be a non-empty Array of Integer")
        for mid in ids:
            rec = self._find_message(chat, mid)
            if rec is not None:
                rec.deleted = True
        self._wake_chat(chat)
        return True

    async def m_pin(self, p: Params) -> Any:
        """pinChatMessage."""
        chat = self._lookup_chat(p.chat_id())
        if self._find_message(chat, p.integer("message_id", required=True)) is None:
            raise ApiError(400, "Bad Request: message to pin not found")
        return True

    # ------------------------------------------------------------------ callbacks

    async def m_answer_callback(self, p: Params) -> Any:
        """answerCallbackQuery: once, within 15 minutes, text up to 200 characters."""
        qid = p.string("callback_query_id", required=True)
        text = p.string("text")
        if text is not None and len(text) > MAX_ANSWER_TEXT:
            raise ApiError(400, "Bad Request: MESSAGE_TOO_LONG")
        cb = self.callbacks.get(qid or "")
        if cb is None or cb.answer is not None or self.now() - cb.created > CALLBACK_MAX_AGE_S:
            raise ApiError(400, QUERY_TOO_OLD)
        cb.answer = {"text": text, "show_alert": p.flag("show_alert"), "url": p.string("url")}
        if cb.done is not None and not cb.done.done():
            cb.done.set_result(cb.answer)
        return True

    # ------------------------------------------------------------------ polls

    def _poll_option_texts(self, raw: Any) -> list[str]:
        if not isinstance(raw, list):
            raise ApiError(400, "Bad Request: can't parse options JSON object")
        texts: list[str] = []
        for item in raw:
            if isinstance(item, dict):
                item = item.get("text")
            if not isinstance(item, str):
                raise ApiError(400, "Bad Request: can't parse options JSON object")
            texts.append(item)
        return texts

    async def m_send_poll(self, p: Params) -> Any:
        """sendPoll: 2-12 options, question up to 300 and options up to 100 characters."""
        question = p.string("question") or ""
        options = self._poll_option_texts(p.obj("options") or [])
        if not question.strip():
            raise ApiError(400, "Bad Request: poll question must be non-empty")
        if len(question) > MAX_POLL_QUESTION:
            raise ApiError(
                400, f"Bad Request: poll question length must not exceed {MAX_POLL_QUESTION}"
            )
        if len(options) < MIN_POLL_OPTIONS:
            raise ApiError(400, f"Bad Request: poll must have at least {MIN_POLL_OPTIONS} option")
        if len(options) > MAX_POLL_OPTIONS:
            raise ApiError(
                400, f"Bad Request: poll can't have more than {MAX_POLL_OPTIONS} options"
            )
        for opt in options:
            if not opt.strip():
                raise ApiError(400, "Bad Request: poll options must be non-empty")
            if len(opt) > MAX_POLL_OPTION:
                raise ApiError(
                    400, f"Bad Request: poll options length must not exceed {MAX_POLL_OPTION}"
                )
        ptype = p.string("type") or "regular"
        if ptype not in ("regular", "quiz"):
            raise ApiError(400, "Bad Request: wrong poll type specified")
        correct = p.integer("correct_option_id")
        if ptype == "quiz" and (correct is None or not 0 <= correct < len(options)):
            raise ApiError(400, "Bad Request: wrong correct option ID specified")
        poll_id = str(5_000_000_000_000_000_000 + next(self._file_seq))
        poll: dict[str, Any] = {
            "id": poll_id,
            "question": question,
            "options": [
                {"persistent_id": str(i), "text": t, "voter_count": 0}
                for i, t in enumerate(options)
            ],
            "total_voter_count": 0,
            "is_closed": p.flag("is_closed"),
            "is_anonymous": p.flag("is_anonymous", True),
            "type": ptype,
            "allows_multiple_answers": p.flag("allows_multiple_answers"),
            "allows_revoting": True,
            "members_only": False,
        }
        if correct is not None and ptype == "quiz":
            poll["correct_option_id"] = correct
        if p.has("open_period"):
            period = p.integer("open_period") or 0
            poll["open_period"] = period
            poll["close_date"] = int(self.now()) + period
        elif p.has("close_date"):
            poll["close_date"] = p.integer("close_date")
        view = await self._send(p, lambda c: {"poll": poll})
        self.polls[poll_id] = PollRec(
            poll=poll, chat_id=view["chat"]["id"], message_id=view["message_id"]
        )
        return view

    async def m_stop_poll(self, p: Params) -> Any:
        """stopPoll."""
        chat = self._writable_chat(p.chat_id())
        rec = self._find_message(chat, p.integer("message_id", required=True))
        if rec is None or "poll" not in rec.msg or not rec.by_bot:
            raise ApiError(400, "Bad Request: message with poll to stop not found")
        poll = rec.msg["poll"]
        if poll["is_closed"]:
            raise ApiError(400, "Bad Request: poll has already been closed")
        markup = self._markup(p, inline_only=True)
        poll = {**poll, "is_closed": True}
        self.polls[poll["id"]].poll = poll
        rec.msg = {**rec.msg, "poll": poll}
        rec.markup = markup
        self._wake_chat(chat)
        return poll

    def poll_is_closed(self, poll: dict[str, Any]) -> bool:
        """Whether a poll no longer takes votes (stopped or past its close date)."""
        close = poll.get("close_date")
        return bool(poll["is_closed"]) or (close is not None and self.now() >= close)

    # ------------------------------------------------------------------ files & commands

    async def m_get_file(self, p: Params) -> Any:
        """getFile."""
        file_id = p.string("file_id", required=True)
        rec = self.files.get(file_id or "")
        if rec is None:
            raise ApiError(400, "Bad Request: invalid file_id")
        if len(rec.data) > MAX_DOWNLOAD:
            raise ApiError(400, "Bad Request: file is too big")
        return {
            "file_id": rec.file_id,
            "file_unique_id": rec.file_unique_id,
            "file_size": len(rec.data),
            "file_path": rec.path,
        }

    def _commands_key(self, p: Params) -> str:
        scope = p.obj("scope") or {"type": "default"}
        if not isinstance(scope, dict) or not isinstance(scope.get("type"), str):
            raise ApiError(400, "Bad Request: can't parse BotCommandScope JSON object")
        lang = p.string("language_code") or ""
        return json.dumps(scope, sort_keys=True) + "|" + lang

    async def m_set_commands(self, p: Params) -> Any:
        """setMyCommands."""
        commands = p.obj("commands")
        if commands is None:
            raise ApiError(400, "Bad Request: commands is empty")
        if not isinstance(commands, list):
            raise ApiError(400, "Bad Request: can't parse commands JSON object")
        if len(commands) > MAX_COMMANDS:
            raise ApiError(400, "Bad Request: too many commands specified")
        clean: list[dict[str, Any]] = []
        for cmd in commands:
            if not isinstance(cmd, dict):
                raise ApiError(400, "Bad Request: can't parse BotCommand JSON object")
            name, desc = cmd.get("command"), cmd.get("description")
            if (
                not isinstance(name, str)
                or not 1 <= len(name) <= MAX_COMMAND_LEN
                or not _COMMAND_RE.fullmatch(name)
            ):
                raise ApiError(400, "Bad Request: BOT_COMMAND_INVALID")
            if not isinstance(desc, str) or not 1 <= len(desc) <= MAX_COMMAND_DESC:
                raise ApiError(400, "Bad Request: BOT_COMMAND_DESCRIPTION_INVALID")
            clean.append({"command": name, "description": desc})
        self.commands[self._commands_key(p)] = clean
        return True

    def commands_for(self, chat_id: int, user_id: int | None = None) -> list[dict[str, Any]]:
        """The command menu a user sees in a chat, resolved by scope and language as Telegram."""
        chat = self.chats.get(chat_id)
        uid = user_id if user_id is not None else chat_id
        user = self.users.get(uid)
        scopes: list[dict[str, Any]]
        if chat is None or chat.type == "private":
            scopes = [
                {"type": "chat", "chat_id": chat_id},
                {"type": "all_private_chats"},
                {"type": "default"},
            ]
        else:
            scopes = [
                {"type": "chat_member", "chat_id": chat_id, "user_id": uid},
                {"type": "chat", "chat_id": chat_id},
                {"type": "all_group_chats"},
                {"type": "default"},
            ]
        code = (user.language_code or "") if user else ""
        langs = [code, code.split("-")[0], ""] if code else [""]
        for scope in scopes:
            for lang in langs:
                key = json.dumps(scope, sort_keys=True) + "|" + lang
                if key in self.commands:
                    return self.commands[key]
        return []

    async def m_get_commands(self, p: Params) -> Any:
        """getMyCommands."""
        return self.commands.get(self._commands_key(p), [])

    async def m_delete_commands(self, p: Params) -> Any:
        """deleteMyCommands."""
        self.commands.pop(self._commands_key(p), None)
        return True

    # ------------------------------------------------------------------ chats

    async def m_get_chat(self, p: Params) -> Any:
        """getChat (ChatFullInfo)."""
        chat_id = p.chat_id()
        if isinstance(chat_id, int) and chat_id > 0:
            user = self.users.get(chat_id)
            if user is None:
                raise ApiError(400, "Bad Request: chat not found")
            base = {"id": user.id, "type": "private", "first_name": user.first_name}
            if user.last_name:
                base["last_name"] = user.last_name
            if user.username:
                base["username"] = user.username
        else:
            base = self.chat_tg(self._lookup_chat(chat_id))
        return {
            **base,
            "accent_color_id": 0,
            "max_reaction_count": 11,
            "accepted_gift_types": {
                "unlimited_gifts": False,
                "limited_gifts": False,
                "unique_gifts": False,
                "premium_subscription": False,
                "gifts_from_channels": False,
            },
        }

    def _admin_member(self) -> dict[str, Any]:
        rights = dict.fromkeys(
            (
                "can_be_edited",
                "is_anonymous",
                "can_manage_chat",
                "can_delete_messages",
                "can_manage_video_chats",
                "can_restrict_members",
                "can_promote_members",
                "can_change_info",
                "can_invite_users",
                "can_post_stories",
                "can_edit_stories",
                "can_delete_stories",
                "can_send_welcome_messages",
                "can_post_messages",
                "can_edit_messages",
                "can_pin_messages",
            ),
            True,
        )
        rights["can_be_edited"] = False
        rights["is_anonymous"] = False
        return {"status": "administrator", "user": self.bot_user(), **rights}

    async def m_get_chat_member(self, p: Params) -> Any:
        """getChatMember."""
        chat = self._lookup_chat(p.chat_id())
        user_id = p.integer("user_id", required=True)
        if user_id == self.bot_id:
            if chat.type == "private":
                return {"status": "member", "user": self.bot_user()}
            if chat.bot_status == "kicked":  # removed from the group
                return {"status": "kicked", "user": self.bot_user(), "until_date": 0}
            if chat.bot_status == "left":
                return {"status": "left", "user": self.bot_user()}
            return self._admin_member()
        user = self.users.get(user_id or 0)
        if user is None:
            raise ApiError(400, "Bad Request: user not found")
        if chat.type == "private":
            if user.id != chat.id:
                raise ApiError(400, "Bad Request: user not found")
            if user.blocked:
                return {"status": "kicked", "user": user.tg(), "until_date": 0}
            return {"status": "member", "user": user.tg()}
        if user.id in chat.members:
            return {"status": "member", "user": user.tg()}
        return {"status": "left", "user": user.tg()}

    async def m_get_chat_admins(self, p: Params) -> Any:
        """getChatAdministrators."""
        chat = self._lookup_chat(p.chat_id())
        if chat.type == "private":
            raise ApiError(400, "Bad Request: there are no administrators in the private chat")
        return [self._admin_member()]

    async def m_get_chat_member_count(self, p: Params) -> Any:
        """getChatMemberCount."""
        chat = self._lookup_chat(p.chat_id())
        return 2 if chat.type == "private" else len(chat.members) + 1

    # ------------------------------------------------------------------ user actions

    def user_message(
        self,
        *,
        user_id: int,
        chat_id: int | None = None,
        text: str | None = None,
        photo: bytes | None = None,
        contact: dict[str, Any] | None = None,
        location: dict[str, Any] | None = None,
        voice: tuple[bytes, int] | None = None,
        reply_to_message_id: int | None = None,
        forward: tuple[int, int] | None = None,
        media_group_id: str | None = None,
    ) -> dict[str, Any]:
        """A message from a user to the bot; returns {message_id, update_id}.

        In a channel the user is one of (its members are its admins) it is a post on behalf of
        the channel: no `from`, `sender_chat` the channel, a `channel_post` update for the bot.
        `forward` (chat id, message id): the user forwards that message, which they can see (a
        chat they are in, or a public one with a username), its content with `forward_origin`
        as Telegram sets it (a channel's post: type "channel" with the chat and message id).
        `media_group_id`: a photo of an album, as Telegram sends each of an album's photos in a
        message of its own."""
        user = self.users.get(user_id)
        if user is None:
            raise DriverError(f"unknown user {user_id}; create it with POST users first")
        cid = user_id if chat_id is None else chat_id
        if cid > 0:
            if cid != user_id:
                raise DriverError("a user can only write to the bot in their own private chat")
            if user.blocked:
                self.set_blocked(user_id, False)  # "Restart" in the client unblocks the bot
            if not user.started:
                user.started = True
            if cid not in self.chats:
                self.chats[cid] = SChat(id=cid, type="private")
        chat = self.chats.get(cid)
        if chat is None:
            raise DriverError(f"unknown chat {cid}")
        if chat.type != "private" and user_id not in chat.members:
            raise DriverError(f"user {user_id} is not a member of chat {cid}")
        content: dict[str, Any] = {}
        if forward is not None:
            content = self._forwarded(user_id, *forward)
        elif photo is not None:
            content["photo"] = self.store_photo(photo, strict=False)
            if media_group_id:
                content["media_group_id"] = media_group_id
            if text:
                content["caption"] = text
                cap_ents = auto_entities(text, [])
                if cap_ents:
                    content["caption_entities"] = cap_ents
        elif voice is not None:
            vrec = self._new_file("voice", voice[0], "audio/ogg", ext="ogg")
            content["voice"] = {**self._file_obj(vrec), "duration": voice[1]}
            if text:
                content["caption"] = text
        elif contact is not None:
            content["contact"] = contact
        elif location is not None:
            content["location"] = location
        elif text:
            content["text"] = text
            ents = auto_entities(text, [])
            if ents:
                content["entities"] = ents
        else:
            raise DriverError("nothing to send: give text, photo, contact, location or voice")
        reply_to = None
        if reply_to_message_id is not None:
            reply_to = self._find_message(chat, reply_to_message_id)
            if reply_to is None:
                raise DriverError(f"message {reply_to_message_id} not found in chat {cid}")
        rec = self._store(chat, content, by_bot=False, sender=user.tg(), reply_to=reply_to)
        if chat.type == "channel":  # posted on behalf of the channel: the author not shown
            del rec.msg["from"]
            rec.msg["sender_chat"] = rec.msg["chat"]
        if chat.bot_status in ("left", "kicked"):  # the bot is not in the group: hears nothing
            return {"message_id": rec.msg["message_id"], "update_id": next(self._update_seq)}
        kind = "channel_post" if chat.type == "channel" else "message"
        update_id = self._enqueue(kind, rec.msg)
        return {"message_id": rec.msg["message_id"], "update_id": update_id}

    def _forwarded(self, user_id: int, chat_id: int, message_id: int) -> dict[str, Any]:
        """What a user's forward of a message carries: its content and its origin."""
        src_chat = self.chats.get(chat_id)
        if src_chat is None:
            raise DriverError(f"unknown chat {chat_id}")
        visible = (
            src_chat.id == user_id
            or user_id in src_chat.members
            or (src_chat.type != "private" and src_chat.username is not None)
        )
        if not visible:
            raise DriverError(f"user {user_id} cannot see chat {chat_id}")
        src = self._find_message(src_chat, message_id)
        if src is None:
            raise DriverError(f"message {message_id} not found in chat {chat_id}")
        keep = ("text", "entities", "photo", "document", "voice", "location", "contact")
        content = {k: v for k, v in src.msg.items() if k in keep or k.startswith("caption")}
        date = src.msg["date"]
        if src_chat.type == "channel":
            content["forward_origin"] = {
                "type": "channel",
                "date": date,
                "chat": self.chat_tg(src_chat),
                "message_id": message_id,
            }
        elif "sender_chat" in src.msg:  # an anonymous group admin
            content["forward_origin"] = {
                "type": "chat",
                "date": date,
                "sender_chat": src.msg["sender_chat"],
            }
        else:
            content["forward_origin"] = {
                "type": "user",
                "date": date,
                "sender_user": src.msg.get("from") or {},
            }
        return content

    def press(
        self,
        *,
        user_id: int,
        chat_id: int | None,
        message_id: int,
        data: str | None,
        text: str | None,
    ) -> CallbackRec:
        """A tap on an inline button: sends a callback query to the bot."""
        user = self.users.get(user_id)
        if user is None:
            raise DriverError(f"unknown user {user_id}")
        cid = user_id if chat_id is None else chat_id
        chat = self.chats.get(cid)
        if chat is None:
            raise DriverError(f"unknown chat {cid}")
        if chat.type == "private" and cid != user_id:
            raise DriverError(f"user {user_id} cannot see the private chat {cid}")
        if chat.type != "private" and user_id not in chat.members:
            raise DriverError(f"user {user_id} is not a member of chat {cid}")
        rec = self._find_message(chat, message_id)
        if rec is None:
            raise DriverError(f"message {message_id} not found in chat {cid}")
        if data is None:
            if text is None:
                raise DriverError("give data or text")
            data = self._button_data(rec, text)
        qid = str(4_000_000_000_000_000 + secrets.randbelow(10**15))
        chat_instance = str(int.from_bytes(hashlib.sha1(f"{cid}".encode()).digest()[:7], "big"))
        cb = CallbackRec(
            id=qid,
            user_id=user_id,
            created=self.now(),
            done=asyncio.get_running_loop().create_future(),
        )
        self.callbacks[qid] = cb
        self._enqueue(
            "callback_query",
            {
                "id": qid,
                "from": user.tg(),
                "message": rec.bot_view(),
                "chat_instance": chat_instance,
                "data": data,
            },
        )
        return cb

    @staticmethod
    def _button_data(rec: MsgRec, text: str) -> str:
        markup = rec.markup or {}
        buttons = [b for row in markup.get("inline_keyboard", []) for b in row]
        if not buttons:
            raise DriverError(f"message {rec.msg['message_id']} has no inline keyboard")
        chosen = [b for b in buttons if b.get("text") == text]
        if not chosen:
            chosen = [b for b in buttons if text in str(b.get("text", ""))]
        if len(chosen) != 1:
            names = ", ".join(repr(b.get("text")) for b in buttons)
            what = "no" if not chosen else "more than one"
            raise DriverError(f"{what} button matches {text!r}; buttons: {names}")
        data = chosen[0].get("callback_data")
        if not isinstance(data, str):
            raise DriverError(f"button {chosen[0].get('text')!r} has no callback_data")
        return data

    def vote(self, *, user_id: int, poll_id: str, option_ids: list[int]) -> dict[str, Any]:
        """A poll answer from a user; returns the poll as it stands."""
        user = self.users.get(user_id)
        if user is None:
            raise DriverError(f"unknown user {user_id}")
        prec = self.polls.get(poll_id)
        if prec is None:
            raise DriverError(f"unknown poll {poll_id}")
        poll = prec.poll
        if self.poll_is_closed(poll):
            raise DriverError("the poll is closed")
        n = len(poll["options"])
        if any(
            not isinstance(i, int) or isinstance(i, bool) or not 0 <= i < n for i in option_ids
        ):
            raise DriverError(f"option_ids must be integers in 0..{n - 1}")
        if len(set(option_ids)) != len(option_ids):
            raise DriverError("option_ids must not repeat")
        if len(option_ids) > 1 and not poll["allows_multiple_answers"]:
            raise DriverError("this poll allows one answer only")
        chat = self.chats.get(prec.chat_id)
        if chat is not None and chat.type != "private" and user_id not in chat.members:
            raise DriverError(f"user {user_id} is not a member of chat {prec.chat_id}")
        if chat is not None and chat.type == "private" and user_id != chat.id:
            raise DriverError("only the user of this private chat can vote")
        if option_ids:
            prec.votes[user_id] = list(option_ids)
        else:
            prec.votes.pop(user_id, None)
        counts = [0] * n
        for chosen in prec.votes.values():
            for i in chosen:
                counts[i] += 1
        poll = {
            **poll,
            "options": [{**o, "voter_count": counts[i]} for i, o in enumerate(poll["options"])],
            "total_voter_count": len(prec.votes),
        }
        prec.poll = poll
        if chat is not None:
            rec = self._find_message(chat, prec.message_id)
            if rec is not None:
                rec.msg = {**rec.msg, "poll": poll}
        if not poll["is_anonymous"]:
            self._enqueue(
                "poll_answer",
                {
                    "poll_id": poll_id,
                    "user": user.tg(),
                    "option_ids": list(option_ids),
                    "option_persistent_ids": [str(i) for i in option_ids],
                },
            )
        self._enqueue("poll", poll)
        return poll

    def set_blocked(self, user_id: int, blocked: bool) -> None:
        """The user blocks (or unblocks) the bot; the bot gets a my_chat_member update."""
        user = self.users.get(user_id)
        if user is None:
            raise DriverError(f"unknown user {user_id}")
        if user.blocked == blocked:
            return
        user.blocked = blocked
        if user_id not in self.chats:
            return
        member = {"status": "member", "user": self.bot_user()}
        kicked = {"status": "kicked", "user": self.bot_user(), "until_date": 0}
        self._enqueue(
            "my_chat_member",
            {
                "chat": self.chat_tg(self.chats[user_id]),
                "from": user.tg(),
                "date": int(self.now()),
                "old_chat_member": member if blocked else kicked,
                "new_chat_member": kicked if blocked else member,
            },
        )

    async def wait_chat(self, chat_id: int, since: int, seconds: float) -> list[dict[str, Any]]:
        """Wait until the bot writes after ``since`` or edits in the chat; driver views."""
        chat = self.chats.get(chat_id)
        if chat is None:
            raise DriverError(f"unknown chat {chat_id}")
        since = max(since, 0)

        def bot_after() -> bool:
            return any(r.by_bot for r in chat.messages[since:])

        changed: list[int] = []
        if not bot_after() and seconds > 0 and not self._closing:
            before = {
                i: (r.msg, r.markup, r.deleted)
                for i, r in enumerate(chat.messages[:since])
                if r.by_bot
            }
            fut: asyncio.Future[None] = asyncio.get_running_loop().create_future()
            chat.waiters.append(fut)
            try:
                await asyncio.wait_for(fut, seconds)
            except TimeoutError:
                pass
            finally:
                if fut in chat.waiters:
                    chat.waiters.remove(fut)
            for i, old in before.items():
                r = chat.messages[i]
                if old[0] is not r.msg or old[1] is not r.markup or old[2] != r.deleted:
                    changed.append(i)
        out = [chat.messages[i].driver_view() for i in changed]
        out.extend(r.driver_view() for r in chat.messages[since:])
        return out
