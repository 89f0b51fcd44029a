"""Lists inside an English sentence read as English: 'Skills: Electrical repair, Digital help',
'Roles: Resident, Community staff', 'By category: … 1, … 1', 'By grid (resolution): Grid 1 2
(-)', and an admin's staff list '张网格员 (2002): Sunshine Community (Grid 1)' (the English
names of the community and grid). Before, they were joined
with the Chinese list comma and brackets ('Electrical repair、Digital help', '第一网格 2（-）')."""

from __future__ import annotations

from models import User
from sandbox.driver import message_text
from tests.e2e.conftest import Harness
from tests.e2e.test_people import _apply_as_member
from tests.orders.test_e2e_cycle import WU, ZHOU, _file
from tests.support import reply_to

ADMIN = 1001  # 王主任
STAFF = 2001  # 李社工, 阳光社区
NEW = 5001  # 小林, unregistered


async def _in_english(h: Harness, *user_ids: int) -> None:
    async with h.sessionmaker() as session:
        for uid in user_ids:
            user = await session.get(User, uid)
            assert user is not None
            user.language = "en"
        await session.commit()


async def test_lists_in_english_sentences(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    await _in_english(h, STAFF, ADMIN)
    await _apply_as_member(h, NEW)
    card = message_text(await d.expect(STAFF, "Volunteer sign-up"))
    assert "Skills: Electrical repair, " in card and "、" not in card, card
    await _file(h, ZHOU, "1号楼楼道的灯坏了，晚上很黑")
    await _file(h, WU, "1号楼门口垃圾桶满了没人清")
    sent = await d.send(STAFF, "/stats 2026")
    text = message_text(await d.expect(STAFF, "Ledger ·", since=sent["message_id"]))
    assert "By grid (resolution): Grid 1 2 (-)" in text, text
    by_category = next(line for line in text.splitlines() if line.startswith("By category:"))
    assert ", " in by_category and "、" not in text, text
    sent = await d.send(STAFF, "/profile")
    profile = message_text(await d.expect(STAFF, "Roles:", since=sent["message_id"]))
    assert "Roles: Resident, Community staff" in profile, profile
    menu = await reply_to(d, ADMIN, "/admin", "Admin")
    await d.tap(ADMIN, "Staff list", menu["message_id"])
    listed = message_text(await d.expect(ADMIN, "(2002)", since=menu["message_id"] - 1))
    assert "张网格员 (2002): Sunshine Community (Grid 1)" in listed, listed
