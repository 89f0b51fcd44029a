"""Every text key exists in every locale, with the same placeholders."""

from __future__ import annotations

import pytest

from bot.i18n import LOCALES_DIR, Raw, Translator, pick_language


def test_every_key_in_every_locale_with_same_placeholders() -> None:
    translator = Translator()
    assert {"zh-Hant", "en"} <= set(translator.languages)
    default = translator.placeholders(translator.default)
    assert len(default) > 50
    for lang in translator.languages:
        other = translator.placeholders(lang)
        missing = sorted(set(default) - set(other))
        extra = sorted(set(other) - set(default))
        assert not missing, f"{lang} lacks {missing}"
        assert not extra, f"{lang} has keys the default lacks: {extra}"
        mismatched = {k: (default[k], other[k]) for k in default if default[k] != other[k]}
        assert not mismatched, f"{lang} placeholders differ: {mismatched}"


def test_every_text_renders_in_every_locale() -> None:
    translator = Translator()
    for lang in translator.languages:
        for key, names in translator.placeholders(lang).items():
            text = translator.get(lang, key, **dict.fromkeys(names, "x"))
            assert text.strip(), f"{lang}:{key} is empty"


def test_arguments_are_escaped_unless_raw() -> None:
    translator = Translator()
    text = translator.get("zh-Hans", "reg-done", address="<b>1 & 2</b>")
    assert "&lt;b&gt;1 &amp; 2&lt;/b&gt;" in text
    raw = translator.get("zh-Hans", "reg-done", address=Raw("<b>1</b>"))
    assert "<b>1</b>" in raw


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("zh-hans", "zh-Hans"),
        ("zh", "zh-Hans"),
        ("zh-CN", "zh-Hans"),
        ("zh-sg", "zh-Hans"),
        ("zh-Hans-HK", "zh-Hans"),  # the script subtag wins over the region
        ("zh-hant", "zh-Hant"),
        ("zh-TW", "zh-Hant"),
        ("zh-hk", "zh-Hant"),
        ("zh_MO", "zh-Hant"),
        ("zh-Hant-CN", "zh-Hant"),
        ("zh-Hant", "zh-Hant"),  # a stored choice
        ("en-GB", "en"),
        ("ru", "zh-Hans"),
        (None, "zh-Hans"),
    ],
)
def test_pick_language(code: str | None, expected: str) -> None:
    langs = ["zh-Hans", "zh-Hant", "en"]
    assert pick_language(code, available=langs, default="zh-Hans") == expected


def test_pick_language_without_traditional() -> None:
    langs = ["zh-Hans", "en"]
    assert pick_language("zh-TW", available=langs, default="zh-Hans") == "zh-Hans"
    assert pick_language("zh-hk", available=langs, default="en") == "zh-Hans"
    assert pick_language(None, available=langs, default="en") == "en"


def test_the_three_languages_default_first() -> None:
    assert Translator().languages == ["zh-Hans", "zh-Hant", "en"]


def test_a_text_may_use_another_text_with_variables(tmp_path: object) -> None:
    from pathlib import Path

    root = Path(str(tmp_path))
    for lang in ("zh-Hans", "en"):
        (root / lang).mkdir()
        (root / lang / "x.ftl").write_text(
            "card = { $title } · { $when }\nnotice = 📣 { card }\n    { $extra }\n",
            encoding="utf-8",
        )
    translator = Translator(root)
    assert translator.placeholders("en")["notice"] == {"title", "when", "extra"}
    assert translator.get("en", "notice", title="A", when="B", extra="C") == "📣 A · B\nC"


def test_long_user_text_fits_in_a_text() -> None:
    translator = Translator()
    long_text = "家里水管漏水了，<急>" * 400  # 4,000 characters, with HTML to escape
    rendered = translator.get("zh-Hans", "reg-done", address=long_text)
    assert rendered.count("家里水管漏水了") == 400
    assert "&lt;急&gt;" in rendered and "<急>" not in rendered
    assert "\x00" not in rendered


def test_every_text_is_html_telegram_accepts() -> None:
    """Texts go out with parse_mode=HTML: a bare & or < or an unknown tag would be refused."""
    from sandbox.tg_html import EntityParseError, parse_html

    translator = Translator()
    bad = []
    for lang in translator.languages:
        for key, names in translator.placeholders(lang).items():
            text = translator.get(lang, key, **dict.fromkeys(names, "x"))
            try:
                parse_html(text)
            except EntityParseError as exc:
                bad.append(f"{lang}:{key}: {exc}")
    assert not bad, "\n".join(bad)


