"""The search form: title and place, the profile's titles as chips, sources
(sample, a file of postings, live boards and the company boards to watch) and
filters, then the two ways to start."""

from __future__ import annotations

from typing import Any

import reflex as rx

from jobagent_core.discovery.sample_data import sample_size
from jobagent_core.discovery.sources.adzuna import COUNTRIES
from jobagent_core.services.matches import SOURCE_LABELS
from jobagent_ui import routes
from jobagent_ui.components.add_form import add_form
from jobagent_ui.components.cv_upload import label_file_input
from jobagent_ui.components.wrapping_list import wrapping_list
from jobagent_ui.state.search import SearchState
from jobagent_ui.state.search_views import (
    BOARD_KINDS,
    FILE_UPLOAD_ID,
    OPEN_KINDS,
    POSTED_WITHIN,
    REMOTE_CHOICES,
    SENIORITY,
    SourceOption,
)

# The boards' names are the service's source labels; the hints are this form's.
_BOARD_HINTS = {
    "greenhouse": "e.g. stripe (from boards.greenhouse.io/stripe)",
    "lever": "e.g. acme or eu:acme (from jobs.lever.co/acme)",
    "ashby": "e.g. linear (from jobs.ashbyhq.com/linear)",
}


def field(label: str, field_id: str, control: rx.Component, hint: str = "") -> rx.Component:
    return rx.vstack(
        rx.el.label(rx.text(label, size="2", weight="medium"), html_for=field_id),
        control,
        rx.text(hint, size="1", color_scheme="gray") if hint else rx.fragment(),
        spacing="1",
        width="100%",
    )


def checkbox_row(
    label: Any, field_id: str, checked: Any, on_change: Any, **props: Any
) -> rx.Component:
    return rx.el.label(
        rx.hstack(
            rx.checkbox(id=field_id, checked=checked, on_change=on_change, **props),
            rx.text(label, size="2"),
            align="center",
            spacing="2",
        ),
        html_for=field_id,
    )


def title_chips() -> rx.Component:
    return rx.cond(
        SearchState.suggested.length() > 0,
        rx.vstack(
            rx.text("Your suggested titles", size="2", weight="medium", id="suggested-label"),
            wrapping_list(
                rx.foreach(
                    SearchState.suggested,
                    lambda title: rx.el.li(
                        rx.button(
                            title,
                            type="button",
                            variant=rx.cond(SearchState.title == title, "solid", "soft"),
                            radius="full",
                            size="1",
                            on_click=SearchState.pick_title(title),
                            aria_pressed=rx.cond(SearchState.title == title, "true", "false"),
                        )
                    ),
                ),
                custom_attrs={"aria-labelledby": "suggested-label"},
            ),
            spacing="2",
            width="100%",
        ),
        rx.cond(
            ~SearchState.has_profile,
            rx.callout(
                rx.fragment(
                    "Build your profile first: matches are scored against it. ",
                    rx.link("Upload your CV", href=routes.ONBOARDING),
                ),
                icon="info",
                color_scheme="amber",
                width="100%",
            ),
        ),
    )


def what_and_where() -> rx.Component:
    return rx.vstack(
        rx.grid(
            field(
                "Job title",
                "search-title",
                rx.input(
                    id="search-title",
                    value=SearchState.title,
                    on_change=SearchState.set_title,
                    on_key_down=SearchState.enter_starts,
                    placeholder="e.g. Data Engineer",
                    max_length=200,
                    size="3",
                    width="100%",
                ),
            ),
            field(
                "Location",
                "search-location",
                rx.input(
                    id="search-location",
                    value=SearchState.location,
                    on_change=SearchState.set_location,
                    on_key_down=SearchState.enter_starts,
                    placeholder="City or country; empty for anywhere",
                    max_length=200,
                    size="3",
                    width="100%",
                ),
            ),
            columns=rx.breakpoints(initial="1", sm="2"),
            spacing="4",
            width="100%",
        ),
        rx.flex(
            field(
                "Remote roles",
                "search-remote",
                rx.select.root(
                    rx.select.trigger(id="search-remote"),
                    rx.select.content(
                        *(rx.select.item(text, value=v) for v, text in REMOTE_CHOICES)
                    ),
                    value=SearchState.remote,
                    on_change=SearchState.set_remote,
                ),
                "Remote roles tied to other regions or time zones are ranked lower.",
            ),
            checkbox_row(
                "Remote jobs only",
                "search-remote-only",
                SearchState.remote_only,
                SearchState.set_remote_only,
            ),
            direction=rx.breakpoints(initial="column", sm="row"),
            align=rx.breakpoints(initial="start", sm="end"),
            gap="var(--space-4)",
            width="100%",
        ),
        title_chips(),
        spacing="4",
        width="100%",
    )


