"""Shared pieces of the order cycle: notices, state moves with ledger rows, permission checks,
the category catalogue and the single call into triage."""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable, Collection, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta
from typing import Any

from sqlalchemy import update
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from models import Building, MemberProfile, MemberStatus, Role, User
from models.base import utcnow
from models.orders import (
    Claim,
    IllegalTransition,
    LedgerEvent,
    Order,
    Request,
    transition,
)
from services import audit, delivery
from services.errors import Conflict, MovedAway, NotFound, PermissionDenied
from services.places import grid_label, spot
from services.users import can_act_in, require_scope


@dataclass(frozen=True)
class Notice:
    """A message for someone other than the actor; rendered in the recipient's language.

    `kind` tells the handler layer which buttons go with it (e.g. a claim button on an offer).
    """

    chat_id: int
    key: str
    args: dict[str, Any] = field(default_factory=dict)
    kind: str = "order"
    ref_id: int | None = None
    photos: tuple[str, ...] = ()
    urgent: bool = False
    dedupe_key: str | None = None
    community_id: int | None = None
    # what the notice asks its reader to act on, in its present state (see `matter_of`): not
    # sent once that state is left, e.g. an offer held for the night of an order since claimed
    matter: str | None = None
    # the recipient's row when the service has it at hand (saves the outbox a lookup)
    recipient: User | None = field(default=None, compare=False, repr=False)
    # the quiet hours of `community_id` (start, end, enabled) when the service read them along
    # with something else (saves the outbox a lookup)
    quiet_hours: tuple[time, time, bool] | None = field(default=None, compare=False, repr=False)
    # redraw this message of the chat instead of sending one (a photo's caption when `photos`
    # is set: see services.delivery.enqueue)
    edit_message_id: int | None = None
    # with `edit_message_id`: (the outbox row of the message as it was sent — an offer of an
    # order —, its text as read when the redraw was worked out); the row's text is kept as the
    # message now reads. The redraw is queued only if the text is still the one read and is
    # not the new one (a compare-and-set, in the outbox's transaction): two changes redrawing
    # it at once do not both edit it (Telegram would refuse the second as 'message is not
    # modified'), and one worked out before another change was queued does not take it back
    remembered: tuple[int, str] | None = None


NoticeSink = Callable[[Sequence[Notice]], Awaitable[object]]
"""Queues notices in the outbox inside the caller's transaction (see services.order_notices)."""

OUTBOX = "linli.outbox"
"""Key in `session.info` of the session's NoticeSink, when its owner gave it one."""

REQUEST_CARDS = "linli.request-cards"
"""Key in `session.info` of what redraws the staff cards of the requests an action changed
(services.request_cards.watch), when the session's owner set it up."""

ORDER_CARDS = "linli.order-cards"
"""Key in `session.info` of what redraws, in the action's own commit, the members' cards and
offers of the orders of the requests it changed (services.order_redraws.watch_job: a
scheduled job's session; an update's are redrawn once its handler is done instead)."""


CLOCK = "linli.clock"
"""Key in `session.info` of the clock its owner (an update's middleware, a scheduled job) reads
the time by: the injected one, so redraws worked out after an action (a member's 可接工单 list
saying they paused orders) read it at the time the action did (`clock_now`)."""


def use_clock(session: AsyncSession, clock: Callable[[], datetime]) -> None:
    """The session's owner reads the time by `clock` (see `CLOCK`)."""
    session.info[CLOCK] = clock


def clock_now(session: AsyncSession) -> datetime:
    """The time by the session owner's clock (`use_clock`); the real time when none was set."""
    clock: Callable[[], datetime] | None = session.info.get(CLOCK)
    return clock() if clock is not None else utcnow()


def use_outbox(session: AsyncSession, sink: NoticeSink | None) -> None:
    """Give the session an outbox: actions then commit their notices with their change."""
    if sink is None:
        session.info.pop(OUTBOX, None)
    else:
        session.info[OUTBOX] = sink


async def commit_with(session: AsyncSession, notices: Sequence[Notice]) -> bool:
    """Commit the action; with the session's outbox, its notices in the same commit.

    Returns True when the notices were queued (else the caller queues them itself).
    """
    sink: NoticeSink | None = session.info.get(OUTBOX)
    for key in (ORDER_CARDS, REQUEST_CARDS):
        redraws: Callable[[], Awaitable[list[Notice]]] | None = session.info.get(key)
        if sink is not None and redraws is not None:
            # the staff cards of the requests the action changed (services.request_cards),
            # and in a job the members' cards and offers of their orders (order_redraws)
            notices = [*await redraws(), *notices]
    if sink is not None and notices:
        await sink(notices)
    await session.commit()
    return sink is not None


