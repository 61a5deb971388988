"""`/`: the dashboard — counts, matches by stage, matches per search, and the runs,
kept live without reloading. Someone without a profile yet is sent on to
onboarding."""

from __future__ import annotations

import reflex as rx

from jobagent_ui import routes
from jobagent_ui.components.charts import score_chart
from jobagent_ui.components.runs_table import runs_table
from jobagent_ui.components.saved_searches import saved_searches_panel
from jobagent_ui.components.stat_cards import stage_counts, stat_cards
from jobagent_ui.components.status_panels import empty_panel, error_panel, loading_panel
from jobagent_ui.state.auth import AuthState
from jobagent_ui.state.dashboard import DashboardState
from jobagent_ui.state.saved_searches import SavedSearchesState
from jobagent_ui.templates.page import private_page


def link_button(label: str, href: str, icon: str, *, variant: str = "solid") -> rx.Component:
    return rx.button(
        rx.link(
            rx.hstack(rx.icon(icon, size=16), label, align="center", spacing="2"),
            href=href,
            underline="none",
            color="inherit",
        ),
        as_child=True,
        variant=variant,
        size="2",
    )


def empty_state() -> rx.Component:
    return empty_panel(
        "rocket",
        "No runs yet",
        "Job Agent works in runs: one reads your CV into a profile, others search job "
        "boards and rank what they find. They appear here as they happen.",
        rx.hstack(
            link_button("Upload a CV to build your profile", routes.ONBOARDING, "file-up"),
            link_button("Start a search", routes.SEARCH, "search", variant="soft"),
            spacing="3",
            wrap="wrap",
        ),
    )


def dashboard_content() -> rx.Component:
    return rx.cond(
        DashboardState.loading,
        loading_panel("Loading your dashboard…"),
        rx.cond(
            DashboardState.load_error != "",
            error_panel(DashboardState.load_error, on_retry=DashboardState.load),
            rx.cond(
                DashboardState.runs_total == 0,
                empty_state(),
                rx.vstack(
                    rx.el.section(stat_cards(), aria_label="Figures", width="100%"),
                    stage_counts(),
                    score_chart(),
                    runs_table(),
                    spacing="5",
                    width="100%",
                ),
            ),
        ),
    )


@private_page(routes.DASHBOARD, "Dashboard", on_load=[DashboardState.load, SavedSearchesState.load])
def home() -> rx.Component:
    return rx.vstack(
        rx.flex(
            rx.vstack(
                rx.heading(
                    # The name on the profile (the CV's), else the account's: a local
                    # user's account is called "Local user".
                    "Welcome, "
                    + rx.cond(
                        DashboardState.profile_name != "",
                        DashboardState.profile_name,
                        AuthState.user_name,
                    ),
                    as_="h1",
                    size=rx.breakpoints(initial="6", sm="7"),
                ),
                rx.text(
                    "Your searches, matches and applications at a glance.", color_scheme="gray"
                ),
                spacing="1",
            ),
            rx.spacer(),
            link_button("New search", routes.SEARCH, "search"),
            direction=rx.breakpoints(initial="column", sm="row"),
            align=rx.breakpoints(initial="start", sm="center"),
            gap="var(--space-3)",
            width="100%",
        ),
        saved_searches_panel(),
        dashboard_content(),
        spacing="5",
        width="100%",
    )
