"""Skills typed at the sign-up's skills step (services.skills.read_typed): those on the buttons
are ticked, in any language; the rest kept as other skills."""

from __future__ import annotations

import pytest

from bot.i18n import Translator
from services.skills import SKILLS, everyday_words, read_typed


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


@pytest.fixture(scope="module")
def said() -> dict[str, frozenset[str]]:
    translator = Translator()
    return {
        code: translator.all_values(f"skill-{code}")
        | everyday_words(translator.all_values(f"skill-{code}-words"))
        for code in SKILLS
    }


@pytest.mark.parametrize(
    ("typed", "codes", "others"),
    [
        ("我会修水管，也能陪老人看病", ["plumbing", "escort"], ""),
        ("退休前是医生，会量血压", ["medical"], ""),
        ("会修电器和空调", ["appliance_repair"], ""),
        ("我什么都能干", ["general"], ""),
        ("I can fix pipes and help old people", ["plumbing", "elderly_care"], ""),
        ("I am good at computers", ["digital_help"], ""),
        ("我会养蜂", [], "养蜂"),
        ("plumbing, beekeeping", ["plumbing"], "beekeeping"),
    ],
)
def test_skills_said_in_everyday_words(
    said: dict[str, frozenset[str]], typed: str, codes: list[str], others: str
) -> None:
    """A skill's everyday words ('修水管', 'help old people') tick it as its name does."""
    assert read_typed(typed, said) == (codes, others)
