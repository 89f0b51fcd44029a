"""A feature named bare at the main menu ('投票', '我要撤回', '我的积分', '英文') is someone
asking to do it — many older residents type rather than tap — so it opens as its button (or
command) opens it. Asked how ('怎么投票') it is answered with how; someone not registered yet,
or a feature not theirs yet, still gets how: it says what comes first.
(handlers.fallback, services.smalltalk.opens)"""

from __future__ import annotations

from typing import Any

from sandbox.driver import Driver, message_text
from tests.e2e.conftest import Harness
from tests.orders.test_e2e_cycle import LIU, STAFF, ZHOU, _file, _open_card
from tests.support import inline_labels, keyboard_labels, reply_to

NEW = 5001  # 小林, not registered
OFFER = "要把这件事报给社区吗"


def _seen(replies: list[dict[str, Any]]) -> list[tuple[str, list[str]]]:
    """What the person sees of the replies: each one's text and its inline buttons."""
    return [(message_text(r), inline_labels(r)) for r in replies]


async def _as_tapped(d: Driver, user: int, said: str, button: str) -> list[dict[str, Any]]:
    """Say a feature's name; the answer must be what tapping its button (or sending its
    command) shows. Returns the answer."""
    bare = await d.say(user, said)
    tapped = await d.say(user, button)
    assert _seen(bare) == _seen(tapped), (said, _seen(bare), _seen(tapped))
    for reply in bare:
        assert OFFER not in message_text(reply), said
        assert "点下方的" not in message_text(reply), said  # not the how-to
    return bare


async def test_a_resident_naming_a_feature_gets_it(linli_sandbox: Harness) -> None:
    """Voting, meetings and topics open 🗳 近期议事; a language word the language picker; the
    night-time setting, an address or a phone 👤 我的资料 (where each is changed)."""
    d = linli_sandbox.driver
    for said in ("投票", "我要投票", "签到", "提议题"):
        [hub] = await _as_tapped(d, ZHOU, said, "🗳 近期议事")
        assert message_text(hub).startswith("近期议事"), said
        assert "✍️ 提议题" in inline_labels(hub) and "🔢 输入签到码" in inline_labels(hub)
    for said in ("英文", "换语言", "我要用繁体"):
        [picker] = await _as_tapped(d, ZHOU, said, "/lang")
        assert "请选择语言" in message_text(picker), said
        assert inline_labels(picker) == ["中文（简体）", "繁體中文", "English"]
    for said in ("我要改手机号", "手机号"):
        [profile] = await _as_tapped(d, ZHOU, said, "👤 我的资料")
        assert message_text(profile).startswith("我的资料"), said
        assert {"🏠 修改住址", "📱 修改手机号"} <= set(inline_labels(profile)), said
    # quiet hours named: that setting alone, with its button (tests/e2e/
    # test_quiet_and_moving_words.py: said which way, and an address change said)
    [quiet] = await d.say(ZHOU, "免打扰")
    assert message_text(quiet).startswith("您的夜间免打扰设置"), message_text(quiet)
    assert inline_labels(quiet) == ["🔔 夜里也通知我"]
    # asked how, the answer is still how (with the main menu), not the feature
    [howto] = await d.say(ZHOU, "怎么换语言")
    assert "发 /lang" in message_text(howto) and not inline_labels(howto)
    assert "🗳 近期议事" in keyboard_labels(howto)
    [howto] = await d.say(ZHOU, "怎么改地址")
    assert "点下方的「👤 我的资料」" in message_text(howto), message_text(howto)


