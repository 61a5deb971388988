"""`/add-posting`: add one posting by its link or its text; follow the run that reads,
scores and writes for it, and open the match when it is done."""

from __future__ import annotations

import reflex as rx

from jobagent_ui import routes
from jobagent_ui.labels import RUN_STATUS_COLORS
from jobagent_ui.state.add_posting import RUN_ID, TEXT_ID, URL_ID, AddPostingState
from jobagent_ui.state.live import NO_WORKER_YET
from jobagent_ui.templates.page import private_page

_HINT_ID = "posting-text-hint"
_ERROR_ID = "posting-form-error"
_MAX_TEXT = 100_000


def _field(label: str, field_id: str, control: rx.Component, hint: str = "") -> rx.Component:
    return rx.vstack(
        rx.el.label(rx.text(label, size="2", weight="medium"), html_for=field_id),
        control,
        rx.text(hint, size="1", color_scheme="gray", id=f"{field_id}-hint")
        if hint
        else rx.fragment(),
        spacing="1",
        width="100%",
    )


def _paste_box(*, focused: bool) -> rx.Component:
    # Rendered anew with autofocus when the link could not be read (see the state).
    return rx.text_area(
        id=TEXT_ID,
        name="text",
        value=AddPostingState.text,
        on_change=AddPostingState.set_text,
        placeholder="Senior Data Engineer\nCompany: Acme GmbH\nLocation: Berlin\n\nWhat you do…",
        rows="10",
        max_length=_MAX_TEXT,
        auto_focus=focused,
        aria_describedby=_HINT_ID,
        size="3",
        width="100%",
    )


def posting_form() -> rx.Component:
    return rx.el.form(
        rx.vstack(
            _field(
                "Link to the posting",
                URL_ID,
                rx.input(
                    id=URL_ID,
                    name="url",
                    type="url",
                    value=AddPostingState.url,
                    on_change=AddPostingState.set_url,
                    placeholder="https://boards.greenhouse.io/acme/jobs/123",
                    max_length=2000,
                    aria_describedby=f"{URL_ID}-hint",
                    size="3",
                    width="100%",
                ),
                "Greenhouse, Lever and Ashby job links are read through the board; any "
                "other page is read for its posting.",
            ),
            rx.text("or", size="2", color_scheme="gray", aria_hidden="true"),
            rx.vstack(
                rx.el.label(
                    rx.text("The posting's text", size="2", weight="medium"), html_for=TEXT_ID
                ),
                rx.cond(
                    AddPostingState.focus_paste,
                    _paste_box(focused=True),
                    _paste_box(focused=False),
                ),
                rx.text(
                    "Paste the whole posting. A first line with the title and a “Company: …” "
                    "line are read; the fields below win over them.",
                    size="1",
                    color_scheme="gray",
                    id=_HINT_ID,
                ),
                spacing="1",
                width="100%",
            ),
            rx.grid(
                _field(
                    "Job title (optional)",
                    "posting-title",
                    rx.input(
                        id="posting-title",
                        name="title",
                        value=AddPostingState.title,
                        on_change=AddPostingState.set_title,
                        max_length=300,
                        size="3",
                        width="100%",
                    ),
                ),
                _field(
                    "Company (optional)",
                    "posting-company",
                    rx.input(
                        id="posting-company",
                        name="company",
                        value=AddPostingState.company,
                        on_change=AddPostingState.set_company,
                        max_length=300,
                        size="3",
                        width="100%",
                    ),
                ),
                columns=rx.breakpoints(initial="1", sm="2"),
                spacing="4",
                width="100%",
            ),
            rx.cond(
                AddPostingState.form_error != "",
                rx.callout(
                    AddPostingState.form_error,
                    icon="triangle-alert",
                    color_scheme="red",
                    role="alert",
                    id=_ERROR_ID,
                    width="100%",
                ),
            ),
            rx.button(
                rx.cond(
                    AddPostingState.submitting,
                    rx.spinner(size="2"),
                    rx.icon("file-plus", size=16),
                ),
                "Add posting",
                type="submit",
                disabled=AddPostingState.submitting,
                size="3",
            ),
            spacing="4",
            width="100%",
        ),
        on_submit=AddPostingState.submit,
        aria_label="Add a posting",
        width="100%",
    )


