"""`/applications`: where each application stands, on a Kanban board (Saved →
Applied → Interviewing → Offer; Rejected and Not interested collapsed)."""

from __future__ import annotations

import reflex as rx

from jobagent_ui import routes
from jobagent_ui.components.board import board
from jobagent_ui.components.status_panels import empty_panel, error_panel, loading_panel
from jobagent_ui.state.applications import ApplicationsState
from jobagent_ui.templates.page import private_page


def _start_a_search() -> rx.Component:
    return rx.button(
        rx.link(
            rx.icon("search", size=16),
            "Start a search",
            href=routes.SEARCH,
            underline="none",
            color="inherit",
        ),
        as_child=True,
    )


def _new_matches_hint() -> rx.Component:
    """New matches are not on the board: say how many wait, and where."""
    count = ApplicationsState.not_on_board
    return rx.text(
        count.to_string(),
        rx.cond(count == 1, " new match is", " new matches are"),
        " not on the board yet: ",
        rx.link("look through them in Matches", href=routes.MATCHES + "?stage=new"),
        " and save the ones you want to track.",
        size="2",
        color_scheme="gray",
        custom_attrs={"data-new-matches": count},
    )


def content() -> rx.Component:
    return rx.cond(
        ApplicationsState.total == 0,
        empty_panel(
            "kanban",
            "No applications yet",
            "Your matches appear here by stage — saved, applied, interviewing — once a "
            "search has found some.",
            _start_a_search(),
        ),
        rx.vstack(
            rx.cond(ApplicationsState.not_on_board > 0, _new_matches_hint()),
            board(),
            spacing="3",
            width="100%",
        ),
    )


@private_page(routes.APPLICATIONS, "Applications", on_load=ApplicationsState.open_page)
def applications() -> rx.Component:
    return rx.vstack(
        rx.heading("Applications", as_="h1", size="7"),
        rx.cond(
            ApplicationsState.loading,
            loading_panel("Loading your applications…"),
            rx.cond(
                ApplicationsState.load_error != "",
                error_panel(ApplicationsState.load_error, on_retry=ApplicationsState.open_page),
                content(),
            ),
        ),
        spacing="5",
        width="100%",
    )
