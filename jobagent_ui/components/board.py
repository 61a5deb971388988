"""The applications Kanban board: one column per stage, cards moved by drag and
drop or by the stage menu on each card (the keyboard way, also for phones).

Drag and drop is the browser's own (HTML5): a card puts its match id in the drag
data as text with a prefix, a column reads it back on drop and sends
(match id, column) to `ApplicationsState.move`. The drag-over bookkeeping stays
in the browser (small handlers below): only the drop reaches the server.
"""

from __future__ import annotations

from typing import Annotated, Any, Final

import reflex as rx

# The component packages have no py.typed marker, so BaseHTML is Any to mypy
# (as in native_form.py).
from reflex_components_core.el.elements.base import BaseHTML  # type: ignore[import-untyped]

from jobagent_core.services.matches import BOARD_STAGES, STAGE_LABELS, BoardCard, BoardColumn
from jobagent_ui import routes
from jobagent_ui.components.match_card import score_badge
from jobagent_ui.state.applications import ApplicationsState as S

# Drag data is plain text (every browser carries it) with a prefix, so text
# dragged in from elsewhere is told apart from a card and ignored.
DRAG_PREFIX: Final = "jobagent-match:"
_DRAG_START: Final = (
    "((e) => { e.dataTransfer.setData('text/plain', "
    f"'{DRAG_PREFIX}' + e.currentTarget.dataset.matchId); "
    "e.dataTransfer.effectAllowed = 'move'; })"
)
# A column accepts the drop only when it calls preventDefault on dragover; it also
# marks itself so the person sees where the card will land.
_DRAG_OVER: Final = (
    "((e) => { if (!e.dataTransfer.types.includes('text/plain')) return; "
    "e.preventDefault(); e.dataTransfer.dropEffect = 'move'; "
    "e.currentTarget.dataset.dropOver = 'true'; })"
)
_DRAG_LEAVE: Final = (
    "((e) => { if (!e.currentTarget.contains(e.relatedTarget)) "
    "delete e.currentTarget.dataset.dropOver; })"
)
_CLEAR_MARKS: Final = (
    "(() => document.querySelectorAll('[data-drop-over]')"
    ".forEach((n) => { delete n.dataset.dropOver; }))"
)
_VISUALLY_HIDDEN: Final = {
    "position": "absolute",
    "width": "1px",
    "height": "1px",
    "overflow": "hidden",
    "clip": "rect(0 0 0 0)",
    "white_space": "nowrap",
}


def _dropped_match(e: rx.Var[Any]) -> tuple[rx.Var[str]]:
    """The match id a drop carries, "" when it is not one of our cards."""
    data = f"{e}.dataTransfer.getData('text/plain')"
    js = f"((d) => d.startsWith('{DRAG_PREFIX}') ? d.slice({len(DRAG_PREFIX)}) : '')({data})"
    return (rx.Var(js).to(str),)


class DropColumn(BaseHTML):  # type: ignore[misc]  # BaseHTML is Any to mypy (see the import)
    """A `<section>` that cards can be dropped on."""

    tag = "section"

    # What `rx.EventHandler[_dropped_match]` builds, spelled so that mypy reads it.
    on_drop: Annotated[rx.EventHandler, _dropped_match]


def _stage_menu(card: rx.Var[BoardCard]) -> rx.Component:
    return rx.select.root(
        rx.select.trigger(
            aria_label="Stage of " + card.title + " at " + card.company,
            variant="soft",
            width="100%",
        ),
        rx.select.content(*(rx.select.item(STAGE_LABELS[s], value=s) for s in BOARD_STAGES)),
        value=card.stage,
        on_change=lambda stage: S.move(card.id, stage),
        disabled=S.moving != "",
        size="1",
    )


def board_card(card: rx.Var[BoardCard]) -> rx.Component:
    return rx.el.li(
        rx.card(
            rx.vstack(
                rx.hstack(
                    rx.link(card.title, href=card.url, size="2", weight="bold", high_contrast=True),
                    score_badge(card.score, card.score_color, size="1"),
                    justify="between",
                    align="start",
                    spacing="2",
                    width="100%",
                ),
                rx.text(card.company, size="2", color_scheme="gray"),
                rx.cond(
                    card.note != "",
                    rx.hstack(
                        rx.icon("notebook-pen", size=12, flex_shrink="0", margin_top="3px"),
                        rx.text(card.note, size="1"),
                        spacing="1",
                        align="start",
                        custom_attrs={"data-note": ""},
                    ),
                ),
                rx.text(card.dates, size="1", color_scheme="gray", custom_attrs={"data-dates": ""}),
                _stage_menu(card),
                spacing="2",
                width="100%",
            ),
            size="1",
            width="100%",
        ),
        draggable=True,
        cursor="grab",
        custom_attrs={
            "data-match-id": card.id,
            "onDragStart": rx.Var(_DRAG_START),
            "onDragEnd": rx.Var(_CLEAR_MARKS),
        },
    )


