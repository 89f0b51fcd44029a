"""The transition tables: what they allow is exactly what `transition` accepts, every state is
reachable, and each accepted move yields a ledger row with actor, time, from, to and note."""

from __future__ import annotations

from collections import deque
from datetime import UTC, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from models.orders import (
    MACHINES,
    ClaimStatus,
    IllegalTransition,
    OrderStatus,
    RequestStatus,
    transition,
)

STATES = {"request": RequestStatus, "order": OrderStatus, "claim": ClaimStatus}
INITIAL = {"request": RequestStatus.NEW, "order": OrderStatus.OPEN, "claim": ClaimStatus.ACTIVE}
AT = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)


@st.composite
def moves(draw: st.DrawFn) -> tuple[str, str, str]:
    machine = draw(st.sampled_from(sorted(STATES)))
    states = [s.value for s in STATES[machine]]
    return machine, draw(st.sampled_from(states)), draw(st.sampled_from(states))


@given(moves(), st.text(max_size=50))
def test_transition_accepts_exactly_the_table(move: tuple[str, str, str], note: str) -> None:
    machine, old, new = move
    legal = new in {str(s) for s in MACHINES[machine][STATES[machine](old)]}
    if not legal:
        with pytest.raises(IllegalTransition):
            transition(
                machine,
                request_id=1,
                subject_id=2,
                old=old,
                new=new,
                actor_id=7,
                action="x",
                at=AT,
            )
        return
    event = transition(
        machine,
        request_id=1,
        subject_id=2,
        old=old,
        new=new,
        actor_id=7,
        action="x",
        at=AT,
        note=note,
    )
    assert (event.subject, event.from_state, event.to_state) == (machine, old, new)
    assert (event.actor_id, event.at, event.note) == (7, AT, note)


@pytest.mark.parametrize("machine", sorted(STATES))
def test_every_state_is_in_the_table_and_reachable(machine: str) -> None:
    table = MACHINES[machine]
    assert set(table) == set(STATES[machine])
    seen = {INITIAL[machine]}
    queue = deque(seen)
    while queue:
        for nxt in table[queue.popleft()]:
            if nxt not in seen:
                seen.add(nxt)
                queue.append(nxt)
    assert seen == set(STATES[machine])


def test_terminal_request_states_stay_terminal() -> None:
    table = MACHINES["request"]
    for state in ("merged", "withdrawn", "resolved", "closed"):
        assert not table[RequestStatus(state)]
    # a declined request goes back to staff only when its resident asks for a review (复核)
    assert table[RequestStatus.DECLINED] == {RequestStatus.REOPENED}
