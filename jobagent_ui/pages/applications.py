"""`/applications`: where each application stands, one tab per stage with its count."""

from __future__ import annotations

import reflex as rx

from jobagent_core.services.matches import STAGE_ORDER
from jobagent_ui import routes
from jobagent_ui.components.match_card import match_list
from jobagent_ui.components.status_panels import empty_panel, error_panel, loading_panel
from jobagent_ui.state.applications import ApplicationsState, StageTab
from jobagent_ui.templates.page import private_page


def _trigger(tab: StageTab) -> rx.Component:
    return rx.tabs.trigger(
        rx.hstack(
            rx.text(tab.label),
            rx.badge(tab.count, variant="soft", radius="full", size="1"),
            spacing="2",
            align="center",
        ),
        value=tab.stage,
        custom_attrs={"data-count": tab.count},
    )


def stage_list() -> rx.Component:
    return rx.cond(
        ApplicationsState.list_loading & (ApplicationsState.cards.length() == 0),
        loading_panel("Loading…"),
        rx.cond(
            ApplicationsState.cards.length() > 0,
            rx.vstack(
                match_list(ApplicationsState.cards, ApplicationsState.stage_label),
                rx.cond(
                    ApplicationsState.has_more,
                    rx.button(
                        "Show more",
                        on_click=ApplicationsState.load_more,
                        loading=ApplicationsState.list_loading,
                        variant="soft",
                    ),
                ),
                spacing="3",
                width="100%",
            ),
            rx.text(
                "Nothing here yet. Open a match and set its stage to track it.",
                size="2",
                color_scheme="gray",
                padding_y="1rem",
            ),
        ),
    )


def board() -> rx.Component:
    return rx.tabs.root(
        rx.scroll_area(
            rx.tabs.list(rx.foreach(ApplicationsState.tabs, _trigger), aria_label="Stages"),
            scrollbars="horizontal",
            type="auto",
            width="100%",
        ),
        *(rx.tabs.content(stage_list(), value=stage, padding_top="1rem") for stage in STAGE_ORDER),
        value=ApplicationsState.stage,
        on_change=ApplicationsState.show_stage,
        width="100%",
    )


def content() -> rx.Component:
    return rx.cond(
        ApplicationsState.total == 0,
        empty_panel(
            "kanban",
            "No applications yet",
            "Your matches appear here by stage — saved, applied, interviewing — once a "
            "search has found some.",
            rx.button(
                rx.link(
                    rx.icon("search", size=16),
                    "Start a search",
                    href=routes.SEARCH,
                    underline="none",
                    color="inherit",
                ),
                as_child=True,
            ),
        ),
        board(),
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