async def test_withdrawing_or_urging_named_bare_opens_my_requests(linli_sandbox: Harness) -> None:
    """'撤回', '我要撤回', '催一下', '补充一下' with several matters open: 📂 我的诉求, where each
    request offers them (with one open, they act on it: tests/orders/
    test_e2e_one_matter_words.py)."""
    h = linli_sandbox
    d = h.driver
    await _file(h, ZHOU, "小区门口的垃圾桶满了没人清")
    number = await _file(h, ZHOU, "1号楼三单元楼道灯坏了，晚上很黑")
    for said in ("撤回", "我要撤回", "催一下", "补充一下", "评价"):
        [mine] = await _as_tapped(d, ZHOU, said, "📂 我的诉求")
        assert message_text(mine).startswith("我的诉求（共 2 件"), said
        assert f"查看 {number}" in inline_labels(mine), said
    mine = await reply_to(d, ZHOU, "我要撤回", "我的诉求（共")
    await d.tap(ZHOU, f"查看 {number}", mine["message_id"])
    card = await d.expect(ZHOU, f"诉求 {number}", since=mine["message_id"])
    assert "↩️ 撤回" in inline_labels(card) and "➕ 补充信息" in inline_labels(card)
    # asked how: how, not the list
    [howto] = await d.say(ZHOU, "怎么撤回")
    text = message_text(howto)
    assert "「📂 我的诉求」" in text and "↩️ 撤回" in text and "我的诉求（共" not in text, text
    assert not inline_labels(howto)


async def test_a_member_gets_points_and_open_orders(linli_sandbox: Harness) -> None:
    """'积分' / '我的积分' open 🏅 我的积分 and '接单' 🛠 可接工单 for an approved member; a
    resident who has not signed up is told that signing up comes first."""
    h = linli_sandbox
    d = h.driver
    number = await _file(h, ZHOU, "1号楼三单元楼道灯坏了，晚上很黑")
    await _open_card(h, number)
    await d.tap(STAFF, "派单")
    await d.expect(STAFF, f"为诉求 {number} 派单")
    await d.tap(STAFF, "改为全社区")
    await d.expect(STAFF, "全社区的党员")
    await d.tap(STAFF, "发布工单")
    issued = await d.expect(STAFF, "已发布")
    order_no = message_text(issued).split("工单 ")[1].split(" ")[0]
    await d.expect(LIU, f"新工单 {order_no}")
    # and asked in everyday words ('有什么活可以干吗' was offered to be filed as a matter)
    for said in ("接单", "我要接单", "有什么活可以干吗", "今天有活吗", "有什么需要帮忙的吗"):
        [orders] = await _as_tapped(d, LIU, said, "🛠 可接工单")
        assert message_text(orders).startswith("可接工单（共 1 件"), said
        assert f"✋ 接 {order_no}" in inline_labels(orders), said
    for said in ("积分", "我的积分"):
        [points] = await _as_tapped(d, LIU, said, "🏅 我的积分")
        assert message_text(points).startswith("🏅 我的积分"), said
        assert "✓ 本月" in inline_labels(points)
    [howto] = await d.say(LIU, "积分怎么算")
    assert "点下方的「🏅 我的积分」" in message_text(howto), message_text(howto)
    # not a member: how (signing up first), not the member's lists
    for said in ("积分", "接单", "有活吗"):
        [howto] = await d.say(ZHOU, said)
        text = message_text(howto)
        assert "「🙋 党员/志愿者报到」" in text and "审核通过" in text, (said, text)
        assert not inline_labels(howto)


async def test_signing_up_named_bare_starts_the_sign_up(linli_sandbox: Harness) -> None:
    """'我要当志愿者' from a registered resident: the sign-up, as 🙋 党员/志愿者报到 starts it."""
    d = linli_sandbox.driver
    [consent] = await d.say(ZHOU, "我要当志愿者")
    assert message_text(consent).startswith("个人信息使用说明"), message_text(consent)
    assert inline_labels(consent) == ["✅ 同意并继续", "不同意"]
    # a member has signed up already: how says so
    [howto] = await d.say(LIU, "我要当志愿者")
    assert "不用再报到" in message_text(howto), message_text(howto)


async def test_someone_not_registered_is_told_what_comes_first(linli_sandbox: Harness) -> None:
    """Not registered yet: the bare word gets its how-to, which says to register first (and
    with the menu holding 🏠 登记住址), not the feature and not an offer to file a matter."""
    d = linli_sandbox.driver
    for said, words in (
        ("投票", "投票要先登记住址"),
        ("我要撤回", "↩️ 撤回"),
        ("英文", "发 /lang"),
        ("改地址", "「🏠 登记住址」"),
        ("积分", "「🙋 党员/志愿者报到」"),
    ):
        [howto] = await d.say(NEW, said)
        text = message_text(howto)
        assert words in text and OFFER not in text, (said, text)
        assert not inline_labels(howto), said
        assert "🏠 登记住址" in keyboard_labels(howto), said
