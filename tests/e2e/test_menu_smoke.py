"""Every main-menu button, for every role, in every language, answers without an error."""

from __future__ import annotations

import pytest

from models import User
from sandbox.driver import message_text
from tests.e2e.conftest import Harness

ROLES = {"admin": 1001, "staff": 2001, "grid worker": 2002, "member": 3001, "resident": 4001}
FAILURES = ("出了点问题", "出了點問題", "something went wrong")


@pytest.mark.parametrize("lang", ["zh-Hans", "zh-Hant", "en"])
async def test_every_menu_button_answers(linli_sandbox: Harness, lang: str) -> None:
    d = linli_sandbox.driver
    async with linli_sandbox.sessionmaker() as session:
        for user_id in ROLES.values():
            user = await session.get(User, user_id)
            assert user is not None
            user.language = lang
        await session.commit()
    for role, user_id in ROLES.items():
        [menu] = await d.say(user_id, "/start")
        labels = [b["text"] for row in menu["reply_markup"]["keyboard"] for b in row]
        assert len(labels) >= 4, (role, labels)
        for label in labels:
            replies = await d.say(user_id, label)
            assert replies, f"{role} pressed {label!r} and got no answer"
            texts = [message_text(m) for m in replies]
            assert not any(f in t for f in FAILURES for t in texts), (role, label, texts)
            await d.say(user_id, "/cancel")
