"""An older resident's chat, read as they would read it: what they type the way they type it
('水管落水了' for 漏水, '在吗' while waiting, '谢谢' in the middle, '修了没有', '帮我撤了吧',
'不对 我是6号楼的', 'who r u') is understood, nothing they said is lost, and each answer leads
to the next step in plain words."""

from __future__ import annotations

from sqlmodel import col, select

from models import User
from models.orders import Request
from sandbox.driver import message_text
from tests.e2e.conftest import Harness
from tests.support import inline_labels, reply_to

WU = 4002  # 吴大爷, 阳光社区, no phone
HUANG = 4005  # 黄奶奶
NEW = 5001  # 小林, unregistered
ALEX = 5002  # English, unregistered


async def _file(h: Harness, user: int, said: str) -> None:
    """`said` filed as a matter of theirs, the way an older resident does it: typed at the
    menu, '好的' to the offer, then ✅ 说完了 and 确认提交."""
    d = h.driver
    await reply_to(d, user, said, "要把这件事报给社区吗")
    await reply_to(d, user, "好的", "已经记下您说的话")
    preview = await reply_to(d, user, "✅ 说完了", "您要反映的事情")
    await d.tap(user, "确认提交", preview["message_id"])
    await d.expect(user, "已提交，编号", since=preview["message_id"] - 1)


async def test_a_pipe_that_drips_is_no_drowning(linli_sandbox: Harness) -> None:
    """'水管落水了' (落水 for 漏水, as some say it) was read as someone fallen into water: the
    offer, the preview and the filed matter said '病情急的请直接拨打 120' and 🚨 紧急（急病）."""
    h = linli_sandbox
    d = h.driver
    offer = await reply_to(d, WU, "俺家水管落水了 灯也怀了 咋整", "要把这件事报给社区吗")
    assert "120" not in message_text(offer), message_text(offer)
    await reply_to(d, WU, "好的", "已经记下您说的话")
    preview = await reply_to(d, WU, "✅ 说完了", "您要反映的事情")
    assert "120" not in message_text(preview) and "🚨" not in message_text(preview)
    # someone in the water still is
    [drowning] = await d.say(HUANG, "有人落水了 快来人")
    assert "120" in message_text(drowning), message_text(drowning)
    assert await d.errors() == []


async def test_thanks_while_describing_is_not_the_matter(linli_sandbox: Harness) -> None:
    """'谢谢' / '好的' typed while describing were added to the matter ('收到文字') and reached
    staff as its words; they are answered with the two taps that file it."""
    h = linli_sandbox
    d = h.driver
    await reply_to(d, WU, "楼道灯坏了", "要把这件事报给社区吗")
    await reply_to(d, WU, "好的", "已经记下您说的话")
    thanks = await reply_to(d, WU, "谢谢你们", "还没交给社区")
    assert message_text(thanks).startswith("不客气"), message_text(thanks)
    assert "说完了" in message_text(thanks) and "确认提交" in message_text(thanks)
    ok = await reply_to(d, WU, "嗯嗯 好", "还没交给社区")
    assert message_text(ok).startswith("好的"), message_text(ok)
    preview = await reply_to(d, WU, "✅ 说完了", "您要反映的事情")
    assert "谢谢" not in message_text(preview) and "嗯嗯" not in message_text(preview)
    assert "楼道灯坏了" in message_text(preview)
    assert await d.errors() == []


async def test_taking_it_back_while_describing_is_not_the_matter(linli_sandbox: Harness) -> None:
    """'我不要报了 帮我撤了吧' while describing was added to the matter ('收到文字'); it is
    asked whether they would rather not file it, the way out at hand."""
    d = linli_sandbox.driver
    await reply_to(d, WU, "楼道灯坏了", "要把这件事报给社区吗")
    await reply_to(d, WU, "好的", "已经记下您说的话")
    out = await reply_to(d, WU, "我不要报了 帮我撤了吧", "不想报了吗")
    assert "收到文字" not in message_text(out)
    assert await d.errors() == []


