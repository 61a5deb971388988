"""`/applications`: the Kanban board of the person's applications (read by
`jobagent_core.services.matches.load_kanban`, moved by `move_card`).

A card moves by drag and drop or by its stage menu; both end in `move`, which
saves at once through the service (scoped to the signed-in person) and reloads
the board, so the card shows in its new column in the chosen order.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from typing import Final

import reflex as rx
from reflex.event import EventSpec

from jobagent_core.services.matches import (
    BOARD_STAGES,
    BoardColumn,
    Kanban,
    SortKey,
    load_kanban,
    move_card,
)
from jobagent_core.tracking.errors import TrackingError
from jobagent_ui.state.auth import SIGN_IN_AGAIN, current_member

log = logging.getLogger(__name__)

LOAD_FAILED: Final = "Your applications could not be loaded just now. Please try again in a moment."
MOVE_FAILED: Final = "The card could not be moved just now. Please try again in a moment."
SORTS: Final[tuple[SortKey, ...]] = ("score", "date")


class ApplicationsState(rx.State):
    loading: bool = True
    load_error: str = ""
    sort: str = "score"
    columns: list[BoardColumn] = []
    total: int = 0  # every match the person has, "new" ones too
    expanded: list[str] = []  # the collapsible columns the person opened
    moving: str = ""  # the id of the card being saved, "" when none
    status: str = ""  # the last change, read out by screen readers

    @rx.var
    def on_board(self) -> int:
        return sum(column.count for column in self.columns)

    @rx.var
    def not_on_board(self) -> int:
        """The "new" matches: found by a search, not acted on yet."""
        return max(0, self.total - self.on_board)

    @rx.var
    def pipeline(self) -> list[BoardColumn]:
        return [column for column in self.columns if not column.collapsible]

    @rx.var
    def ends(self) -> list[BoardColumn]:
        """Rejected and Not interested: collapsed until opened."""
        return [column for column in self.columns if column.collapsible]

    @rx.event
    async def open_page(self) -> AsyncIterator[EventSpec | None]:
        self.loading, self.load_error, self.status = True, "", ""
        yield None
        await self._load()

    async def _load(self) -> None:
        user = await current_member(self)
        if user is None:
            self.loading = False
            return
        sort: SortKey = "date" if self.sort == "date" else "score"
        try:
            board: Kanban = await asyncio.to_thread(load_kanban, user.id, sort)
        except Exception:
            log.exception("loading the applications board failed")
            self.load_error = LOAD_FAILED
            return
        finally:
            self.loading = False
        self.load_error = ""
        self.columns, self.total = board.columns, board.total

    @rx.event
    async def set_sort(self, value: str | list[str]) -> AsyncIterator[EventSpec | None]:
        wanted = value if isinstance(value, str) else (value[0] if value else "")
        if wanted not in SORTS or wanted == self.sort:
            return
        self.sort = wanted
        yield None
        await self._load()

    @rx.event
    def toggle_column(self, stage: str) -> None:
        if stage in self.expanded:
            self.expanded = [s for s in self.expanded if s != stage]
        elif stage in BOARD_STAGES:
            self.expanded = [*self.expanded, stage]

    def _stage_of(self, match_id: str) -> str | None:
        for column in self.columns:
            if any(card.id == match_id for card in column.cards):
                return column.stage
        return None

    @rx.event
    async def move(self, match_id: str, stage: str) -> AsyncIterator[EventSpec | None]:
        """Put the card `match_id` in the column `stage` (a drop, or its stage menu).

        A drop carrying no card (text dragged from elsewhere) or onto the card's own
        column changes nothing. Any other id goes to the service, which finds only
        the signed-in person's matches: another person's id is refused in words."""
        if not match_id or stage == self._stage_of(match_id) or self.moving:
            return
        user = await current_member(self)
        if user is None:
            yield rx.toast.error(SIGN_IN_AGAIN)
            return
        self.moving = match_id
        yield None
        try:
            moved = await asyncio.to_thread(move_card, user.id, match_id, stage)
        except TrackingError as err:
            self.status = str(err)
            yield rx.toast.error(str(err))
            return
        except Exception:
            log.exception("moving a card on the board failed")
            self.status = MOVE_FAILED
            yield rx.toast.error(MOVE_FAILED)
            return
        finally:
            self.moving = ""
        self.status = f"Moved “{moved.title}” at {moved.company} to {moved.stage_label}."
        if stage not in self.expanded and stage in {c.stage for c in self.columns if c.collapsible}:
            self.expanded = [*self.expanded, stage]  # show where the card went
        await self._load()
        yield rx.toast.success(self.status)
