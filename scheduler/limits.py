"""Telegram's sending limits, kept on our side so that we rarely meet a 429.

* overall: at most `per_second` messages in any one-second window (direct replies count too);
* a private chat: a token bucket, `chat_burst` at once, then `per_chat` a second;
* a group or channel: at most `group_per_minute` in any sixty-second window;
* a 429 `retry_after` pauses everything the sender does until it has passed.

Direct replies (a user's own action) are only *noted*: they never wait here, and the sender
leaves `reply_headroom` of the overall window free for them.
"""

from __future__ import annotations

import asyncio
import bisect
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass
class _ChatBucket:
    tokens: float
    at: float
    stamps: deque[float] = field(default_factory=deque)


class RateLimiter:
    """Sliding windows and token buckets that mirror Telegram's flood limits."""

    def __init__(
        self,
        *,
        per_second: float = 30.0,
        reply_headroom: int = 1,
        per_chat: float = 1.0,
        chat_burst: int = 3,
        group_per_minute: int = 20,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.per_second = per_second
        self.reply_headroom = reply_headroom
        self.per_chat = per_chat
        self.chat_burst = chat_burst
        self.group_per_minute = group_per_minute
        self.clock = clock
        self.paused_until = 0.0
        self._stamps: list[float] = []  # sorted
        self._chats: dict[int, _ChatBucket] = {}
        self._lock = asyncio.Lock()

    @property
    def sender_share(self) -> int:
        """How many messages a second the sender may use (the rest is for direct replies)."""
        return max(1, int(self.per_second) - self.reply_headroom)

    def _bucket(self, chat_id: int, now: float) -> _ChatBucket:
        bucket = self._chats.get(chat_id)
        if bucket is None:
            bucket = _ChatBucket(tokens=float(self.chat_burst), at=now)
            self._chats[chat_id] = bucket
            if len(self._chats) > 100_000:  # forget chats idle for a minute
                cutoff = now - 60.0
                self._chats = {k: v for k, v in self._chats.items() if v.at > cutoff}
                self._chats[chat_id] = bucket
        elif chat_id > 0:
            bucket.tokens = min(
                float(self.chat_burst), bucket.tokens + (now - bucket.at) * self.per_chat
            )
            bucket.at = now
        return bucket

    def chat_wait(self, chat_id: int, now: float | None = None) -> float:
        """Seconds until this chat may take one more message (0 when it may now)."""
        now = self.clock() if now is None else now
        bucket = self._bucket(chat_id, now)
        if chat_id > 0:
            # a little slack: Telegram counts arrivals, we count departures
            return 0.0 if bucket.tokens >= 1.0 else (1.05 - bucket.tokens) / self.per_chat
        while bucket.stamps and bucket.stamps[0] <= now - 60.0:
            bucket.stamps.popleft()
        if len(bucket.stamps) < self.group_per_minute:
            return 0.0
        return bucket.stamps[0] + 60.0 - now

    def _global_wait(self, now: float, share: int) -> float:
        cut = bisect.bisect_right(self._stamps, now - 1.0)
        if cut:
            del self._stamps[:cut]
        if len(self._stamps) < share:
            return 0.0
        return self._stamps[-share] + 1.0 - now

    def _take(self, chat_id: int, now: float) -> None:
        bisect.insort(self._stamps, now)
        bucket = self._bucket(chat_id, now)
        if chat_id > 0:
            # Direct replies may empty the bucket but never run it into debt: a user who just
            # chatted a lot waits about a second for a notification, not one second per reply.
            bucket.tokens = max(0.0, bucket.tokens - 1.0)
        else:
            bucket.stamps.append(now)
        bucket.at = now

    def note_direct(self, chat_id: int) -> float:
        """A reply goes out outside the sender: count it, never wait; returns its stamp."""
        now = self.clock()
        self._take(chat_id, now)
        return now

    def pause(self, seconds: float) -> None:
        """Telegram said 429: nothing goes out until `seconds` have passed."""
        self.paused_until = max(self.paused_until, self.clock() + seconds)

    def settle(self, chat_id: int, stamp: float) -> float:
        """The message counted at `stamp` was answered: count it at the answer's time instead
        (returned: its stamp now).

        Telegram counts a message when it arrives, which is somewhere between our departure
        and the answer; counting it at the answer keeps our windows at least as strict. The
        sender also calls it when it has looked at the message once more before sending it
        (a round trip to the database): it is counted from when it really leaves.
        """
        now = self.clock()
        index = bisect.bisect_left(self._stamps, stamp)
        if index < len(self._stamps) and self._stamps[index] == stamp:
            del self._stamps[index]
            bisect.insort(self._stamps, now)
        bucket = self._chats.get(chat_id)
        if bucket is None:
            return now
        if chat_id > 0:
            bucket.at = max(bucket.at, now)  # no refill is credited for the time in flight
        elif bucket.stamps and stamp in bucket.stamps:
            bucket.stamps.remove(stamp)
            bucket.stamps.append(now)
        return now

    async def acquire(self, chat_id: int) -> float:
        """Wait until one message to this chat is within every limit, count it; its stamp."""
        while True:
            async with self._lock:
                now = self.clock()
                wait = max(
                    self.paused_until - now,
                    self._global_wait(now, self.sender_share),
                    self.chat_wait(chat_id, now),
                )
                if wait <= 0:
                    self._take(chat_id, now)
                    return now
            await asyncio.sleep(min(wait, 1.0))
