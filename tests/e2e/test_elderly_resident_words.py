"""More of an older resident's chat, read as they would read it: two matters told in one
message are offered to be filed as two; '🙏🙏🙏' under the offer is a yes, as '谢谢' is; '😭'
alone is asked after with care; the preview no longer says '不紧急' every time; '和谐社区 不对
不对 是阳光的' picks 阳光社区; 'Skip' at the room step keeps ⬅️ Back; a neighbour's phone asked
before registering is not kept as their matter."""

from __future__ import annotations

import pytest
from sqlmodel import col, select

from models.orders import Request
from sandbox.driver import message_text
from tests.e2e.conftest import Harness
from tests.support import inline_labels, keyboard_labels, reply_to

ZHOU = 4001  # 周阿姨, 阳光社区 1号楼 302
WU = 4002  # 吴大爷
NEW = 5001  # 小林, unregistered
ALEX = 5002  # English, unregistered


async def _preview(h: Harness, user: int, said: str) -> dict:
    d = h.driver
    await reply_to(d, user, said, "要把这件事报给社区吗")
    await reply_to(d, user, "好的", "已经记下您说的话")
    return await reply_to(d, user, "✅ 说完了", "您要反映的事情")


async def _filed(h: Harness) -> list[Request]:
    async with h.sessionmaker() as session:
        return list((await session.exec(select(Request).order_by(col(Request.id)))).all())


async def test_two_matters_in_one_message_filed_as_two(linli_sandbox: Harness) -> None:
    """'楼道灯坏了，还有电梯也不动了' was filed as one request; the preview offers to file it as
    two, each with its own words and number."""
    h = linli_sandbox
    d = h.driver
    preview = await _preview(h, ZHOU, "楼道灯坏了，还有电梯也不动了")
    assert "两件事" in message_text(preview), message_text(preview)
    assert {"✂️ 分成两件", "就当一件"} <= set(inline_labels(preview)), inline_labels(preview)
    await d.tap(ZHOU, "分成两件", preview["message_id"])
    done = await d.expect(ZHOU, "已分成两件提交", since=preview["message_id"] - 1)
    assert "00001" in message_text(done) and "00002" in message_text(done)
    assert [r.text for r in await _filed(h)] == ["楼道灯坏了", "电梯也不动了"]
    assert await d.errors() == []


async def test_two_matters_kept_as_one(linli_sandbox: Harness) -> None:
    """就当一件 takes the offer away; 确认提交 files the words whole, as before."""
    h = linli_sandbox
    d = h.driver
    said = "1号楼门口垃圾没人收，另外路灯也不亮"
    preview = await _preview(h, WU, said)
    await d.tap(WU, "就当一件", preview["message_id"])
    one = await d.expect(WU, "您要反映的事情", since=preview["message_id"] - 1)
    assert "两件事" not in message_text(one) and "就当一件" not in inline_labels(one)
    await d.tap(WU, "确认提交", one["message_id"])
    await d.expect(WU, "已提交，编号", since=one["message_id"] - 1)
    assert [r.text for r in await _filed(h)] == [said]
    assert await d.errors() == []


async def test_one_matter_with_and_is_not_offered_apart(linli_sandbox: Harness) -> None:
    """'水管漏水了，还有地板也泡了' is one matter (what the leak did): no offer to split; and no
    preview says '不紧急' — only an urgent one says how urgent, and 🚨 标为紧急 stays."""
    h = linli_sandbox
    d = h.driver
    preview = await _preview(h, WU, "水管漏水了，还有地板也泡了")
    assert "两件事" not in message_text(preview) and "分成两件" not in str(inline_labels(preview))
    plain = await _preview(h, ZHOU, "楼道灯坏了")
    assert "不紧急" not in message_text(plain) and "🚨 标为紧急" in inline_labels(plain)
    assert await d.errors() == []


async def test_folded_hands_under_the_offer_are_a_yes(linli_sandbox: Harness) -> None:
    """'🙏🙏🙏' right under '要把这件事报给社区吗？' got '不客气' and the matter waited; it is a
    yes, as '谢谢' there is."""
    d = linli_sandbox.driver
    await reply_to(d, WU, "厨房水龙头一直滴水", "要把这件事报给社区吗")
    started = await reply_to(d, WU, "🙏🙏🙏", "已经记下您说的话")
    assert "不客气" not in message_text(started)
    assert await d.errors() == []


