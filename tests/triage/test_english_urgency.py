"""English danger is urgent as the Chinese is, and English that names no danger now is not.

Before, 'it smells like gas in the kitchen', 'gas is leaking', flames, chest pains, an attack or
an older person living alone who does not answer were not urgent in English, while a fire
escape, lane, door, extinguisher, drill or hazard read as a fire, 'we had a gas leak last year'
as a leak now and 'I'm missing a parcel' as a missing person."""

from __future__ import annotations

import pytest

from services.triage.urgency import urgent_reasons


@pytest.mark.parametrize(
    ("said", "reason"),
    [
        # caught before too
        ("there's a fire in the rubbish room", "fire"),
        ("gas leak in my kitchen", "gas"),
        ("someone fell down the stairs", "fall"),
        ("smoke is coming out of the kitchen next door", "fire"),
        # missed before
        ("it smells like gas in the kitchen", "gas"),
        ("gas is leaking from the pipe", "gas"),
        ("the carbon monoxide alarm is going off", "gas"),
        ("I can see flames coming from the window", "fire"),
        ("my father is having chest pains", "medical"),
        ("I think my mum is having a stroke", "medical"),
        ("someone is attacking a woman in the car park", "violence"),
        ("someone is threatening to jump off the roof", "self_harm"),
        (
            "my elderly neighbour who lives alone hasn't answered the door for two days",
            "alone_unreachable",
        ),
        ("he's lying on the floor and can't get up", "fall"),
    ],
)
def test_english_danger_is_urgent(said: str, reason: str) -> None:
    assert reason in urgent_reasons(said)


@pytest.mark.parametrize(
    "said",
    [
        # all read as a fire, a gas leak or a missing person before
        "the fire extinguishers in our building are expired",
        "boxes are blocking the fire escape",
        "cars parked in the fire lane every night",
        "the fire door is propped open",
        "when is the fire drill this year?",
        "I'm worried about a fire hazard from the e-bikes charging in the hallway",
        "could you check the smoke detector batteries",
        "we had a gas leak last year",
        "I'm missing a parcel from the locker",
    ],
)
def test_english_that_is_not_danger_now(said: str) -> None:
    assert urgent_reasons(said) == []
