"""The search form's sources: the sample set, a file of postings, the live job
boards and the company boards to watch.

The longest part of the search form, with its own upload and lists of boards;
apart from `search_form.py` (the rest of the form), whose checkbox row it uses.
"""

from __future__ import annotations

import reflex as rx

from jobagent_core.discovery.sample_data import sample_size
from jobagent_core.discovery.sources.adzuna import COUNTRIES
from jobagent_core.services.matches import SOURCE_LABELS
from jobagent_ui.components.add_form import add_form
from jobagent_ui.components.cv_upload import label_file_input
from jobagent_ui.components.search_form import checkbox_row
from jobagent_ui.components.wrapping_list import wrapping_list
from jobagent_ui.state.search import SearchState
from jobagent_ui.state.search_views import BOARD_KINDS, FILE_UPLOAD_ID, OPEN_KINDS, SourceOption

# The boards' names are the service's source labels; the hints are this form's.
_BOARD_HINTS = {
    "greenhouse": "e.g. stripe (from boards.greenhouse.io/stripe)",
    "lever": "e.g. acme or eu:acme (from jobs.lever.co/acme)",
    "ashby": "e.g. linear (from jobs.ashbyhq.com/linear)",
}


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
