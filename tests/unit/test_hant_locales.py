"""Traditional Chinese (zh-Hant): generated from zh-Hans, up to date, and its fallbacks."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.i18n import Translator

opencc = pytest.importorskip("opencc")
make_hant = pytest.importorskip("bot.locales.make_hant")


@pytest.fixture(scope="module")
def converter() -> object:
    return make_hant.make_converter()


def test_zh_hant_files_are_what_the_script_writes(converter: object) -> None:
    """A zh-Hans text changed without running bot/locales/make_hant.py fails here."""
    stale = make_hant.stale_files(make_hant.build(converter))
    assert not stale, f"run .venv/bin/python bot/locales/make_hant.py ({stale})"


@pytest.mark.parametrize(
    ("simplified", "traditional"),
    [
        # OpenCC's own result is right
        ("请输入房号", "請輸入房號"),
        ("下周三 晚上7点半", "下週三 晚上7點半"),
        ("您获得 3 积分", "您獲得 3 積分"),
        ("联系电话", "聯繫電話"),
        ("已合并办理", "已合併辦理"),
        ("截止时间要晚于开始时间", "截止時間要晚於開始時間"),
        ("这个范围里", "這個範圍裡"),
        ("议题征集", "議題徵集"),
        ("会议开始后才能发布纪要", "會議開始後才能發布紀要"),
        ("有重复的选项", "有重複的選項"),
        ("已答复", "已答覆"),
        ("面向哪些人", "面向哪些人"),
        # FIXES
        ("最多只能选 3 项", "最多只能選 3 項"),
        ("在机器人上签到 5 人", "在機器人上簽到 5 人"),
        ("结果已公布", "結果已公布"),
        ("已发布，已通知 3 人", "已發布，已通知 3 人"),
        ("请尽快联系居民", "請盡快聯繫居民"),
        ("导出台账", "導出台賬"),
    ],
)
def test_conversion(converter: object, simplified: str, traditional: str) -> None:
    assert make_hant.convert(simplified, converter) == traditional


def test_every_fix_is_still_needed(converter: object) -> None:
    """A fix that no longer matches anything is left over: drop it from FIXES."""
    used: set[str] = set()
    make_hant.build(converter, used=used)
    unused = [wrong for wrong, _right, _why in make_hant.FIXES if wrong not in used]
    assert not unused


def test_zh_hant_is_traditional() -> None:
    translator = Translator()
    assert translator.get("zh-Hant", "menu-register") == "🏠 登記住址"
    assert translator.get("zh-Hant", "lang-set") == "語言已切換為繁體中文。"
    assert translator.get("zh-Hant", "lang-name-zh-Hant") == "繁體中文"


def _locales(root: Path, texts: dict[str, str]) -> Translator:
    for lang, body in texts.items():
        (root / lang).mkdir()
        (root / lang / "x.ftl").write_text(body, encoding="utf-8")
    return Translator(root)


def test_a_missing_key_falls_back_to_simplified_chinese(tmp_path: Path) -> None:
    translator = _locales(
        tmp_path,
        {
            "zh-Hans": "hello = 你好\nnew-key = 新的说明\n",
            "zh-Hant": "hello = 你好\n",
            "en": "hello = Hello\n",
        },
    )
    assert translator.get("zh-Hant", "new-key") == "新的说明"
    assert translator.get("en", "new-key") == "新的说明"


def test_zh_hant_falls_back_to_zh_hans_even_when_english_is_the_default(tmp_path: Path) -> None:
    for lang, body in {
        "zh-Hans": "hello = 你好\nnew-key = 新的说明\n",
        "zh-Hant": "hello = 你好\n",
        "en": "hello = Hello\nnew-key = New\n",
    }.items():
        (tmp_path / lang).mkdir()
        (tmp_path / lang / "x.ftl").write_text(body, encoding="utf-8")
    translator = Translator(tmp_path, default="en")
    assert translator.chain("zh-Hant") == ["zh-Hant", "zh-Hans", "en"]
    assert translator.get("zh-Hant", "new-key") == "新的说明"


def test_a_folder_without_ftl_files_is_no_language(tmp_path: Path) -> None:
    translator = _locales(tmp_path, {"zh-Hans": "hello = 你好\n", "en": "hello = Hello\n"})
    (tmp_path / "__pycache__").mkdir()
    assert Translator(tmp_path).languages == translator.languages == ["zh-Hans", "en"]


def test_reply_button_labels_name_one_button_in_every_language() -> None:
    """A reply-keyboard tap is matched by its label in any language (handlers.menu.labels):
    no zh-Hant label may be another button's label in zh-Hans or en."""
    from handlers.menu import FLOW_BUTTONS, MENU, labels

    owner: dict[str, str] = {}
    clashes = []
    for key in [entry.key for entry in MENU] + list(FLOW_BUTTONS):
        for label in labels(key):
            if owner.setdefault(label, key) != key:
                clashes.append((label, key, owner[label]))
    assert not clashes
    assert "📝 我要點單" in labels("menu-order-new")
    assert "✅ 說完了" in labels("order-btn-finished")