def jobs_file() -> rx.Component:
    return rx.vstack(
        label_file_input(
            rx.upload.root(
                rx.hstack(
                    rx.button(
                        rx.icon("file-up", size=16),
                        "Add a JSON or CSV file",
                        type="button",
                        variant="soft",
                        size="2",
                        loading=SearchState.checking_file,
                    ),
                    rx.text(
                        "A list of postings you exported yourself.", size="1", color_scheme="gray"
                    ),
                    align="center",
                    spacing="3",
                    wrap="wrap",
                ),
                id=FILE_UPLOAD_ID,
                multiple=False,
                no_keyboard=True,
                accept={"application/json": [".json"], "text/csv": [".csv"]},
                on_drop=SearchState.add_jobs_file(rx.upload_files(upload_id=FILE_UPLOAD_ID)),
                width="100%",
            ),
            "JSON or CSV file of postings",
        ),
        rx.cond(
            SearchState.jobs_file_name != "",
            rx.hstack(
                rx.cond(
                    SearchState.jobs_file_error != "",
                    rx.icon("circle-x", size=18, color="var(--red-11)"),
                    rx.icon("circle-check", size=18, color="var(--green-11)"),
                ),
                rx.vstack(
                    rx.text(
                        SearchState.jobs_file_name,
                        size="2",
                        weight="medium",
                        word_break="break-all",
                    ),
                    rx.cond(
                        SearchState.jobs_file_error != "",
                        rx.text(SearchState.jobs_file_error, size="2", color_scheme="red"),
                        rx.text(SearchState.jobs_file_summary, size="1", color_scheme="gray"),
                    ),
                    spacing="0",
                    flex="1",
                    min_width="0",
                ),
                rx.icon_button(
                    rx.icon("x", size=16),
                    type="button",
                    variant="ghost",
                    color_scheme="gray",
                    aria_label="Remove " + SearchState.jobs_file_name,
                    on_click=SearchState.remove_jobs_file,
                ),
                align="start",
                spacing="3",
                width="100%",
                role="status",
            ),
        ),
        spacing="2",
        width="100%",
    )


def _open_source(option: SourceOption) -> rx.Component:
    return rx.cond(
        rx.Var.create(list(OPEN_KINDS)).contains(option.kind),
        rx.el.li(
            rx.vstack(
                checkbox_row(
                    option.label,
                    "source-" + option.kind,
                    SearchState.open_sources.contains(option.kind),
                    lambda on: SearchState.toggle_open_source(option.kind, on),
                    disabled=~option.configured,
                ),
                rx.cond(
                    ~option.configured,
                    rx.text(option.needs, size="1", color_scheme="gray", padding_left="1.5rem"),
                ),
                spacing="0",
            ),
        ),
    )


def _adzuna(option: SourceOption) -> rx.Component:
    return rx.cond(
        option.kind == "adzuna",
        rx.el.li(
            rx.vstack(
                rx.hstack(
                    rx.el.label(rx.text("Adzuna, country", size="2"), html_for="source-adzuna"),
                    rx.select.root(
                        rx.select.trigger(id="source-adzuna", placeholder="Not used"),
                        rx.select.content(
                            rx.select.item("Not used", value="none"),
                            *(rx.select.item(c.upper(), value=c) for c in sorted(COUNTRIES)),
                        ),
                        value=rx.cond(
                            SearchState.adzuna_country == "", "none", SearchState.adzuna_country
                        ),
                        on_change=SearchState.set_adzuna_country,
                        disabled=~option.configured,
                        size="1",
                    ),
                    align="center",
                    spacing="2",
                ),
                rx.cond(~option.configured, rx.text(option.needs, size="1", color_scheme="gray")),
                spacing="1",
            )
        ),
    )