async def test_asked_whether_it_was_done_in_their_words(linli_sandbox: Harness) -> None:
    """'水管的事有人管没', '我家的事呢' and '我报的那个灯 修了没有' were offered to be filed as
    new matters;
    they get that matter's card, where its status is."""
    h = linli_sandbox
    d = h.driver
    await _file(h, WU, "厨房水管漏水了")
    for asked in ("水管的事有人管没", "修了没有", "处理了么", "我家的事呢"):
        card = await reply_to(d, WU, asked, "诉求 00001")
        assert "厨房水管漏水了" in message_text(card), (asked, message_text(card))
        assert "要把这件事报给社区吗" not in message_text(card)
    await _file(h, WU, "楼道灯坏了")
    for asked in ("我报的那个灯 修了没有", "楼道灯的事呢"):
        card = await reply_to(d, WU, asked, "诉求 00002")
        assert "楼道灯坏了" in message_text(card), (asked, message_text(card))
    assert await d.errors() == []


async def test_a_matter_taken_back_by_name(linli_sandbox: Harness) -> None:
    """'我报的水管那个不要了 帮我撤了吧' and '帮我撤回' were offered to be filed as new
    matters; the matter named (or the only one) is asked to be withdrawn, as its ↩️ 撤回 does."""
    h = linli_sandbox
    d = h.driver
    await _file(h, WU, "厨房水管漏水了")
    await _file(h, WU, "楼道灯坏了")
    asked = await reply_to(d, WU, "我报的水管那个不要了 帮我撤了吧", "撤回")
    assert "您说的是诉求 00001" in message_text(asked), message_text(asked)
    assert "确定撤回" in " ".join(inline_labels(asked))
    await d.tap(WU, "确定撤回", asked["message_id"])
    await d.expect(WU, "已撤回", since=asked["message_id"] - 1)
    only = await reply_to(d, WU, "帮我撤回", "撤回")
    assert "诉求 00002" in message_text(only), message_text(only)
    async with h.sessionmaker() as session:
        rows = (await session.exec(select(Request).order_by(col(Request.id)))).all()
    assert [str(r.status) for r in rows] == ["withdrawn", "new"]
    assert await d.errors() == []


async def test_hello_while_waiting_keeps_the_matter_told(linli_sandbox: Harness) -> None:
    """'在吗' right under '要把这件事报给社区吗？' (waiting for a person to answer) got the menu,
    and the matter told was dropped: '好的' next filed nothing. The offer is made again, with
    what they said."""
    d = linli_sandbox.driver
    await reply_to(d, HUANG, "电梯又坏了 我腿脚不好下不了楼", "要把这件事报给社区吗")
    again = await reply_to(d, HUANG, "在吗", "要把这件事报给社区吗")
    assert "电梯又坏了" in message_text(again), message_text(again)
    assert "📝 报给社区" in inline_labels(again)
    await reply_to(d, HUANG, "好的", "已经记下您说的话")
    preview = await reply_to(d, HUANG, "✅ 说完了", "您要反映的事情")
    assert "电梯又坏了" in message_text(preview) and "在吗" not in message_text(preview)
    assert await d.errors() == []


async def test_who_are_you_is_answered_in_a_few_lines(linli_sandbox: Harness) -> None:
    """'你是谁啊' got what the bot is and then the whole help, commands and all (20 lines);
    it gets what it is and the office's phone. Text not understood no longer says '/help'."""
    d = linli_sandbox.driver
    [who] = await d.say(WU, "你是谁啊")
    said = message_text(who)
    assert "不是真人" in said and "021-55500101" in said, said
    assert "/help" not in said and "使用帮助" not in said, said
    [unknown] = await d.say(WU, "3")
    assert "没有看懂" in message_text(unknown) and "/help" not in message_text(unknown)
    assert await d.errors() == []


async def test_another_building_said_at_the_room_step(linli_sandbox: Harness) -> None:
    """'不对 我是6号楼的' typed where the room was asked was kept as the room: the address
    read '5号楼 不对 我是6号楼的'. The building is changed, and the room asked again."""
    h = linli_sandbox
    d = h.driver
    await reply_to(d, NEW, "我住阳光社区5号楼", "个人信息使用说明")
    await reply_to(d, NEW, "同意", "请输入您的房号")
    moved = await reply_to(d, NEW, "不对 我是6号楼的", "6号楼")
    assert "5号楼" not in message_text(moved), message_text(moved)
    await d.expect(NEW, "请输入您的房号", since=moved["message_id"] - 1)
    await reply_to(d, NEW, "402", "手机号")
    done = await reply_to(d, NEW, "跳过", "登记完成")
    assert "6号楼 402" in message_text(done), message_text(done)
    async with h.sessionmaker() as session:
        user = await session.get(User, NEW)
    assert user is not None and user.room == "402"
    assert await d.errors() == []