# ---------------------------------------------------------------- catalogue and triage


@dataclass(frozen=True)
class CategoryInfo:
    """What the order cycle needs of a category."""

    code: str
    names: dict[str, str]
    deadline_hours: int
    skills: tuple[str, ...]

    def name(self, lang: str = "zh-Hans") -> str:
        """The name in a language (Simplified Chinese when missing)."""
        return self.names.get(lang) or self.names.get("zh-Hans") or self.code


def title_in(title: str, code: str, lang: str) -> str:
    """An order's title in a language: its category's name in that language when the title is
    the category's name (what an order is called when staff type no title, kept in Chinese); a
    title staff typed, as typed."""
    cat = category(code)
    return cat.name(lang) if title == cat.name() else title


class OrderTitle(str):
    """An order's title as a notice's placeable. As a plain string it is the stored title;
    rendered for someone (services.order_notices.render) it is `title_in` their language."""

    category: str

    def __new__(cls, order: Order) -> OrderTitle:
        made = super().__new__(cls, order.title)
        made.category = order.category
        return made

    def read_in(self, lang: str) -> str:
        """The title as a reader of `lang` reads it (see `title_in`)."""
        return title_in(self, self.category, lang)


_catalogue: tuple[CategoryInfo, ...] | None = None


def use_catalogue(categories: Iterable[Any]) -> None:
    """Use a deployment's catalogue (set at start-up and after an admin edits it)."""
    global _catalogue
    _catalogue = tuple(
        CategoryInfo(
            code=c.code, names=dict(c.names), deadline_hours=c.deadline_hours, skills=c.skills
        )
        for c in categories
    )


def catalogue() -> tuple[CategoryInfo, ...]:
    """The categories: the deployment's when one was set, else the default catalogue."""
    if _catalogue is None:
        from services.triage.catalogue import load_catalogue

        use_catalogue(load_catalogue())
    assert _catalogue is not None
    return _catalogue


def category(code: str) -> CategoryInfo:
    """The category with this code, or the catch-all 'other'."""
    cats = catalogue()
    for cat in cats:
        if cat.code == code:
            return cat
    return next(c for c in cats if c.code == "other")


def is_category(code: str) -> bool:
    """True if the code is in the catalogue."""
    return any(c.code == code for c in catalogue())


# An urgent matter (a burst pipe, someone trapped) is not given the category's day or three:
# its order, or staff handling it themselves, has at most this long.
URGENT_DEADLINE_HOURS = 4
URGENT_HOUR_CHOICES = (2, 4, 12)
HOUR_CHOICES = (12, 24, 72)


def deadline_hours(req: Request, code: str | None = None) -> int:
    """How long the matter has by default: its category's time limit, shortened when urgent."""
    hours = category(code or req.category).deadline_hours
    return min(hours, URGENT_DEADLINE_HOURS) if req.urgent else hours


def hour_choices(req: Request) -> tuple[int, ...]:
    """The time limits staff are offered to pick from when issuing an order for this matter."""
    return URGENT_HOUR_CHOICES if req.urgent else HOUR_CHOICES


@dataclass(frozen=True)
class Suggestion:
    """What triage thinks of a request's text."""

    category: str
    confidence: float | None
    candidates: tuple[str, ...]
    unsure: bool
    urgent: bool
    urgent_reasons: tuple[str, ...]
    keywords: tuple[str, ...]


# Until the triage model answers, a few words mark a request urgent (the model replaces this).
_URGENT_WORDS = (
    "燃气",
    "煤气",
    "着火",
    "起火",
    "火灾",
    "摔倒",
    "晕倒",
    "漏水",
    "水淹",
    "独居",
    "救命",
)