def _count(column: rx.Var[BoardColumn]) -> rx.Component:
    return rx.badge(
        column.count, variant="soft", radius="full", custom_attrs={"data-count": column.count}
    )


def _header(column: rx.Var[BoardColumn], open_: rx.Var[bool]) -> rx.Component:
    """The column's heading; for a collapsible column, a disclosure button inside it."""
    return rx.heading(
        rx.cond(
            column.collapsible,
            rx.button(
                rx.icon(rx.cond(open_, "chevron-down", "chevron-right"), size=16),
                column.label,
                _count(column),
                variant="ghost",
                high_contrast=True,
                color_scheme="gray",
                size="2",
                on_click=S.toggle_column(column.stage),
                aria_expanded=rx.cond(open_, "true", "false"),
                aria_controls="column-" + column.stage,
                custom_attrs={"data-toggle": column.stage},
            ),
            rx.fragment(column.label, " ", _count(column)),
        ),
        as_="h2",
        size="3",
    )


def _cards(column: rx.Var[BoardColumn]) -> rx.Component:
    return rx.vstack(
        rx.el.ul(
            rx.foreach(column.cards, board_card),
            aria_label=column.label,
            display="flex",
            flex_direction="column",
            gap="var(--space-2)",
            list_style="none",
            margin="0",
            padding="0",
            width="100%",
        ),
        rx.cond(
            column.count == 0,
            rx.text("Nothing here. Drop a card here to move it.", size="1", color_scheme="gray"),
        ),
        rx.cond(
            column.hidden > 0,
            rx.link(
                column.hidden.to_string() + " more in Matches",
                href=routes.MATCHES + "?stage=" + column.stage,
                size="1",
            ),
        ),
        id="column-" + column.stage,
        spacing="2",
        width="100%",
    )


def board_column(column: rx.Var[BoardColumn]) -> rx.Component:
    open_ = ~column.collapsible | S.expanded.contains(column.stage)
    return DropColumn.create(
        rx.vstack(_header(column, open_), rx.cond(open_, _cards(column)), spacing="3"),
        on_drop=lambda match_id: S.move(match_id, column.stage).prevent_default,
        aria_label=column.label,
        background_color="var(--gray-a2)",
        border_radius="var(--radius-3)",
        padding="var(--space-3)",
        min_width="0",
        style={"&[data-drop-over]": {"outline": "2px dashed var(--accent-8)"}},
        custom_attrs={
            "data-column": column.stage,
            "onDragOver": rx.Var(_DRAG_OVER),
            "onDragLeave": rx.Var(_DRAG_LEAVE),
        },
    )


def sort_control() -> rx.Component:
    return rx.hstack(
        rx.text("Sort by", size="2", id="board-sort-label"),
        rx.segmented_control.root(
            rx.segmented_control.item("Score", value="score"),
            rx.segmented_control.item("Date", value="date"),
            value=S.sort,
            on_change=S.set_sort,
            size="1",
            custom_attrs={"aria-labelledby": "board-sort-label"},
        ),
        align="center",
        spacing="2",
    )


def board() -> rx.Component:
    """The pipeline columns side by side (stacked on a phone), then the collapsed
    ends below them: no sideways scrolling at any width."""
    return rx.vstack(
        rx.hstack(
            rx.text(
                "Drag a card to another column, or change its stage in the menu on the card.",
                size="2",
                color_scheme="gray",
            ),
            sort_control(),
            justify="between",
            align="center",
            wrap="wrap",
            spacing="3",
            width="100%",
        ),
        rx.el.p(S.status, role="status", style=_VISUALLY_HIDDEN),
        rx.grid(
            rx.foreach(S.pipeline, board_column),
            columns=rx.breakpoints(initial="1", sm="2", md="4"),
            spacing="3",
            width="100%",
            align_items="start",
        ),
        rx.grid(
            rx.foreach(S.ends, board_column),
            columns=rx.breakpoints(initial="1", sm="2"),
            spacing="3",
            width="100%",
            align_items="start",
        ),
        spacing="4",
        width="100%",
    )