def run_panel() -> rx.Component:
    run = AddPostingState.run
    return rx.card(
        rx.vstack(
            rx.hstack(
                rx.heading("Your posting", as_="h2", size="4", flex="1"),
                rx.badge(
                    run.status_label,
                    color_scheme=rx.match(run.status, *RUN_STATUS_COLORS.items(), "gray"),
                    variant="soft",
                ),
                align="center",
                width="100%",
            ),
            rx.text(run.label, size="2", color_scheme="gray", overflow_wrap="anywhere"),
            rx.progress(value=run.percent, max=100, aria_label="Progress", width="100%"),
            rx.text(
                rx.cond(
                    run.active,
                    rx.cond(
                        run.current_step != "", run.current_step + "…", "Waiting for a worker…"
                    ),
                    rx.cond(run.status == "completed", "Done.", ""),
                ),
                size="2",
                color_scheme="gray",
                role="status",
            ),
            rx.cond(
                run.no_worker_yet,
                rx.callout(NO_WORKER_YET, icon="info", color_scheme="amber", width="100%"),
            ),
            rx.cond(
                run.status == "failed",
                rx.callout.root(
                    rx.callout.icon(rx.icon("circle-x")),
                    rx.vstack(
                        rx.callout.text(
                            rx.cond(
                                run.error != "", run.error, "The run stopped without saying why."
                            ),
                            id="posting-run-error",
                        ),
                        rx.cond(
                            run.unreadable,
                            rx.callout.text(
                                "The link could not be read: paste the posting's text in the "
                                "box below and add it again."
                            ),
                        ),
                        spacing="2",
                    ),
                    color_scheme="red",
                    role="alert",
                    width="100%",
                ),
            ),
            rx.cond(
                run.warnings.length() > 0,
                rx.el.ul(
                    rx.foreach(run.warnings, lambda w: rx.el.li(rx.text(w, size="1"))),
                    color="var(--amber-11)",
                    padding_left="1rem",
                    margin="0",
                ),
            ),
            rx.cond(
                run.match_url != "",
                rx.hstack(
                    rx.link(
                        rx.hstack(
                            rx.icon("sparkles", size=16),
                            "Open the match: " + run.match_title,
                            spacing="1",
                            align="center",
                        ),
                        href=run.match_url,
                        weight="medium",
                        id="posting-match-link",
                    ),
                    rx.cond(
                        run.score != "",
                        rx.badge("Score " + run.score, variant="soft", color_scheme="indigo"),
                    ),
                    align="center",
                    spacing="3",
                    wrap="wrap",
                ),
            ),
            rx.cond(
                ~run.active,
                rx.button(
                    "Add another posting",
                    on_click=AddPostingState.add_another,
                    variant="soft",
                    size="2",
                    type="button",
                ),
            ),
            spacing="3",
            width="100%",
        ),
        id=RUN_ID,
        tab_index=-1,
        aria_live="polite",
        custom_attrs={"data-status": run.status, "data-run-id": run.id},
        width="100%",
    )


@private_page(routes.ADD_POSTING, "Add a posting", on_load=AddPostingState.open_page)
def add_posting() -> rx.Component:
    return rx.vstack(
        rx.heading("Add a posting", as_="h1", size="7"),
        rx.text(
            "Found a job yourself? Give its link or paste its text: it is scored against "
            "your profile, its company researched, and a letter and a tailored CV written, "
            "like any match.",
            size="3",
            color_scheme="gray",
        ),
        rx.cond(AddPostingState.has_run, run_panel()),
        rx.card(posting_form(), size="3", width="100%"),
        rx.text(
            rx.link("Your matches", href=routes.MATCHES),
            " · ",
            rx.link("Search for jobs", href=routes.SEARCH),
            size="2",
        ),
        spacing="5",
        width="100%",
    )
