"""The driver API under /sandbox/api/: tests, scripts and the web page act as users with it.

Every answer is plain JSON; a bad call gets HTTP 400 with {"error": "..."}.  See SANDBOX.md.
"""

from __future__ import annotations

import asyncio
import base64
import binascii
import contextlib
import json
import logging
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any

from aiohttp import web

from sandbox.emulator import DriverError

if TYPE_CHECKING:
    from sandbox.emulator import Emulator

__all__ = ["CLICK_WAIT_S", "setup_driver_routes"]

log = logging.getLogger(__name__)

CLICK_WAIT_S = 3.0  # how long `click` waits for answerCallbackQuery
MAX_WAIT_S = 60.0

Handler = Callable[[web.Request], Awaitable[Any]]


def _ok(obj: Any) -> web.Response:
    return web.json_response(obj, dumps=lambda o: json.dumps(o, ensure_ascii=False))


def _bad(message: str, status: int = 400) -> web.Response:
    return web.json_response({"error": message}, status=status)


def _guard(fn: Handler) -> Callable[[web.Request], Awaitable[web.Response]]:
    async def wrapped(request: web.Request) -> web.Response:
        try:
            return _ok(await fn(request))
        except (DriverError, ValueError, KeyError, TypeError) as exc:
            text = str(exc) if not isinstance(exc, KeyError) else f"missing field {exc}"
            return _bad(text or exc.__class__.__name__)
        except asyncio.CancelledError:
            raise
        except Exception as exc:
            log.exception("sandbox driver call failed")
            return _bad(f"internal error: {exc!r}", 500)

    return wrapped


async def _body(request: web.Request) -> dict[str, Any]:
    raw = await request.read()
    if not raw.strip():
        return {}
    try:
        data = json.loads(raw)
    except ValueError:
        raise DriverError("the body must be a JSON object") from None
    if not isinstance(data, dict):
        raise DriverError("the body must be a JSON object")
    return data


def _int(value: Any, name: str, *, required: bool = True) -> int | None:
    if value is None or value == "":
        if required:
            raise DriverError(f"{name} is required")
        return None
    if isinstance(value, bool):
        raise DriverError(f"{name} must be an integer")
    if isinstance(value, int):
        return value
    if isinstance(value, str):
        try:
            return int(value)
        except ValueError:
            pass
    raise DriverError(f"{name} must be an integer")


def _req_int(value: Any, name: str) -> int:
    out = _int(value, name)
    assert out is not None
    return out


def _forward(value: Any) -> tuple[int, int] | None:
    """`forward: {chat, message_id}` of POST send: the message the user forwards."""
    if value is None:
        return None
    if not isinstance(value, dict):
        raise DriverError("forward must be {chat, message_id}")
    return _req_int(value.get("chat"), "forward.chat"), _req_int(
        value.get("message_id"), "forward.message_id"
    )


def _float(value: Any, name: str, default: float) -> float:
    if value is None or value == "":
        return default
    try:
        out = float(value)
    except (TypeError, ValueError):
        raise DriverError(f"{name} must be a number") from None
    if out != out or out < 0:
        raise DriverError(f"{name} must be a non-negative number")
    return out


def _str(value: Any, name: str, *, required: bool = False) -> str | None:
    if value is None:
        if required:
            raise DriverError(f"{name} is required")
        return None
    if not isinstance(value, str):
        raise DriverError(f"{name} must be a string")
    if required and not value:
        raise DriverError(f"{name} is required")
    return value


def _b64(value: Any, name: str) -> bytes:
    if not isinstance(value, str) or not value:
        raise DriverError(f"{name}.base64 is required")
    if value.startswith("data:") and "," in value:
        value = value.split(",", 1)[1]
    try:
        return base64.b64decode(value, validate=True)
    except (binascii.Error, ValueError):
        raise DriverError(f"{name}.base64 is not valid base64") from None


def _bool(value: Any) -> bool:
    if isinstance(value, str):
        return value.lower() in ("1", "true", "yes")
    return bool(value)


