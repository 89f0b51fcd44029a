"""Skills typed at the sign-up's skills step (services.skills.read_typed): those on the buttons
are ticked, in any language; the rest kept as other skills."""

from __future__ import annotations

import pytest

from bot.i18n import Translator
from services.skills import SKILLS, read_typed


@pytest.fixture(scope="module")
def names() -> dict[str, frozenset[str]]:
    translator = Translator()
    return {code: translator.all_values(f"skill-{code}") for code in SKILLS}


@pytest.mark.parametrize(
    ("typed", "codes", "others"),
    [
        ("plumbing and tutoring", ["plumbing", "tutoring"], ""),
        ("Tutoring, Plumbing", ["plumbing", "tutoring"], ""),
        ("Heating and gas", ["heating_gas"], ""),  # 'and' inside a name
        ("I can do plumbing, beekeeping", ["plumbing"], "beekeeping"),
        ("beekeeping", [], "beekeeping"),
        ("课业辅导、养蜂", ["tutoring"], "养蜂"),
    ],
)
def test_typed_skills(
    names: dict[str, frozenset[str]], typed: str, codes: list[str], others: str
) -> None:
    assert read_typed(typed, names) == (codes, others)
