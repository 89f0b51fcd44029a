"""An async client of the sandbox driver API, for tests and scripts.

async with Driver(base_url) as d:
    await d.add_user(id=1001, first_name="Wang")
    replies = await d.say(1001, "/start")
    await d.tap(1001, "Register")
    msg = await d.expect(1001, "Welcome", since=replies[-1]["message_id"])
"""

from __future__ import annotations

import asyncio
import base64
import time
from typing import Any

import aiohttp

# How long say/replies/expect wait for the bot's first answer by default. An answer comes in
# milliseconds; the margin is for a machine busy with other work (CI running beside other
# jobs), where 5 s was seen to run out. A passing wait returns as soon as the answer is there.
WAIT_S = 10.0

__all__ = ["Driver", "DriverCallError", "message_text"]


class DriverCallError(Exception):
    """The driver API refused a call (HTTP 400 with {"error": ...})."""

    def __init__(self, status: int, error: str) -> None:
        super().__init__(f"{status}: {error}")
        self.status = status
        self.error = error


def message_text(message: dict[str, Any]) -> str:
    """The visible text of a message: its text or caption ("" for neither)."""
    return str(message.get("text") or message.get("caption") or "")


def _buttons(message: dict[str, Any]) -> list[dict[str, Any]]:
    markup = message.get("reply_markup") or {}
    return [b for row in markup.get("inline_keyboard", []) for b in row]