def suggest(triage: Any, text: str) -> Suggestion:
    """Ask triage for category, urgency and keywords: the only call into the triage service.

    No text (a voice note alone): nothing to go on, so 'other' with no confidence and no
    keywords; the resident (or staff) pick the category.
    """
    if not text.strip():
        return Suggestion(
            category="other",
            confidence=None,
            candidates=(),
            unsure=True,
            urgent=False,
            urgent_reasons=(),
            keywords=(),
        )
    if triage is not None:
        result = triage.analyze(text)
        return Suggestion(
            category=str(result.category),
            confidence=getattr(result, "confidence", None),
            candidates=tuple(getattr(result, "candidates", ()) or ()),
            unsure=bool(getattr(result, "unsure", False)),
            urgent=bool(getattr(result, "urgent", False)),
            urgent_reasons=tuple(getattr(result, "urgent_reasons", ()) or ()),
            keywords=tuple(getattr(result, "keywords", ()) or ()),
        )
    reasons = tuple(w for w in _URGENT_WORDS if w in text)
    return Suggestion(
        category="other",
        confidence=None,
        candidates=(),
        unsure=True,
        urgent=bool(reasons),
        urgent_reasons=reasons,
        keywords=(),
    )


def _candidate_fields(c: Any) -> tuple[str, float]:
    if isinstance(c, tuple):
        return str(c[0]), float(c[1]) if len(c) > 1 else 0.0
    return str(getattr(c, "code", c)), float(getattr(c, "score", 0.0))


def candidate_codes(s: Suggestion) -> list[str]:
    """Category codes to offer the resident, best first, suggested one included."""
    codes = [s.category]
    for c in s.candidates:
        code, _ = _candidate_fields(c)
        if code not in codes and is_category(code):
            codes.append(code)
    return codes


# What earlier versions stored as the text of a request left as a voice note only: the
# placeholder in the resident's language. Such requests now keep an empty text, and the reader's
# language says "voice note" when it is shown; these stored sentences are read as "no text".
LEGACY_VOICE_ONLY = (
    "（居民留了语音，请收听附件）",
    "(the resident left a voice note, please listen to the attachment)",
)


# A request left as a voice note only whose resident then deleted their personal data: the
# recording went with it (services.requests.forget_requests), and this marker is its text, so
# every reader is told the voice note was deleted instead of being sent to listen to it. Its
# control characters keep it apart from anything a person typed (clean_text drops those).
VOICE_REMOVED = "\x02voice-removed\x03"


def voice_removed(text: str | None) -> bool:
    """True for a voice-only request whose voice note was deleted with the resident's data."""
    return (text or "").strip() == VOICE_REMOVED


def voice_placeholder_key(text: str | None) -> str:
    """The text key read instead of a request without written words: a voice note, or the note
    that it was deleted with the resident's data."""
    return "order-voice-removed" if voice_removed(text) else "order-voice-only"


def written_text(text: str | None) -> str:
    """What the resident wrote: '' for a voice note alone (also as stored by earlier versions,
    and once the voice note was deleted with the resident's data).

    Earlier versions kept the placeholder as the text and put added information after it;
    the placeholder is left out of what such a request says.
    """
    text = (text or "").strip()
    if text == VOICE_REMOVED:
        return ""
    if not text.startswith(LEGACY_VOICE_ONLY):
        return text  # the common case, asked of up to 200 open matters on every filing
    for placeholder in LEGACY_VOICE_ONLY:
        if text.startswith(placeholder):
            text = text[len(placeholder) :].strip()
    return text


_PHONE_RE = re.compile(r"(?<!\d)(?:\+?86[- ]?)?1[3-9]\d[- ]?\d{4}[- ]?\d{4}(?!\d)")
_ID_RE = re.compile(r"(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])|(?<!\d)\d{15}(?!\d)")
_LANDLINE_RE = re.compile(r"(?<!\d)0\d{2,3}-?\d{7,8}(?!\d)")


def phones_in(text: str | None) -> list[str]:
    """The mobile numbers typed in free text ('我电话13900000003，下午在家' → ['13900000003']),
    as digits without +86, each once, in the order said."""
    found: list[str] = []
    for match in _PHONE_RE.finditer(text or ""):
        digits = re.sub(r"\D", "", match.group(0))[-11:]
        if digits not in found:
            found.append(digits)
    return found


