"""Filing for a resident (☎️ 代居民登记): the matter typed at the name step ('1号楼门口的井盖松了，
踩上去会晃') was refused as a name and lost; it is kept and filed once the name is in (or
skipped), not asked for again. A name is still taken as the name."""

from __future__ import annotations

from sqlmodel import select

from models.orders import Request
from sandbox.driver import message_text
from tests.e2e.conftest import Harness
from tests.support import reply_to

STAFF = 2001  # 李社工, 阳光社区


async def _at_name_step(h: Harness) -> None:
    d = h.driver
    [ask] = await d.say(STAFF, "☎️ 代居民登记")
    await d.tap(STAFF, "1号楼", ask["message_id"])
    await d.expect(STAFF, "怎么反映的", since=ask["message_id"] - 1)
    await d.tap(STAFF, "电话", ask["message_id"])
    await d.expect(STAFF, "房号是多少", since=ask["message_id"] - 1)
    await reply_to(d, STAFF, "602", "联系电话")
    await reply_to(d, STAFF, "跳过", "怎么称呼")


async def test_the_matter_typed_at_the_name_step_is_kept(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    await _at_name_step(h)
    kept = await reply_to(d, STAFF, "1号楼门口的井盖松了，踩上去会晃", "已经先记下了")
    assert "称呼" in message_text(kept)
    filed = await reply_to(d, STAFF, "王奶奶", "已代为登记")
    assert "反映的事情" not in message_text(filed)
    async with h.sessionmaker() as session:
        [request] = (await session.exec(select(Request))).all()
    assert request.text == "1号楼门口的井盖松了，踩上去会晃"
    assert request.contact_name == "王奶奶" and request.room == "602"


async def test_a_name_is_still_a_name(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    await _at_name_step(h)
    await reply_to(d, STAFF, "欧阳阿姨", "反映的事情")
    await reply_to(d, STAFF, "楼道灯坏了", "已代为登记")
    async with h.sessionmaker() as session:
        [request] = (await session.exec(select(Request))).all()
    assert request.contact_name == "欧阳阿姨" and request.text == "楼道灯坏了"


async def test_skipping_the_name_files_the_kept_matter(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    await _at_name_step(h)
    kept = await reply_to(d, STAFF, "楼下的垃圾三天没人收了", "已经先记下了")
    await d.tap(STAFF, "跳过", kept["message_id"])
    await d.expect(STAFF, "已代为登记", since=kept["message_id"])
    async with h.sessionmaker() as session:
        [request] = (await session.exec(select(Request))).all()
    assert request.text == "楼下的垃圾三天没人收了" and request.contact_name is None