class Driver:
    """Client of /sandbox/api/ on an emulator at ``base_url``."""

    def __init__(self, base_url: str, *, session: aiohttp.ClientSession | None = None) -> None:
        self.base_url = base_url.rstrip("/")
        self._own_session = session is None
        self._session = session

    async def __aenter__(self) -> Driver:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()

    async def close(self) -> None:
        """Close the HTTP session if the driver created it."""
        if self._own_session and self._session is not None:
            await self._session.close()
            self._session = None

    def _http(self) -> aiohttp.ClientSession:
        if self._session is None:
            self._session = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=120))
        return self._session

    async def _call(
        self, method: str, path: str, *, body: Any = None, params: dict[str, Any] | None = None
    ) -> Any:
        url = f"{self.base_url}/sandbox/api/{path}"
        query = {k: str(v) for k, v in (params or {}).items() if v is not None}
        async with self._http().request(method, url, json=body, params=query) as resp:
            data = await resp.json(content_type=None)
            if resp.status != 200:
                error = data.get("error") if isinstance(data, dict) else None
                raise DriverCallError(resp.status, str(error or data))
            return data

    # ------------------------------------------------------------------ the calls

    async def health(self) -> dict[str, Any]:
        """GET health: {"ok": true, "bot_ready": bool}."""
        result: dict[str, Any] = await self._call("GET", "health")
        return result

    async def wait_bot_ready(self, timeout: float = 10.0) -> None:  # noqa: ASYNC109
        """Poll health until the bot has polled or set its webhook."""
        deadline = time.monotonic() + timeout
        while not (await self.health())["bot_ready"]:
            if time.monotonic() > deadline:
                raise AssertionError("the bot did not start polling or set a webhook")
            await asyncio.sleep(0.01)

    async def add_user(
        self,
        *,
        id: int,
        first_name: str,
        last_name: str | None = None,
        username: str | None = None,
        language_code: str | None = None,
        role: str | None = None,
    ) -> dict[str, Any]:
        """POST users: a user who has started the bot."""
        body = {
            "id": id,
            "first_name": first_name,
            "last_name": last_name,
            "username": username,
            "language_code": language_code,
            "role": role,
        }
        result: dict[str, Any] = await self._call("POST", "users", body=body)
        return result

    async def users(self) -> list[dict[str, Any]]:
        """GET users."""
        return list((await self._call("GET", "users"))["users"])

    async def add_group(
        self,
        *,
        id: int,
        title: str,
        type: str = "supergroup",
        members: list[int] | None = None,
        bot_status: str | None = None,
        by: int | None = None,
    ) -> dict[str, Any]:
        """POST groups: a group, supergroup or channel with the bot in it; with `bot_status`
        someone (`by`) adds, promotes or removes the bot and it gets a my_chat_member update."""
        body: dict[str, Any] = {"id": id, "title": title, "type": type, "members": members or []}
        if bot_status is not None:
            body["bot_status"] = bot_status
        if by is not None:
            body["from"] = by
        result: dict[str, Any] = await self._call("POST", "groups", body=body)
        return result

    async def groups(self) -> list[dict[str, Any]]:
        """GET groups."""
        return list((await self._call("GET", "groups"))["groups"])

    async def send(
        self,
        user_id: int,
        text: str | None = None,
        *,
        chat: int | None = None,
        photo: bytes | None = None,
        photo_name: str = "photo.jpg",
        contact: str | dict[str, Any] | None = None,
        location: tuple[float, float] | None = None,
        voice: bytes | None = None,
        voice_duration: int = 1,
        reply_to_message_id: int | None = None,
        forward: tuple[int, int] | None = None,
        media_group_id: str | None = None,
    ) -> dict[str, Any]:
        """POST send: a message from the user (`media_group_id` with a photo: one photo of an
        album); returns {message_id, update_id}. `forward` (chat id, message id): the user
        forwards that message instead."""
        body: dict[str, Any] = {"from": user_id}
        if chat is not None:
            body["chat"] = chat
        if text is not None:
            body["text"] = text
        if photo is not None:
            body["photo"] = {"name": photo_name, "base64": base64.b64encode(photo).decode()}
        if contact is not None:
            body["contact"] = {"phone_number": contact} if isinstance(contact, str) else contact
        if location is not None:
            body["location"] = {"latitude": location[0], "longitude": location[1]}
        if voice is not None:
            body["voice"] = {
                "base64": base64.b64encode(voice).decode(),
                "duration": voice_duration,
            }
        if reply_to_message_id is not None:
            body["reply_to_message_id"] = reply_to_message_id
        if forward is not None:
            body["forward"] = {"chat": forward[0], "message_id": forward[1]}
        if media_group_id is not None:
            body["media_group_id"] = media_group_id
        result: dict[str, Any] = await self._call("POST", "send", body=body)
        return result

    async def click(
        self,
        user_id: int,
        message_id: int,
        *,
        data: str | None = None,
        text: str | None = None,
        chat: int | None = None,
        timeout: float | None = None,  # noqa: ASYNC109
    ) -> dict[str, Any]:
        """POST click: returns {callback_query_id, answer}."""
        body: dict[str, Any] = {"from": user_id, "message_id": message_id}
        for key, value in (("data", data), ("text", text), ("chat", chat), ("timeout", timeout)):
            if value is not None:
                body[key] = value
        result: dict[str, Any] = await self._call("POST", "click", body=body)
        return result

    async def vote(self, user_id: int, poll_id: str, option_ids: list[int]) -> dict[str, Any]:
        """POST vote: a poll answer; returns {"poll": ...}."""
        body = {"from": user_id, "poll_id": poll_id, "option_ids": option_ids}
        result: dict[str, Any] = await self._call("POST", "vote", body=body)
        return result

    async def block(self, user_id: int) -> None:
        """POST block: the user blocks the bot."""
        await self._call("POST", "block", body={"user": user_id})

    async def unblock(self, user_id: int) -> None:
        """POST unblock."""
        await self._call("POST", "unblock", body={"user": user_id})

    async def messages(self, chat_id: int, since: int = 0) -> list[dict[str, Any]]:
        """GET chats/{id}/messages: every message after ``since``, oldest first."""
        data = await self._call("GET", f"chats/{chat_id}/messages", params={"since": since})
        return list(data["messages"])

    async def wait(
        self,
        chat_id: int,
        since: int = 0,
        timeout: float = 10.0,  # noqa: ASYNC109
    ) -> list[dict[str, Any]]:
        """GET wait: long-polls until the bot writes or edits in the chat."""
        params = {"chat": chat_id, "since": since, "timeout": timeout}
        return list((await self._call("GET", "wait", params=params))["messages"])

    async def calls(
        self, method: str | None = None, errors_only: bool = False
    ) -> list[dict[str, Any]]:
        """GET calls: the Bot API calls the bot made, with their answers."""
        params = {"method": method, "errors_only": "true" if errors_only else None}
        return list((await self._call("GET", "calls", params=params))["calls"])

    async def errors(self) -> list[dict[str, Any]]:
        """GET errors: error answers not caused on purpose."""
        return list((await self._call("GET", "errors"))["errors"])

    async def fault(
        self,
        method: str,
        error_code: int,
        description: str | None = None,
        *,
        count: int = 1,
        parameters: dict[str, Any] | None = None,
    ) -> dict[str, Any]:
        """POST faults: the next ``count`` calls of ``method`` fail as given."""
        body: dict[str, Any] = {"method": method, "error_code": error_code, "count": count}
        if description is not None:
            body["description"] = description
        if parameters is not None:
            body["parameters"] = parameters
        result: dict[str, Any] = await self._call("POST", "faults", body=body)
        return result

    # ------------------------------------------------------------------ helpers for flows

    async def say(
        self,
        user_id: int,
        text: str,
        *,
        chat: int | None = None,
        timeout: float = WAIT_S,  # noqa: ASYNC109
        settle: float = 0.3,
    ) -> list[dict[str, Any]]:
        """Send ``text`` and return the bot's reply messages (waits ``settle`` s for more)."""
        chat_id = user_id if chat is None else chat
        sent = await self.send(user_id, text, chat=chat)
        return await self.replies(chat_id, sent["message_id"], timeout=timeout, settle=settle)

    async def replies(
        self,
        chat_id: int,
        since: int,
        *,
        timeout: float = WAIT_S,  # noqa: ASYNC109
        settle: float = 0.3,
    ) -> list[dict[str, Any]]:
        """The bot's messages after ``since``: waits for the first, then for a quiet spell."""
        deadline = time.monotonic() + timeout
        got = await self.wait(chat_id, since, timeout)
        # an edit of an earlier message ends a wait too: a step that first redraws what was
        # answered (an offer's button spent) and then says so. That is no answer yet; before,
        # the answer sent a moment later was missed on a busy machine and `say` gave [].
        while not any(m["message_id"] > since for m in got):
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                break
            got = await self.wait(chat_id, since, remaining)
        latest = since
        while True:
            new = [m for m in got if m["message_id"] > latest]
            if not new:
                break
            latest = max(m["message_id"] for m in new)
            got = await self.wait(chat_id, latest, settle)
        msgs = await self.messages(chat_id, since)
        return [m for m in msgs if (m.get("from") or {}).get("is_bot") and not m["deleted"]]

    async def expect(
        self,
        chat_id: int,
        contains: str,
        since: int = 0,
        timeout: float = WAIT_S,  # noqa: ASYNC109
    ) -> dict[str, Any]:
        """The first bot message after ``since`` whose text contains ``contains`` (edits count)."""
        deadline = time.monotonic() + timeout
        cursor = since
        while True:
            current = await self.messages(chat_id, since)
            for msg in current:
                if (
                    (msg.get("from") or {}).get("is_bot")
                    and not msg["deleted"]
                    and contains in message_text(msg)
                ):
                    return msg
            if current:
                cursor = max(cursor, current[-1]["message_id"])
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                seen = [message_text(m) for m in current if (m.get("from") or {}).get("is_bot")]
                raise AssertionError(
                    f"no bot message containing {contains!r} in chat {chat_id} after "
                    f"{since} within {timeout}s; bot wrote: {seen!r}"
                )
            await self.wait(chat_id, cursor, min(remaining, 1.0))

    async def tap(
        self,
        user_id: int,
        text_or_data: str,
        message_id: int | None = None,
        *,
        chat: int | None = None,
        timeout: float | None = None,  # noqa: ASYNC109
    ) -> dict[str, Any]:
        """Tap the inline button with this text (or callback_data) on the latest bot message."""
        chat_id = user_id if chat is None else chat
        msgs = await self.messages(chat_id)
        candidates = [
            m
            for m in reversed(msgs)
            if (message_id is None or m["message_id"] == message_id) and not m["deleted"]
        ]
        for by_text in (True, False):
            for msg in candidates:
                for button in _buttons(msg):
                    label = str(button.get("text", ""))
                    hit = (
                        label == text_or_data or text_or_data in label
                        if by_text
                        else button.get("callback_data") == text_or_data
                    )
                    if hit:
                        return await self.click(
                            user_id,
                            msg["message_id"],
                            data=button.get("callback_data") if not by_text else None,
                            text=label if by_text else None,
                            chat=chat,
                            timeout=timeout,
                        )
        labels = [b.get("text") for m in candidates[:3] for b in _buttons(m)]
        raise AssertionError(
            f"no inline button {text_or_data!r} in chat {chat_id}; latest buttons: {labels!r}"
        )
