"""Catalogue loading and validation."""

from __future__ import annotations

from pathlib import Path

import pytest

from services.skills import SKILLS
from services.triage import CatalogueError, Category, dump_catalogue, load_catalogue

DEFAULT_CODES = [
    "water_electric",
    "heating_gas",
    "sanitation",
    "noise_dispute",
    "property",
    "facilities",
    "parking_traffic",
    "elderly_disabled",
    "safety_fire",
    "social_policy",
    "health",
    "other",
]


def test_default_catalogue() -> None:
    categories = load_catalogue()
    assert [c.code for c in categories] == DEFAULT_CODES
    for c in categories:
        assert c.names["zh-Hans"] and c.names["en"]
        assert c.deadline_hours > 0
        assert set(c.skills) <= set(SKILLS)
    assert categories[0].name("zh-Hans") == "水电维修"
    assert categories[0].name("fr") == "水电维修"


def test_round_trip(tmp_path: Path) -> None:
    cats = [
        Category("roads", {"zh-Hans": "道路", "en": "Roads"}, 48, ("general",)),
        Category("other", {"zh-Hans": "其他", "en": "Other"}, 72, ()),
    ]
    path = tmp_path / "c.yaml"
    dump_catalogue(cats, path)
    assert load_catalogue(path) == cats


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("categories: []", "non-empty list"),
        ("[unclosed", "not valid YAML"),
        (
            "categories:\n- {code: Bad-Code, names: {zh-Hans: a, en: b}, deadline_hours: 1}",
            "code 'Bad-Code'",
        ),
        (
            "categories:\n- {code: roads, names: {zh-Hans: 路}, deadline_hours: 24}\n"
            "- {code: other, names: {zh-Hans: 其他, en: Other}, deadline_hours: 24}",
            "names lack language(s) en",
        ),
        (
            "categories:\n- {code: roads, names: {zh-Hans: 路, en: R}, deadline_hours: 0}",
            "deadline_hours",
        ),
        (
            "categories:\n- {code: roads, names: {zh-Hans: 路, en: R}, deadline_hours: 5,"
            " skills: [flying]}",
            "unknown skill code(s) flying",
        ),
        (
            "categories:\n- {code: other, names: {zh-Hans: 其他, en: O}, deadline_hours: 5}\n"
            "- {code: other, names: {zh-Hans: 其他, en: O}, deadline_hours: 5}",
            "appears twice",
        ),
        (
            "categories:\n- {code: roads, names: {zh-Hans: 路, en: R}, deadline_hours: 5}",
            "catch-all category 'other'",
        ),
        (
            "categories:\n- {code: other, names: {zh-Hans: 其他, en: O}, deadline_hours: 5,"
            " colour: red}",
            "unknown field(s) colour",
        ),
    ],
)
def test_bad_catalogue_gives_clear_error(tmp_path: Path, body: str, message: str) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(CatalogueError) as info:
        load_catalogue(path)
    assert message in str(info.value)
    assert str(path) in str(info.value)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(CatalogueError, match="cannot read"):
        load_catalogue(tmp_path / "nope.yaml")


def test_admin_edits(tmp_path: Path) -> None:
    from services.triage import (
        load_deployment_catalogue,
        save_deployment_catalogue,
        with_category,
        with_deadline,
        without_category,
    )

    cats = load_deployment_catalogue(tmp_path)  # the default one until the deployment saves
    assert len(cats) == 12
    cats = with_deadline(cats, "water_electric", 12)
    lift = Category("lift_retrofit", {"zh-Hans": "加装电梯", "en": "Lift retrofit"}, 240, ())
    cats = with_category(cats, lift)
    assert cats[-2].code == "lift_retrofit" and cats[-1].code == "other"
    cats = without_category(cats, "noise_dispute")
    save_deployment_catalogue(tmp_path, cats)
    again = load_deployment_catalogue(tmp_path)
    assert again == cats
    assert again[0].deadline_hours == 12
    with pytest.raises(CatalogueError, match="cannot be removed"):
        without_category(again, "other")
    with pytest.raises(CatalogueError, match="no category 'nope'"):
        with_deadline(again, "nope", 5)
    with pytest.raises(CatalogueError, match="deadline_hours"):
        with_deadline(again, "health", 0)
