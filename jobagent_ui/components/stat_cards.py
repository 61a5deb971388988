"""The dashboard's figures: runs, active runs, matches and applications, then the
matches per application stage."""

from __future__ import annotations

import reflex as rx

from jobagent_ui.components.icon_tile import icon_tile
from jobagent_ui.components.wrapping_list import wrapping_list
from jobagent_ui.labels import STAGE_COLORS
from jobagent_ui.state.dashboard import DashboardState, StageCount


def stat_card(
    label: str, value: rx.Var[int], icon: str, *, key: str, color: str = "accent"
) -> rx.Component:
    """One figure; `key` names it for tests and the live benchmark (data-stat)."""
    return rx.card(
        rx.hstack(
            icon_tile(icon, color=color),
            rx.vstack(
                rx.text(label, size="2", color_scheme="gray", id=f"stat-{key}-label"),
                rx.text(
                    value.to_string(),
                    size="6",
                    weight="bold",
                    custom_attrs={"data-stat": key},
                ),
                spacing="0",
                min_width="0",
            ),
            align="center",
            spacing="3",
        ),
        role="group",
        custom_attrs={"aria-labelledby": f"stat-{key}-label"},
        size="2",
        width="100%",
    )


def stat_cards() -> rx.Component:
    return rx.grid(
        # Searches only: profile builds are listed apart, under the runs table.
        stat_card("Searches", DashboardState.searches_total, "search", key="searches"),
        stat_card("Active runs", DashboardState.runs_active, "loader", key="active", color="amber"),
        stat_card(
            "Matches", DashboardState.matches_total, "sparkles", key="matches", color="green"
        ),
        stat_card(
            "Applications", DashboardState.applications, "send", key="applications", color="blue"
        ),
        columns=rx.breakpoints(initial="2", md="4"),
        spacing="3",
        width="100%",
    )


def _stage(stage: StageCount) -> rx.Component:
    return rx.el.li(
        rx.badge(
            stage.label,
            rx.el.span(stage.count, font_weight="bold", margin_left="0.25rem"),
            color_scheme=rx.match(stage.stage, *STAGE_COLORS.items(), "gray"),
            variant="soft",
            size="2",
        ),
        custom_attrs={"data-stage": stage.stage},
    )


def stage_counts() -> rx.Component:
    """Matches by application stage, as a wrapping list of badges."""
    return rx.vstack(
        rx.heading("Matches by stage", as_="h2", size="3", id="stages-heading"),
        wrapping_list(
            rx.foreach(DashboardState.stages, _stage),
            aria_labelledby="stages-heading",
        ),
        spacing="2",
        width="100%",
    )
