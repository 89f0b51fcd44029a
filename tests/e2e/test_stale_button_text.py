"""An out-of-date button says so and points to the newest message, in one short line; it no
longer tells people to send /start (which made older residents abandon a form they could go on
with)."""

from __future__ import annotations

from tests.e2e.conftest import Harness

ZHOU = 4001  # 周阿姨, zh-Hans
ALEX = 5002  # Alex, English
SAID = {
    ZHOU: ("按钮已经失效", "最新一条消息"),
    ALEX: ("no longer valid", "newest message"),
}


async def test_stale_button_points_to_the_newest_message(linli_sandbox: Harness) -> None:
    d = linli_sandbox.driver
    for user, said in SAID.items():
        [help_text] = await d.say(user, "/help")
        answer = await d.click(user, help_text["message_id"], data="oc:gone:1:0")
        text = str(answer["answer"]["text"])
        assert all(part in text for part in said), text
        assert "/start" not in text
        assert "\n" not in text and len(text) <= 70, text  # one short line to read and close
