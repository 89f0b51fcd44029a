"""When triage cannot tell a request's category, the preview says so and offers its next
guesses as buttons; the resident's tap is the category filed."""

from __future__ import annotations

from sqlmodel import select

from models.orders import Request
from sandbox.driver import message_text
from tests.e2e.conftest import Harness
from tests.support import reply_to

ZHOU = 4001  # 周阿姨, registered in 阳光社区
ALEX = 5002  # English, unregistered


def _inline_labels(message: dict) -> list[str]:
    markup = message.get("reply_markup") or {}
    return [b["text"] for row in markup.get("inline_keyboard", []) for b in row]


async def _preview(h: Harness, user: int, text: str) -> dict:
    await reply_to(h.driver, user, "📝 我要点单", "请说说")
    await reply_to(h.driver, user, text, "收到")
    return await reply_to(h.driver, user, "✅ 说完了", "分类：")


async def test_an_unsure_category_offers_the_next_guesses(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    # 公共设施 or 养老助残? triage leans to the first and is not sure
    preview = await _preview(h, ZHOU, "我家老人行动不便，电梯又坏了")
    assert "分类：公共设施" in message_text(preview)
    assert "机器拿不准是哪一类" in message_text(preview)
    assert "养老助残" in _inline_labels(preview)
    await d.tap(ZHOU, "养老助残", preview["message_id"])
    chosen = await d.expect(ZHOU, "分类：养老助残", since=preview["message_id"] - 1)
    assert chosen["message_id"] == preview["message_id"]  # the preview itself, redrawn
    # the resident chose: no more guessing
    assert "拿不准" not in message_text(chosen)
    assert "养老助残" not in _inline_labels(chosen)
    await d.tap(ZHOU, "确认提交", preview["message_id"])
    await d.expect(ZHOU, "我的诉求", since=preview["message_id"])
    async with h.sessionmaker() as session:
        [filed] = (await session.exec(select(Request).where(Request.resident_id == ZHOU))).all()
    assert filed.category == "elderly_disabled"


async def test_a_clear_category_asks_nothing(linli_sandbox: Harness) -> None:
    # her own building (another building named would add the place's button, see
    # tests/orders/test_e2e_place_named.py)
    preview = await _preview(linli_sandbox, ZHOU, "1号楼楼道灯坏了，晚上很黑")
    assert "拿不准" not in message_text(preview)
    labels = _inline_labels(preview)
    assert labels[0] == "✅ 确认提交" and labels[1] == "🏷 换个分类"
