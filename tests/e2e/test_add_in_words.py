"""'我想补充一下，水已经流到楼下了' typed at the menu by a resident with a matter open is more
of that matter: it is offered to be added to it (➕ 补充到 00001, as the card's ➕ 补充信息
does) beside 📝 报给社区 (a new matter is still offered to be filed); it used to be offered as
a new matter only, the lead-in and all. '好的' under the offer is asked which; with no matter
open, the words are offered to be filed as before. (handlers.fallback._offer_adding,
services.smalltalk.adds_to)"""

from __future__ import annotations

from sqlmodel import select

from models.orders import Request
from sandbox.driver import message_text
from tests.e2e.conftest import Harness
from tests.support import inline_labels

WU = 4002  # 吴大爷, 阳光社区 1号楼 502
ZHOU = 4001  # 周阿姨, no matter filed


async def _file(h: Harness, said: str) -> None:
    d = h.driver
    await d.say(WU, "📝 我要点单")
    await d.say(WU, said)
    [*_, preview] = await d.say(WU, "✅ 说完了")
    await d.tap(WU, "确认提交", preview["message_id"])
    await d.expect(WU, "已提交", since=preview["message_id"] - 1)


async def test_words_added_in_words_go_to_the_matter_filed(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    await _file(h, "家里水管漏水了，厨房")
    [offer] = await d.say(WU, "我想补充一下，水已经流到楼下了")
    assert "水已经流到楼下了" in message_text(offer)
    labels = inline_labels(offer)
    assert any("补充到 00001" in label for label in labels), labels
    assert "📝 报给社区" in labels
    [which] = await d.say(WU, "好的")  # either button: asked, nothing done
    assert "请点上面的按钮选一个" in message_text(which)
    await d.tap(WU, "补充到 00001", offer["message_id"])
    added = await d.expect(WU, "已补充到诉求 00001", since=which["message_id"])
    assert added
    [settled] = [m for m in await d.messages(WU) if m["message_id"] == offer["message_id"]]
    assert "补充到原来的诉求" in message_text(settled) and inline_labels(settled) == []
    async with h.sessionmaker() as s:
        [req] = (await s.exec(select(Request))).all()
    assert req.text.endswith("水已经流到楼下了") and "补充一下" not in req.text
    # staff are told, as by the card's ➕ 补充信息
    await d.expect(2001, "00001 有居民补充的信息")
    assert await d.errors() == []


async def test_a_new_matter_is_still_offered_to_be_filed(linli_sandbox: Harness) -> None:
    """📝 报给社区 under the offer begins a new matter with the words (not the lead-in); with
    nothing open, '补充一下，…' is offered to be filed as any matter is."""
    h = linli_sandbox
    d = h.driver
    await _file(h, "家里水管漏水了，厨房")
    [offer] = await d.say(WU, "再补充一句：楼道灯也不亮了")
    await d.tap(WU, "报给社区", offer["message_id"])
    await d.expect(WU, "已经记下您说的话", since=offer["message_id"])
    [*_, preview] = await d.say(WU, "✅ 说完了")
    assert "楼道灯也不亮了" in message_text(preview) and "再补充一句" not in message_text(preview)
    [plain] = await d.say(ZHOU, "我想补充一下，楼下的垃圾没人收")
    assert "要把这件事报给社区吗" in message_text(plain)
    assert not any("补充到" in label for label in inline_labels(plain))
    assert await d.errors() == []


async def test_a_whole_message_of_words_is_added_whole(linli_sandbox: Harness) -> None:
    """'我想补充一下，…' as one message of nearly 4,096 characters: added to the matter whole
    (its end used to be cut off at 4,000 characters, unseen)."""
    h = linli_sandbox
    d = h.driver
    await _file(h, "家里水管漏水了，厨房")
    words = "楼下邻居说天花板在滴水，" * 339 + "最后这句要留下"  # 4,075 characters
    [offer] = await d.say(WU, f"我想补充一下，{words}")
    assert "补充到" in str(offer), message_text(offer)[:300]
    await d.tap(WU, "补充到 00001", offer["message_id"])
    await d.expect(WU, "已补充到诉求 00001", since=offer["message_id"])
    async with h.sessionmaker() as s:
        [req] = (await s.exec(select(Request))).all()
    assert req.text.endswith(words), req.text[-20:]
    assert await d.errors() == []
