"""Staff correct where a request is (📍 改地点): a building of its community, read wrong from the
resident's words, her home, or moved there by a 补充信息 that was wrong — or a public area of
the community, at no building (a road, a square, outside a gate: '小区东门外马路上有个大坑'),
in a grid staff choose or in none, with their words for where (services.places). Like a move by
补充信息 (services.requests._move), the place is not a state of the matter: the ledger records
a move_place row with the actor (services.requests.record_move, for both)."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import update
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from models import Building, Grid, Role, User
from models.orders import OPEN_ORDERS, Order, OrderStatus, Request, RequestStatus
from models.scheduling import Delivery, DeliveryState
from services import delivery, validation
from services.errors import Conflict
from services.order_common import (
    Notice,
    OrderTitle,
    abort,
    commit_with,
    followers,
    get_request,
    is_staff_for,
    matter_of,
    refuse,
    require_staff,
)
from services.orders import matching_members, offers_to
from services.places import PUBLIC_AREA_MAX, Place, grid_label, named, place_key, spot
from services.requests import record_move

# A matter not finished: waiting for staff, or being worked on (not once done, closed, merged,
# declined or withdrawn: its place is history then).
PLACE_EDITABLE = frozenset(
    {
        RequestStatus.NEW,
        RequestStatus.REOPENED,
        RequestStatus.ORDERED,
        RequestStatus.HANDLING,
        RequestStatus.TRANSFERRED,
    }
)
_OFFER_KEYS = ("order-notice-offer", "order-notice-offer-again")


@dataclass
class PlaceChange:
    """A request after staff chose its place, and the notices that causes (`changed` False
    when it already was there: nothing recorded, nobody told). `place`: where it is now, at
    most its building; `grid`: who follows it (its grid's name, or its community's when it is
    in none); `still_theirs`: whether the staff member who moved it still acts for it (a grid
    worker who moved it out of their grid does not)."""

    request: Request
    changed: bool
    place: str = ""
    grid: str = "-"
    notices: list[Notice] = field(default_factory=list)
    queued: bool = False
    still_theirs: bool = True

    @property
    def pending(self) -> list[Notice]:
        """The notices not queued yet."""
        return [] if self.queued else self.notices


async def place_choices(
    session: AsyncSession, *, user: User, roles: Collection[Role], request_id: int
) -> tuple[Request, list[Building]]:
    """The request and the buildings of its community it can be moved to, for staff of it."""
    req = await get_request(session, request_id)
    await require_staff(session, user=user, roles=roles, request=req, action="place_choices")
    if req.status not in PLACE_EDITABLE:
        raise Conflict("order-err-changed")
    rows = await session.exec(
        select(Building)
        .where(col(Building.community_id) == req.community_id)
        .order_by(col(Building.grid_id), col(Building.id))
    )
    return req, list(rows.all())


async def grid_choices(
    session: AsyncSession, *, user: User, roles: Collection[Role], request_id: int
) -> tuple[Request, list[Grid]]:
    """The request and the grids of its community that may follow it in a public area, for
    staff of it."""
    req = await get_request(session, request_id)
    await require_staff(session, user=user, roles=roles, request=req, action="place_choices")
    if req.status not in PLACE_EDITABLE:
        raise Conflict("order-err-changed")
    rows = await session.exec(
        select(Grid).where(col(Grid.community_id) == req.community_id).order_by(col(Grid.id))
    )
    return req, list(rows.all())


async def move_place(
    session: AsyncSession,
    *,
    user: User,
    roles: Collection[Role],
    request_id: int,
    building_id: int,
    now: datetime,
) -> PlaceChange:
    """Staff of the request's community/grid (or an admin) move it to a building of its
    community: the building's grid with it; the room only when it is the resident's home (her
    room is of her building). The new grid's staff get the card, the old grid's are told it
    left them, staff who keep it are told of the new place, the resident is told where it is.

    An order issued for it follows (its grid) while nobody has claimed it; claimed, moving is
    refused (order-err-place-claimed): a member is on the way to the old place. A tap by anyone
    else, or naming another community's building, is refused and logged; a finished matter
    gets Conflict."""
    req = await get_request(session, request_id)
    await require_staff(session, user=user, roles=roles, request=req, action="move_place")
    building = await session.get(Building, building_id)
    if building is None or building.community_id != req.community_id:
        await refuse(
            session, user=user, action="move_place_foreign", subject="request", sid=req.id
        )
    assert building is not None and req.id is not None
    if req.status not in PLACE_EDITABLE:
        raise Conflict("order-err-changed")
    grid = await session.get(Grid, building.grid_id)
    grid_name = named(grid) if grid is not None else Place(("-",))
    if building.id == req.building_id:
        return PlaceChange(
            request=req, changed=False, place=spot(req, building.name), grid=grid_name
        )
    resident = await session.get(User, req.resident_id) if req.resident_id else None
    home = resident is not None and resident.building_id == building.id
    return await _relocate(
        session,
        req,
        user=user,
        roles=roles,
        building=building,
        grid_id=building.grid_id,
        grid_name=grid_name,
        public=None,
        room=resident.room if home and resident is not None else None,
        now=now,
    )


async def move_to_public_area(
    session: AsyncSession,
    *,
    user: User,
    roles: Collection[Role],
    request_id: int,
    grid_id: int | None,
    where: str | None,
    now: datetime,
) -> PlaceChange:
    """Staff of the request (or an admin) place it in a public area of its community — at no
    building, so with no room — followed by the grid chosen (`grid_id`, of its community) or,
    None, by the whole community's staff; `where`: their words for the place ('东门外马路',
    at most PUBLIC_AREA_MAX characters; None or blank for none). Who is told, and how an order
    issued for it follows, as for a building (`move_place`). A grid of another community is
    refused and logged; a finished matter gets Conflict."""
    req = await get_request(session, request_id)
    await require_staff(session, user=user, roles=roles, request=req, action="move_place")
    grid = await session.get(Grid, grid_id) if grid_id is not None else None
    if grid_id is not None and (grid is None or grid.community_id != req.community_id):
        await refuse(
            session, user=user, action="move_place_foreign", subject="request", sid=req.id
        )
    if req.status not in PLACE_EDITABLE:
        raise Conflict("order-err-changed")
    words = (
        validation.short_label(where, max_len=PUBLIC_AREA_MAX) if where and where.strip() else ""
    )
    grid_name = await grid_label(session, community_id=req.community_id, grid_id=grid_id)
    if req.public_area == words and req.grid_id == grid_id:
        return PlaceChange(request=req, changed=False, place=spot(req, None), grid=grid_name)
    return await _relocate(
        session,
        req,
        user=user,
        roles=roles,
        building=None,
        grid_id=grid_id,
        grid_name=grid_name,
        public=words,
        room=None,
        now=now,
    )


async def _relocate(
    session: AsyncSession,
    req: Request,
    *,
    user: User,
    roles: Collection[Role],
    building: Building | None,
    grid_id: int | None,
    grid_name: Place,
    public: str | None,
    room: str | None,
    now: datetime,
) -> PlaceChange:
    """Move the request to `building` (in `grid_id`, named `grid_name`) or, with `public` (its
    words), to a public area of its community in `grid_id` (None: no grid); `room`: the
    resident's, when it is her home. Its open orders follow (refused once claimed), the ledger
    and everyone concerned are told. Committed."""
    assert req.id is not None
    orders = list(
        (
            await session.exec(
                select(Order).where(
                    col(Order.request_id) == req.id, col(Order.status).in_(OPEN_ORDERS)
                )
            )
        ).all()
    )
    for order in orders:
        if order.status != OrderStatus.OPEN or order.claimed_count > 0:
            raise Conflict("order-err-place-claimed", order=order.number)
    before_building = await session.get(Building, req.building_id) if req.building_id else None
    before = spot(req, before_building.name if before_building else None)
    old_grid_id, old_status = req.grid_id, req.status
    building_id = building.id if building is not None else None
    # only as it was read: a colleague's move, an order issued or a 补充信息 at the same moment
    # wins, and this tap is told the matter changed
    result = await session.exec(
        update(Request)
        .where(col(Request.id) == req.id)
        .where(col(Request.status) == old_status)
        .where(col(Request.building_id).is_not_distinct_from(req.building_id))
        .where(col(Request.grid_id).is_not_distinct_from(req.grid_id))
        .where(col(Request.public_area).is_not_distinct_from(req.public_area))
        .values(
            building_id=building_id,
            grid_id=grid_id,
            room=room,
            public_area=public,
            updated_at=now,
        )
    )  # type: ignore[call-overload]
    if result.rowcount != 1:
        await abort(session)
        raise Conflict("order-err-changed")
    req.building_id, req.grid_id, req.room, req.public_area, req.updated_at = (
        building_id,
        grid_id,
        room,
        public,
        now,
    )
    place: Place = spot(req, building.name if building is not None else None)
    notices: list[Notice] = []
    for order in orders:
        notices += await _order_follows(session, order, grid_id=grid_id, place=place, now=now)
    staff = await record_move(
        session,
        req,
        actor_id=user.id,
        before=before,
        place=place,
        grid=grid_name,
        old_grid_id=old_grid_id,
        old_building_id=before_building.id if before_building else None,
        now=now,
        keys=("order-notice-place-moved", "order-notice-place-moved-away"),
    )
    notices += [n for n in staff if n.chat_id != user.id]  # who moved it has it open
    notices += [
        Notice(
            chat_id=resident_id,
            key="order-notice-place-changed",
            args={"number": f"{own_id:05d}", "place": place, "grid": grid_name},
            kind="resident-request",
            ref_id=own_id,
            community_id=req.community_id,
            dedupe_key=f"request-{req.id}-placed-{place_key(req)}-{resident_id}",
        )
        for resident_id, own_id in await followers(session, request=req)
    ]
    queued = await commit_with(session, notices)
    return PlaceChange(
        request=req,
        changed=True,
        place=place,
        grid=grid_name,
        notices=notices,
        queued=queued,
        still_theirs=await is_staff_for(session, user=user, roles=roles, obj=req),
    )


async def _order_follows(
    session: AsyncSession, order: Order, *, grid_id: int | None, place: str, now: datetime
) -> list[Notice]:
    """An open order nobody claimed goes with its request to the new grid (one offered to the
    whole community stays so): offers not sent yet are dropped, the members of the new grid
    who fit and were not offered it yet get the offer, and those of the old grid who had it
    read that it moved out of their area. A claim landing at the same moment wins, and the
    move is refused."""
    to = None if order.grid_id is None else grid_id
    result = await session.exec(
        update(Order)
        .where(col(Order.id) == order.id)
        .where(col(Order.status) == OrderStatus.OPEN)
        .where(col(Order.claimed_count) == 0)
        .where(col(Order.grid_id).is_not_distinct_from(order.grid_id))
        .values(grid_id=to, updated_at=now)
    )  # type: ignore[call-overload]
    if result.rowcount != 1:
        await abort(session)
        raise Conflict("order-err-place-claimed", order=order.number)
    order.grid_id, order.updated_at = to, now
    matter = matter_of(order, OrderStatus.OPEN)
    sent = (
        await session.exec(
            select(Delivery.id, Delivery.chat_id, Delivery.message_ids).where(
                col(Delivery.matter) == matter,
                col(Delivery.kind).in_(_OFFER_KEYS),
                col(Delivery.state).in_([DeliveryState.SENT, DeliveryState.SENDING]),
            )
        )
    ).all()
    await delivery.cancel_stale(session, matter=matter, kinds=_OFFER_KEYS)
    fit = {m.user_id for m in await matching_members(session, order=order, now=now)}
    offered = {chat for _id, chat, _ids in sent}
    notices = await offers_to(
        session, order, key="order-notice-offer", chat_ids=fit - offered, now=now
    )
    # an offer on the screen of a member whose area it left reads so, without its ✋ 接单
    # (tapped, it would be refused as another grid's)
    gone = [(row_id, chat, ids) for row_id, chat, ids in sent if chat not in fit and ids]
    if gone:
        await session.exec(  # type: ignore[call-overload]
            update(Delivery)
            .where(col(Delivery.id).in_([row_id for row_id, _chat, _ids in gone]))
            .values(matter=f"order:{order.id}:offer-moved")
            .execution_options(synchronize_session=False)
        )
        args = {"number": order.number, "title": OrderTitle(order), "place": place}
        notices += [
            Notice(
                chat_id=chat,
                key="order-notice-offer-moved",
                args=args,
                kind="member-offer-moved",
                ref_id=order.id,
                urgent=True,  # an edit wakes nobody
                community_id=order.community_id,
                edit_message_id=int(ids.split(",")[0]),
            )
            for _id, chat, ids in gone
        ]
    return notices
