"""Traditional Chinese (zh-Hant) through the real bot: first contact, /lang, filing a request."""

from __future__ import annotations

from models import User
from sandbox.driver import message_text
from tests.e2e.conftest import Harness
from tests.support import reply_to

ZHOU = 4001  # 周阿姨, a registered resident of 阳光社区 (Telegram in Simplified Chinese)
STAFF = 2001  # 李社工, 阳光社区
HK = 6101  # a new user whose Telegram is set to 中文（香港）
CN = 6102  # a new user whose Telegram is set to 中文（中国大陆）


def _keyboard_labels(message: dict) -> list[str]:
    markup = message.get("reply_markup") or {}
    return [b["text"] for row in markup.get("keyboard", []) for b in row]


def _inline_labels(message: dict) -> list[str]:
    markup = message.get("reply_markup") or {}
    return [b["text"] for row in markup.get("inline_keyboard", []) for b in row]


def _command(h: Harness, chat_id: int, name: str) -> str:
    """The description of a command in the menu this user sees (as Telegram resolves it)."""
    menu = h.sandbox.emulator.commands_for(chat_id)
    return next(c["description"] for c in menu if c["command"] == name)


async def test_hong_kong_telegram_gets_traditional_at_start(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    await d.add_user(id=HK, first_name="陳太", language_code="zh-hk")
    await d.add_user(id=CN, first_name="王阿姨", language_code="zh-cn")
    [greeting] = await d.say(HK, "/start")
    assert "歡迎使用鄰里社區服務" in message_text(greeting)
    assert "第一次使用請先點「🏠 登記住址」" in message_text(greeting)
    assert "📝 我要點單" in _keyboard_labels(greeting)
    simplified = await reply_to(d, CN, "/start", "欢迎使用")
    assert "欢迎使用" in message_text(simplified)
    assert "📝 我要点单" in _keyboard_labels(simplified)
    async with h.sessionmaker() as session:
        hk, cn = await session.get(User, HK), await session.get(User, CN)
        assert hk is not None and hk.language == "zh-Hant"
        assert cn is not None and cn.language == "zh-Hans"
    # Telegram's default command lists are keyed by "zh" alone: it stays Simplified, and the
    # Traditional reader gets a list of their own
    assert _command(h, CN, "help") == "帮助"
    assert _command(h, HK, "help") == "幫助"
    # a Traditional menu button is understood
    [help_text] = await d.say(HK, "❓ 幫助")
    assert "使用幫助" in message_text(help_text)


async def test_lang_switches_to_traditional_and_back(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    [choices] = await d.say(ZHOU, "/lang")
    # every language is named in itself
    assert _inline_labels(choices) == ["中文（简体）", "繁體中文", "English"]
    await d.tap(ZHOU, "繁體中文")
    await d.expect(ZHOU, "語言已切換為繁體中文")
    menu = await d.expect(ZHOU, "有什麼可以幫您")
    assert "👤 我的資料" in _keyboard_labels(menu)
    assert _command(h, ZHOU, "help") == "幫助"
    [profile] = await d.say(ZHOU, "👤 我的資料")
    assert "我的資料" in message_text(profile)
    async with h.sessionmaker() as session:
        zhou = await session.get(User, ZHOU)
        assert zhou is not None and zhou.language == "zh-Hant"
    # and back
    [choices] = await d.say(ZHOU, "/lang")
    assert _inline_labels(choices) == ["中文（简体）", "繁體中文", "English"]
    await d.tap(ZHOU, "中文（简体）", choices["message_id"])
    await d.expect(ZHOU, "语言已切换为中文", since=choices["message_id"] - 1)
    menu = await d.expect(ZHOU, "有什么可以帮您", since=choices["message_id"])
    assert "👤 我的资料" in _keyboard_labels(menu)
    assert _command(h, ZHOU, "help") == "帮助"


async def test_a_request_filed_in_traditional_chinese(linli_sandbox: Harness) -> None:
    """The resident reads Traditional texts all the way; staff (Simplified) read theirs."""
    h = linli_sandbox
    d = h.driver
    await d.say(ZHOU, "/lang")
    await d.tap(ZHOU, "繁體中文")
    await d.expect(ZHOU, "有什麼可以幫您")
    [prompt, *_] = await d.say(ZHOU, "📝 我要點單")
    assert "說" in message_text(prompt)
    await d.say(ZHOU, "樓道的燈壞了，晚上很黑")
    # a flow button from another step is refused in Traditional, and the draft stays
    [refused] = await d.say(ZHOU, "跳過")
    assert "是按鈕上的字" in message_text(refused) or "這個按鈕" in message_text(refused)
    [*_, preview] = await d.say(ZHOU, "✅ 說完了")
    assert "樓道的燈壞了" in message_text(preview) and "分類" in message_text(preview)
    await d.tap(ZHOU, "確認提交")
    filed = await d.expect(ZHOU, "已提交，編號")
    number = message_text(filed).split("編號")[1].strip().split("。")[0].strip()
    assert number.isdigit()
    # staff get the new request in Simplified Chinese, with the resident's words as typed
    notice = await d.expect(STAFF, f"新诉求 {number}")
    await d.tap(STAFF, "查看诉求", notice["message_id"])
    card = await d.expect(STAFF, f"诉求 {number} ·")
    assert "樓道的燈壞了" in message_text(card)
    assert "訴求" not in message_text(card)
    # the resident follows it in Traditional Chinese
    mine = await reply_to(d, ZHOU, "📂 我的訴求", "我的訴求（共")
    assert number in message_text(mine)
    assert "诉求" not in message_text(mine) and "诉求" not in " ".join(_inline_labels(mine))


async def test_quiet_hours_named_and_switched_off_in_traditional(linli_sandbox: Harness) -> None:
    """An admin reading Traditional types the community's name and 關閉 in Traditional."""
    h = linli_sandbox
    d = h.driver
    admin = 1001
    async with h.sessionmaker() as session:
        user = await session.get(User, admin)
        assert user is not None
        user.language = "zh-Hant"
        await session.commit()
    [listing] = await d.say(admin, "/quiet")
    assert "和谐社区" in message_text(listing) and "社區名" in message_text(listing)
    [done] = await d.say(admin, "/quiet 和諧社區 關閉")
    assert "和谐社区 已關閉免打擾" in message_text(done)


async def test_a_category_an_admin_adds_has_a_traditional_name(linli_sandbox: Harness) -> None:
    """/category add and rename make the name Traditional readers see (OpenCC s2tw); an admin
    can set it by hand; a resident reading Traditional picks the category by that name."""
    h = linli_sandbox
    d = h.driver
    admin = 1001
    [added] = await d.say(admin, "/category add pets 48 宠物管理/Pets general")
    assert "已更新" in message_text(added) and "繁体中文名：寵物管理" in message_text(added)
    await d.say(ZHOU, "/lang")
    await d.tap(ZHOU, "繁體中文")
    await d.expect(ZHOU, "有什麼可以幫您")
    await d.say(ZHOU, "📝 我要點單")
    await d.say(ZHOU, "樓下有隻流浪狗")
    [*_, preview] = await d.say(ZHOU, "✅ 說完了")
    await d.tap(ZHOU, "換個分類", preview["message_id"])
    picker = await d.expect(ZHOU, "請選擇最合適的分類", since=preview["message_id"] - 1)
    assert "寵物管理" in _inline_labels(picker)
    # renamed: made again from the new Simplified name; set by hand: kept
    renamed = await reply_to(
        d,
        admin,
        '/category rename pets "宠物与流浪动物/Pets and strays"',
        "繁体中文名：寵物與流浪動物",
    )
    assert "繁体中文名：寵物與流浪動物" in message_text(renamed)
    set_by_hand = await reply_to(d, admin, '/category hant pets "寵物 與流浪動物"', "已更新")
    assert "已更新" in message_text(set_by_hand)
    await d.say(admin, "/lang")
    await d.tap(admin, "繁體中文")
    await d.expect(admin, "語言已切換為繁體中文")
    [listing] = await d.say(admin, "/categories")
    assert "寵物 與流浪動物" in message_text(listing)
