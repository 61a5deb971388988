"""`/search`: start job searches (one title, or every suggested title) and watch
them run."""

from __future__ import annotations

import reflex as rx

from jobagent_ui import routes
from jobagent_ui.components.saved_searches import repeat_section
from jobagent_ui.components.search_form import filters, start_buttons, what_and_where
from jobagent_ui.components.search_runs import started_runs
from jobagent_ui.components.search_sources import sources
from jobagent_ui.components.status_panels import error_panel, loading_panel, section_card
from jobagent_ui.state.saved_searches import SavedSearchesState
from jobagent_ui.state.search import SearchState
from jobagent_ui.templates.page import private_page


def search_form() -> rx.Component:
    # Not one <form>: the board watchers are small forms of their own (forms do not
    # nest). Enter in the title or location starts the search (see the inputs).
    return rx.el.section(
        rx.vstack(
            section_card("What and where", what_and_where()),
            section_card(
                "Sources",
                sources(),
                description="Where to look. Live boards need the internet; the sample "
                "works anywhere.",
            ),
            section_card("Filters", filters()),
            start_buttons(),
            section_card(
                "Repeat this search",
                repeat_section(),
                description="Save it to run on its own; the dashboard lists your saved "
                "searches. Each run reports only what is new since the last one.",
            ),
            spacing="5",
            width="100%",
        ),
        aria_label="New search",
        width="100%",
    )


@private_page(
    routes.SEARCH, "Search", on_load=[SearchState.open_page, SavedSearchesState.read_browser_zone]
)
def search() -> rx.Component:
    return rx.vstack(
        rx.heading("Search for jobs", as_="h1", size="7"),
        rx.text(
            "Found a posting yourself? ",
            # Underlined: a link inside a sentence must not rely on colour alone.
            rx.link("Add it by its link or text", href=routes.ADD_POSTING, underline="always"),
            ".",
            size="2",
        ),
        rx.cond(
            SearchState.loading,
            loading_panel("Loading your profile's titles…"),
            rx.cond(
                SearchState.load_error != "",
                error_panel(SearchState.load_error, on_retry=SearchState.open_page),
                rx.vstack(started_runs(), search_form(), spacing="5", width="100%"),
            ),
        ),
        spacing="5",
        width="100%",
    )
