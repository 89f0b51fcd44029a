"""A community office's phone, address and opening hours changed by an admin: what is read of
the words ('阳光社区的电话改成…'), what a typed value may be, and who may change it."""

from __future__ import annotations

import pytest
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from models import AuditEvent, Community, Role, User
from services import org_edit
from services.errors import InvalidInput, PermissionDenied
from services.smalltalk import ContactSaid, contact_change_said


@pytest.mark.parametrize(
    ("said", "read"),
    [
        ("社区电话改成021-55500199", ContactSaid("phone", "社区", "021-55500199")),
        ("阳光社区的电话改成021-55500199", ContactSaid("phone", "阳光社区", "021-55500199")),
        (
            "把和谐社区办公时间改成周一到周五9点到5点",
            ContactSaid("office_hours", "和谐社区", "周一到周五9点到5点"),
        ),
        ("阳光社区的地址改一下", ContactSaid("address", "阳光社区", None)),
        ("改一下和谐社区的电话", ContactSaid("phone", "和谐社区", None)),
        ("社区办公室的地址改为：阳光路 1 号", ContactSaid("address", "社区", "阳光路 1 号")),
        ("阳光社区的電話改成 021 5550 0199。", ContactSaid("phone", "阳光社区", "021 5550 0199")),
        (
            "change Sunshine Community's phone to 021-55500199",
            ContactSaid("phone", "sunshine community", "021-55500199"),
        ),
        ("update the community opening hours", ContactSaid("office_hours", "community", None)),
        # a place that names no community is for the caller to refuse ('我' is one's own phone)
        ("我的电话改成13900000001", ContactSaid("phone", "我", "13900000001")),
    ],
)
def test_contact_change_is_read(said: str, read: ContactSaid) -> None:
    assert contact_change_said(said) == read


@pytest.mark.parametrize(
    "said", ["电话改成13900000001", "社区电话是多少", "社区地址在哪", "办公时间", "阳光社区"]
)
def test_other_words_are_not_a_contact_change(said: str) -> None:
    assert contact_change_said(said) is None


def test_typed_values_are_checked() -> None:
    assert org_edit.clean_contact("phone", "021 5550 0199") == "021-55500199"
    assert org_edit.clean_contact("phone", "+86 139 0000 0001") == "13900000001"
    assert org_edit.clean_contact("address", "  阳光路   88 号 ") == "阳光路 88 号"
    for clear in ("-", "清空", "Clear"):
        assert org_edit.clean_contact("office_hours", clear) is None
    for field, typed, key in (
        ("phone", "12345", "org-err-contact-phone"),
        ("address", "路" * 101, "org-err-contact-long"),
        ("office_hours", "时" * 61, "org-err-contact-long"),
        ("address", "/start", "org-err-contact-odd"),
        ("address", "   ", "org-err-contact-empty"),
        ("name", "阳光", "err-stale-button"),
    ):
        with pytest.raises(InvalidInput) as refused:
            org_edit.clean_contact(field, typed)
        assert refused.value.key == key, (field, typed)


async def test_only_an_admin_changes_it_and_each_change_is_audited(session: AsyncSession) -> None:
    community = Community(name="阳光社区", phone="021-55500101")
    admin, staff = User(id=1001, first_name="王"), User(id=2001, first_name="李")
    session.add_all([community, admin, staff])
    await session.commit()
    assert community.id is not None
    cid = community.id
    with pytest.raises(PermissionDenied):
        await org_edit.set_contact(
            session,
            user=staff,
            roles={Role.STAFF},
            community_id=cid,
            field="phone",
            value="021-55500199",
        )
    done = await org_edit.set_contact(
        session,
        user=admin,
        roles={Role.ADMIN},
        community_id=cid,
        field="phone",
        value="021 55500199",
    )
    assert (done.name, done.before, done.changed) == ("021-55500199", "021-55500101", True)
    again = await org_edit.set_contact(
        session,
        user=admin,
        roles={Role.ADMIN},
        community_id=cid,
        field="phone",
        value="02155500199",
    )
    assert not again.changed
    cleared = await org_edit.set_contact(
        session, user=admin, roles={Role.ADMIN}, community_id=cid, field="phone", value="-"
    )
    assert (cleared.name, cleared.changed) == ("", True)
    events = (await session.exec(select(AuditEvent).order_by(col(AuditEvent.id)))).all()
    assert [(e.actor_id, e.action, e.detail) for e in events] == [
        (2001, "refused", "org_contact_phone"),
        (1001, "org_contact_phone", "阳光社区: 021-55500101 → 021-55500199"),
        (1001, "org_contact_phone", "阳光社区: 021-55500199 → -"),
    ]
    await session.refresh(community)
    assert community.phone is None