def mask(text: str) -> str:
    """Phone and ID numbers typed in free text, masked for public posts (triage's when present)."""
    try:
        from services import triage

        masker = getattr(triage, "mask_pii", None)
    except ImportError:
        masker = None
    if masker is not None:
        return str(masker(text))
    text = _ID_RE.sub(
        lambda m: m.group(0)[:4] + "*" * (len(m.group(0)) - 6) + m.group(0)[-2:], text
    )
    text = _PHONE_RE.sub(lambda m: m.group(0)[:3] + "****" + m.group(0)[-4:], text)
    return _LANDLINE_RE.sub(lambda m: m.group(0)[:4] + "****" + m.group(0)[-2:], text)


def gist(text: str | None, *, max_len: int = 40) -> str:
    """The start of what the resident wrote, on one line, masked, for a member's offer: enough to
    tell a blocked drain from a broken lamp before opening the details ('' for a voice note)."""
    words = " ".join(written_text(text).split())
    if not words:
        return ""
    words = mask(words)
    return words if len(words) <= max_len else words[: max_len - 1].rstrip() + "…"


def scrub_names(text: str, names: Iterable[str | None]) -> str:
    """The text with each of these names (a person's who deleted their data) starred out:
    names of two characters or more, a Latin one as a whole word in any case."""
    for name in sorted({n.strip() for n in names if n and len(n.strip()) >= 2}, key=len)[::-1]:
        if name.isascii():
            pattern = re.compile(rf"(?<![A-Za-z0-9_]){re.escape(name)}(?![A-Za-z0-9_])", re.I)
            text = pattern.sub(lambda m: "*" * len(m.group(0)), text)
        else:
            text = text.replace(name, "*" * len(name))
    return text


def person_names(user: User | None, profile: MemberProfile | None = None) -> list[str]:
    """The names someone is known by in the bot: Telegram's (also first and last run together,
    either way round), their username and a member sign-up's real name."""
    if user is None:
        return []
    names = [n for n in (user.first_name, user.last_name, user.username) if n]
    if user.first_name and user.last_name:
        names += [f"{user.first_name} {user.last_name}", f"{user.last_name}{user.first_name}"]
        names.append(f"{user.first_name}{user.last_name}")
    if profile is not None and profile.real_name and profile.real_name != "-":
        names.append(profile.real_name)
    return names


_ROOM_DIGITS = re.compile(r"\d{3,}")


@dataclass(frozen=True)
class Personal:
    """What the bot knows of a resident, to keep out of what others may read of their matter
    (a public result card) or to star out of its ledger once they deleted their data: the names
    they are known by, their rooms and their phone numbers."""

    names: tuple[str, ...] = ()
    rooms: tuple[str, ...] = ()
    phones: tuple[str, ...] = ()

    @classmethod
    def of(
        cls,
        *,
        names: Iterable[str | None] = (),
        rooms: Iterable[str | None] = (),
        phones: Iterable[str | None] = (),
    ) -> Personal:
        """The known parts, blanks left out."""

        def kept(values: Iterable[str | None]) -> tuple[str, ...]:
            return tuple(dict.fromkeys(v.strip() for v in values if v and v.strip()))

        return cls(names=kept(names), rooms=kept(rooms), phones=kept(phones))

    def __add__(self, other: Personal) -> Personal:
        return Personal.of(
            names=[*self.names, *other.names],
            rooms=[*self.rooms, *other.rooms],
            phones=[*self.phones, *other.phones],
        )

    def scrub(self, text: str) -> str:
        """The text with phone and ID numbers masked (`mask`) and this person's names, rooms
        and phone numbers starred out wherever they are written: '给302修好了' (no building
        before the room for `mask` to see), '周阿姨不在家', a number typed with spaces."""
        if not text:
            return text
        # a room first, as it was given ('2单元301' whole, before `mask` stars its number)
        for room in sorted(self._room_forms(), key=len, reverse=True):
            pattern = rf"(?<![0-9A-Za-z]){re.escape(room)}(?![0-9A-Za-z])"
            text = re.sub(pattern, lambda m: "*" * len(m.group(0)), text)
        text = scrub_names(mask(text), self.names)
        for digits in self._phone_digits():  # what `mask` did not take for a phone number
            pattern = r"(?<!\d)" + r"[-\s]?".join(digits) + r"(?!\d)"
            text = re.sub(pattern, lambda m: "*" * len(m.group(0)), text)
        return text

    def _room_forms(self) -> set[str]:
        """A room as written (3 characters or more: '302', '2单元301', '三楼东户'), and its
        number alone ('301' of '2单元301'); a shorter one would star out any '12'."""
        forms: set[str] = set()
        for room in self.rooms:
            if len(room) >= 3:
                forms.add(room)
            forms.update(_ROOM_DIGITS.findall(room))
        return forms

    def _phone_digits(self) -> set[str]:
        """Each phone number's digits, and a landline's own number without its area code
        ('12345678' of '021-12345678'); at least 7 digits."""
        found: set[str] = set()
        for phone in self.phones:
            digits = re.sub(r"\D", "", phone)
            if len(digits) >= 7:
                found.add(digits)
            local = re.fullmatch(r"0\d{2,3}-(\d{7,8})", phone)
            if local:
                found.add(local.group(1))
        return found


