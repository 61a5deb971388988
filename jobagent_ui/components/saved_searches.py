"""Saved searches: the dashboard's list and the search page's "Repeat this search"."""

from __future__ import annotations

import reflex as rx

from jobagent_ui.components.search_form import field
from jobagent_ui.state.saved_searches import (
    REPEAT_CHOICES,
    WEEKDAY_CHOICES,
    SavedItem,
    SavedSearchesState,
)


def _action(label: str, icon: str, item: SavedItem, on_click: rx.EventHandler) -> rx.Component:
    return rx.button(
        rx.icon(icon, size=14),
        label,
        on_click=on_click,
        loading=SavedSearchesState.busy_id == item.id,
        # Every row has these buttons: the name tells a screen reader which one.
        aria_label=f"{label}: " + item.name,
        variant="soft",
        size="1",
    )


def _row(item: SavedItem) -> rx.Component:
    return rx.card(
        rx.flex(
            rx.vstack(
                rx.text(item.name, weight="bold", size="3"),
                rx.text(item.schedule_text, size="2"),
                rx.text("Next run: ", item.next_run_text, size="2", color_scheme="gray"),
                rx.text(
                    "Last result: ",
                    item.last_result,
                    size="2",
                    color_scheme=rx.cond(item.last_failed, "red", "gray"),
                ),
                spacing="1",
                min_width="0",
            ),
            rx.spacer(),
            rx.flex(
                _action("Run now", "play", item, SavedSearchesState.run_now(item.id)),
                rx.cond(
                    item.paused,
                    _action("Resume", "rotate-cw", item, SavedSearchesState.resume(item.id)),
                    _action("Pause", "pause", item, SavedSearchesState.pause(item.id)),
                ),
                _action("Delete", "trash-2", item, SavedSearchesState.delete(item.id)),
                gap="var(--space-2)",
                wrap="wrap",
            ),
            direction=rx.breakpoints(initial="column", sm="row"),
            gap="var(--space-3)",
            width="100%",
        ),
        width="100%",
        class_name="saved-search",
    )


def saved_searches_panel() -> rx.Component:
    """The dashboard's saved searches; nothing when there are none."""
    return rx.cond(
        SavedSearchesState.items.length() > 0,
        rx.el.section(
            rx.vstack(
                rx.heading("Saved searches", as_="h2", size="5"),
                rx.cond(
                    SavedSearchesState.load_error != "",
                    rx.text(SavedSearchesState.load_error, color_scheme="red", size="2"),
                    rx.fragment(),
                ),
                rx.foreach(SavedSearchesState.items, _row),
                spacing="3",
                width="100%",
            ),
            aria_label="Saved searches",
            width="100%",
        ),
        rx.fragment(),
    )


def repeat_section() -> rx.Component:
    """Off / daily / weekdays / weekly, a time, a weekday and a zone, and a button
    that saves the search set up above with that schedule."""
    return rx.vstack(
        rx.grid(
            field(
                "Repeat",
                "repeat-kind",
                rx.select.root(
                    rx.select.trigger(id="repeat-kind"),
                    rx.select.content(*(rx.select.item(t, value=v) for v, t in REPEAT_CHOICES)),
                    value=SavedSearchesState.repeat,
                    on_change=SavedSearchesState.set_repeat,
                ),
            ),
            field(
                "Time of day",
                "repeat-time",
                rx.input(
                    id="repeat-time",
                    type="time",
                    value=SavedSearchesState.repeat_time,
                    on_change=SavedSearchesState.set_repeat_time,
                    width="100%",
                ),
            ),
            rx.cond(
                SavedSearchesState.repeat == "weekly",
                field(
                    "Weekday",
                    "repeat-weekday",
                    rx.select.root(
                        rx.select.trigger(id="repeat-weekday"),
                        rx.select.content(
                            *(rx.select.item(t, value=v) for v, t in WEEKDAY_CHOICES)
                        ),
                        value=SavedSearchesState.repeat_weekday,
                        on_change=SavedSearchesState.set_repeat_weekday,
                    ),
                ),
                rx.fragment(),
            ),
            field(
                "Time zone",
                "repeat-zone",
                rx.input(
                    id="repeat-zone",
                    value=SavedSearchesState.time_zone,
                    on_change=SavedSearchesState.set_time_zone,
                    placeholder="e.g. Europe/Berlin",
                    width="100%",
                ),
                hint="Your browser's zone; any IANA name works.",
            ),
            columns=rx.breakpoints(initial="1", sm="2"),
            spacing="4",
            width="100%",
        ),
        rx.button(
            rx.icon("calendar-clock", size=16),
            "Save search",
            on_click=SavedSearchesState.save,
            loading=SavedSearchesState.saving,
            disabled=SavedSearchesState.repeat == "off",
            variant="soft",
            size="2",
        ),
        spacing="4",
        width="100%",
    )
