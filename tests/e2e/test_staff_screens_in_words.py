"""Staff and admins name their screens in words rather than tap: '看看待办' is 📋 待办诉求,
'帮居民登记一下' ☎️ 代居民登记, '邀请网格员' the admin menu's ➕ 邀请网格员, '工作人员列表'
👥 工作人员列表, '组织架构' 🏘 组织架构; '撤销张网格员的权限' asks the list's question once
more, '把李社工调到和谐社区' says how with the buttons that do it. Staff naming an admin's page
are told whose work it is. Before, all of these were taken as a matter of the staff member's
own ('已经先记下了', kept for registering an address) or offered to be filed."""

from __future__ import annotations

from sandbox.driver import message_text
from tests.e2e.conftest import Harness
from tests.orders.test_e2e_cycle import WU, ZHOU, _file
from tests.support import inline_labels

ADMIN = 1001  # 王主任
STAFF = 2001  # 李社工
GRID_WORKER = 2002  # 张网格员
KEPT = "已经先记下了"


async def _only(h: Harness, who: int, said: str) -> dict:
    replies = await h.driver.say(who, said)
    assert len(replies) == 1, [message_text(m) for m in replies]
    assert KEPT not in message_text(replies[0])
    return replies[0]


async def test_an_admin_opens_the_admin_pages_in_words(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    invite = await _only(h, ADMIN, "邀请网格员")
    assert message_text(invite) == "邀请哪个社区的网格员？"
    assert inline_labels(invite) == ["和谐社区", "阳光社区", "⬅️ 返回管理"]
    # the page works as the button's does: the community, then its grids
    await d.tap(ADMIN, "阳光社区", invite["message_id"])
    grids = await d.expect(ADMIN, "哪个网格的网格员", since=invite["message_id"] - 1)
    assert grids["message_id"] == invite["message_id"] and "第一网格" in inline_labels(grids)
    listing = await _only(h, ADMIN, "看看工作人员列表")
    assert message_text(listing).startswith("👥 工作人员列表")
    assert "撤销 张网格员" in inline_labels(listing)
    structure = await _only(h, ADMIN, "组织架构")
    assert message_text(structure).startswith("🏘 组织架构")
    admins = await _only(h, ADMIN, "管理员列表")
    assert "王主任" in message_text(admins)
    assert await d.errors() == []


async def test_an_admin_asks_about_the_admin_pages(linli_sandbox: Harness) -> None:
    """Asked as questions, naming a community: '阳光社区有几个社工' the staff list, '新来了一个
    社工，怎么加进来' the invitation, '网格怎么划分的' the structure, '给所有社区发个通知' the
    notice to every community (each was kept as a matter of the admin's own)."""
    h = linli_sandbox
    listing = await _only(h, ADMIN, "阳光社区有几个社工")
    assert message_text(listing).startswith("👥 工作人员列表")
    invite = await _only(h, ADMIN, "新来了一个社工，怎么加进来")
    assert "和谐社区" in inline_labels(invite) and "阳光社区" in inline_labels(invite)
    structure = await _only(h, ADMIN, "网格怎么划分的")
    assert message_text(structure).startswith("🏘 组织架构")
    categories = await _only(h, ADMIN, "诉求分类有哪些？")
    assert "诉求分类" in message_text(categories) and "技能代码" in message_text(categories)
    add = await _only(h, ADMIN, "加一栋7号楼")  # the structure, where its grid is chosen
    assert message_text(add).startswith("🏘 组织架构")
    # the notice form at its audience, every community's residents (tests/e2e/
    # test_staff_default_words); a community named, its form as before
    notice = await _only(h, ADMIN, "给所有社区发个通知")
    assert message_text(notice).startswith("发给：所有社区的所有居民")
    assert inline_labels(notice) == ["⬅️ 上一步"]
    assert await h.driver.errors() == []


async def test_staff_open_their_screens_in_words(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    queue = await _only(h, STAFF, "看看待办")
    assert "待受理的诉求" in message_text(queue)
    asked = await _only(h, STAFF, "今天有什么要处理的")  # asked, not named: the same screen
    assert message_text(asked) == message_text(queue)
    active = await _only(h, STAFF, "看看办理中的")
    assert message_text(active).startswith("目前没有办理中的事项")
    to_check = await _only(h, STAFF, "有要验收的吗？")
    assert message_text(to_check).startswith("目前没有待验收的结果")
    assert message_text(to_check) != message_text(active)
    behalf = await _only(h, STAFF, "帮居民登记一下")
    assert message_text(behalf).startswith("居民住在哪栋楼？")
    await d.tap(STAFF, "✖️ 取消", behalf["message_id"])
    review = await _only(h, STAFF, "审核报到")
    assert "报到申请" in message_text(review)
    # an admin's page: whose work it is, nothing kept as a matter of theirs
    admins_only = await _only(h, STAFF, "邀请网格员")
    assert message_text(admins_only) == "「➕ 邀请网格员」由街道管理员办理，请联系街道管理员。"
    assert await d.errors() == []


async def test_an_admin_revokes_in_words(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    ask = await _only(h, ADMIN, "撤销张网格员的权限")
    assert message_text(ask).startswith(
        "确定撤销 张网格员 在「阳光社区 · 第一网格」的网格员权限吗？"
    )
    assert inline_labels(ask) == ["✅ 确定撤销", "⬅️ 返回列表"]
    await d.tap(ADMIN, "✅ 确定撤销", ask["message_id"])
    await d.expect(GRID_WORKER, "撤销")
    listing = await _only(h, ADMIN, "工作人员列表")
    assert "张网格员" not in message_text(listing)
    # nobody on the staff by that name: the words are not about staff
    other = await d.say(ADMIN, "撤销张网格员")
    assert not any("确定撤销" in message_text(m) for m in other)
    assert await d.errors() == []


async def test_an_admin_asks_how_to_move_someone(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    how = await _only(h, ADMIN, "把李社工调到和谐社区")
    text = message_text(how)
    assert text.startswith("要把 李社工 调到「和谐社区」：先点下面的「撤销 李社工」"), text
    assert inline_labels(how) == ["撤销 李社工", "➕ 邀请社区工作人员", "➕ 邀请网格员"]
    await d.tap(ADMIN, "撤销 李社工", how["message_id"])
    await d.expect(ADMIN, "确定撤销 李社工", since=how["message_id"] - 1)
    # the place is the admin's own words: shown as typed, not as markup
    odd = await _only(h, ADMIN, "把李社工调到<b>新</b>社区")
    assert "「<b>新</b>社区」" in message_text(odd)
    assert await d.errors() == []


async def test_staff_look_for_matters_in_words(linli_sandbox: Harness) -> None:
    """'帮我查一下周阿姨的诉求', '查一下1号楼302', '找一下漏水的', 'find 吴大爷's requests':
    /find's results for those words (each was kept as a matter of the staff member's own)."""
    h = linli_sandbox
    lamp = await _file(h, ZHOU, "楼道灯坏了，晚上看不见")
    leak = await _file(h, WU, "厨房水管漏水了")
    for who, said, title, found, not_found in (
        (STAFF, "帮我查一下周阿姨的诉求", "查找「周阿姨」", lamp, leak),
        (STAFF, "查一下1号楼302", "查找「1号楼302」", lamp, leak),
        (GRID_WORKER, "找一下漏水的", "查找「漏水」", leak, lamp),
        (STAFF, "find 吴大爷's requests", "查找「吴大爷」", leak, lamp),
    ):
        results = await _only(h, who, said)
        assert message_text(results).startswith(title), message_text(results)
        assert f"查看 {found}" in inline_labels(results), said
        assert f"查看 {not_found}" not in inline_labels(results), said
    # a resident saying the same is not searching the office's matters
    replies = await h.driver.say(ZHOU, "帮我查一下周阿姨的诉求")
    assert not any("查找「" in message_text(m) for m in replies)
    assert await h.driver.errors() == []


async def test_staff_ask_where_they_work(linli_sandbox: Harness) -> None:
    """'我负责哪几栋楼': a grid worker's grid with its buildings, community staff their whole
    community's; an admin is told every community is theirs. 👤 我的资料 names the work area.
    (Each question was kept as a matter of the staff member's own.)"""
    h = linli_sandbox
    grid = await _only(h, GRID_WORKER, "我负责哪几栋楼")
    assert message_text(grid) == "您的工作范围：\n• 阳光社区 · 第一网格：1号楼、2号楼、3号楼"
    community = await _only(h, STAFF, "我管哪些楼？")
    assert message_text(community) == (
        "您的工作范围：\n• 阳光社区（全社区）：1号楼、2号楼、3号楼、5号楼、6号楼"
    )
    admin = await _only(h, ADMIN, "我是哪个网格的")
    assert message_text(admin).startswith("您是街道管理员，各个社区都归您管。")
    profile = await _only(h, GRID_WORKER, "👤 我的资料")
    assert "工作范围：阳光社区 · 第一网格" in message_text(profile)
    resident = await h.driver.say(ZHOU, "我负责哪几栋楼")
    assert not any("工作范围" in message_text(m) for m in resident)
    assert await h.driver.errors() == []


async def test_staff_ask_for_the_members_and_a_notice_in_words(linli_sandbox: Harness) -> None:
    """'有哪些志愿者' opens the approved members (under 🧾 报到审核, a button only before);
    '给1号楼发个通知' the notice form (each was kept as a matter of the staff member's own)."""
    h = linli_sandbox
    d = h.driver
    sent = await d.send(STAFF, "有哪些志愿者")
    head = await d.expect(STAFF, "已通过的党员/志愿者：2 人", since=sent["message_id"])
    cards = [
        message_text(m)
        for m in await d.messages(STAFF)
        if sent["message_id"] < m["message_id"] < head["message_id"]
    ]
    assert len(cards) == 2 and any("刘建国" in c for c in cards), cards
    assert not any(KEPT in c for c in cards)
    notice = await _only(h, STAFF, "给1号楼发个通知")
    assert "整个社区的居民" in inline_labels(notice), inline_labels(notice)
    assert await d.errors() == []