# ---------------------------------------------------------------- moves and the ledger


def matter_of(obj: Request | Order | Claim, state: str | None = None) -> str:
    """The key of a request/order/claim in a state ("order:12:open"; its present one by
    default), as notices asking to act on it carry it: `move` cancels the unsent ones when it
    leaves it. A member's own reminders about an order name their claim ("claim:7:active"), so
    on a shared order they outlive the others claiming or giving theirs back."""
    machine = {Request: "request", Order: "order", Claim: "claim"}[type(obj)]
    return f"{machine}:{obj.id}:{state if state is not None else obj.status}"


_MODELS: dict[str, type[Request] | type[Order] | type[Claim]] = {
    "request": Request,
    "order": Order,
    "claim": Claim,
}


async def move(
    session: AsyncSession,
    obj: Request | Order | Claim,
    *,
    to: str,
    actor_id: int | None,
    action: str,
    now: datetime,
    note: str = "",
    request_id: int | None = None,
    values: dict[str, Any] | None = None,
    conflict_key: str = "order-err-changed",
    unchanged: Sequence[Any] = (),
) -> LedgerEvent:
    """Move a request/order/claim to a new state if nobody moved it first; adds the ledger row.

    A conditional UPDATE (… WHERE status = old) makes two simultaneous taps safe on SQLite and
    PostgreSQL: the second finds nothing to update and gets Conflict. The caller commits.
    `unchanged`: more conditions of the same UPDATE (what else the caller read must still hold,
    e.g. the request's place an order copies), under the same guard.
    """
    machine = {Request: "request", Order: "order", Claim: "claim"}[type(obj)]
    model = _MODELS[machine]
    old = obj.status
    try:
        event = transition(
            machine,
            request_id=request_id if request_id is not None else int(obj.id or 0),
            subject_id=int(obj.id or 0),
            old=old,
            new=to,
            actor_id=actor_id,
            action=action,
            at=now,
            note=note,
        )
    except IllegalTransition:
        raise Conflict(conflict_key) from None
    extra = dict(values or {})
    if machine != "claim":
        extra["updated_at"] = now
    result = await session.exec(
        update(model)
        .where(col(model.id) == obj.id)
        .where(col(model.status) == old)
        .where(*unchanged)
        .values(status=to, **extra)
    )  # type: ignore[call-overload]
    if result.rowcount != 1:
        await abort(session)
        raise Conflict(conflict_key)
    obj.status = to
    for key, value in extra.items():
        setattr(obj, key, value)
    session.add(event)
    if to != old:
        # what asked someone to act on it as it was (an offer, a card, a rating, a member's
        # deadline reminder about their claim) is not sent
        await delivery.cancel_stale(session, matter=matter_of(obj, old))
    return event


async def abort(session: AsyncSession) -> None:
    """Undo this transaction's writes before raising Conflict.

    A rollback expires every loaded object (the caller's user too), so it is only done when this
    transaction has changed something; a conditional UPDATE that matched nothing changed nothing.
    """
    if session.new or session.dirty or session.deleted:
        await session.rollback()


def note_event(
    session: AsyncSession,
    *,
    request_id: int,
    subject: str,
    subject_id: int,
    action: str,
    actor_id: int | None,
    now: datetime,
    state: str | None,
    note: str = "",
) -> LedgerEvent:
    """A ledger row for something that does not change state (info added, category changed)."""
    event = LedgerEvent(
        request_id=request_id,
        subject=subject,
        subject_id=subject_id,
        action=action,
        from_state=state,
        to_state=state,
        actor_id=actor_id,
        at=now,
        note=note[:4000],
    )
    session.add(event)
    return event


MOVE_ACTION = "move_place"
_MOVE_ARROW = " → "


