"""`/matches/[match_id]`: one match with its letter, CV, research and tracking.

Another person's match, like a match that does not exist, shows "Not found" and
nothing else."""

from __future__ import annotations

import reflex as rx

from jobagent_ui import routes
from jobagent_ui.components.coverage import coverage_section
from jobagent_ui.components.letter_editor import letter_editor, letter_run_status
from jobagent_ui.components.match_sections import (
    cv_preview,
    downloads,
    fit_section,
    match_header,
    posting_section,
    research_section,
    tracking_section,
)
from jobagent_ui.components.status_panels import (
    empty_panel,
    error_panel,
    loading_panel,
    section_card,
)
from jobagent_ui.components.unsaved_guard import unsaved_guard
from jobagent_ui.state.match_detail import MatchDetailState as S
from jobagent_ui.templates.page import private_page


def back_link() -> rx.Component:
    return rx.link(
        rx.hstack(rx.icon("arrow-left", size=16), "All matches", spacing="1", align="center"),
        href=routes.MATCHES,
        size="2",
    )


def not_found() -> rx.Component:
    return rx.vstack(
        rx.heading("Not found", as_="h1", size="7"),
        empty_panel(
            "search-x",
            "There is no such match",
            "This match does not exist, or it belongs to someone else's account.",
            back_link(),
        ),
        spacing="5",
        width="100%",
        id="not-found",
    )


def application_sections() -> rx.Component:
    return rx.cond(
        S.view.has_application,
        rx.fragment(
            section_card("Cover letter", letter_editor(), downloads()),
            section_card("Tailored CV", cv_preview()),
        ),
        section_card(
            "Cover letter and CV",
            rx.text(S.view.application_note, size="2", color_scheme="gray"),
            letter_run_status(),
            rx.button(
                rx.icon("sparkles", size=16),
                "Write them now",
                on_click=S.regenerate_letter,
                loading=S.letter_busy == "regenerate",
                size="2",
            ),
        ),
    )


def match_page() -> rx.Component:
    return rx.vstack(
        unsaved_guard(
            S.unsaved,
            rx.cond(
                S.letter_dirty,
                "You have unsaved changes to the letter. ",
                "You have an unsaved stage or note. ",
            ),
            S.discard_edits,
        ),
        back_link(),
        match_header(),
        section_card("Why it matches", fit_section()),
        section_card("Key requirements", coverage_section()),
        section_card("Track your application", tracking_section()),
        application_sections(),
        section_card("About the company", research_section()),
        section_card("The posting", posting_section()),
        spacing="5",
        width="100%",
    )


@private_page(routes.MATCH_DETAIL, "Match", on_load=S.open_page)
def match_detail() -> rx.Component:
    return rx.cond(
        S.loading,
        loading_panel("Loading this match…"),
        rx.cond(
            S.load_error != "",
            error_panel(S.load_error, on_retry=S.open_page),
            rx.cond(S.found, match_page(), not_found()),
        ),
    )
