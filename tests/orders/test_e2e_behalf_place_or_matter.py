"""Filing for a resident (☎️ 代居民登记): an estate or community name misspelt at the building
step ('杨光社曲东苑', 5+ characters, no building number) was kept as the matter's words and
quoted back as such. Now staff are asked whether the words are a place's name or the matter:
a place's name is answered with the buildings (the words dropped), the matter is kept as before;
words that clearly say a matter ('水管漏水了') are kept without asking."""

from __future__ import annotations

from sqlmodel import select

from models.orders import Request
from sandbox.driver import message_text
from tests.e2e.conftest import Harness
from tests.support import reply_to

STAFF = 2001  # 李社工, 阳光社区


async def test_a_misspelt_estate_is_asked_about_and_not_kept(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    await d.say(STAFF, "☎️ 代居民登记")
    asked = await reply_to(d, STAFF, "杨光社曲东苑", "还是居民反映的事情")
    assert "记作居民反映的事情" not in message_text(asked)
    await d.tap(STAFF, "是小区/楼栋名称", asked["message_id"])
    listed = await d.expect(STAFF, "没有找到「杨光社曲东苑」这栋楼", since=asked["message_id"] - 1)
    assert "反映的事情" not in message_text(listed), message_text(listed)
    read = await reply_to(d, STAFF, "2号楼", "已记下：2号楼")
    await d.tap(STAFF, "电话", read["message_id"])
    await d.expect(STAFF, "房号是多少", since=read["message_id"] - 1)
    await reply_to(d, STAFF, "跳过", "联系电话")
    name = await reply_to(d, STAFF, "跳过", "怎么称呼")
    assert "杨光社曲东苑" not in message_text(name)
    await reply_to(d, STAFF, "跳过", "居民反映")
    await reply_to(d, STAFF, "楼道灯坏了", "已代为登记")
    async with h.sessionmaker() as session:
        [request] = (await session.exec(select(Request))).all()
    assert request.text == "楼道灯坏了"
    # the question's button, tapped again (an old copy) once the form moved on, is stale
    answer = (await d.click(STAFF, asked["message_id"], data="oc:obsm:0:0"))["answer"]
    assert answer is not None and answer["show_alert"], answer
    assert await d.errors() == []


async def test_words_staff_say_are_the_matter_are_kept(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    await d.say(STAFF, "☎️ 代居民登记")
    asked = await reply_to(d, STAFF, "暘光新村东区", "还是居民反映的事情")
    await d.tap(STAFF, "是反映的事情", asked["message_id"])
    kept = await d.expect(STAFF, "这件事在哪栋楼", since=asked["message_id"] - 1)
    assert message_text(kept).startswith("您写的「暘光新村东区」记作居民反映的事情"), message_text(
        kept
    )
    # a matter said plainly is kept without asking, as before
    await d.say(STAFF, "✖️ 取消")
    await d.say(STAFF, "☎️ 代居民登记")
    kept = await reply_to(d, STAFF, "水管漏水了", "这件事在哪栋楼")
    assert message_text(kept).startswith("您写的「水管漏水了」记作居民反映的事情")
    assert await d.errors() == []