def _board_watch(kind: str) -> rx.Component:
    label, hint = SOURCE_LABELS[kind], _BOARD_HINTS[kind]
    boards = SearchState.boards[kind].to(list[str])
    return rx.vstack(
        rx.text(f"{label} boards", size="2", weight="medium", id=f"boards-{kind}-label"),
        wrapping_list(
            rx.foreach(
                boards,
                lambda board: rx.el.li(
                    rx.badge(
                        board,
                        rx.icon_button(
                            rx.icon("x", size=12),
                            type="button",
                            size="1",
                            variant="ghost",
                            radius="full",
                            aria_label=f"Stop watching {label} board " + board,
                            on_click=SearchState.remove_board(kind, board),
                        ),
                        size="2",
                        variant="soft",
                        radius="full",
                    )
                ),
            ),
            custom_attrs={"aria-labelledby": f"boards-{kind}-label"},
        ),
        add_form(
            rx.el.input(type="hidden", name="kind", value=kind),
            name="board",
            placeholder=hint,
            field_label=f"{label} board to watch",
            button="Watch",
            button_label=f"Watch {label} board",
            on_submit=SearchState.add_board,
        ),
        spacing="2",
        width="100%",
    )


def sources() -> rx.Component:
    return rx.vstack(
        checkbox_row(
            f"Sample data set ({sample_size():,} postings, works offline)",
            "source-sample",
            SearchState.use_sample,
            SearchState.set_use_sample,
        ),
        jobs_file(),
        rx.text("Live job boards", size="2", weight="medium"),
        rx.el.ul(
            rx.foreach(SearchState.sources, _open_source),
            rx.foreach(SearchState.sources, _adzuna),
            display="flex",
            flex_direction="column",
            gap="var(--space-2)",
            list_style="none",
            margin="0",
            padding="0",
            aria_label="Live job boards",
        ),
        rx.text(
            "Companies to watch (their own boards, no key needed)",
            size="2",
            weight="medium",
        ),
        *(_board_watch(kind) for kind in BOARD_KINDS),
        spacing="3",
        width="100%",
    )


def _seniority_box(level: str, label: str) -> rx.Component:
    return checkbox_row(
        label,
        f"seniority-{level}",
        SearchState.seniority.contains(level),
        lambda on: SearchState.toggle_seniority(level, on),
    )


def filters() -> rx.Component:
    return rx.vstack(
        field(
            "Posted within",
            "search-posted-within",
            rx.select.root(
                rx.select.trigger(id="search-posted-within"),
                rx.select.content(*(rx.select.item(text, value=v) for v, text in POSTED_WITHIN)),
                value=SearchState.posted_within,
                on_change=SearchState.set_posted_within,
            ),
        ),
        rx.el.fieldset(
            rx.el.legend(rx.text("Seniority (none ticked: any)", size="2", weight="medium")),
            rx.flex(
                *(_seniority_box(level, label) for level, label in SENIORITY),
                wrap="wrap",
                gap="var(--space-3)",
                padding_top="0.5rem",
            ),
            border="none",
            margin="0",
            padding="0",
        ),
        rx.grid(
            field(
                "Exclude companies",
                "search-excluded-companies",
                rx.input(
                    id="search-excluded-companies",
                    value=SearchState.excluded_companies,
                    on_change=SearchState.set_excluded_companies,
                    placeholder="Comma-separated",
                    width="100%",
                ),
            ),
            field(
                "Exclude keywords",
                "search-excluded-keywords",
                rx.input(
                    id="search-excluded-keywords",
                    value=SearchState.excluded_keywords,
                    on_change=SearchState.set_excluded_keywords,
                    placeholder="e.g. unpaid, commission only",
                    width="100%",
                ),
            ),
            columns=rx.breakpoints(initial="1", sm="2"),
            spacing="4",
            width="100%",
        ),
        spacing="4",
        width="100%",
    )


def start_buttons() -> rx.Component:
    return rx.flex(
        rx.button(
            rx.icon("search", size=16),
            "Start search",
            type="button",
            on_click=SearchState.start,
            size="3",
            loading=SearchState.starting,
        ),
        rx.cond(
            SearchState.suggested.length() > 1,
            rx.button(
                rx.icon("list-checks", size=16),
                SearchState.search_all_label,
                type="button",
                size="3",
                variant="soft",
                on_click=SearchState.start_all,
                disabled=SearchState.starting,
            ),
        ),
        gap="var(--space-3)",
        wrap="wrap",
    )
