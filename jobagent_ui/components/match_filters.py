"""The filters of the matches list: words, run, stage, source, score range, sort."""

from __future__ import annotations

from typing import Any

import reflex as rx

from jobagent_core.services.matches import Option
from jobagent_ui.state.matches import ANY, MatchesState


def _select(
    label: str, name: str, value: rx.Var[str], options: Any, any_label: str
) -> rx.Component:
    field_id = f"filter-{name}"
    return rx.vstack(
        rx.el.label(rx.text(label, size="2", weight="medium"), html_for=field_id),
        rx.select.root(
            rx.select.trigger(id=field_id, width="100%"),
            rx.select.content(
                rx.select.item(any_label, value=ANY) if any_label else rx.fragment(),
                rx.foreach(options, lambda o: rx.select.item(o.label, value=o.value)),
            ),
            value=value,
            on_change=lambda v: MatchesState.set_select(name, v),
        ),
        spacing="1",
        width="100%",
        min_width="0",
    )


def _number(label: str, name: str, value: rx.Var[str]) -> rx.Component:
    field_id = f"filter-{name}"
    return rx.vstack(
        rx.el.label(rx.text(label, size="2", weight="medium"), html_for=field_id),
        rx.input(
            id=field_id,
            name=name,
            type="number",
            min=0,
            max=100,
            step=1,
            default_value=value,
            key=value,
            width="100%",
        ),
        spacing="1",
        width="100%",
    )


def match_filters() -> rx.Component:
    sort_options = rx.Var.create([Option("score", "Best score"), Option("date", "Newest first")])
    return rx.card(
        rx.vstack(
            rx.form(
                rx.grid(
                    rx.vstack(
                        rx.el.label(
                            rx.text("Title or company", size="2", weight="medium"),
                            html_for="filter-q",
                        ),
                        rx.input(
                            id="filter-q",
                            name="q",
                            type="search",
                            placeholder="e.g. data engineer",
                            default_value=MatchesState.q,
                            key=MatchesState.q,
                            width="100%",
                        ),
                        spacing="1",
                        width="100%",
                        grid_column=rx.breakpoints(initial="span 2", sm="span 2"),
                    ),
                    _number("Minimum score", "score_min", MatchesState.score_min),
                    _number("Maximum score", "score_max", MatchesState.score_max),
                    columns=rx.breakpoints(initial="2", sm="4"),
                    spacing="3",
                    width="100%",
                    align="end",
                ),
                rx.flex(
                    rx.button(rx.icon("filter", size=16), "Apply", type="submit", size="2"),
                    rx.cond(
                        MatchesState.filtered,
                        rx.button(
                            "Clear filters",
                            type="button",
                            variant="soft",
                            color_scheme="gray",
                            size="2",
                            on_click=MatchesState.clear_filters,
                        ),
                    ),
                    gap="var(--space-2)",
                    padding_top="0.75rem",
                ),
                on_submit=MatchesState.apply_filters,
                width="100%",
            ),
            rx.grid(
                _select(
                    "Search run", "run", MatchesState.run, MatchesState.run_options, "All runs"
                ),
                _select(
                    "Stage", "stage", MatchesState.stage, MatchesState.stage_options, "Any stage"
                ),
                _select(
                    "Source",
                    "source",
                    MatchesState.source,
                    MatchesState.source_options,
                    "Any source",
                ),
                _select("Sort by", "sort", MatchesState.sort, sort_options, ""),
                columns=rx.breakpoints(initial="2", sm="4"),
                spacing="3",
                width="100%",
            ),
            spacing="3",
            width="100%",
        ),
        size="2",
        width="100%",
    )
