"""Live run status in the browser, cheaply: ONE poller per app process.

Members' pages subscribe their client token with its websocket's id when they
load (`private_page` puts `LiveState.subscribe(route)` before the page's own
on_load, so a page's snapshot is read after its tab listens). A full page load
opens a new websocket, so a tab that signed out (or left for a public page) no
longer matches its subscription and is dropped. The process-wide `LiveHub` keeps
user id → tokens, runs jobagent_core's `LivePoller` (one indexed SELECT per tick,
none while nobody is connected) and pushes each change only to the tokens of the
run's owner, with `app.modify_state`:

- `LiveState` shows a toast when a run the person was waiting for ends;
- the state registered for the page the token shows (`live_page`) gets the
  changed rows, plus — once per user and tick, whatever the number of their
  tabs — what its `live_refresh` reloads (the dashboard: counts and chart when a
  run started or ended).

Tokens whose websocket is gone or replaced are dropped every tick, and again
just before delivering. The poller starts with the first subscription (no
lifespan hook needed) and sleeps while nobody listens.
"""

from __future__ import annotations

import asyncio
import contextvars
import inspect
import logging
from collections.abc import Awaitable, Callable, Iterable
from typing import Any, Final

import reflex as rx
from reflex.event import Event, EventSpec
from reflex_base.event.context import EventContext

from jobagent_core.live.subscribers import Subscribers, Subscription, by_user
from jobagent_core.services import RunKind, RunStatus
from jobagent_core.services.dashboard import RunRow
from jobagent_core.services.live import LivePoller, RunChange, RunChangeReader, run_change_reader
from jobagent_ui import routes
from jobagent_ui.state.auth import current_member

log = logging.getLogger(__name__)

PUSH_TIMEOUT_S: Final = 5.0
# Said of a run still pending WORKER_HINT_AFTER_S after a page showed it (pages
# time this themselves; it costs no database reads).
NO_WORKER_YET: Final = (
    "No worker has picked this up yet. Check that the Job Agent worker is running "
    "(jobagent worker); the run starts as soon as it is."
)
# Pages that follow a profiling run themselves: no toast for it there.
_PROFILING_PAGES: Final = frozenset({routes.ONBOARDING, routes.PROFILE})


_PAGE_TARGETS: dict[str, type[rx.State]] = {}


def live_page(route: str) -> Callable[[type[rx.State]], type[rx.State]]:
    """Class decorator: the hub hands run changes to this state while a tab shows
    `route` (a route constant, e.g. routes.MATCH_DETAIL for "/matches/[match_id]").

    The state provides `apply_live(changes, refreshed)` (plain or async, called
    under the tab's state lock) and may provide `live_refresh(user_id, changes)`: a blocking
    classmethod, run on a worker thread once per user and tick, whose result is
    `refreshed` (None without it).
    """

    def register(cls: type[rx.State]) -> type[rx.State]:
        _PAGE_TARGETS[route] = cls
        return cls

    return register


def finished_toast(run: RunRow) -> EventSpec:
    """The toast for a run that ended."""
    if run.kind == RunKind.LETTER:
        if run.status == RunStatus.COMPLETED:
            return rx.toast.success("Your new cover letter is ready.")
        if run.status == RunStatus.FAILED:
            reason = f" {run.error_message}" if run.error_message else ""
            return rx.toast.error(f"The new cover letter could not be written.{reason}")
        return rx.toast.info("Writing a new cover letter was cancelled.")
    if run.kind == RunKind.POSTING:
        if run.status == RunStatus.COMPLETED:
            return rx.toast.success("The posting you added is scored, with its letter and CV.")
        if run.status == RunStatus.FAILED:
            reason = f" {run.error_message}" if run.error_message else ""
            return rx.toast.error(f"The posting could not be added.{reason}")
        return rx.toast.info("Adding the posting was cancelled.")
    if run.kind == RunKind.PROFILING:
        name = "Building your profile"
    else:
        name = f"The search “{run.title}”" if run.title else "A job search"
    if run.status == RunStatus.COMPLETED:
        if run.kind == RunKind.PROFILING:
            return rx.toast.success("Your profile is ready.")
        matches = "1 match" if run.matched == 1 else f"{run.matched} matches"
        return rx.toast.success(f"{name} finished: {matches}.")
    if run.status == RunStatus.FAILED:
        reason = f" {run.error_message}" if run.error_message else ""
        return rx.toast.error(f"{name} failed.{reason}")
    return rx.toast.info(f"{name} was cancelled.")


Push = Callable[[Subscription, list[RunChange], Any], Awaitable[None]]