def note_move(
    session: AsyncSession,
    req: Request,
    *,
    actor_id: int | None,
    before: str,
    place: str,
    now: datetime,
    from_building_id: int | None,
    from_grid_id: int | None,
) -> LedgerEvent:
    """The ledger row of a request moved to another building — by staff (📍 改地点,
    services.staff_place) or by its resident's 补充信息 (services.requests): not a change of
    state. The note reads "1号楼 → 5号楼" for people; where it was is kept by id too
    (`from_building_id`, `from_grid_id`: `_moved_from_grids` reads them, and a building or grid
    renamed since changes nothing)."""
    assert req.id is not None
    event = note_event(
        session,
        request_id=req.id,
        subject="request",
        subject_id=req.id,
        action=MOVE_ACTION,
        actor_id=actor_id,
        now=now,
        state=req.status,
        note=f"{before}{_MOVE_ARROW}{place}",
    )
    event.from_building_id, event.from_grid_id = from_building_id, from_grid_id
    return event


async def _moved_from_grids(
    session: AsyncSession, req: Request
) -> dict[int, tuple[int | None, str]]:
    """The grids a request was moved out of, each with the building it left there last (as
    its move rows recorded them, by id) and where the row's note says it left (read for a
    public area, which has no id: staff's words for it, no name a rename could change)."""
    rows = await session.exec(
        select(LedgerEvent.from_grid_id, LedgerEvent.from_building_id, LedgerEvent.note)
        .where(
            col(LedgerEvent.request_id) == req.id,
            col(LedgerEvent.action) == MOVE_ACTION,
            col(LedgerEvent.from_grid_id).is_not(None),
        )
        .order_by(col(LedgerEvent.id))
    )
    left = {
        int(grid): (building, note.split(_MOVE_ARROW)[0] if _MOVE_ARROW in note else "-")
        for grid, building, note in rows.all()
        if grid is not None
    }
    if req.grid_id is not None:
        left.pop(req.grid_id, None)
    return left


# ---------------------------------------------------------------- permissions


async def refuse(
    session: AsyncSession, *, user: User, action: str, subject: str, sid: object
) -> None:
    """Log a refused action (forged button, foreign object) and raise PermissionDenied."""
    audit.record(
        session,
        actor_id=user.id,
        action="refused",
        subject_type=subject,
        subject_id=sid,
        detail=action,
    )
    await session.commit()
    raise PermissionDenied("err-not-allowed")


async def require_staff(
    session: AsyncSession,
    *,
    user: User,
    roles: Collection[Role],
    request: Request | Order,
    action: str,
) -> None:
    """Staff of the request's community (and grid, when scoped: `matter_grid`; a request in
    no grid, and its orders, only the whole community's), or an admin. Grid staff whose grid
    the request (or the order's) was moved out of since are told where it is now (MovedAway:
    a card drawn before the move, not a forged tap; nothing logged); anyone else is refused
    and logged."""
    if not await is_staff_for(session, user=user, roles=roles, obj=request):
        await _refuse_moved_away(session, user=user, roles=roles, obj=request)
    await require_scope(
        session,
        user=user,
        roles=roles,
        community_id=request.community_id,
        grid_id=await matter_grid(session, request),
        action=action,
        matter=True,
    )


async def _refuse_moved_away(
    session: AsyncSession, *, user: User, roles: Collection[Role], obj: Request | Order
) -> None:
    """Raise MovedAway if the user acts for a grid the request was moved out of."""
    req = obj if isinstance(obj, Request) else await session.get(Request, obj.request_id)
    if req is None or req.id is None:
        return
    for grid_id, (left, said) in sorted((await _moved_from_grids(session, req)).items()):
        if await can_act_in(
            session, user=user, roles=roles, community_id=req.community_id, grid_id=grid_id
        ):
            building = await session.get(Building, req.building_id) if req.building_id else None
            before = await session.get(Building, left) if left is not None else None
            # the names as they read now (a building renamed since reads so); a public area
            # in the reader's words, the whole community's by its community's name
            raise MovedAway(
                "order-err-moved-away",
                request_id=req.id,
                number=req.number,
                place=spot(req, building.name if building else None),
                grid=await grid_label(session, community_id=req.community_id, grid_id=req.grid_id),
                before=before.name if before else said,
            )


