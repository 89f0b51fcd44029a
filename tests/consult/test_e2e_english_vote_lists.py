"""An English-speaking resident who picks several options reads them as English lists them:
'✅ Voted: 修路灯, 加装电梯', and 'Your choice: 修路灯, 加装电梯' when the ballot is opened
again. Before, both read '修路灯、加装电梯' with the Chinese list comma."""

from __future__ import annotations

from sandbox.driver import message_text
from tests.consult.test_e2e_qa_polls import ZHOU, make_poll
from tests.e2e.conftest import Harness
from tests.support import reply_to


async def test_an_english_voters_choices_are_listed_the_english_way(
    linli_sandbox: Harness,
) -> None:
    h = linli_sandbox
    d = h.driver
    await d.add_user(id=ZHOU, first_name="周阿姨", language_code="en")
    await reply_to(d, ZHOU, "/start", "Hello")  # the bot learns her language
    await make_poll(h, multiple=True, max_choices=3)
    announce = await d.expect(ZHOU, "Poll: ")
    await d.tap(ZHOU, "🗳 Vote", announce["message_id"])
    mine = await d.expect(ZHOU, "Closes:", since=announce["message_id"])
    for pick in ("修路灯", "加装电梯"):
        await d.tap(ZHOU, pick, mine["message_id"])
    await d.tap(ZHOU, "✅ Submit", mine["message_id"])
    voted = await d.expect(ZHOU, "Voted:", since=mine["message_id"])
    assert "Voted: 修路灯, 加装电梯" in message_text(voted), message_text(voted)
    # the ballot opened again says what she chose, the same way
    await d.tap(ZHOU, "🗳 Vote", announce["message_id"])
    again = await d.expect(ZHOU, "Your choice:", since=voted["message_id"])
    assert "Your choice: 修路灯, 加装电梯" in message_text(again), message_text(again)
