"""'我换手机号了，新号码13912345678' typed at the menu, as older residents tell the office of a
new number, is offered to be kept as their phone (✅ 记下), as a number typed alone is; it used to
be offered to be filed as a matter. (services.validation.phone_number reads the words before the
number; handlers.profile.offer_typed_phone)"""

from __future__ import annotations

from models import User
from sandbox.driver import message_text
from tests.e2e.conftest import Harness
from tests.support import inline_labels

HUANG = 4005  # 黄奶奶, registered, no phone on file


async def test_a_new_number_said_in_words_is_offered_as_her_phone(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    for said, phone in (
        ("我换手机号了，新号码13912345678", "13912345678"),
        ("我的电话改成13900000003", "13900000003"),
    ):
        [offer] = await d.say(HUANG, said)
        assert f"要把 {phone} 记为您的联系电话吗" in message_text(offer), message_text(offer)
        assert "📝 报给社区" not in inline_labels(offer)
        await d.tap(HUANG, "✅ 记下", offer["message_id"])
        await d.expect(HUANG, phone, since=offer["message_id"])
        async with h.sessionmaker() as session:
            huang = await session.get(User, HUANG)
            assert huang is not None and huang.phone == phone
    # a matter with a number in it is still a matter
    [matter] = await d.say(HUANG, "我家水管坏了，电话13912345678")
    assert "要把这件事报给社区吗" in message_text(matter)
    assert await d.errors() == []


async def test_a_number_typed_before_registering_asks_to_register_first(
    linli_sandbox: Harness,
) -> None:
    """Typed or shared, a number from someone not registered yet is answered alike: register
    first (the number comes at its last step); nothing is kept (handlers.profile._offer_phone,
    one block for both since the two were merged)."""
    h = linli_sandbox
    d = h.driver
    newcomer = 5001  # 小林, not registered
    [typed] = await d.say(newcomer, "我的电话改成13700001111")
    sent = await d.send(newcomer, contact={"phone_number": "8613700001111", "user_id": newcomer})
    [shared] = await d.replies(newcomer, sent["message_id"])
    for answer in (typed, shared):
        assert "先登记住址" in message_text(answer), message_text(answer)
    async with h.sessionmaker() as session:
        user = await session.get(User, newcomer)
        assert user is None or user.phone is None
    assert await d.errors() == []