async def is_staff_for(
    session: AsyncSession, *, user: User, roles: Collection[Role], obj: Request | Order
) -> bool:
    """True if the user may act as staff on this request/order (by `matter_grid`)."""
    return await can_act_in(
        session,
        user=user,
        roles=roles,
        community_id=obj.community_id,
        grid_id=await matter_grid(session, obj),
        matter=True,
    )


async def matter_grid(session: AsyncSession, obj: Request | Order) -> int | None:
    """The grid whose staff handle a request or an order: the request's (an order offered to
    the whole community is still its request's grid's to verify, reassign or cancel; an order
    of a request in no grid is the whole community's staff's)."""
    if isinstance(obj, Request):
        return obj.grid_id
    req = await session.get(Request, obj.request_id)
    return req.grid_id if req is not None else obj.grid_id


async def approved_member(
    session: AsyncSession, *, user: User, roles: Collection[Role]
) -> MemberProfile | None:
    """The user's approved member profile, or None."""
    if Role.MEMBER not in roles:
        return None
    profile = await session.get(MemberProfile, user.id)
    if profile is None or profile.status != MemberStatus.APPROVED:
        return None
    return profile


async def get_request(session: AsyncSession, request_id: int) -> Request:
    """The request, or NotFound."""
    req = await session.get(Request, request_id)
    if req is None:
        raise NotFound("order-err-not-found")
    return req


async def get_order(session: AsyncSession, order_id: int) -> Order:
    """The order, or NotFound."""
    order = await session.get(Order, order_id)
    if order is None:
        raise NotFound("order-err-not-found")
    return order


async def followers(session: AsyncSession, *, request: Request) -> list[tuple[int, int]]:
    """(resident, their request) pairs following a request: its own first, then merged ones."""
    pairs: list[tuple[int, int]] = []
    if request.resident_id:
        pairs.append((request.resident_id, int(request.id or 0)))
    merged = await session.exec(
        select(Request.resident_id, Request.id).where(col(Request.merged_into_id) == request.id)
    )
    for resident_id, request_id in merged.all():
        if resident_id and resident_id not in {p[0] for p in pairs}:
            pairs.append((resident_id, int(request_id or 0)))
    return pairs


async def staff_ids(session: AsyncSession, *, community_id: int, grid_id: int | None) -> list[int]:
    """Ids of staff to tell about a request in this grid (`matter_grid`; in none: the whole
    community's staff only, as only they may act on it)."""
    from services.users import staff_of

    staff = await staff_of(session, community_id=community_id, grid_id=grid_id, matter=True)
    return [u.id for u in staff]


# ---------------------------------------------------------------- scheduled work

# staff's office hours (local): a reminder computed as so many days (or a day) from now that
# falls outside them comes at OFFICE_REMINDER on that day instead, not at 23:33 to be held by
# quiet hours; urgent ones keep their time
OFFICE_OPENS = time(8, 30)
OFFICE_CLOSES = time(18, 0)
OFFICE_REMINDER = time(9, 0)


def in_office_hours(due_at: datetime, *, not_before: datetime | None = None) -> datetime:
    """When a staff reminder due at `due_at` comes: then, within office hours (08:30–18:00
    local); else at 09:00 local that day, or the day after when that is before `not_before`
    (a reminder that says a day has passed). Weekends are days like any other."""
    zone = delivery.local_zone()
    local = due_at.astimezone(zone)
    if OFFICE_OPENS <= local.time() <= OFFICE_CLOSES:
        return due_at
    at = datetime.combine(local.date(), OFFICE_REMINDER, tzinfo=zone)
    if not_before is not None and at < not_before:
        at = datetime.combine(local.date() + timedelta(days=1), OFFICE_REMINDER, tzinfo=zone)
    return at.astimezone(due_at.tzinfo)


async def schedule(
    session: AsyncSession,
    *,
    kind: str,
    due_at: datetime,
    payload: dict[str, Any],
    key: str,
    replace: bool = True,
) -> None:
    """Put a timed follow-up in the scheduler (services/order_jobs.py runs it)."""
    from services import jobs

    await jobs.schedule_job(
        session, kind=kind, due_at=due_at, payload=payload, key=key, replace=replace
    )


async def unschedule(session: AsyncSession, *, key: str) -> None:
    """Cancel pending timed follow-ups with this key."""
    from services import jobs

    await jobs.cancel_jobs(session, key=key)
