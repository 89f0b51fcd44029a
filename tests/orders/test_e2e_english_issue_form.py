"""Staff reading English read lists as English writes them: '📤 Issue order' shows 'Skills
needed: Plumbing, Electrical repair, Appliance repair', a request card '⚠️ Possible duplicates:
00001(100%), 00002(100%)'. Before, both were joined with the Chinese list comma
('Plumbing、Electrical repair')."""

from __future__ import annotations

from sandbox.driver import message_text
from tests.e2e.conftest import Harness
from tests.orders.test_e2e_cycle import STAFF, ZHOU, _file
from tests.support import reply_to


async def test_an_english_staff_member_reads_the_skills_the_english_way(
    linli_sandbox: Harness,
) -> None:
    h = linli_sandbox
    d = h.driver
    await d.add_user(id=STAFF, first_name="李社工", language_code="en")
    await reply_to(d, STAFF, "/start", "Hello")  # the bot learns her language
    number = await _file(h, ZHOU, "家里厨房的水管漏水了，地上都是水")
    notice = await d.expect(STAFF, f"New request {number}")
    await d.tap(STAFF, "📄 Open request", notice["message_id"])
    card = await d.expect(STAFF, f"Request {number} ·", since=notice["message_id"])
    await d.tap(STAFF, "📤 Issue order", card["message_id"])
    form = await d.expect(STAFF, f"Order for request {number}")  # the card turns into the form
    skills = next(
        line for line in message_text(form).splitlines() if line.startswith("Skills needed:")
    )
    assert ", " in skills and "、" not in skills, skills


async def test_an_english_staff_member_reads_possible_duplicates_the_english_way(
    linli_sandbox: Harness,
) -> None:
    """'⚠️ May be the same matter as 00001 (very alike), 00002 (very alike)' on the request
    card; before, '、' between (and a bare percentage after each)."""
    h = linli_sandbox
    d = h.driver
    await d.add_user(id=STAFF, first_name="李社工", language_code="en")
    await reply_to(d, STAFF, "/start", "Hello")
    for _ in range(2):
        await _file(h, ZHOU, "1号楼门口的路灯坏了，晚上很黑")
    number = await _file(h, ZHOU, "1号楼门口的路灯坏了，晚上很黑")
    notice = await d.expect(STAFF, f"New request {number}")
    await d.tap(STAFF, "📄 Open request", notice["message_id"])
    card = await d.expect(STAFF, f"Request {number} ·", since=notice["message_id"])
    dupes = next(
        line for line in message_text(card).splitlines() if "May be the same matter as" in line
    )
    assert "00001 (very alike), 00002 (very alike)" in dupes and "、" not in dupes, dupes
    assert "%" not in dupes, dupes