def setup_driver_routes(emu: Emulator) -> None:
    """Register the driver API on the emulator's application."""
    r = emu.app.router
    prefix = "/sandbox/api"

    async def health(request: web.Request) -> Any:
        return {"ok": True, "bot_ready": emu.bot_ready}

    async def post_users(request: web.Request) -> Any:
        body = await _body(request)
        emu.add_user(
            id=_req_int(body.get("id"), "id"),
            first_name=_str(body.get("first_name"), "first_name", required=True) or "",
            last_name=_str(body.get("last_name"), "last_name"),
            username=_str(body.get("username"), "username"),
            language_code=_str(body.get("language_code"), "language_code"),
            role=_str(body.get("role"), "role"),
        )
        return emu.users[int(body["id"])].driver()

    async def get_users(request: web.Request) -> Any:
        return {"users": [u.driver() for u in emu.users.values()]}

    def group_view(chat_id: int) -> dict[str, Any]:
        chat = emu.chats[chat_id]
        return {
            "id": chat.id,
            "title": chat.title,
            "type": chat.type,
            "username": chat.username,
            "members": list(chat.members),
            "bot_status": chat.bot_status,
        }

    async def post_groups(request: web.Request) -> Any:
        body = await _body(request)
        members = body.get("members")
        if members is not None and not isinstance(members, list):
            raise DriverError("members must be a list of user ids")
        gid = _req_int(body.get("id"), "id")
        emu.add_group(
            id=gid,
            title=_str(body.get("title"), "title", required=True) or "",
            type=_str(body.get("type"), "type", required=True) or "",
            members=[_req_int(m, "members[]") for m in members or []],
            username=_str(body.get("username"), "username"),
            bot_status=_str(body.get("bot_status"), "bot_status"),
            by=_int(body.get("from"), "from", required=False),
        )
        return group_view(gid)

    async def get_groups(request: web.Request) -> Any:
        return {"groups": [group_view(c.id) for c in emu.chats.values() if c.type != "private"]}

    async def send(request: web.Request) -> Any:
        body = await _body(request)
        user_id = _req_int(body.get("from"), "from")
        chat_id = _int(body.get("chat"), "chat", required=False)
        text = _str(body.get("text"), "text")
        photo = voice = contact = location = None
        if body.get("photo") is not None:
            if not isinstance(body["photo"], dict):
                raise DriverError("photo must be {name, base64}")
            photo = _b64(body["photo"].get("base64"), "photo")
        if body.get("voice") is not None:
            if not isinstance(body["voice"], dict):
                raise DriverError("voice must be {base64, duration}")
            duration = _int(body["voice"].get("duration"), "voice.duration", required=False)
            voice = (_b64(body["voice"].get("base64"), "voice"), duration or 1)
        if body.get("contact") is not None:
            raw = body["contact"]
            if not isinstance(raw, dict):
                raise DriverError("contact must be {phone_number, user_id?}")
            phone = _str(raw.get("phone_number"), "contact.phone_number", required=True)
            owner_id = _int(raw.get("user_id"), "contact.user_id", required=False) or user_id
            owner = emu.users.get(owner_id)
            contact = {
                "phone_number": phone,
                "first_name": _str(raw.get("first_name"), "contact.first_name")
                or (owner.first_name if owner else "Contact"),
                "user_id": owner_id,
            }
            last = _str(raw.get("last_name"), "contact.last_name") or (
                owner.last_name if owner else None
            )
            if last:
                contact["last_name"] = last
        if body.get("location") is not None:
            raw = body["location"]
            if not isinstance(raw, dict):
                raise DriverError("location must be {latitude, longitude}")
            try:
                lat = float(raw["latitude"])
                lon = float(raw["longitude"])
            except (KeyError, TypeError, ValueError):
                raise DriverError("location needs numeric latitude and longitude") from None
            if not (-90 <= lat <= 90 and -180 <= lon <= 180):
                raise DriverError("location out of range")
            location = {"latitude": lat, "longitude": lon}
        album = body.get("media_group_id")
        if album is not None and not isinstance(album, str):
            raise DriverError("media_group_id must be a string")
        return emu.user_message(
            user_id=user_id,
            chat_id=chat_id,
            text=text,
            photo=photo,
            contact=contact,
            location=location,
            voice=voice,
            reply_to_message_id=_int(
                body.get("reply_to_message_id"), "reply_to_message_id", required=False
            ),
            forward=_forward(body.get("forward")),
            media_group_id=album,
        )

    async def click(request: web.Request) -> Any:
        body = await _body(request)
        data = body.get("data")
        text = body.get("text")
        if data is not None and not isinstance(data, str):
            raise DriverError("data must be a string")
        if text is not None and not isinstance(text, str):
            raise DriverError("text must be a string")
        timeout = min(_float(body.get("timeout"), "timeout", CLICK_WAIT_S), MAX_WAIT_S)
        cb = emu.press(
            user_id=_req_int(body.get("from"), "from"),
            chat_id=_int(body.get("chat"), "chat", required=False),
            message_id=_req_int(body.get("message_id"), "message_id"),
            data=data,
            text=text,
        )
        answer = None
        if cb.done is not None:
            with contextlib.suppress(TimeoutError, asyncio.CancelledError):
                answer = await asyncio.wait_for(asyncio.shield(cb.done), timeout)
        return {"callback_query_id": cb.id, "answer": answer}

    async def vote(request: web.Request) -> Any:
        body = await _body(request)
        option_ids = body.get("option_ids")
        if not isinstance(option_ids, list):
            raise DriverError("option_ids must be a list")
        poll_id = body.get("poll_id")
        if not isinstance(poll_id, str | int) or isinstance(poll_id, bool):
            raise DriverError("poll_id is required")
        poll = emu.vote(
            user_id=_req_int(body.get("from"), "from"),
            poll_id=str(poll_id),
            option_ids=option_ids,
        )
        return {"poll": poll}

    def blocker(blocked: bool) -> Handler:
        async def handler(request: web.Request) -> Any:
            body = await _body(request)
            user_id = _req_int(body.get("user"), "user")
            emu.set_blocked(user_id, blocked)
            return {"user": user_id, "blocked": blocked}

        return handler

    def chat_id_of(request: web.Request, key: str) -> int:
        return _req_int(
            request.match_info.get(key) if key == "chat_id" else request.query.get(key), key
        )

    async def messages(request: web.Request) -> Any:
        chat_id = chat_id_of(request, "chat_id")
        since = _int(request.query.get("since"), "since", required=False) or 0
        chat = emu.chats.get(chat_id)
        if chat is None:
            raise DriverError(f"unknown chat {chat_id}")
        return {"messages": [m.driver_view() for m in chat.messages[max(since, 0) :]]}

    async def wait(request: web.Request) -> Any:
        chat_id = chat_id_of(request, "chat")
        since = _int(request.query.get("since"), "since", required=False) or 0
        timeout = min(_float(request.query.get("timeout"), "timeout", 10.0), MAX_WAIT_S)
        return {"messages": await emu.wait_chat(chat_id, since, timeout)}

    async def calls(request: web.Request) -> Any:
        method = (request.query.get("method") or "").lower()
        errors_only = _bool(request.query.get("errors_only", ""))
        out = [
            c
            for c in emu.calls
            if (not method or c["method"].lower() == method) and (not errors_only or not c["ok"])
        ]
        return {"calls": out}

    async def errors(request: web.Request) -> Any:
        return {"errors": list(emu.errors)}

    async def faults(request: web.Request) -> Any:
        body = await _body(request)
        method = _str(body.get("method"), "method", required=True) or ""
        code = _req_int(body.get("error_code"), "error_code")
        if not 400 <= code <= 599:
            raise DriverError("error_code must be an HTTP error status (400-599)")
        description = _str(body.get("description"), "description") or {
            429: "Too Many Requests: retry after 1",
            500: "Internal Server Error",
        }.get(code, "Bad Request")
        count = _int(body.get("count"), "count", required=False) or 1
        if count < 1:
            raise DriverError("count must be at least 1")
        parameters = body.get("parameters")
        if parameters is not None and not isinstance(parameters, dict):
            raise DriverError("parameters must be an object")
        emu.add_fault(
            method=method,
            error_code=code,
            description=description,
            count=count,
            parameters=parameters,
        )
        return {"method": method, "error_code": code, "description": description, "count": count}

    async def commands(request: web.Request) -> Any:
        chat_id = chat_id_of(request, "chat")
        user_id = _int(request.query.get("user"), "user", required=False)
        return {"commands": emu.commands_for(chat_id, user_id)}

    async def file(request: web.Request) -> web.StreamResponse:
        rec = emu.files.get(request.match_info["file_id"])
        if rec is None:
            return _bad("unknown file_id", 404)
        return web.Response(body=rec.data, content_type=rec.mime_type)

    routes: list[tuple[str, str, Handler]] = [
        ("GET", "/health", health),
        ("POST", "/users", post_users),
        ("GET", "/users", get_users),
        ("POST", "/groups", post_groups),
        ("GET", "/groups", get_groups),
        ("POST", "/send", send),
        ("POST", "/click", click),
        ("POST", "/vote", vote),
        ("POST", "/block", blocker(True)),
        ("POST", "/unblock", blocker(False)),
        ("GET", "/chats/{chat_id}/messages", messages),
        ("GET", "/wait", wait),
        ("GET", "/calls", calls),
        ("GET", "/errors", errors),
        ("POST", "/faults", faults),
    ]
    for method, path, handler in routes:
        r.add_route(method, prefix + path, _guard(handler))
    # Read-only helpers for the web page: the bytes of a stored file (photos in the chat) and
    # the command menu a user sees in a chat (set by the bot with setMyCommands).
    r.add_get(prefix + "/files/{file_id}", file)
    r.add_get(prefix + "/commands", _guard(commands))

    async def unknown(request: web.Request) -> web.Response:
        return _bad(f"unknown driver call {request.method} {request.path}")

    r.add_route("*", prefix + "/{tail:.*}", unknown)
