"""`/onboarding`: the first visit. Upload CVs → watch the profile being built →
review and edit it → done. A reload resumes at the step the person is on."""

from __future__ import annotations

import reflex as rx

from jobagent_ui import routes
from jobagent_ui.components.cv_upload import drop_zone, pending_files
from jobagent_ui.components.documents import documents_list
from jobagent_ui.components.icon_tile import icon_tile
from jobagent_ui.components.profile_form import profile_form
from jobagent_ui.components.run_progress import run_progress
from jobagent_ui.components.status_panels import error_panel, loading_panel, section_card
from jobagent_ui.components.stepper import stepper
from jobagent_ui.state.profile import ProfileState
from jobagent_ui.state.profiling import PROCESSING, REVIEW, SAVED, UPLOAD, ProfilingState
from jobagent_ui.state.uploads import UploadState
from jobagent_ui.templates.page import private_page

STEP_LABELS = ["Upload", "Build", "Review", "Done"]


def upload_step() -> rx.Component:
    nothing_to_build = (UploadState.ready_count == 0) & (ProfileState.documents.length() == 0)
    return section_card(
        "Upload your CV",
        drop_zone(),
        pending_files(),
        rx.cond(
            ProfileState.documents.length() > 0,
            rx.vstack(
                rx.text("Already uploaded", size="2", weight="medium"),
                documents_list(),
                spacing="1",
                width="100%",
            ),
        ),
        rx.button(
            rx.icon("sparkles", size=16),
            "Build my profile",
            on_click=ProfilingState.build_profile,
            loading=ProfilingState.starting,
            disabled=nothing_to_build | UploadState.checking | UploadState.awaiting_answer,
            size="3",
        ),
        description=(
            "Add your CV (and, if you like, other documents about your work). Job Agent "
            "reads them to learn your skills, experience and the roles you fit."
        ),
    )


def processing_step() -> rx.Component:
    return section_card(
        "Building your profile",
        run_progress(on_retry=ProfilingState.try_again),
        rx.cond(
            ProfilingState.run_completed,
            rx.button(
                "Review my profile",
                rx.icon("arrow-right", size=16),
                on_click=ProfilingState.review,
                size="3",
            ),
        ),
        description="This takes a few seconds to a minute. You can leave this page and come back.",
    )


def review_step() -> rx.Component:
    return section_card(
        "Check your profile",
        profile_form(on_save=ProfilingState.save_onboarding),
        description=(
            "This is what Job Agent understood from your CV. Fix anything it got wrong: "
            "your edits are kept when you build the profile again."
        ),
    )


def saved_step() -> rx.Component:
    return rx.card(
        rx.vstack(
            icon_tile("party-popper", size=28, color="green"),
            rx.heading("Your profile is ready", as_="h2", size="6"),
            rx.text(
                "Job search comes next. You can change your profile or add CVs at any time.",
                size="3",
                color_scheme="gray",
            ),
            rx.hstack(
                rx.button(
                    rx.el.a("Start a search", href=routes.SEARCH),
                    as_child=True,
                    size="3",
                ),
                rx.button(
                    rx.el.a("Go to my profile", href=routes.PROFILE),
                    as_child=True,
                    size="3",
                    variant="soft",
                ),
                spacing="3",
                wrap="wrap",
            ),
            spacing="4",
            align="start",
        ),
        size=rx.breakpoints(initial="2", sm="4"),
        width="100%",
    )


def current_step() -> rx.Component:
    return rx.cond(
        ProfileState.loading,
        loading_panel("Loading…"),
        rx.cond(
            ProfileState.load_error != "",
            error_panel(ProfileState.load_error, on_retry=ProfilingState.open_onboarding),
            rx.match(
                ProfilingState.onboarding_step,
                (UPLOAD, upload_step()),
                (PROCESSING, processing_step()),
                (REVIEW, review_step()),
                (SAVED, saved_step()),
                rx.fragment(),
            ),
        ),
    )


@private_page(routes.ONBOARDING, "Get started", on_load=ProfilingState.open_onboarding)
def onboarding() -> rx.Component:
    return rx.vstack(
        rx.heading("Let's build your profile", as_="h1", size="7"),
        stepper(STEP_LABELS, ProfilingState.onboarding_index, name="Onboarding steps"),
        current_step(),
        spacing="5",
        width="100%",
    )
