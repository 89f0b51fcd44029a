"""A resident reading English who is about to report what a neighbour reported before reads
that matter's order by its title in English when the title is its category's name: '• 00001 ·
Public facilities (…) · 1号楼 …'. Before, the line named it '公共设施(电梯/路灯/道路/门禁)'."""

from __future__ import annotations

from sandbox.driver import message_text
from tests.e2e.conftest import Harness
from tests.orders.test_e2e_claim_in_place import _issue
from tests.orders.test_e2e_cycle import WU
from tests.orders.test_e2e_join import LAMP, SAME
from tests.support import reply_to


async def test_an_english_resident_reads_the_similar_matters_order_in_english(
    linli_sandbox: Harness,
) -> None:
    h = linli_sandbox
    d = h.driver
    await _issue(h, LAMP)  # 周阿姨's lamp, an order issued for it under its category's name
    await d.add_user(id=WU, first_name="吴大爷", language_code="en")
    await reply_to(d, WU, "/start", "Hello")  # the bot learns his language
    await reply_to(d, WU, "📝 Report a problem", "")
    await reply_to(d, WU, SAME, "Got it")
    preview = await reply_to(d, WU, "✅ Done", "Neighbours have already reported")
    line = next(s for s in message_text(preview).splitlines() if s.startswith("• 00001 · "))
    assert line.startswith("• 00001 · Public facilities"), line
    assert "公共设施" not in line
