"""`/applications`: the matches by application stage, with a count per stage."""

from __future__ import annotations

import asyncio
import dataclasses
import logging
from typing import Final

import reflex as rx

from jobagent_core.db.engine import session_scope, ui_engine
from jobagent_core.tracking.errors import InvalidCursor
from jobagent_core.tracking.matches import MatchFilters, list_matches, stage_counts
from jobagent_ui.state.auth import current_user
from jobagent_ui.state.matches import STAGE_LABELS, MatchCard, match_card

log = logging.getLogger(__name__)

PAGE_SIZE: Final = 30
# The order of the board: the pipeline first, then the matches not acted on yet.
STAGE_ORDER: Final = (
    "saved",
    "applied",
    "interviewing",
    "offer",
    "rejected",
    "not_interested",
    "new",
)
LOAD_FAILED: Final = "Your applications could not be loaded just now. Please try again in a moment."


@dataclasses.dataclass
class StageTab:
    stage: str = ""
    label: str = ""
    count: int = 0


@dataclasses.dataclass(frozen=True)
class Board:
    counts: dict[str, int]
    cards: list[MatchCard]
    next_cursor: str | None


def load_board(user_id: str, stage: str | None, cursor: str | None) -> tuple[str, Board]:
    """(the stage shown, its first page of matches and every stage's count).
    Without `stage`: the first stage of the pipeline that has matches."""
    with session_scope(ui_engine()) as db:
        counts = stage_counts(db, user_id)
        if stage not in STAGE_ORDER:
            stage = next((s for s in STAGE_ORDER if counts.get(s)), "applied")
        filters = MatchFilters(stage=stage)
        page = list_matches(
            db, user_id, filters=filters, sort="date", cursor=cursor, page_size=PAGE_SIZE
        )
    return stage, Board(counts, [match_card(r) for r in page.rows], page.next_cursor)


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
    async def open_page(self):
        wanted = self.router.url.query_parameters.get("stage")
        self.loading, self.load_error, self.cards = True, "", []
        yield
        await self._load(str(wanted) if wanted else None, None)

    async def _load(self, stage: str | None, cursor: str | None) -> None:
        user = await current_user(self)
        if user is None or not user.has_access:
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
    async def show_stage(self, stage: str):
        if stage not in STAGE_ORDER:
            return
        self.stage, self.list_loading, self.cards = stage, True, []
        yield
        await self._load(stage, None)

    @rx.event
    async def load_more(self):
        if not self.has_more:
            return
        self.list_loading = True
        yield
        await self._load(self.stage, self._cursor)
