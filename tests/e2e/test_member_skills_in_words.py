"""Skills said in everyday words at 双报到's skills step ('我会修水管，也能陪老人看病', 'I can fix
pipes and help old people'), as retirees type them rather than tap, tick the skills they name,
so the orders asking for them reach the new member. Before, the words were kept whole as
'other skills' ('其他特长：我会修水管, 也能陪老人看病'), no skill was ticked, and the plumbing
order never reached 小林. (handlers.members.on_custom_skills, services.skills.read_typed)"""

from __future__ import annotations

from sandbox.driver import message_text
from tests.e2e.conftest import Harness
from tests.orders.test_e2e_cycle import STAFF, ZHOU, _file, _open_card

NEW = 5001  # 小林, unregistered
ALEX = 5002  # English, unregistered


async def _to_skills(h: Harness, user: int, start: str, agree: str, name: str) -> None:
    d = h.driver
    [first] = await d.say(user, start)
    await d.tap(user, agree, first["message_id"])
    await d.say(user, name)
    await d.say(user, "退休")
    await d.say(user, "13812345678")


async def test_skills_said_in_words_are_ticked_and_bring_the_orders(
    linli_sandbox: Harness,
) -> None:
    h = linli_sandbox
    d = h.driver
    await _to_skills(h, NEW, "🙋 党员/志愿者报到", "同意并继续", "林小明")
    [ticked] = await d.say(NEW, "我会修水管，也能陪老人看病")
    said = message_text(ticked)
    assert "已勾选：水管疏通、陪同就医办事" in said and "其他特长" not in said, said
    markup = str(ticked["reply_markup"])
    assert "✅ 水管疏通" in markup and "✅ 陪同就医办事" in markup, markup
    await d.tap(NEW, "完成", ticked["message_id"])
    await d.tap(NEW, "阳光社区", ticked["message_id"])
    await d.tap(NEW, "第一网格", ticked["message_id"])
    await d.tap(NEW, "不显示", ticked["message_id"])
    confirm = await d.expect(NEW, "请确认", since=ticked["message_id"] - 1)
    assert "水管疏通" in message_text(confirm)
    await d.tap(NEW, "确认", confirm["message_id"])
    review = await d.expect(STAFF, "报到申请")
    await d.tap(STAFF, "通过", review["message_id"])
    await d.expect(NEW, "报到申请已通过")
    # a leaking pipe in 第一网格, issued as the category asks (plumbing): 小林 is offered it
    number = await _file(h, ZHOU, "厨房水管漏水了，地上都是水")
    await _open_card(h, number)
    await d.tap(STAFF, "派单")
    form = await d.expect(STAFF, f"为诉求 {number} 派单")
    assert "水管疏通" in message_text(form), message_text(form)
    await d.tap(STAFF, "发布工单")
    await d.expect(STAFF, "已发布")
    await d.expect(NEW, "新工单")


async def test_skills_said_in_english_words_are_ticked(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    await _to_skills(h, ALEX, "🙋 Volunteer sign-up", "Agree and continue", "Alex Smith")
    [ticked] = await d.say(ALEX, "I can fix pipes and help old people")
    said = message_text(ticked)
    assert "Plumbing, Elderly care" in said and "Other skills" not in said, said
