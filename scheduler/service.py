"""The scheduler as one long-lived resource: leader election, APScheduler as the clock, the sender.

Due work lives in our tables; APScheduler only ticks (`tick()` every `tick_seconds`), and the
sender drains the outbox in its own task. Both run only in the elected leader. Tests skip all of
that and call `run_due(now=...)`, `drain()` and `show_progress()` directly with their own clock.
"""

from __future__ import annotations

import asyncio
import contextlib
import html
import logging
from collections.abc import Awaitable, Callable, Sequence
from datetime import datetime
from typing import Any

from aiogram import Bot
from aiogram.exceptions import TelegramAPIError, TelegramBadRequest
from apscheduler.schedulers.asyncio import AsyncIOScheduler
from sqlalchemy.ext.asyncio import AsyncEngine, async_sessionmaker
from sqlmodel.ext.asyncio.session import AsyncSession

from models.base import utcnow
from models.org import Community, shown_name
from models.scheduling import Broadcast
from models.users import User
from scheduler.kinds import load_job_kinds
from scheduler.leader import Leadership
from scheduler.limits import RateLimiter
from scheduler.runner import JobRunner, RunReport
from scheduler.sender import DirectReplyCounter, Sender, worker_name
from services import broadcast as broadcasts
from services import live_cards, meeting_cards, member_cards, polls, public_notices
from services import staff as staff_service
from services.consult_common import Notifier
from services.delivery import Claimed, enqueue, set_local_zone
from services.jobs import Texts
from services.meeting_messages import meeting_to_redraw, redraw_once_sent
from services.members import review_to_redraw
from services.order_common import Notice
from services.order_notices import deliver
from services.orders import (
    offer_carded_to_redraw,
    offer_to_redraw,
    rating_to_redraw,
    redraw_carded_offer_once_sent,
    redraw_offer_once_sent,
    redraw_rating_once_sent,
    redraw_verify_once_sent,
    verify_to_redraw,
)

log = logging.getLogger(__name__)

# a follow-up redrawing a notice sent after its matter moved on (services.orders)
OnceSent = Callable[..., Awaitable[int]]

# a poll's staff cards count its announcements going out, and a meeting's its residents' answers,
# at most once a second (the last state still drawn): see SchedulerService.ask_card_round
REACH_REDRAW_EVERY_S = 1.0


