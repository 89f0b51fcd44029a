"""📂 My requests lists each matter by the start of what was written: in English it is cut at
a word's end and to twice the letters of a Chinese line ('The street light outside building 2
has been…'). Before, the line was cut at 23 letters, mid-word: 'The street light outsid…'."""

from __future__ import annotations

from sandbox.driver import message_text
from tests.e2e.conftest import Harness
from tests.orders.test_e2e_cycle import WU
from tests.support import reply_to

LONG = "The street light outside building 2 has been off for a week, it's very dark at night"


async def test_english_list_line_is_cut_at_a_word(linli_sandbox: Harness) -> None:
    d = linli_sandbox.driver
    await d.add_user(id=WU, first_name="吴大爷", language_code="en")
    await reply_to(d, WU, "/start", "Hello")  # the bot learns his language
    await reply_to(d, WU, "📝 Report a problem", "")
    await reply_to(d, WU, LONG, "Got it")
    preview = await reply_to(d, WU, "✅ Done", "Your request")
    await d.tap(WU, "✅ Submit", preview["message_id"])
    await d.expect(WU, "Submitted", since=preview["message_id"] - 1)
    listing = await reply_to(d, WU, "📂 My requests", "My requests")
    [line] = [s for s in message_text(listing).splitlines() if s.startswith("The street")]
    assert line == "The street light outside building 2 has been…", line