def test_a_text_with_choices_is_written_once() -> None:
    """A text with selectors (a date with its weekdays and months, …) lives under one key that
    every feature uses, so a fix to it reaches them all; before, order-when and consult-when
    were the same date text twice."""
    from fluent.syntax import ast, parse, serialize

    for lang in ("zh-Hans", "en"):
        keys_of: dict[str, list[str]] = {}
        for path in sorted((LOCALES_DIR / lang).glob("*.ftl")):
            for entry in parse(path.read_text(encoding="utf-8")).body:
                if not isinstance(entry, ast.Message) or entry.value is None:
                    continue
                body = serialize(ast.Resource([ast.Message(ast.Identifier("x"), entry.value)]))
                if "->" in body:  # a select expression
                    keys_of.setdefault(body, []).append(entry.id.name)
        twice = [keys for keys in keys_of.values() if len(keys) > 1]
        assert not twice, f"{lang}: the same text under several keys: {twice}"


def test_no_text_asks_to_refresh() -> None:
    """A chat has no refresh button: a text says what to tap instead (order-err-changed said
    '请刷新后再看')."""
    translator = Translator()
    for lang in translator.languages:
        for key, names in translator.placeholders(lang).items():
            text = translator.get(lang, key, **dict.fromkeys(names, "x")).lower()
            assert "刷新" not in text and "refresh" not in text, f"{lang}:{key}: {text}"
    assert "menu" in translator.get("en", "order-err-changed")


def test_every_menu_button_is_explained_in_the_help() -> None:
    """/help says what each of the person's buttons is for: a button added to the menu needs
    its line (help-what-…) in every language."""
    from handlers.menu import MENU

    translator = Translator()
    for entry in MENU:
        if entry.key == "menu-help":
            continue
        for lang in translator.languages:
            what = translator.get(lang, "help-what-" + entry.key.removeprefix("menu-"))
            assert what.strip() and translator.get(lang, entry.key) not in what


def test_an_edited_text_file_is_read_anew(tmp_path: object) -> None:
    """Locale files are parsed once per process, but an edited file is not served stale."""
    from pathlib import Path

    root = Path(str(tmp_path))
    (root / "zh-Hans").mkdir()
    ftl = root / "zh-Hans" / "x.ftl"
    ftl.write_text("hello = 你好\n", encoding="utf-8")
    first = Translator(root)
    assert first.get("zh-Hans", "hello") == "你好"
    assert Translator(root).get("zh-Hans", "hello") == "你好"  # the same file, parsed once
    ftl.write_text("hello = 您好\nbye = 再见\n", encoding="utf-8")
    again = Translator(root)
    assert again.get("zh-Hans", "hello") == "您好"
    assert again.sources["zh-Hans"]["bye"] == "bye = 再见"
    assert first.get("zh-Hans", "hello") == "你好"  # a translator keeps what it loaded


def test_every_urgent_reason_tells_the_resident_what_to_do_now() -> None:
    """Each kind of danger triage recognises has its safety line, in every language: a new
    reason cannot reach residents as a bare '已提交' with nothing to do meanwhile."""
    from services.requests import SAFETY_REASONS
    from services.triage import urgency

    reasons = set(urgency._RULES) | set(urgency._SENTENCE_RULES)
    assert reasons <= set(SAFETY_REASONS), sorted(reasons - set(SAFETY_REASONS))
    translator = Translator()
    for lang in translator.languages:
        keys = translator.placeholders(lang)
        for reason in SAFETY_REASONS:
            assert f"order-safety-{reason}" in keys, (lang, reason)


@pytest.mark.parametrize(
    ("key", "args", "one", "many"),
    [
        ("topic-item", {"title": "T", "status": "s", "detail": ""}, "(1 backer ·", "(2 backers ·"),
        ("topic-backed", {}, "1 person backs it now", "2 people back it now"),
        ("topic-unbacked", {}, "1 person backs it now", "2 people back it now"),
    ],
)
def test_english_counts_read_as_english(
    key: str, args: dict[str, str], one: str, many: str
) -> None:
    """'1 backer', '1 person backs it', not '1 backers', '1 people back it'."""
    translator = Translator()
    assert one in translator.get("en", key, backers=1, **args)
    assert many in translator.get("en", key, backers=2, **args)