async def test_english_building_and_room_said_again(linli_sandbox: Harness) -> None:
    """'oh sorry its building 5, room 501' at the room step was refused as a room too long."""
    d = linli_sandbox.driver
    await reply_to(d, ALEX, "I live in Sunshine Community building 3", "personal data")
    await reply_to(d, ALEX, "ok", "room number")
    await reply_to(d, ALEX, "oh sorry its building 5, room 501", "phone number")
    done = await reply_to(d, ALEX, "Skip", "Registration complete")
    assert "Building 5 501" in message_text(done), message_text(done)
    assert await d.errors() == []


async def test_a_building_the_community_has_not_at_the_room_step(linli_sandbox: Harness) -> None:
    """'不对 我是4号楼的' (阳光社区 has no 4号楼) at the room step was kept as the room; the
    community's buildings are shown to choose from."""
    d = linli_sandbox.driver
    await reply_to(d, NEW, "我住阳光社区5号楼", "个人信息使用说明")
    await reply_to(d, NEW, "同意", "请输入您的房号")
    pick = await reply_to(d, NEW, "不对 我是4号楼的", "没有找到您说的那栋楼")
    assert "6号楼" in inline_labels(pick) and "1号楼" in inline_labels(pick), inline_labels(pick)
    await d.tap(NEW, "6号楼", pick["message_id"])
    await d.expect(NEW, "请输入您的房号", since=pick["message_id"])
    await reply_to(d, NEW, "402", "手机号")
    done = await reply_to(d, NEW, "跳过", "登记完成")
    assert "6号楼 402" in message_text(done), message_text(done)
    assert await d.errors() == []


async def test_chat_shorthand_is_not_kept_as_the_matter(linli_sandbox: Harness) -> None:
    """'hello?? anyone' and 'who r u' before registering were kept as the matter to file, and
    came back as its words after registering; they are a greeting and a question."""
    d = linli_sandbox.driver
    [hello] = await d.say(ALEX, "hello?? anyone")
    assert "noted what you told us" not in message_text(hello), message_text(hello)
    [who] = await d.say(ALEX, "who r u")
    assert "not a person" in message_text(who) or "program" in message_text(who), message_text(who)
    assert await d.errors() == []


async def test_a_neighbours_phone_asked(linli_sandbox: Harness) -> None:
    """'周阿姨住几楼 她电话多少' was offered to be filed with no word on what was asked; it is
    told that a neighbour's phone and address are not given, and the community can reach them."""
    d = linli_sandbox.driver
    [answer] = await d.say(WU, "周阿姨住几楼 她电话多少")
    assert "不能告诉别人" in message_text(answer), message_text(answer)
    assert "📝 报给社区" in inline_labels(answer)
    # their own phone, or the office's, is no neighbour's
    [office] = await d.say(WU, "社区电话多少")
    assert "不能告诉别人" not in message_text(office) and "021-55500101" in message_text(office)
    assert await d.errors() == []


async def test_hurried_along_with_how_long_they_waited(linli_sandbox: Harness) -> None:
    """'帮我催一下 都好几天了' was offered to be filed as a new matter; their one matter open is
    hurried along (or told when it can be), as its card's 催办 does."""
    h = linli_sandbox
    d = h.driver
    await _file(h, HUANG, "厨房水龙头一直滴水")
    urged = await reply_to(d, HUANG, "帮我催一下 都好几天了", "诉求 00001")
    assert "只有一件" in message_text(urged), message_text(urged)
    assert "要把这件事报给社区吗" not in message_text(urged)
    assert await d.errors() == []


async def test_register_said_in_a_word(linli_sandbox: Harness) -> None:
    """'我要登记' from someone not registered was kept as a matter to file ('您说的我们先记下
    了'); it begins the registration, as 🏠 登记住址 does ('注册' is answered how, as before)."""
    d = linli_sandbox.driver
    consent = await reply_to(d, NEW, "我要登记", "个人信息使用说明")
    assert "先记下了" not in message_text(consent)
    [asked] = await d.say(ALEX, "sign me up")
    assert "personal data" in message_text(asked), message_text(asked)
    assert await d.errors() == []
