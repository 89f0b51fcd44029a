"""Admins edit the request catalogue in chat; the change is saved and used at once."""

from __future__ import annotations

from sandbox.driver import message_text
from services.order_common import category
from services.triage import load_deployment_catalogue
from tests.e2e.conftest import Harness

ADMIN = 1001
STAFF = 2001


async def test_admin_changes_deadline_adds_and_removes_a_category(linli_sandbox: Harness) -> None:
    d = linli_sandbox.driver
    data_dir = linli_sandbox.sandbox.app.settings.data_dir
    [listing] = await d.say(ADMIN, "/categories")
    assert "water_electric" in message_text(listing) and "水电维修" in message_text(listing)

    [done] = await d.say(ADMIN, "/category deadline water_electric 12")
    assert "已更新" in message_text(done)
    assert category("water_electric").deadline_hours == 12
    saved = {c.code: c for c in load_deployment_catalogue(data_dir)}
    assert saved["water_electric"].deadline_hours == 12

    [added] = await d.say(ADMIN, "/category add pets 48 宠物管理/Pets general,patrol")
    assert "已更新" in message_text(added)
    assert category("pets").names == {"zh-Hans": "宠物管理", "en": "Pets", "zh-Hant": "寵物管理"}

    [removed] = await d.say(ADMIN, "/category remove pets")
    assert "已更新" in message_text(removed)
    assert "pets" not in {c.code for c in load_deployment_catalogue(data_dir)}


async def test_bad_catalogue_commands_change_nothing(linli_sandbox: Harness) -> None:
    d = linli_sandbox.driver
    data_dir = linli_sandbox.sandbox.app.settings.data_dir
    before = load_deployment_catalogue(data_dir)
    cases = {
        "/category deadline water_electric 0": "时限要在",
        "/category deadline nosuch 10": "没有代码为「nosuch」",
        "/category remove other": "不能删除",
        "/category add x1 10 名字/Name flying": "技能代码不存在：flying",
        "/category add 9bad 10 名字/Name": "不能保存",
        "/category frobnicate": "格式不对",
    }
    for command, expected in cases.items():
        [reply] = await d.say(ADMIN, command)
        assert expected in message_text(reply), (command, message_text(reply))
    # Staff are not admins: the command is not theirs.
    [staff_reply] = await d.say(STAFF, "/category deadline water_electric 5")
    assert "已更新" not in message_text(staff_reply)
    assert load_deployment_catalogue(data_dir) == before


async def test_category_names_with_spaces_in_quotes(linli_sandbox: Harness) -> None:
    d = linli_sandbox.driver
    data_dir = linli_sandbox.sandbox.app.settings.data_dir
    before = load_deployment_catalogue(data_dir)
    # typed without quotes: told to quote the names, nothing saved
    [hint] = await d.say(ADMIN, "/category add pet_care 48 宠物管理/Pet care general,patrol")
    assert "引号" in message_text(hint) and "已更新" not in message_text(hint)
    assert load_deployment_catalogue(data_dir) == before
    # the help shows how
    [listing] = await d.say(ADMIN, "/categories")
    assert '"宠物管理/Pet care"' in message_text(listing)

    [added] = await d.say(ADMIN, '/category add pet_care 48 "宠物管理/Pet care" general,patrol')
    assert "已更新" in message_text(added)
    assert category("pet_care").names == {
        "zh-Hans": "宠物管理",
        "en": "Pet care",
        "zh-Hant": "寵物管理",
    }
    assert category("pet_care").skills == ("general", "patrol")
    # Chinese quotes from an input method work as well
    [added] = await d.say(ADMIN, "/category add kids 24 “儿童乐园/Children's play area”")
    assert "已更新" in message_text(added)
    saved = {c.code: c for c in load_deployment_catalogue(data_dir)}
    assert saved["kids"].names["en"] == "Children's play area"
    assert saved["pet_care"].names["en"] == "Pet care"


async def test_the_listing_names_the_skill_codes_the_add_form_takes(
    linli_sandbox: Harness,
) -> None:
    """/categories names skills in words, /category add takes their codes: the listing says
    which code is which skill, and a wrong code points there."""
    d = linli_sandbox.driver
    [listing] = await d.say(ADMIN, "/categories")
    text = message_text(listing)
    assert "技能代码：plumbing 水管疏通、electrical 电路维修" in text
    assert "general 跑腿综合" in text
    [wrong] = await d.say(ADMIN, "/category add pet 48 宠物/Pets 跑腿综合")
    assert "技能代码不存在：跑腿综合" in message_text(wrong)
    assert "/categories" in message_text(wrong)


async def test_add_with_a_code_in_use_says_it_replaced_it(linli_sandbox: Harness) -> None:
    """'/category add' with an existing code replaces that category whole (names, deadline,
    skills): the admin is told so and what it was, instead of only '分类已更新' while the
    plumbers and electricians quietly dropped out of 水电维修's skills."""
    d = linli_sandbox.driver
    [added] = await d.say(ADMIN, "/category add pets 48 宠物管理/Pets general")
    assert "原来就有" not in message_text(added)
    [again] = await d.say(ADMIN, "/category add water_electric 12 水电/Water general")
    said = message_text(again)
    assert "分类已更新" in said
    assert "分类 water_electric 原来就有，这次的名称、时限和技能已替换了原来的" in said, said
    assert "（原来：水电维修 · " in said and "水管疏通" in said, said
    assert category("water_electric").skills == ("general",)
