"""`/matches`: every match, filtered, sorted and paged."""

from __future__ import annotations

import reflex as rx

from jobagent_ui import routes
from jobagent_ui.components.match_card import match_list
from jobagent_ui.components.match_filters import match_filters
from jobagent_ui.components.status_panels import empty_panel, error_panel, loading_panel
from jobagent_ui.state.matches import RESULTS_ID, MatchesState
from jobagent_ui.templates.page import private_page


def pager() -> rx.Component:
    return rx.el.nav(
        rx.hstack(
            rx.button(
                rx.icon("chevron-left", size=16),
                "Previous",
                on_click=MatchesState.previous_page,
                disabled=(MatchesState.page_index == 0) | MatchesState.page_loading,
                variant="soft",
                size="2",
            ),
            rx.text(MatchesState.range_label, size="2", color_scheme="gray", role="status"),
            rx.button(
                "Next",
                rx.icon("chevron-right", size=16),
                on_click=MatchesState.next_page,
                disabled=~MatchesState.has_next | MatchesState.page_loading,
                variant="soft",
                size="2",
            ),
            justify="between",
            align="center",
            width="100%",
        ),
        aria_label="Pages",
        width="100%",
    )


def results() -> rx.Component:
    return rx.cond(
        MatchesState.cards.length() > 0,
        rx.vstack(
            match_list(MatchesState.cards, "Matches"),
            pager(),
            spacing="4",
            width="100%",
            opacity=rx.cond(MatchesState.page_loading, "0.6", "1"),
            id=RESULTS_ID,
            # Clear of the sticky header when "Next" scrolls the list's top into view.
            scroll_margin_top="8rem",
        ),
        rx.cond(
            MatchesState.filtered,
            empty_panel(
                "filter-x",
                "No matches fit these filters",
                "Try a wider score range, another stage or fewer words.",
                rx.button("Clear filters", on_click=MatchesState.clear_filters, variant="soft"),
            ),
            empty_panel(
                "sparkles",
                "No matches yet",
                "Start a search: the postings that suit your profile show up here, "
                "each with a tailored cover letter and CV.",
                rx.link(
                    rx.button(rx.icon("search", size=16), "Start a search"), href=routes.SEARCH
                ),
            ),
        ),
    )


@private_page(routes.MATCHES, "Matches", on_load=MatchesState.open_page)
def matches() -> rx.Component:
    return rx.vstack(
        rx.flex(
            rx.heading("Your matches", as_="h1", size="7"),
            rx.link(
                rx.hstack(rx.icon("file-plus", size=16), "Add a posting", spacing="1"),
                href=routes.ADD_POSTING,
                size="2",
                weight="medium",
            ),
            justify="between",
            align="center",
            wrap="wrap",
            gap="var(--space-3)",
            width="100%",
        ),
        match_filters(),
        rx.cond(
            MatchesState.loading,
            loading_panel("Loading your matches…"),
            rx.cond(
                MatchesState.load_error != "",
                error_panel(MatchesState.load_error, on_retry=MatchesState.retry),
                results(),
            ),
        ),
        spacing="5",
        width="100%",
    )
