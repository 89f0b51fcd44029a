"""A staff card added to the order cycle is known as staff mail: otherwise someone whose staff
role was taken away at night would still get it in the morning (services.staff.revoke cancels
what `services.delivery.staff_mail` matches). Read from the source: every `Notice` of a
"staff-…" kind names a text key listed in STAFF_NOTICE_KINDS, and every key listed exists."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from services.delivery import STAFF_NOTICE_KINDS

ROOT = Path(__file__).resolve().parents[2]


def _literals(node: ast.expr | None) -> list[str]:
    """The strings an argument can be ("a" if x else "b" gives both)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.IfExp):
        return _literals(node.body) + _literals(node.orelse)
    return []


def _staff_notices() -> list[tuple[str, int, str]]:
    """(file, line, text key) of every Notice of a staff kind with a literal key."""
    found = []
    for path in sorted([*ROOT.glob("services/*.py"), *ROOT.glob("scheduler/*.py")]):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Name):
                continue
            named = {k.arg: k.value for k in node.keywords}
            if node.func.id == "Notice":
                key, kind = named.get("key"), named.get("kind")
            elif node.func.id == "_staff_notice" and len(node.args) >= 4:  # services.order_jobs
                key, kind = node.args[1], node.args[3]
            else:
                continue
            if any(k.startswith("staff-") for k in _literals(kind)):
                found += [(path.name, node.lineno, k) for k in _literals(key)]
    return found


def test_every_staff_notice_of_the_order_cycle_is_known_as_staff_mail() -> None:
    found = _staff_notices()
    assert len(found) >= 15, found  # the reading still finds them
    missing = [f for f in found if f[2][:32] not in STAFF_NOTICE_KINDS]
    assert not missing, f"add these to services.delivery.STAFF_NOTICE_KINDS: {missing}"


def test_every_listed_key_is_a_text() -> None:
    keys = set()
    for ftl in (ROOT / "bot/locales/zh-Hans").glob("*.ftl"):
        keys |= set(re.findall(r"^([a-z][a-z0-9-]*) =", ftl.read_text("utf-8"), re.M))
    # those are kinds of notice, not texts: the digest, staff alerts, a resident's question
    assert STAFF_NOTICE_KINDS - keys == {"digest", "staff-alert", "meeting-question"}
