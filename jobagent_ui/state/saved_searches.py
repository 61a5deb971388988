"""Saved searches in the web app: the dashboard's list (run now, pause, resume,
delete) and the search page's "Repeat this search" section.

Every handler resolves the signed-in member first and calls
`jobagent_core.services.saved_searches` on a worker thread; the service scopes
everything to that member.
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import logging
from collections.abc import AsyncIterator, Callable
from typing import Any, Final

import reflex as rx
from pydantic import ValidationError
from reflex.event import EventSpec

from jobagent_core.services import saved_searches as service
from jobagent_core.services.saved_searches import SavedSearchView
from jobagent_ui.state.auth import SIGN_IN_AGAIN, current_member

log = logging.getLogger(__name__)

LOAD_FAILED: Final = "Your saved searches could not be loaded just now."
ACTION_FAILED: Final = "That did not work just now. Please try again in a moment."
REPEAT_CHOICES: Final = (
    ("off", "Off"),
    ("daily", "Every day"),
    ("weekdays", "Weekdays (Monday to Friday)"),
    ("weekly", "Once a week"),
)
WEEKDAY_CHOICES: Final = tuple((str(n), name) for n, name in enumerate(service.WEEKDAY_NAMES))
# The browser's IANA zone, read once when the search page opens.
BROWSER_ZONE_SCRIPT: Final = "Intl.DateTimeFormat().resolvedOptions().timeZone"


@dataclasses.dataclass
class SavedItem:
    """A saved search as the dashboard shows it (display values only)."""

    id: str = ""
    name: str = ""  # "Data Engineer in Berlin"
    schedule_text: str = ""
    next_run_text: str = ""
    last_result: str = ""
    last_failed: bool = False
    paused: bool = False


def saved_item(view: SavedSearchView) -> SavedItem:
    where = f" in {view.location}" if view.location else ""
    return SavedItem(
        id=view.id,
        name=f"{view.title}{where}",
        schedule_text=view.schedule_text,
        next_run_text=view.next_run_text,
        last_result=view.last_result,
        last_failed=view.last_result.startswith(("Failed", "Not started")),
        paused=view.paused,
    )


class SavedSearchesState(rx.State):
    items: list[SavedItem] = []
    load_error: str = ""
    busy_id: str = ""  # the saved search an action is under way for

    # The search page's "Repeat this search" section.
    repeat: str = "off"
    repeat_time: str = "08:00"
    repeat_weekday: str = "0"
    time_zone: str = "UTC"
    saving: bool = False

    # -------------------------------------------------------------- the list

    @rx.event
    async def load(self) -> None:
        """on_load of the dashboard."""
        user = await current_member(self)
        if user is None:
            return
        await self.reload(user.id)

    async def reload(self, user_id: str) -> None:
        """Read the list again (also when one of its runs starts or ends)."""
        try:
            views = await asyncio.to_thread(service.list_saved, user_id)
        except Exception:
            log.exception("loading saved searches failed")
            self.load_error = LOAD_FAILED
            return
        self.load_error = ""
        self.items = [saved_item(view) for view in views]

    async def _act(
        self, saved_id: str, action: Callable[[str, str], Any], done: str
    ) -> AsyncIterator[EventSpec | None]:
        user = await current_member(self)
        if user is None:
            yield rx.toast.error(SIGN_IN_AGAIN)
            return
        self.busy_id = saved_id
        yield None
        try:
            result = await asyncio.to_thread(action, user.id, saved_id)
        except (service.SavedSearchNotFound, service.AccessDenied, service.SourceSpecError) as err:
            yield rx.toast.error(str(err))
            return
        except Exception:
            log.exception("a saved-search action failed")
            yield rx.toast.error(ACTION_FAILED)
            return
        finally:
            self.busy_id = ""
        await self.reload(user.id)
        if getattr(result, "queue_refused", False):
            yield rx.toast.error(
                "The task queue is not reachable, so the search could not start. Check that "
                "the worker is running, then try again."
            )
        else:
            yield rx.toast.success(done)

    @rx.event
    async def run_now(self, saved_id: str) -> AsyncIterator[EventSpec | None]:
        async for event in self._act(saved_id, service.run_saved_now, "Search started."):
            yield event

    @rx.event
    async def pause(self, saved_id: str) -> AsyncIterator[EventSpec | None]:
        async for event in self._act(saved_id, service.pause_saved, "Paused."):
            yield event

    @rx.event
    async def resume(self, saved_id: str) -> AsyncIterator[EventSpec | None]:
        async for event in self._act(saved_id, service.resume_saved, "Resumed."):
            yield event

    @rx.event
    async def delete(self, saved_id: str) -> AsyncIterator[EventSpec | None]:
        async for event in self._act(saved_id, service.delete_saved, "Saved search deleted."):
            yield event

    # -------------------------------------------------------------- saving

    @rx.event
    def read_browser_zone(self) -> EventSpec:
        """on_load of the search page: default the zone to the browser's."""
        return rx.call_script(BROWSER_ZONE_SCRIPT, callback=SavedSearchesState.set_browser_zone)

    @rx.event
    def set_browser_zone(self, zone: Any) -> None:
        if self.time_zone != "UTC" or not isinstance(zone, str):
            return  # the person chose one already, or the browser said nothing useful
        # An old browser's legacy name is refused: UTC stays, and the field shows it.
        with contextlib.suppress(service.ScheduleError):
            self.time_zone = service.check_time_zone(zone).key

    @rx.event
    def set_repeat(self, value: str) -> None:
        self.repeat = value if value in dict(REPEAT_CHOICES) else "off"

    @rx.event
    def set_repeat_time(self, value: str) -> None:
        self.repeat_time = value[:5]

    @rx.event
    def set_repeat_weekday(self, value: str) -> None:
        self.repeat_weekday = value if value in dict(WEEKDAY_CHOICES) else "0"

    @rx.event
    def set_time_zone(self, value: str) -> None:
        self.time_zone = value[:64]

    @rx.event
    async def save(self) -> AsyncIterator[EventSpec | None]:
        """Save the search being set up on the search page with this schedule."""
        from jobagent_ui.state.search import SearchState

        if self.repeat == "off":
            yield rx.toast.error("Choose how often to repeat this search first.")
            return
        search = await self.get_state(SearchState)
        if not search.title.strip():
            yield rx.toast.error("Write a job title to search for, or pick one of yours.")
            return
        user = await current_member(self)
        if user is None:
            yield rx.toast.error(SIGN_IN_AGAIN)
            return
        body = {
            "title": search.title,
            # The search page's own reading of its form: saved exactly as it would start.
            **search._options(),
            "schedule": self.repeat,
            "time_of_day": self.repeat_time,
            "weekday": int(self.repeat_weekday) if self.repeat == "weekly" else None,
            "time_zone": self.time_zone,
        }
        self.saving = True
        yield None
        try:
            request = service.SavedSearchRequest.model_validate(body)
            view = await asyncio.to_thread(service.save_search, user.id, request)
        except ValidationError as err:
            yield rx.toast.error(_schedule_message(err))
            return
        except (service.SourceSpecError, service.TooManySavedSearches) as err:
            yield rx.toast.error(str(err))
            return
        except Exception:
            log.exception("saving a search failed")
            yield rx.toast.error(ACTION_FAILED)
            return
        finally:
            self.saving = False
        yield rx.toast.success(f"Saved: {view.schedule_text}. Next run {view.next_run_text}.")


def _schedule_message(err: ValidationError) -> str:
    first = err.errors()[0]
    message = str(first["msg"]).removeprefix("Value error, ")
    where = " › ".join(str(p) for p in first["loc"] if not isinstance(p, int))
    return f"{where.replace('_', ' ').capitalize()}: {message}" if where else message