class LiveHub:
    """The process's poller, its subscribers, and the push to their browsers."""

    def __init__(
        self,
        *,
        reader: RunChangeReader | None = None,
        subscribers: Subscribers | None = None,
        push: Push | None = None,
    ) -> None:
        self._reader = reader
        self._poller: LivePoller | None = None
        self.subscribers = subscribers or Subscribers()
        self._push = push or self._push_to_browser
        self._app: Any = None
        self._task: asyncio.Task[None] | None = None

    @property
    def reader(self) -> RunChangeReader:
        if self._reader is None:  # made on first use: importing needs no settings
            self._reader = run_change_reader()
        return self._reader

    @property
    def poller(self) -> LivePoller:
        if self._poller is None:
            self._poller = LivePoller(self.reader)
        return self._poller

    # ------------------------------------------------------------------ subscriptions

    def subscribe(
        self,
        token: str,
        user_id: str,
        page: str,
        connection: str = "",
        shown: Iterable[RunRow] = (),
    ) -> None:
        """`token` (on websocket `connection`) shows `page` to `user_id`; `shown` are
        runs it displays (their end is recognised even if the poller never saw them
        running)."""
        self.subscribers.subscribe(token, user_id, page, connection)
        self.reader.expect(shown)
        self._ensure_running()
        self.poller.wake()

    def unsubscribe(self, token: str) -> None:
        self.subscribers.unsubscribe(token)

    def nudge(self) -> None:
        """A run was just started: poll at the fast pace from now on."""
        self.poller.wake()

    # ------------------------------------------------------------------ delivering

    async def deliver(self, changes: list[RunChange]) -> None:
        """Hand each user's changes to that user's tokens only."""
        self._prune()  # a tab may have signed out while the rows were read
        pushes = []
        for user_id, own in by_user(changes).items():
            subscriptions = self.subscribers.of_user(user_id)
            if not subscriptions:
                continue
            refreshed = await self._refresh(user_id, own, {s.page for s in subscriptions})
            pushes += [self._push(s, own, refreshed.get(s.page)) for s in subscriptions]
        results = await asyncio.gather(*pushes, return_exceptions=True)
        for result in results:
            if isinstance(result, BaseException):
                log.warning("pushing run changes failed", exc_info=result)

    async def _refresh(
        self, user_id: str, changes: list[RunChange], pages: set[str]
    ) -> dict[str, Any]:
        refreshed: dict[str, Any] = {}
        for page in pages:
            refresh = getattr(_PAGE_TARGETS.get(page), "live_refresh", None)
            if refresh is None:
                continue
            try:
                refreshed[page] = await asyncio.to_thread(refresh, user_id, changes)
            except Exception:
                log.warning("refreshing %s for a live update failed", page, exc_info=True)
        return refreshed

    async def _push_to_browser(
        self, subscription: Subscription, changes: list[RunChange], refreshed: Any
    ) -> None:
        token = rx.BaseStateToken(ident=subscription.token, cls=LiveState)
        async with asyncio.timeout(PUSH_TIMEOUT_S), self._app.modify_state(token) as root:
            live = await root.get_state(LiveState)
            await live.receive(subscription, changes, refreshed)

    # ------------------------------------------------------------------ running

    def _ensure_running(self) -> None:
        if self._task is not None and not self._task.done():
            return
        if self._app is None:
            from reflex.utils.prerequisites import get_and_validate_app

            self._app = get_and_validate_app().app
        # A fresh context: the loop must not inherit the subscribing event's context.
        self._task = asyncio.get_running_loop().create_task(
            self.poller.run(self._listeners, self.deliver),
            name="jobagent-live-poller",
            context=contextvars.Context(),
        )

    def _listeners(self) -> set[str]:
        """Users with a connected client, after dropping stale subscriptions."""
        self._prune()
        return self.subscribers.users()

    def _prune(self) -> None:
        namespace = getattr(self._app, "event_namespace", None)
        if namespace is None:
            return  # not serving (tests drive the hub directly)
        gone = self.subscribers.prune(namespace.token_to_sid)
        if gone:
            log.debug("dropped %d stale live subscriptions", len(gone))


hub: Final = LiveHub()


class LiveState(rx.State):
    """Subscribes this tab to live run changes, and receives them."""

    @rx.event
    async def subscribe(self, page: str) -> None:
        """on_load of every member's page: follow this user's runs in this tab,
        which shows `page` (a route constant, the key pages register under)."""
        user = await current_member(self)
        token = self.router.session.client_token
        if user is None or not token:
            return
        hub.subscribe(token, user.id, page, self.router.session.session_id)

    async def receive(
        self, subscription: Subscription, changes: list[RunChange], refreshed: Any
    ) -> None:
        """Called by the hub under this tab's state lock."""
        toasts = [
            finished_toast(c.run)
            for c in changes
            if c.finished
            and not (c.run.kind == RunKind.PROFILING and subscription.page in _PROFILING_PAGES)
        ]
        target = _PAGE_TARGETS.get(subscription.page)
        if target is not None:
            state: Any = await self.get_state(target)
            applied = state.apply_live(changes, refreshed)
            if inspect.isawaitable(applied):
                await applied
        if toasts:
            await EventContext.get().emit_event(*Event.from_event_type(toasts))
