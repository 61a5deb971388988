"""`/applications`: the matches by application stage, with a count per stage
(read by `jobagent_core.services.matches.load_board`)."""

from __future__ import annotations

import asyncio
import dataclasses
import logging
from collections.abc import AsyncIterator
from typing import Final

import reflex as rx
from reflex.event import EventSpec

from jobagent_core.services.matches import STAGE_LABELS, STAGE_ORDER, MatchCard, load_board
from jobagent_core.tracking.errors import InvalidCursor
from jobagent_ui.state.auth import current_member

log = logging.getLogger(__name__)

LOAD_FAILED: Final = "Your applications could not be loaded just now. Please try again in a moment."


@dataclasses.dataclass
class StageTab:
    stage: str = ""
    label: str = ""
    count: int = 0


class ApplicationsState(rx.State):
    loading: bool = True
    load_error: str = ""
    list_loading: bool = False
    stage: str = "applied"
    tabs: list[StageTab] = []
    cards: list[MatchCard] = []
    has_more: bool = False
    _cursor: str | None = None

    @rx.var
    def stage_label(self) -> str:
        return STAGE_LABELS.get(self.stage, self.stage)

    @rx.var
    def total(self) -> int:
        return sum(tab.count for tab in self.tabs)

    @rx.event
    async def open_page(self) -> AsyncIterator[EventSpec | None]:
        wanted = self.router.url.query_parameters.get("stage")
        self.loading, self.load_error, self.cards = True, "", []
        yield None
        await self._load(str(wanted) if wanted else None, None)

    async def _load(self, stage: str | None, cursor: str | None) -> None:
        user = await current_member(self)
        if user is None:
            return
        try:
            shown, board = await asyncio.to_thread(load_board, user.id, stage, cursor)
        except InvalidCursor:
            shown, board = await asyncio.to_thread(load_board, user.id, stage, None)
        except Exception:
            log.exception("loading applications failed")
            self.load_error = LOAD_FAILED
            return
        finally:
            self.loading = self.list_loading = False
        self.load_error = ""
        self.stage = shown
        self.tabs = [StageTab(s, STAGE_LABELS[s], board.counts.get(s, 0)) for s in STAGE_ORDER]
        self.cards = [*self.cards, *board.cards] if cursor else board.cards
        self._cursor = board.next_cursor
        self.has_more = board.next_cursor is not None

    @rx.event
    async def show_stage(self, stage: str) -> AsyncIterator[EventSpec | None]:
        if stage not in STAGE_ORDER:
            return
        self.stage, self.list_loading, self.cards = stage, True, []
        yield None
        await self._load(stage, None)

    @rx.event
    async def load_more(self) -> AsyncIterator[EventSpec | None]:
        if not self.has_more:
            return
        self.list_loading = True
        yield None
        await self._load(self.stage, self._cursor)
