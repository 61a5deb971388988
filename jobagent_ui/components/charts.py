"""Matches and average score per finished search, over time (Reflex's recharts)."""

from __future__ import annotations

import reflex as rx

from jobagent_ui import routes
from jobagent_ui.state.dashboard import DashboardState


def _chart() -> rx.Component:
    return rx.recharts.composed_chart(
        rx.recharts.cartesian_grid(stroke_dasharray="3 3", vertical=False),
        rx.recharts.bar(
            data_key="matches",
            name="Matches",
            y_axis_id="matches",
            fill="var(--accent-9)",
            radius=[4, 4, 0, 0],
            is_animation_active=False,
        ),
        rx.recharts.line(
            data_key="score",
            name="Average score",
            y_axis_id="score",
            stroke="var(--amber-10)",
            stroke_width=2,
            type_="monotone",
            connect_nulls=True,
            is_animation_active=False,
        ),
        # Bars are named by search and day ("Data Engineer · 3 Dec"); labels that
        # would overlap are dropped, and the tooltip always names the bar's search.
        rx.recharts.x_axis(data_key="label", tick_line=False, min_tick_gap=16),
        rx.recharts.y_axis(y_axis_id="matches", allow_decimals=False, width=36),
        rx.recharts.y_axis(y_axis_id="score", orientation="right", domain=[0, 100], width=36),
        rx.recharts.graphing_tooltip(),
        rx.recharts.legend(),
        data=DashboardState.chart,
        width="100%",
        height=260,
        margin={"top": 8, "right": 0, "left": 0, "bottom": 0},
    )


def score_chart() -> rx.Component:
    """The chart with a caption in words; a prompt to search when there is nothing yet."""
    return rx.card(
        rx.vstack(
            rx.heading("Matches per search", as_="h2", size="4", id="chart-heading"),
            rx.cond(
                DashboardState.chart.length() > 0,
                rx.el.figure(
                    rx.box(
                        _chart(),
                        role="img",
                        aria_label=DashboardState.chart_summary,
                        width="100%",
                    ),
                    rx.el.figcaption(
                        rx.text(DashboardState.chart_summary, size="2", color_scheme="gray")
                    ),
                    margin="0",
                    width="100%",
                ),
                rx.vstack(
                    rx.text(
                        "Finished searches appear here: how many matches each found and "
                        "how well they scored.",
                        size="2",
                        color_scheme="gray",
                    ),
                    rx.link(
                        rx.hstack(rx.icon("search", size=16), "Start a search", spacing="1"),
                        href=routes.SEARCH,
                        size="2",
                        weight="medium",
                    ),
                    spacing="2",
                ),
            ),
            spacing="3",
            width="100%",
        ),
        role="region",
        custom_attrs={"aria-labelledby": "chart-heading"},
        size=rx.breakpoints(initial="2", sm="3"),
        width="100%",
    )
