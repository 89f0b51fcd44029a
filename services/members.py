"""Member registration (双报到): apply, approve or reject, suspend."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import and_, func, or_, update
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from models import Community, Grid, MemberProfile, MemberStatus, MoveState, Role, User
from models.base import utcnow
from models.scheduling import Delivery, DeliveryState
from services import audit, delivery
from services.errors import Conflict, InvalidInput, NotFound
from services.order_common import Notice
from services.places import named
from services.requests import Page
from services.skills import SKILLS, normalize_skills
from services.users import require_scope
from services.validation import TYPED_MAX, clean_text, person_name, phone_number, short_label


@dataclass(frozen=True)
class MemberApplication:
    """What an applicant typed, before validation."""

    real_name: str
    work_unit: str
    phone: str
    skills: list[str]
    custom_skills: str
    community_id: int
    grid_id: int | None
    # the member's answer to "晒单和积分榜上显示我的名字？"; no answer is no consent
    show_name_public: bool = False


async def apply(
    session: AsyncSession, *, user: User, application: MemberApplication
) -> MemberProfile:
    """File (or re-file after a rejection) a member registration; status becomes pending."""
    community = await session.get(Community, application.community_id)
    if community is None:
        raise NotFound("err-address-stale")
    if application.grid_id is not None:
        grid = await session.get(Grid, application.grid_id)
        if grid is None or grid.community_id != community.id:
            raise NotFound("err-address-stale")
    skills = normalize_skills(application.skills)
    custom = (
        clean_text(application.custom_skills, max_len=200) if application.custom_skills else ""
    )
    if not skills and not custom:
        raise InvalidInput("err-skills-empty")
    if any(s not in SKILLS for s in application.skills):
        raise InvalidInput("err-skills-unknown")
    profile = await session.get(MemberProfile, user.id)
    if profile is not None and profile.status in {MemberStatus.APPROVED, MemberStatus.PENDING}:
        raise Conflict("member-already-" + profile.status)
    # filed again after 不通过: the reason stays beside the new application, for the review
    # card to say what was wrong last time (`earlier_rejection`); a review replaces it
    earlier = profile.reject_reason if profile is not None else None
    if profile is None:
        profile = MemberProfile(
            user_id=user.id,
            real_name="",
            work_unit="",
            phone="",
            community_id=community.id or 0,
        )
        session.add(profile)
    profile.real_name = person_name(application.real_name)
    profile.work_unit = short_label(application.work_unit, max_len=60)
    profile.phone = phone_number(application.phone)
    profile.skills = ",".join(skills)
    profile.custom_skills = custom
    profile.community_id = community.id or 0
    profile.grid_id = application.grid_id
    profile.show_name_public = application.show_name_public
    profile.name_asked_at = utcnow()  # the sign-up asked it: no notice later (member_jobs)
    profile.status = MemberStatus.PENDING
    profile.reviewed_by = None
    profile.reviewed_at = None
    profile.reject_reason = earlier
    profile.updated_at = utcnow()
    audit.record(
        session, actor_id=user.id, action="member_apply", subject_type="member", subject_id=user.id
    )
    await session.commit()
    return profile


async def set_name_public(
    session: AsyncSession, *, user: User, named: bool
) -> tuple[MemberProfile, bool]:
    """The member's choice whether result cards and the points board name them (else '刘**');
    also whether it changed anything.

    Cards published before keep what they said; the choice applies from the next one.
    """
    profile = await session.get(MemberProfile, user.id)
    if profile is None or profile.real_name == "-":  # "-": deleted with /forget
        raise NotFound("err-member-not-found")
    if profile.name_asked_at is None:  # answered: the one-off notice is not needed
        profile.name_asked_at = utcnow()
    if profile.show_name_public == named:
        await session.commit()
        return profile, False
    profile.show_name_public = named
    audit.record(
        session,
        actor_id=user.id,
        action="member_name_public" if named else "member_name_hidden",
        subject_type="member",
        subject_id=user.id,
    )
    await session.commit()
    return profile, True


async def signup_phone(session: AsyncSession, *, user_id: int, community_id: int) -> str | None:
    """The phone a member sign-up gave, for the staff of the community it was given to: what
    its consent covers (that community's staff and the sub-district office; not the members
    serving a matter, who see a resident's own phone only). None for another community's
    matter, without a sign-up, or after /forget. It is not copied into the resident's profile:
    at registration they may have chosen to leave no phone there."""
    profile = await session.get(MemberProfile, user_id)
    if profile is None or profile.community_id != community_id:
        return None
    return profile.phone if profile.phone not in ("", "-") else None


def earlier_rejection(profile: MemberProfile) -> str | None:
    """Why the applicant's earlier application was turned down, when this one waiting for
    review was filed again after it (None for a first application)."""
    return profile.reject_reason if profile.status == MemberStatus.PENDING else None


async def reviewers_see_at(
    session: AsyncSession, *, member_id: int, now: datetime, matter: str | None = None
) -> datetime | None:
    """When the first staff card asking to review a just-filed application goes out, if quiet
    hours hold every one (filed at night): the applicant is told when staff will see it, as a
    resident filing a request is. None when a card goes out now (daytime, a staff member who
    takes notices at night) or none was queued. `matter`: of other staff cards about the
    member than their application's (a change of community: `move_matter`)."""
    due = (
        await session.exec(
            select(func.min(Delivery.not_before)).where(
                Delivery.matter == (matter or review_matter(member_id)),
                Delivery.state == DeliveryState.PENDING,
            )
        )
    ).one()
    if due is None:
        return None
    due = due if due.tzinfo is not None else due.replace(tzinfo=UTC)
    return due if due > now else None


def review_matter(member_id: int) -> str:
    """The key of the staff cards asking to review an application (see services.delivery
    cancel_stale): not sent once a colleague approved or rejected it."""
    return f"member:{member_id}:pending"


def reviewed_matter(member_id: int) -> str:
    """The key a sent review card is given once the application was decided and the card
    redrawn to say so: a later application's decision finds only its own cards."""
    return f"member:{member_id}:reviewed"


async def sent_review_cards(session: AsyncSession, *, member_id: int) -> list[Delivery]:
    """The review cards of this application that went out to staff, still with 通过/不通过,
    once it was decided: each is given `reviewed_matter`, so it is redrawn once (the caller
    queues the redraws and commits). Cards that were still to be sent were cancelled by the
    decision (`review`)."""
    rows = list(
        (
            await session.exec(
                select(Delivery).where(
                    Delivery.matter == review_matter(member_id),
                    Delivery.state == DeliveryState.SENT,
                    col(Delivery.edit_message_id).is_(None),
                )
            )
        ).all()
    )
    for row in rows:
        row.matter = reviewed_matter(member_id)
        session.add(row)
    await session.flush()
    return [row for row in rows if row.message_id_list]


def review_redraw_matter(member_id: int) -> str:
    """The key of a review card that was on its way (claimed by the sender, its message id not
    known yet: the call may be under way) when the application was decided: once sent, it is
    redrawn as the application now stands (services.member_cards.redraw_once_sent)."""
    return f"member:{member_id}:redraw"


def review_to_redraw(matter: str) -> int | None:
    """The applicant of a review card marked on its way (or None)."""
    parts = matter.split(":")
    if len(parts) == 3 and parts[0] == "member" and parts[2] == "redraw" and parts[1].isdigit():
        return int(parts[1])
    return None


async def _mark_review_cards_on_the_way(session: AsyncSession, *, member_id: int) -> int:
    """The review cards the sender has claimed are marked (`review_redraw_matter`), so that
    once sent they are redrawn with the decision. Before, the decision cancelled them: one
    whose call was under way went with 通过/不通过, unrecorded, and was never redrawn. Done
    before `cancel_stale`: the cards not claimed yet are held (PostgreSQL: the sender's claim
    skips a locked row) till this commits, so none is claimed between the mark and the
    cancel. Returns how many were marked."""
    return await delivery.mark_on_the_way(
        session,
        where=[col(Delivery.matter) == review_matter(member_id)],
        matter=review_redraw_matter(member_id),
    )


def application_version(profile: MemberProfile) -> int:
    """Changes whenever the application is (re)filed; review cards carry it."""
    return int(profile.updated_at.timestamp())


async def review(
    session: AsyncSession,
    *,
    reviewer: User,
    roles: Collection[Role],
    member_id: int,
    approve: bool,
    reason: str | None = None,
    expected_version: int | None = None,
    now: datetime | None = None,
) -> MemberProfile:
    """Approve or reject a pending member; a second reviewer at the same time gets Conflict.

    A card made for an earlier application (the applicant filed again since) is refused, so
    nobody approves data they have not seen.
    """
    profile = await session.get(MemberProfile, member_id)
    if profile is None:
        raise NotFound("err-member-not-found")
    await require_scope(
        session,
        user=reviewer,
        roles=roles,
        community_id=profile.community_id,
        action="member_review",
    )
    if profile.status != MemberStatus.PENDING:
        # Someone decided first (their decision also moved the version): say so, not "refiled".
        raise await already_reviewed(session, profile)
    if expected_version is not None and expected_version != application_version(profile):
        raise Conflict("member-card-outdated")
    clean_reason = clean_text(reason, max_len=TYPED_MAX) if not approve else None
    new_status = MemberStatus.APPROVED if approve else MemberStatus.REJECTED
    now = now or utcnow()
    # A conditional update: only one of two simultaneous reviewers finds it still pending.
    result = await session.exec(
        update(MemberProfile)
        .where(col(MemberProfile.user_id) == member_id)
        .where(col(MemberProfile.status) == MemberStatus.PENDING)
        .values(
            status=new_status,
            reviewed_by=reviewer.id,
            reviewed_at=now,
            reject_reason=clean_reason,
            updated_at=now,
        )
    )  # type: ignore[call-overload]
    if result.rowcount != 1:
        await session.rollback()
        await session.refresh(profile)
        raise await already_reviewed(session, profile)
    # the other staff's review cards on their way are redrawn once sent; those not sent yet
    # (held for the night) no longer apply
    await _mark_review_cards_on_the_way(session, member_id=member_id)
    await delivery.cancel_stale(session, matter=review_matter(member_id))
    member = await session.get(User, member_id)
    if member is not None and approve:
        member.set_roles(set(member.role_set) | {Role.MEMBER})
    if approve:
        await _tell_if_never_asked(session, member_id=member_id, now=now)
    audit.record(
        session,
        actor_id=reviewer.id,
        action="member_approve" if approve else "member_reject",
        subject_type="member",
        subject_id=member_id,
        detail=clean_reason or "",
    )
    await session.commit()
    await session.refresh(profile)
    return profile


async def already_reviewed(session: AsyncSession, profile: MemberProfile) -> Conflict:
    """The refusal of a second review: what the application came to, and who decided it (a
    colleague tapping a card already decided is told that, not only that it was handled)."""
    if profile.status == MemberStatus.REJECTED and profile.real_name == "-":
        return Conflict("member-application-gone")  # the applicant deleted their data
    reviewer = await session.get(User, profile.reviewed_by) if profile.reviewed_by else None
    outcome = str(profile.status)
    if reviewer is None:
        return Conflict("member-already-reviewed", outcome=outcome)
    return Conflict("member-already-reviewed-by", outcome=outcome, by=reviewer.display_name)


async def member_to_suspend(
    session: AsyncSession,
    *,
    actor: User,
    roles: Collection[Role],
    member_id: int,
    suspended: bool,
) -> MemberProfile:
    """The member staff are about to suspend (approved) or restore (suspended): staff of
    another community are refused and logged; a member no longer in that standing: Conflict."""
    profile = await session.get(MemberProfile, member_id)
    if profile is None or profile.real_name == "-":  # "-": deleted with /forget
        raise NotFound("err-member-not-found")
    await require_scope(
        session, user=actor, roles=roles, community_id=profile.community_id, action="suspend"
    )
    wanted_from = MemberStatus.APPROVED if suspended else MemberStatus.SUSPENDED
    if profile.status != wanted_from:
        raise Conflict("member-suspend-stale", outcome=str(profile.status))
    return profile


@dataclass(frozen=True)
class Suspension:
    """A suspension or its end: the member, and what giving their claims back caused (the
    staff of those orders told, other members offered them) for the caller to deliver."""

    profile: MemberProfile
    notices: list[Notice]
    released: int = 0


async def set_suspended(
    session: AsyncSession,
    *,
    actor: User,
    roles: Collection[Role],
    member_id: int,
    suspended: bool,
    reason: str | None = None,
    release_reason: str | None = None,
    now: datetime | None = None,
) -> Suspension:
    """Suspend an approved member (or lift it); suspended members cannot claim.

    On suspension the claims they hold go back to the pool as on a release (with
    `release_reason`, which names the suspension and its `reason`); a claim reported done
    stays for staff to verify. The reason is kept in the audit row."""
    now = now or utcnow()
    profile = await member_to_suspend(
        session, actor=actor, roles=roles, member_id=member_id, suspended=suspended
    )
    wanted_from = profile.status
    clean_reason = clean_text(reason, max_len=TYPED_MAX) if suspended else ""
    member = await session.get(User, member_id)
    notices: list[Notice] = []
    released = 0
    if suspended and member is not None:
        from services.orders import my_claims, release_all_claims  # orders import users

        held = await my_claims(session, user=member)

        # given back as the member (a release needs an approved member), before the status
        # changes; each release commits with its own notices
        notices = await release_all_claims(
            session,
            user=member,
            roles=set(member.role_set) | {Role.MEMBER},
            reason=release_reason or clean_reason,
            now=now,
        )
        released = len(held) - len(await my_claims(session, user=member))
        await session.refresh(profile)
        if profile.status != wanted_from:  # a colleague was quicker meanwhile
            raise Conflict("member-suspend-stale", outcome=str(profile.status))
    profile.status = MemberStatus.SUSPENDED if suspended else MemberStatus.APPROVED
    profile.updated_at = now
    if member is not None:
        roles_now = set(member.role_set)
        (roles_now.discard if suspended else roles_now.add)(Role.MEMBER)
        member.set_roles(roles_now)
        if suspended:  # offers and claim news held for the morning are not sent to them
            await delivery.cancel_member_notices(
                session, chat_id=member_id, staff=Role.STAFF in roles_now
            )
    if not suspended:
        await _tell_if_never_asked(session, member_id=member_id, now=now)
    audit.record(
        session,
        actor_id=actor.id,
        action="member_suspend" if suspended else "member_unsuspend",
        subject_type="member",
        subject_id=member_id,
        detail=clean_reason,
    )
    await session.commit()
    await session.refresh(profile)
    return Suspension(profile=profile, notices=notices, released=released)


async def approved_members(
    session: AsyncSession, *, community_ids: Collection[int], page: int, per_page: int
) -> Page[MemberProfile]:
    """Approved and suspended members of these communities, by name, one page (from 0)."""
    where = (
        col(MemberProfile.status).in_([MemberStatus.APPROVED, MemberStatus.SUSPENDED]),
        col(MemberProfile.community_id).in_(list(community_ids)),
    )
    total = (
        await session.exec(select(func.count()).select_from(MemberProfile).where(*where))
    ).one()
    pages = max(1, -(-total // per_page))
    page = min(max(page, 0), pages - 1)
    rows = await session.exec(
        select(MemberProfile)
        .where(*where)
        .order_by(col(MemberProfile.real_name), col(MemberProfile.user_id))
        .offset(page * per_page)
        .limit(per_page)
    )
    return Page(items=list(rows.all()), page=page, pages=pages, total=total)


async def _tell_if_never_asked(session: AsyncSession, *, member_id: int, now: datetime) -> None:
    """A member approved (or back from a suspension) who was never asked whether to be named,
    e.g. an application filed before 双报到 asked it: the one-off notice job runs now."""
    asked = (
        await session.exec(
            select(MemberProfile.name_asked_at).where(col(MemberProfile.user_id) == member_id)
        )
    ).first()
    if asked is None:
        from services.member_jobs import schedule_name_consent  # it imports services.orders

        await schedule_name_consent(session, now=now)


async def pending_members(
    session: AsyncSession, *, community_ids: Collection[int]
) -> list[MemberProfile]:
    """Applications waiting for review in these communities, oldest first."""
    stmt = (
        select(MemberProfile)
        .where(col(MemberProfile.status) == MemberStatus.PENDING)
        .where(col(MemberProfile.community_id).in_(list(community_ids)))
        .order_by(col(MemberProfile.created_at))
    )
    return list((await session.exec(stmt)).all())


# ---------------------------------------------------------------- changing community


def move_matter(member_id: int) -> str:
    """The key of the staff cards asking to take a member in from another community: those not
    sent yet (held for the night) are not sent once one is decided."""
    return f"member:{member_id}:move"


class MoveTaken(Conflict):
    """The request to change community was decided already (a colleague's copy of the card, or
    a second tap): `state` (MoveState), `by` (the staff member's id) and `at` say how, when
    known (None: a request older than the one on file)."""

    def __init__(self, *, state: str | None, by: int | None, at: datetime | None) -> None:
        super().__init__("member-move-decided")
        self.state, self.by, self.at = state, by, at


async def move_asked(
    session: AsyncSession, *, user: User, to_community_id: int
) -> tuple[MemberProfile, Community, Community]:
    """A member asks to serve another community (they moved): (their profile, the community
    they serve now, the one asked for). Only an approved member, to a community not theirs,
    and not while a request of theirs waits for staff (`member-move-pending`: one card)."""
    profile = await session.get(MemberProfile, user.id)
    if profile is None or profile.status != MemberStatus.APPROVED:
        raise Conflict("member-move-not-member")
    if profile.move_state == MoveState.PENDING and profile.move_to_id is not None:
        waiting = await session.get(Community, profile.move_to_id)
        if waiting is not None and waiting.id != profile.community_id:
            raise Conflict("member-move-pending", there=named(waiting))
    to = await session.get(Community, to_community_id)
    now_in = await session.get(Community, profile.community_id)
    if to is None or now_in is None:
        raise NotFound("err-address-stale")
    if to.id == now_in.id:
        raise Conflict("member-move-same", to=named(to))
    return profile, now_in, to


async def ask_move(
    session: AsyncSession, *, user: User, to_community_id: int, now: datetime
) -> tuple[MemberProfile, Community, Community]:
    """The member confirmed: their request is on file as pending (in the caller's transaction:
    the staff cards go in the same commit). A conditional update, so two taps at once (or a
    second read-back confirmed) file it once; the second is refused as `move_asked` refuses."""
    profile, now_in, to = await move_asked(session, user=user, to_community_id=to_community_id)
    filed = await session.exec(  # type: ignore[call-overload]
        update(MemberProfile)
        .where(
            col(MemberProfile.user_id) == user.id,
            col(MemberProfile.status) == MemberStatus.APPROVED,
            col(MemberProfile.community_id) == now_in.id,
            or_(
                col(MemberProfile.move_state).is_(None),
                col(MemberProfile.move_state) != MoveState.PENDING,
            ),
        )
        .values(
            move_to_id=to.id,
            move_state=MoveState.PENDING,
            move_asked_at=now,
            move_decided_by=None,
            move_decided_at=None,
        )
        .execution_options(synchronize_session=False)
    )
    if filed.rowcount != 1:  # nothing changed: a request of theirs is pending already
        raise Conflict("member-move-pending", there=named(to))
    await session.refresh(profile)
    return profile, now_in, to


def move_stamp(asked_at: datetime | None) -> int:
    """The request a staff card is about, in its button (0: cards sent before 0023)."""
    return int(asked_at.timestamp()) if asked_at is not None else 0


async def decide_move(
    session: AsyncSession,
    *,
    reviewer: User,
    roles: Collection[Role],
    member_id: int,
    to_community_id: int,
    approve: bool,
    now: datetime,
    stamp: int = 0,
) -> tuple[MemberProfile, int]:
    """Staff of the community asked for take the member in (their membership moves there,
    serving any grid of it; the claims they hold stay theirs until done or given back; the old
    community's offers held for the night are not sent to them) or do not (nothing changes).
    Returns (the profile, the community they served before). One conditional update of the
    pending request: a request decided already (by a colleague's copy of the card, at the same
    moment too) is refused with `MoveTaken`, saying by whom. `stamp`: the request the card is
    about (`move_stamp`); a card of an older request is refused. A card sent before 0023 (no
    request on file) is read as pending while the member still serves elsewhere."""
    await require_scope(
        session, user=reviewer, roles=roles, community_id=to_community_id, action="member_move"
    )
    profile = await session.get(MemberProfile, member_id)
    if profile is None:
        raise NotFound("err-member-not-found")
    before = profile.community_id
    if stamp and stamp != move_stamp(profile.move_asked_at):
        raise MoveTaken(state=None, by=None, at=None)
    pending = or_(
        and_(
            col(MemberProfile.move_state) == MoveState.PENDING,
            col(MemberProfile.move_to_id) == to_community_id,
        ),
        and_(
            col(MemberProfile.move_state).is_(None),
            col(MemberProfile.community_id) != to_community_id,
        ),
    )
    values: dict[str, object] = {
        "move_to_id": to_community_id,
        "move_state": MoveState.APPROVED if approve else MoveState.DECLINED,
        "move_decided_by": reviewer.id,
        "move_decided_at": now,
        "updated_at": now,
    }
    if approve:
        values.update(community_id=to_community_id, grid_id=None)
    decided = await session.exec(  # type: ignore[call-overload]
        update(MemberProfile)
        .where(
            col(MemberProfile.user_id) == member_id,
            col(MemberProfile.community_id) == before,
            col(MemberProfile.status) == MemberStatus.APPROVED,
            pending,
        )
        .values(**values)
        .execution_options(synchronize_session=False)
    )
    if decided.rowcount != 1:  # nothing changed: decided meanwhile; read how
        await session.refresh(profile)
        if profile.move_to_id == to_community_id and profile.move_state in (
            MoveState.APPROVED,
            MoveState.DECLINED,
            MoveState.WITHDRAWN,  # by the member (`by`), before anyone decided
        ):
            raise MoveTaken(
                state=profile.move_state, by=profile.move_decided_by, at=profile.move_decided_at
            )
        raise MoveTaken(state=None, by=None, at=None)
    await delivery.cancel_stale(session, matter=move_matter(member_id))
    if approve:
        await _drop_old_offers(session, member_id=member_id, community_id=before)
    audit.record(
        session,
        actor_id=reviewer.id,
        action="member_move" if approve else "member_move_refused",
        subject_type="member",
        subject_id=member_id,
        detail=f"{before}->{to_community_id}",
    )
    await session.commit()
    await session.refresh(profile)
    return profile, before


class MoveNotPending(Conflict):
    """The member's request to change community is not waiting any more, so it cannot be
    withdrawn: `state` says why (approved or declined by staff meanwhile; withdrawn already;
    None: none on file), `to` the community it was for (None: none)."""

    def __init__(self, *, state: str | None, to: Community | None) -> None:
        super().__init__(
            "member-move-withdraw-late",
            state=state or "none",
            there=named(to) if to is not None else "-",
        )
        self.state, self.to = state, to


async def withdraw_move(
    session: AsyncSession, *, user: User, now: datetime, stamp: int = 0
) -> tuple[MemberProfile, Community]:
    """The member takes back their pending request to change community (the new community
    never answered): (their profile, the community it was for). Its staff cards not sent yet
    are not sent; the sent ones are redrawn by the caller (services.member_cards). One
    conditional update of the pending request, so a withdrawal and a staff decision at the
    same moment have one winner: the loser is refused (`MoveNotPending` here, `MoveTaken`
    there). `stamp`: the request the member's button is about (`move_stamp`); a button of an
    earlier request, while a later one waits, is answered as asking again is
    (`member-move-pending`, the caller offering this one's withdrawal)."""
    profile = await session.get(MemberProfile, user.id)
    if profile is None or profile.status != MemberStatus.APPROVED:
        raise Conflict("member-move-not-member")
    await session.refresh(profile)
    to = await session.get(Community, profile.move_to_id) if profile.move_to_id else None
    if profile.move_state != MoveState.PENDING or to is None:
        raise MoveNotPending(state=profile.move_state, to=to)
    if stamp and stamp != move_stamp(profile.move_asked_at):
        raise Conflict("member-move-pending", there=named(to))
    withdrawn = await session.exec(  # type: ignore[call-overload]
        update(MemberProfile)
        .where(
            col(MemberProfile.user_id) == user.id,
            col(MemberProfile.move_state) == MoveState.PENDING,
            col(MemberProfile.move_to_id) == to.id,
        )
        .values(
            move_state=MoveState.WITHDRAWN,
            move_decided_by=user.id,
            move_decided_at=now,
            updated_at=now,
        )
        .execution_options(synchronize_session=False)
    )
    if withdrawn.rowcount != 1:  # decided meanwhile (staff's tap won): say how
        await session.refresh(profile)
        raise MoveNotPending(state=profile.move_state, to=to)
    await delivery.cancel_stale(session, matter=move_matter(user.id or 0))
    audit.record(
        session,
        actor_id=user.id,
        action="member_move_withdrawn",
        subject_type="member",
        subject_id=user.id,
        detail=f"{profile.community_id}->{to.id}",
    )
    await session.commit()
    await session.refresh(profile)
    return profile, to


async def sent_move_cards(
    session: AsyncSession, *, member_id: int, asked_at: datetime | None
) -> list[Delivery]:
    """The staff cards of a member's request to change community (the one asked at
    `asked_at`: not the cards of an earlier one) that went out, still with 同意转入 / 不同意,
    once it was withdrawn: each is given `moved_matter`, so it is redrawn once (the caller
    queues the redraws and commits)."""
    of_this = [col(Delivery.created_at) >= asked_at] if asked_at is not None else []
    rows = list(
        (
            await session.exec(
                select(Delivery).where(
                    Delivery.matter == move_matter(member_id),
                    Delivery.state == DeliveryState.SENT,
                    col(Delivery.edit_message_id).is_(None),
                    *of_this,
                )
            )
        ).all()
    )
    for row in rows:
        row.matter = moved_matter(member_id)
        session.add(row)
    await session.flush()
    return [row for row in rows if row.message_id_list]


def moved_matter(member_id: int) -> str:
    """The key a staff card of a change of community is kept under once it was redrawn as
    settled (`sent_move_cards`): a later request's cards are not it."""
    return f"member:{member_id}:move-settled"


async def _drop_old_offers(session: AsyncSession, *, member_id: int, community_id: int) -> int:
    """A member moved away: the offers of their old community's orders not sent to them yet
    (held for the night) are cancelled, in the caller's transaction; they could not claim them
    any more. News of the claims they hold there (their own matters) still goes."""
    result = await session.exec(  # type: ignore[call-overload]
        update(Delivery)
        .where(
            col(Delivery.chat_id) == member_id,
            col(Delivery.community_id) == community_id,
            col(Delivery.matter).like("order:%:open"),
            delivery.not_yet_sent(),
        )
        .values(state=DeliveryState.CANCELLED, error="moved to another community")
        .execution_options(synchronize_session=False)
    )
    return int(result.rowcount or 0)
