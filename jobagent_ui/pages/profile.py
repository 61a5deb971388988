"""`/profile`: the profile to read and edit, the CVs behind it, and profiling again
(with more CVs, keeping or overwriting the person's edits), followed live."""

from __future__ import annotations

import reflex as rx

from jobagent_ui import routes
from jobagent_ui.components.cv_upload import drop_zone, pending_files
from jobagent_ui.components.documents import documents_list
from jobagent_ui.components.profile_form import profile_form
from jobagent_ui.components.run_progress import run_progress
from jobagent_ui.components.status_panels import (
    empty_panel,
    error_panel,
    loading_panel,
    section_card,
)
from jobagent_ui.components.unsaved_guard import unsaved_guard
from jobagent_ui.state.profile import ProfileState
from jobagent_ui.state.profiling import ProfilingState
from jobagent_ui.state.uploads import UploadState
from jobagent_ui.templates.page import private_page


def run_section() -> rx.Component:
    show = ProfilingState.run_active | ProfilingState.run_failed | ProfilingState.just_finished
    return rx.cond(
        show,
        section_card(
            "Profiling",
            run_progress(on_retry=ProfilingState.rerun, retry_label="Run again"),
            rx.cond(
                ProfilingState.just_finished,
                rx.callout(
                    "Your profile below was updated from your CVs.",
                    icon="circle-check",
                    color_scheme="green",
                    width="100%",
                ),
            ),
        ),
    )


def profile_section() -> rx.Component:
    return rx.cond(
        ProfileState.has_profile,
        rx.fragment(
            unsaved_guard(
                ProfileState.unsaved,
                "You have unsaved changes to your profile. ",
                ProfileState.discard_edits,
            ),
            section_card("Details", profile_form(on_save=ProfileState.save)),
        ),
        empty_panel(
            "user-round-pen",
            "No profile yet",
            "Upload your CV below and Job Agent builds your profile from it: your "
            "skills, experience and the job titles you fit.",
        ),
    )


def documents_section() -> rx.Component:
    return section_card(
        "Your CVs",
        documents_list(removable=True),
        description=(
            "Removing a CV rebuilds your profile from the others; the changes you "
            "made yourself are kept."
        ),
    )


def overwrite_choice() -> rx.Component:
    return rx.vstack(
        rx.el.label(
            rx.hstack(
                rx.checkbox(
                    checked=ProfilingState.overwrite,
                    on_change=ProfilingState.set_overwrite,
                    id="overwrite-edits",
                ),
                rx.text("Overwrite my edits", size="2"),
                align="center",
                spacing="2",
            ),
            html_for="overwrite-edits",
        ),
        rx.text(
            rx.cond(
                ProfilingState.overwrite,
                "Every field is read afresh from your CVs, including the ones you edited.",
                "Fields you edited keep your version; the rest is read afresh from your CVs.",
            ),
            size="1",
            color_scheme="gray",
        ),
        spacing="1",
    )


def profile_again_section() -> rx.Component:
    nothing_to_read = (UploadState.ready_count == 0) & (ProfileState.documents.length() == 0)
    return section_card(
        rx.cond(ProfileState.has_profile, "Add CVs or profile again", "Build your profile"),
        drop_zone(),
        pending_files(),
        rx.cond(ProfileState.has_profile, overwrite_choice()),
        rx.button(
            rx.icon("refresh-cw", size=16),
            rx.cond(ProfileState.has_profile, "Re-run profiling", "Build my profile"),
            on_click=ProfilingState.rerun,
            loading=ProfilingState.starting,
            disabled=nothing_to_read
            | UploadState.checking
            | UploadState.awaiting_answer
            | ProfilingState.run_active,
            size="3",
        ),
    )


def profile_content() -> rx.Component:
    return rx.cond(
        ProfileState.loading,
        loading_panel("Loading your profile…"),
        rx.cond(
            ProfileState.load_error != "",
            error_panel(ProfileState.load_error, on_retry=ProfilingState.open_profile_page),
            rx.vstack(
                run_section(),
                profile_section(),
                documents_section(),
                profile_again_section(),
                spacing="5",
                width="100%",
            ),
        ),
    )


@private_page(routes.PROFILE, "Profile", on_load=ProfilingState.open_profile_page)
def profile() -> rx.Component:
    return rx.vstack(
        rx.heading("Your profile", as_="h1", size="7"),
        profile_content(),
        spacing="5",
        width="100%",
    )
