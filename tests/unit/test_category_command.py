"""Reading `/category …`: names with spaces are quoted (ASCII or Chinese quotes); the old
one-word form still works; a wrong form says what to do."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from services.categories import CatalogueEdit, parse_catalogue_edit
from services.errors import InvalidInput


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        ("deadline water_electric 12", CatalogueEdit("deadline", "water_electric", hours=12)),
        ("remove pets", CatalogueEdit("remove", "pets")),
        (
            "add pets 48 宠物管理/Pets general,patrol",
            CatalogueEdit("add", "pets", 48, "宠物管理", "Pets", ("general", "patrol")),
        ),
        (
            'add pet_care 48 "宠物管理/Pet care and control" general,patrol',
            CatalogueEdit(
                "add", "pet_care", 48, "宠物管理", "Pet care and control", ("general", "patrol")
            ),
        ),
        (
            'add pet_care 48 宠物管理/"Pet care" general',
            CatalogueEdit("add", "pet_care", 48, "宠物管理", "Pet care", ("general",)),
        ),
        (
            "add kids 24 “儿童 乐园/Children's play area”",
            CatalogueEdit("add", "kids", 24, "儿童 乐园", "Children's play area"),
        ),
        (
            "add kids 24 「儿童乐园/Play  area」 tutoring，general",
            CatalogueEdit("add", "kids", 24, "儿童乐园", "Play area", ("tutoring", "general")),
        ),
        (  # a Chinese name with slashes of its own, as the shipped catalogue's
            'rename facilities "公共设施(电梯/路灯)/Public facilities"',
            CatalogueEdit(
                "rename", "facilities", name_zh="公共设施(电梯/路灯)", name_en="Public facilities"
            ),
        ),
        (
            'add facilities 48 "公共设施（电梯/路灯）/Public facilities (lifts/lights)" general',
            CatalogueEdit(
                "add",
                "facilities",
                48,
                "公共设施（电梯/路灯）",
                "Public facilities (lifts/lights)",
                ("general",),
            ),
        ),
        (
            "rename pets 宠物/Pets/animals",
            CatalogueEdit("rename", "pets", name_zh="宠物", name_en="Pets/animals"),
        ),
    ],
)
def test_valid_forms(args: str, expected: CatalogueEdit) -> None:
    assert parse_catalogue_edit(args) == expected


@pytest.mark.parametrize(
    ("args", "key"),
    [
        ("add pet_care 48 宠物管理/Pet care general,patrol", "cat-err-spaces"),
        ("add pet_care 48 宠物管理/Pet care and control", "cat-err-spaces"),
        ('add pet_care 48 "宠物管理/Pet care general', "cat-err-quote"),
        ("add pet_care 48 宠物管理", "cat-err-names"),
        ("add pet_care 48 宠物管理 general,patrol", "cat-err-names"),
        ("add pet_care soon 宠物管理/Pets", "cat-err-hours"),
        ("add pet_care 1.5 宠物管理/Pets general", "cat-err-hours"),
        ("deadline water_electric -3", "cat-err-hours"),
        ("deadline water_electric 1.5", "cat-err-hours"),
        ("deadline water_electric", "cat-err-usage"),
        ("frobnicate", "cat-err-usage"),
        ("", "cat-err-usage"),
    ],
)
def test_wrong_forms_say_what_to_do(args: str, key: str) -> None:
    with pytest.raises(InvalidInput) as info:
        parse_catalogue_edit(args)
    assert info.value.key == key


_WORD = st.text(
    alphabet=st.characters(whitelist_categories=("L", "N"), blacklist_characters='“”„「」『』"/'),
    min_size=1,
    max_size=8,
)
_NAME = st.lists(_WORD, min_size=1, max_size=4).map(" ".join)


@given(name_zh=_NAME, name_en=_NAME, hours=st.integers(1, 2160))
def test_quoted_names_come_back_whole(name_zh: str, name_en: str, hours: int) -> None:
    edit = parse_catalogue_edit(f'add code_1 {hours} "{name_zh}/{name_en}" general')
    assert (edit.name_zh, edit.name_en, edit.hours, edit.skills) == (
        name_zh,
        name_en,
        hours,
        ("general",),
    )


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (
            'rename pets "宠物与流浪动物/Pets and strays"',
            CatalogueEdit("rename", "pets", name_zh="宠物与流浪动物", name_en="Pets and strays"),
        ),
        ("hant pets 寵物管理", CatalogueEdit("hant", "pets", name_hant="寵物管理")),
        ("hant pets “寵物  管理”", CatalogueEdit("hant", "pets", name_hant="寵物 管理")),
    ],
)
def test_rename_and_the_traditional_name(args: str, expected: CatalogueEdit) -> None:
    assert parse_catalogue_edit(args) == expected


@pytest.mark.parametrize(
    ("args", "key"),
    [
        ("rename pets 宠物与流浪动物/Pets and strays", "cat-err-spaces"),
        ("rename pets", "cat-err-usage"),
        ("rename pets 宠物", "cat-err-names"),
        ("hant pets 寵物 管理", "cat-err-hant-spaces"),
    ],
)
def test_rename_and_traditional_name_mistakes(args: str, key: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        parse_catalogue_edit(args)
    assert caught.value.key == key


def test_traditional_name_without_a_converter(monkeypatch: pytest.MonkeyPatch) -> None:
    """Where OpenCC is not installed no name is made up: zh-Hant readers see the Simplified
    one until an admin sets it (/category hant), and the admin is told so."""
    import sys

    from services import categories

    assert categories.traditional_name("宠物与流浪动物") == "寵物與流浪動物"
    categories._converter.cache_clear()
    monkeypatch.setitem(sys.modules, "opencc", None)  # import opencc → ImportError
    try:
        assert categories.traditional_name("宠物管理") is None
    finally:
        categories._converter.cache_clear()