class SchedulerService:
    """Runs due work and the sender while this process leads."""

    def __init__(
        self,
        *,
        settings: Any,
        engine: AsyncEngine,
        sessionmaker: async_sessionmaker[AsyncSession],
        bot: Bot,
        texts: Texts,
        clock: Callable[[], datetime] = utcnow,
        tick_seconds: float = 1.0,
        leader_retry_seconds: float = 2.0,
        max_in_flight: int = 8,
        per_second: float = 30.0,
        poll_seconds: float = 0.5,
        own_resources: bool = False,
        reach_every: float = REACH_REDRAW_EVERY_S,
    ) -> None:
        self.settings = settings
        self.engine = engine
        self.sessionmaker = sessionmaker
        self.bot = bot
        self.texts = texts
        self.clock = clock
        self.tick_seconds = tick_seconds
        self.leader_retry_seconds = leader_retry_seconds
        self.own_resources = own_resources
        self.worker = worker_name()
        set_local_zone(settings.zone)
        load_job_kinds()
        self.limiter = RateLimiter(per_second=per_second)
        self.runner = JobRunner(
            sessionmaker=sessionmaker,
            settings=settings,
            texts=texts,
            clock=clock,
            worker=self.worker,
            background=True,  # long kinds (retraining) must not hold up the tick
        )
        self.sender = Sender(
            bot=bot,
            sessionmaker=sessionmaker,
            limiter=self.limiter,
            clock=clock,
            worker=self.worker,
            max_in_flight=max_in_flight,
            idle_interval=poll_seconds,
            on_blocked=self._tell_staff_blocked,
            on_sent=self._after_sent,
            on_undelivered=self._after_undelivered,
        )
        self.runner.on_enqueued = self.sender.wake
        self.leadership = Leadership(engine)
        self.is_leader = False
        self._stop = asyncio.Event()
        self._task: asyncio.Task[None] | None = None
        self._last_progress: dict[int, float] = {}
        # one look at the broadcasts at a time in this process (the tick's and a direct call's)
        self._progress = asyncio.Lock()
        self._last_sweep = 0.0
        # the rounds redrawing a poll's staff cards as its announcements go, and a meeting's as
        # residents answer it (one task a thing, keyed by its cards' matter), whether one was
        # asked for meanwhile, and when each one's last one ended
        self.reach_every = reach_every
        self._reach_rounds: dict[str, asyncio.Task[None]] = {}
        self._reach_asked: set[str] = set()
        self._reach_last: dict[str, float] = {}
        self._ticking = asyncio.Lock()
        # `linli scheduler` (a process without updates) follows the catalogue admins edit with
        # /category through this (bot.catalogue_watch.CatalogueWatch; see scheduler.hook)
        self.catalogue: Any = None

    def use_staff_cards(
        self,
        draw_at: Callable[[datetime], Any] | None,
        orders_at: Callable[[datetime], Any] | None = None,
    ) -> None:
        """What draws a staff card of a request as of a job's time (services.request_cards.
        Drawer; the bot's wiring hands over the handlers' drawing), and one of an order
        (`orders_at`: services.staff_order_cards.Drawer): a job's change of a request redraws
        its staff cards and its orders' (scheduler.runner.JobRunner)."""
        self.runner.staff_cards = draw_at
        self.runner.staff_orders = orders_at

    # --- what tests call ------------------------------------------------------------------

    async def run_due(self, *, now: datetime | None = None) -> RunReport:
        """Run the scheduled work due at `now` (the injected clock by default).

        Background kinds (retraining) are only started: `wait_background()` waits for them.
        """
        return await self.runner.run_due(now=now)

    async def wait_background(self) -> None:
        """Wait for the background jobs (e.g. a retraining) running now to finish."""
        await self.runner.wait_background()

    async def drain(self, *, now: datetime | None = None) -> int:
        """Send every delivery due at `now`; returns how many were handled. The follow-ups
        they started are waited for too (a poll's staff cards counting its announcements, and
        the redraws those queue): once drain returns, the cards read what went."""
        total = await self.sender.drain(now=now)
        while self._reach_rounds:
            await asyncio.gather(*self._reach_rounds.values(), return_exceptions=True)
            total += await self.sender.drain(now=now)
        return total

    async def tick(self) -> None:
        """One beat of the clock: due work, then broadcast progress; leases now and then."""
        async with self._ticking:
            await self._tick()

    async def _tick(self) -> None:
        try:
            loop = asyncio.get_running_loop()
            if loop.time() - self._last_sweep > 30.0:
                # rows this process claimed long ago and never finished (a hung call, an
                # exception between claim and record) go back to the queue
                self._last_sweep = loop.time()
                await self.runner.recover(all_others=False)
                await self.sender.recover(all_others=False)
            if self.catalogue is not None and self.catalogue.sync.due(self.clock()):
                # a newer catalogue (category names and deadlines in the notices): one small
                # query every few seconds; a failure keeps the one in use
                await self.catalogue.refresh()
            await self.runner.run_due()
            await self.show_progress()
        except Exception:  # keep ticking; the next beat retries
            log.exception("scheduler: tick failed")

    def count_replies_of(self, bot: Bot) -> None:
        """Make the bot's direct replies count against the shared sending limits."""
        if not any(isinstance(m, DirectReplyCounter) for m in bot.session.middleware._middlewares):
            bot.session.middleware(DirectReplyCounter(self.limiter))

    # --- broadcast progress ---------------------------------------------------------------

    async def show_progress(self, *, force: bool = False) -> None:
        """Edit each running broadcast's "sent 320/690" line; send the report when done.

        One call at a time: another one's edit of a smaller number, still on its way, could
        otherwise land after this one's and leave the line reading less than was sent."""
        async with self._progress:
            await self._show_progress(force=force)

    async def _show_progress(self, *, force: bool) -> None:
        loop = asyncio.get_running_loop()
        async with self.sessionmaker() as session:
            running = await broadcasts.in_progress(session)
            for item in running:
                assert item.id is not None
                state = await broadcasts.report(session, broadcast_id=item.id)
                author = await session.get(User, item.author_id)
                lang = (author.language if author else None) or self.settings.default_language
                # an author no longer staff (or admin) where it went hears no more of it
                follows = await broadcasts.author_may_follow(
                    session, draft=item, admin_ids=self.settings.admin_ids
                )
                if state.complete:
                    # the progress line reads N/N before the report comes; should two
                    # processes get here, only the one that takes the turn edits it
                    if follows and await broadcasts.claim_shown(
                        session, broadcast_id=item.id, shown=state.finished
                    ):
                        await self._edit_progress(item, lang, state.finished, state.total)
                    if await broadcasts.mark_done(
                        session, broadcast_id=item.id, shown=state.finished, now=self.clock()
                    ):
                        # commits the DONE mark and the report together (a kill between
                        # them must not lose the report)
                        if follows:
                            await self._final_report(session, item.id, item.author_id, lang, state)
                        else:
                            await self._hand_over_report(session, item, author, state)
                    continue
                if not follows:
                    continue
                last = self._last_progress.get(item.id, 0.0)
                if state.finished == item.progress_shown or (
                    not force and loop.time() - last < 2.0
                ):
                    continue
                self._last_progress[item.id] = loop.time()
                if await broadcasts.claim_shown(
                    session, broadcast_id=item.id, shown=state.finished
                ):
                    await self._edit_progress(item, lang, state.finished, state.total)

    async def _edit_progress(self, item: Any, lang: str, done: int, total: int) -> None:
        if item.progress_chat_id is None or item.progress_message_id is None:
            return
        text = self.texts.get(lang, "broadcast-progress", sent=done, total=total)
        try:
            await self.limiter.acquire(item.progress_chat_id)
            await self.bot.edit_message_text(
                text=text, chat_id=item.progress_chat_id, message_id=item.progress_message_id
            )
        except TelegramBadRequest as exc:  # "message is not modified" and the like
            log.debug("progress edit refused: %s", exc.message)
        except TelegramAPIError:
            log.warning("progress edit failed", exc_info=True)

    def _report_text(
        self, lang: str, broadcast_id: int, state: broadcasts.BroadcastReport
    ) -> tuple[str, dict[str, Any] | None]:
        text = self.texts.get(
            lang,
            "broadcast-report",
            total=state.total,
            sent=state.sent,
            blocked=state.blocked,
            failed=state.failed,
        )
        markup = None
        if state.blocked or state.failed:
            label = self.texts.get(lang, "broadcast-show-unreached")
            data = broadcasts.UNREACHED_CALLBACK.format(id=broadcast_id)
            markup = {"inline_keyboard": [[{"text": label, "callback_data": data}]]}
        return text, markup

    async def _final_report(
        self,
        session: AsyncSession,
        broadcast_id: int,
        author_id: int,
        lang: str,
        state: broadcasts.BroadcastReport,
    ) -> None:
        text, markup = self._report_text(lang, broadcast_id, state)
        await enqueue(
            session,
            chat_id=author_id,
            text=text,
            reply_markup=markup,
            urgent=True,
            kind="broadcast-report",
            dedupe_key=f"bc-report:{broadcast_id}",
            now=self.clock(),
        )
        await session.commit()
        self.sender.wake()

    async def _hand_over_report(
        self,
        session: AsyncSession,
        item: Broadcast,
        author: User | None,
        state: broadcasts.BroadcastReport,
    ) -> None:
        """The author left (their staff or admin role there taken away) before their notice
        finished: its report goes to those who work there now (broadcasts.report_heirs), saying
        whose notice it was; the author gets none."""
        assert item.id is not None
        heirs = await broadcasts.report_heirs(
            session, draft=item, admin_ids=self.settings.admin_ids
        )
        community = await session.get(Community, item.community_id) if item.community_id else None
        # escaped (and, for someone who deleted their data, worded) by the text it goes in
        name = author.display_name if author else str(item.author_id)
        quoted = html.escape(broadcasts.excerpt(item))
        for chat_id, language in heirs:
            lang = language or self.settings.default_language
            where = (
                html.escape(shown_name(community, lang))
                if community is not None
                else self.texts.get(lang, "broadcast-scope-everyone")
            )
            text, markup = self._report_text(lang, item.id, state)
            intro = self.texts.get(
                lang, "broadcast-report-handed-over", author=name, community=where, notice=quoted
            )
            await enqueue(
                session,
                chat_id=chat_id,
                text=f"{intro}\n{text}",
                reply_markup=markup,
                urgent=True,
                kind="broadcast-report",
                dedupe_key=f"bc-report:{item.id}:{chat_id}",
                now=self.clock(),
            )
        log.info("broadcast %s: author left; report handed to %s", item.id, len(heirs))
        await session.commit()
        self.sender.wake()

    async def _after_sent(self, item: Claimed, matter: str) -> None:
        """A meeting's message that was on its way when the meeting changed has gone: it is
        redrawn as the meeting now is (services.meeting_messages.redraw_once_sent). So is a
        resident's rating notice that was on its way when its result was rated or the matter
        closed unrated (services.orders.redraw_rating_once_sent), and a staff review card of a
        sign-up decided meanwhile (services.member_cards.redraw_once_sent), and a member's
        offer of an order filled or cancelled meanwhile
        (services.orders.redraw_offer_once_sent), or whose card the member opened meanwhile
        (services.orders.redraw_carded_offer_once_sent), and a staff 请验收 copy of a result
        checked meanwhile (services.orders.redraw_verify_once_sent). A poll's announcement (held
        for the morning, or going now) has gone: the poll's staff cards count it
        (services.polls.redraw_cards)."""
        poll_id = polls.asked_in(matter)
        if poll_id is not None:
            await self._redraw_poll_reach(poll_id)
            return
        if rating_to_redraw(matter) is not None:
            await self._redraw_rating(item)
            return
        if review_to_redraw(matter) is not None:
            await self._redraw_review(item)
            return
        if offer_to_redraw(matter) is not None:
            await self._redraw_rating(item, redraw=redraw_offer_once_sent)
            return
        if offer_carded_to_redraw(matter) is not None:
            await self._redraw_rating(item, redraw=redraw_carded_offer_once_sent)
            return
        if verify_to_redraw(matter) is not None:
            await self._redraw_rating(item, redraw=redraw_verify_once_sent)
            return
        payload = public_notices.notice_to_redraw(matter)
        if payload is not None:  # a group's notice of a meeting or poll changed meanwhile
            async with self.sessionmaker() as session:
                if await public_notices.redraw_once_sent(
                    session, payload=payload, notifier=self._notifier()
                ):
                    self.sender.wake()
            return
        meeting_id = meeting_to_redraw(matter)
        if meeting_id is None:
            return
        notifier = self._notifier()
        async with self.sessionmaker() as session:
            redrawn = await redraw_once_sent(
                session,
                meeting_id=meeting_id,
                chat_id=item.chat_id,
                notifier=notifier,
                now=notifier.now or self.clock(),
            )
        if redrawn:
            self.sender.wake()

    async def _after_undelivered(self, item: Claimed, blocked: bool) -> None:
        """A message that will never go: a poll's announcement that failed for good, or whose
        reader blocked the bot, is counted on the poll's staff cards as not delivered
        (coalesced as those that went are: `ask_card_round`). A chat that blocked the bot has
        every message waiting for it marked so too: the open polls whose announcements to it
        were waiting are counted again as well."""
        poll_ids: set[int] = set()
        poll_id = polls.asked_in(item.matter or "")
        if poll_id is not None:
            poll_ids.add(poll_id)
        if blocked and item.chat_id > 0:
            async with self.sessionmaker() as session:
                poll_ids |= await polls.blocked_announcements(session, chat_id=item.chat_id)
        for pid in sorted(poll_ids):
            await self._redraw_poll_reach(pid)

    def _notifier(self) -> Notifier:
        """A notifier for a follow-up of the sender's, in the deployment's defaults."""
        return Notifier(
            texts=self.texts,
            zone=self.settings.zone,
            default_language=self.settings.default_language,
            now=self.clock(),
            admin_ids=frozenset(getattr(self.settings, "admin_ids", None) or ()),
        )

    async def _redraw_poll_reach(self, poll_id: int) -> None:
        """The poll's staff cards are to say whom its announcement reached, as it now stands
        (one went, or failed for good): a round of redrawing them is asked for
        (`ask_card_round`)."""
        self.ask_card_round(polls.card_matter(poll_id))

    def redraw_meeting_cards(self, meeting_id: int) -> None:
        """The meeting's staff cards are to count its answers as they now stand (a resident
        answered 去 / 不去, checked in): a round of redrawing them is asked for
        (`ask_card_round`), so that a hundred answers in a minute are a few edits, not a
        hundred."""
        self.ask_card_round(meeting_cards.card_matter(meeting_id))

    def ask_card_round(self, matter: str) -> None:
        """The staff cards remembered under `matter` (a poll's, a meeting's) are to be redrawn
        as their thing now stands.

        Their changes come together (a poll's announcements going out, one a resident,
        hundreds of them; residents answering a meeting's announcement), and redrawing the
        cards counts all of them. So one round of redrawing a thing's cards runs at a time in
        this process, in a task of its own (the chat's sending, the resident's answer, does
        not wait for it), and the rounds that count come `reach_every` seconds apart at least:
        a change meanwhile only asks for one more round, which reads the counts once its turn
        comes. The cards end counting the last one, live while they go, and hundreds of
        changes cost a few counts, not one each. With no card on a screen a round is one
        look, and is not paced. (Another process redrawing them at the same time is guarded by
        services.live_cards.redraw's compare-and-set.)"""
        if matter in self._reach_rounds:
            self._reach_asked.add(matter)  # the task under way runs one more round
            return
        task = asyncio.create_task(self._card_rounds(matter), name=f"linli-cards-{matter}")
        self._reach_rounds[matter] = task

    async def _redraw_round(self, session: AsyncSession, matter: str) -> int:
        """One round: the cards under `matter` redrawn, committed (how many were queued)."""
        poll_id = polls.card_of(matter)
        if poll_id is not None:
            return await polls.redraw_cards_of(session, poll_id=poll_id, notifier=self._notifier())
        meeting_id = meeting_cards.card_of(matter)
        if meeting_id is not None:
            return await meeting_cards.redraw_cards_of(
                session, meeting_id=meeting_id, notifier=self._notifier()
            )
        return 0

    async def _card_rounds(self, matter: str) -> None:
        """Rounds redrawing the cards under `matter` until none was asked for during the last
        one, each at least `reach_every` seconds after the one before."""
        loop = asyncio.get_running_loop()
        try:
            while True:
                last = self._reach_last.get(matter)
                if last is not None and loop.time() - last < self.reach_every:
                    await asyncio.sleep(last + self.reach_every - loop.time())
                self._reach_asked.discard(matter)
                try:
                    async with self.sessionmaker() as session:
                        # no card on a screen: nothing to count, and no need to pace
                        if await live_cards.remembered(session, matter=matter):
                            try:
                                if await self._redraw_round(session, matter):
                                    self.sender.wake()
                            finally:
                                self._reach_last[matter] = loop.time()
                except Exception:  # best effort, as the sender's follow-ups are
                    log.exception("scheduler: redrawing the staff cards %s failed", matter)
                if matter not in self._reach_asked:
                    # cards not redrawn for a while need no pacing
                    cutoff = loop.time() - self.reach_every
                    self._reach_last = {k: v for k, v in self._reach_last.items() if v > cutoff}
                    return
        finally:
            # at once, not in a done callback: an ask coming in between would be lost
            if self._reach_rounds.get(matter) is asyncio.current_task():
                del self._reach_rounds[matter]

    async def _stop_reach_redraws(self) -> None:
        """The rounds under way are stopped (no longer sending: leading lost, or stopping)."""
        rounds = list(self._reach_rounds.values())
        for task in rounds:
            task.cancel()
        await asyncio.gather(*rounds, return_exceptions=True)
        self._reach_asked.clear()

    async def _redraw_review(self, item: Claimed) -> None:
        """A review card on its way when its sign-up was decided has gone: it says how."""
        async with self.sessionmaker() as session:
            redrawn = await member_cards.redraw_once_sent(
                session,
                delivery_id=item.id,
                texts=self.texts,
                default_language=self.settings.default_language,
                zone=self.settings.zone,
                now=self.clock(),
            )
        if redrawn:
            self.sender.wake()

    async def _redraw_rating(
        self, item: Claimed, *, redraw: OnceSent = redraw_rating_once_sent
    ) -> None:
        """A rating notice on its way when its round ended has gone: it says how it ended (an
        offer on its way when its order stopped taking claims: how it stands, `redraw`)."""
        now = self.clock()
        async with self.sessionmaker() as session:

            async def outbox(notices: Sequence[Notice]) -> None:
                await deliver(
                    session,
                    notices,
                    texts=self.texts,
                    default_language=self.settings.default_language,
                    now=now,
                )

            redrawn = await redraw(session, delivery_id=item.id, outbox=outbox)
        if redrawn:
            self.sender.wake()

    async def _tell_staff_blocked(self, session: AsyncSession, item: Claimed) -> None:
        """A user blocked the bot while we had something for them that staff should know."""
        if item.kind in ("broadcast", "broadcast-report", "digest", "report", "staff-alert"):
            return  # the broadcast report lists them; staff mail needs no echo
        user = await session.get(User, item.chat_id)
        if user is None or user.community_id is None:
            return
        from services.users import staff_of

        day = self.clock().astimezone(self.settings.zone).date().isoformat()
        for staff in await staff_of(session, community_id=user.community_id, grid_id=user.grid_id):
            if staff.id == user.id:
                continue
            lang = staff.language or self.settings.default_language
            await enqueue(
                session,
                chat_id=staff.id,
                text=self.texts.get(lang, "scheduler-user-blocked", name=user.display_name),
                kind="staff-alert",
                community_id=user.community_id,
                dedupe_key=f"blocked:{user.id}:{staff.id}:{day}",
                now=self.clock(),
            )
        await session.commit()

    # --- leading --------------------------------------------------------------------------

    async def start(self) -> None:
        """Start competing for leadership; the leader ticks and sends."""
        if self._task is None:
            self._stop.clear()
            self._task = asyncio.create_task(self._supervise(), name="linli-scheduler")

    async def stop(self) -> None:
        """Stop ticking and sending, step down, release what this service owns."""
        self._stop.set()
        if self._task is not None:
            await asyncio.gather(self._task, return_exceptions=True)
            self._task = None
        await self._stop_reach_redraws()
        await self.runner.stop_background()
        await self.leadership.release()
        if self.own_resources:
            await self.bot.session.close()
            await self.engine.dispose()

    async def _supervise(self) -> None:
        while not self._stop.is_set():
            if await self.leadership.try_acquire():
                try:
                    await self._lead()
                except Exception:  # leading failed (database away): step down, try again
                    log.exception("scheduler: leading failed")
                finally:
                    self.is_leader = False
            if self._stop.is_set():
                return
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._stop.wait(), timeout=self.leader_retry_seconds)

    async def _lead(self) -> None:
        self.is_leader = True
        jobs = await self.runner.recover()
        sends = await self.sender.recover()
        from scheduler.generic_jobs import MONTHLY_RULE, WEEKLY_RULE, ensure_recurring
        from scheduler.kinds import on_leading
        from services.triage.jobs import RETRAIN_RULE, ensure_retraining_scheduled

        async with self.sessionmaker() as session:
            for ensure in on_leading():
                if ensure is ensure_recurring:
                    await ensure_recurring(
                        session,
                        now=self.clock(),
                        zone=self.settings.zone,
                        weekly_rule=getattr(self.settings, "weekly_digest_rule", None)
                        or WEEKLY_RULE,
                        monthly_rule=getattr(self.settings, "monthly_report_rule", None)
                        or MONTHLY_RULE,
                    )
                elif ensure is ensure_retraining_scheduled:
                    await ensure_retraining_scheduled(
                        session,
                        now=self.clock(),
                        zone=self.settings.zone,
                        rule=getattr(self.settings, "triage_retrain_rule", RETRAIN_RULE),
                    )
                else:
                    await ensure(session, now=self.clock(), zone=self.settings.zone)
            # a report still waiting for someone the settings no longer name as an admin
            await staff_service.cancel_former_admins_mail(
                session, admin_ids=self.settings.admin_ids
            )
        log.info("scheduler: leading (%s jobs and %s deliveries taken over)", jobs, sends)
        clock = AsyncIOScheduler(timezone=self.settings.zone)
        clock.add_job(
            self.tick,
            "interval",
            seconds=self.tick_seconds,
            id="linli-due-work",
            max_instances=1,
            coalesce=True,
            next_run_time=datetime.now(self.settings.zone),
        )
        clock.start()
        sender_stop = asyncio.Event()
        sending = asyncio.create_task(self.sender.run(sender_stop), name="linli-sender")
        try:
            while not self._stop.is_set():
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._stop.wait(), timeout=self.leader_retry_seconds)
                if not await self.leadership.still_held():
                    break
        finally:
            clock.shutdown(wait=False)
            sender_stop.set()
            await asyncio.gather(sending, return_exceptions=True)
            await self._stop_reach_redraws()
            async with self._ticking:  # a tick under way finishes before we go
                pass
            # no longer the leader: a background job still running is stopped, nothing of it
            # committed, and put back in the queue for whoever leads next (or us, restarted)
            await self.runner.stop_background()