async def test_tears_are_asked_after(linli_sandbox: Harness) -> None:
    """'😭' alone got '没有看懂'; it is asked what happened, with 我要点单 and the office's
    phone. Other emoji alone get a friendly word."""
    d = linli_sandbox.driver
    [care] = await d.say(ZHOU, "😭")
    said = message_text(care)
    assert "您怎么了" in said and "我要点单" in said and "021-55500101" in said, said
    assert "没有看懂" not in said
    [flower] = await d.say(ZHOU, "🌸")
    assert "没有看懂" not in message_text(flower) and "收到" in message_text(flower)
    [sad] = await d.say(NEW, "😢")  # not registered: where to register first
    assert "您怎么了" in message_text(sad) and "登记住址" in message_text(sad)
    assert await d.errors() == []


async def test_a_community_named_again_after_a_correction(linli_sandbox: Harness) -> None:
    """'和谐社区 不对不对 是阳光的' at the community step was not read at all (two named)."""
    d = linli_sandbox.driver
    await reply_to(d, NEW, "我要登记", "个人信息使用说明")
    await reply_to(d, NEW, "同意", "请选择您所在的社区")
    read = await reply_to(d, NEW, "和谐社区 不对不对 是阳光的", "记下了")
    assert "阳光社区" in message_text(read) and "和谐社区" not in message_text(read)
    await d.expect(NEW, "请选择您所在的网格", since=read["message_id"])
    assert await d.errors() == []


async def test_skip_at_the_room_step_keeps_back(linli_sandbox: Harness) -> None:
    """'Skip' typed where the room is asked was answered with only ✖️ Cancel: ⬅️ Back was
    gone."""
    d = linli_sandbox.driver
    await reply_to(d, ALEX, "I live in Sunshine Community building 3", "personal data")
    await reply_to(d, ALEX, "ok", "room number")
    refused = await reply_to(d, ALEX, "Skip", "is a button")
    assert "⬅️ Back" in keyboard_labels(refused), keyboard_labels(refused)
    await reply_to(d, ALEX, "⬅️ Back", "building")
    assert await d.errors() == []


async def test_a_neighbours_phone_asked_before_registering(linli_sandbox: Harness) -> None:
    """'302的电话多少' from someone not registered was kept as their matter ('先记下了') and
    came back as it after registering; it is told a neighbour's phone is not given."""
    d = linli_sandbox.driver
    for asked in ("302的电话多少", "楼上是谁家"):
        [answer] = await d.say(NEW, asked)
        assert "不能告诉别人" in message_text(answer), message_text(answer)
        assert "先记下了" not in message_text(answer)
    consent = await reply_to(d, NEW, "我要登记", "个人信息使用说明")
    await reply_to(d, NEW, "同意", "请选择您所在的社区")
    await reply_to(d, NEW, "阳光社区1号楼", "请输入您的房号")
    await reply_to(d, NEW, "402", "手机号")
    done = await reply_to(d, NEW, "跳过", "登记完成")
    after = await d.replies(NEW, done["message_id"] - 1)
    assert not any("302的电话" in message_text(m) for m in after), consent
    assert await d.errors() == []


@pytest.mark.sandbox_settings(request_burst_limit=1)
async def test_the_second_of_two_held_by_the_limits_is_kept(linli_sandbox: Harness) -> None:
    """Split when only one more request may be filed now: the first is filed, the second
    stays a draft under its own preview (its words, nothing lost), to submit later."""
    h = linli_sandbox
    d = h.driver
    preview = await _preview(h, ZHOU, "楼道灯坏了，还有电梯也不动了")
    await d.tap(ZHOU, "分成两件", preview["message_id"])
    kept = await d.expect(ZHOU, "没有丢", since=preview["message_id"] - 1)
    said = message_text(kept)
    assert "00001" in said and "电梯也不动了" in said and "两件事" not in said, said
    assert [r.text for r in await _filed(h)] == ["楼道灯坏了"]
    assert await d.errors() == []
