"""The runs table: what each run is, where it stands, what it found, when, and why
it failed. Three columns so it fits a phone; the table scrolls sideways inside
its card if it must, never the page."""

from __future__ import annotations

from typing import Any

import reflex as rx

from jobagent_ui.labels import RUN_STATUS_COLORS
from jobagent_ui.state.dashboard import DashboardState, RunView

# The Results column shows from 520 px; below, the status column carries the counters.
_WIDE_ONLY = ["none", "table-cell"]


def local_time(iso: rx.Var[str]) -> rx.Component:
    """An ISO time shown in the browser's own time zone and language ("—" if empty)."""
    expr = iso._js_expr
    text: rx.Var[str] = rx.Var(
        _js_expr=(
            f"(({expr}) ? new Date({expr}).toLocaleString(undefined, "
            "{dateStyle: 'medium', timeStyle: 'short'}) : '—')"
        ),
        _var_type=str,
        _var_data=iso._get_all_var_data(),
    )
    return rx.el.time(text, date_time=iso)


def status_badge(run: RunView) -> rx.Component:
    return rx.badge(
        rx.cond(run.active, rx.spinner(size="1"), rx.fragment()),
        run.status_label,
        color_scheme=rx.match(run.status, *RUN_STATUS_COLORS.items(), "gray"),
        variant="soft",
        size="2",
        custom_attrs={"data-status": run.status},
    )


def _counter(label: str, value: rx.Var[Any], key: str) -> rx.Component:
    return rx.fragment(
        rx.el.dt(label, color="var(--gray-11)"),
        rx.el.dd(value, margin="0", text_align="right", custom_attrs={"data-counter": key}),
    )


def _counters(run: RunView) -> rx.Component:
    return rx.el.dl(
        rx.cond(
            run.kind == "job_search",
            rx.fragment(
                _counter("Found", run.found, "found"),
                _counter("Screened", run.screened, "screened"),
                # "13 (2 new)": the others an earlier search had found first.
                _counter("Matched", run.matched_text, "matched"),
                _counter("Research", run.research, "research"),
                _counter("Letters", run.fabrication, "fabrication"),
            ),
        ),
        display="grid",
        grid_template_columns="auto auto",
        column_gap="var(--space-3)",
        row_gap="0",
        margin="0",
        font_size="var(--font-size-1)",
        white_space="nowrap",
    )


def _compact_counters(run: RunView) -> rx.Component:
    """The counters in one line, in the status column, on phones (no third column);
    a profile build finds no postings, so it has none."""
    return rx.cond(
        run.kind == "job_search",
        rx.text(
            "Found ",
            rx.el.strong(run.found),
            " · Screened ",
            rx.el.strong(run.screened),
            " · Matched ",
            rx.el.strong(run.matched_text),
            size="1",
            color_scheme="gray",
            display=["block", "none"],
        ),
    )


# The API route that takes a run id (jobagent_core/api/workflow_routes.py).
STATUS_ROUTE = "GET /workflow/status/<id>"


def _run_id(run: RunView) -> rx.Component:
    """The run's id, shortened on screen (whole in the title), with a copy button:
    the HTTP API asks for it."""
    return rx.hstack(
        rx.code(
            run.id,
            size="1",
            variant="ghost",
            color_scheme="gray",
            title=run.id,
            display="inline-block",
            max_width="7rem",
            overflow="hidden",
            text_overflow="ellipsis",
            white_space="nowrap",
            custom_attrs={"data-run-id-text": ""},
        ),
        rx.icon_button(
            rx.icon("copy", size=12, aria_hidden="true"),
            type="button",
            size="1",
            variant="ghost",
            color_scheme="gray",
            aria_label="Copy run id",
            title="Copy run id",
            on_click=[
                rx.set_clipboard(run.id),
                rx.toast.success(f"Run id copied. Use it with {STATUS_ROUTE}."),
            ],
        ),
        align="center",
        spacing="1",
    )


def _what(run: RunView) -> rx.Component:
    return rx.vstack(
        rx.hstack(
            rx.match(
                run.kind,
                ("profiling", rx.icon("id-card", size=16, aria_hidden="true")),
                rx.icon("search", size=16, aria_hidden="true"),
            ),
            rx.text(run.kind_label, size="1", color_scheme="gray"),
            align="center",
            spacing="1",
        ),
        rx.text(run.title, size="2", weight="medium"),
        rx.cond(run.location != "", rx.text(run.location, size="1", color_scheme="gray")),
        rx.cond(
            run.started_at != "",
            rx.text("Started ", local_time(run.started_at), size="1", color_scheme="gray"),
            rx.text("Queued ", local_time(run.created_at), size="1", color_scheme="gray"),
        ),
        rx.cond(
            run.finished_at != "",
            rx.text("Finished ", local_time(run.finished_at), size="1", color_scheme="gray"),
        ),
        _run_id(run),
        spacing="1",
        min_width="9rem",
    )


def _where(run: RunView) -> rx.Component:
    return rx.vstack(
        status_badge(run),
        rx.cond(
            run.active & (run.current_step != ""),
            rx.text(run.current_step, size="1", custom_attrs={"data-step": ""}),
        ),
        rx.cond(
            (run.status == "failed") & (run.current_step != ""),
            rx.text("Stopped while ", run.current_step.lower(), size="1", color_scheme="gray"),
        ),
        rx.progress(
            value=run.progress_percent,
            max=100,
            aria_label="Progress of " + run.title,
            custom_attrs={"aria-valuetext": run.progress_percent.to_string() + "%"},
            width="100%",
            min_width="6rem",
        ),
        rx.cond(
            run.active & (run.progress_text != ""),
            rx.text(run.progress_text, size="1", color_scheme="gray"),
        ),
        rx.cond(
            run.error_message != "",
            rx.text(
                run.error_message,
                size="1",
                color="var(--red-11)",
                custom_attrs={"data-error": ""},
            ),
        ),
        rx.cond(
            run.warnings > 0,
            rx.text(
                run.warnings.to_string() + rx.cond(run.warnings == 1, " warning", " warnings"),
                size="1",
                color="var(--amber-11)",
            ),
        ),
        _compact_counters(run),
        spacing="1",
        align="start",
        min_width="8rem",
        max_width="16rem",
    )


def _row(run: RunView) -> rx.Component:
    return rx.table.row(
        rx.table.row_header_cell(_what(run)),
        rx.table.cell(_where(run)),
        rx.table.cell(_counters(run), display=_WIDE_ONLY),
        custom_attrs={"data-run-id": run.id, "data-status": run.status, "data-kind": run.kind},
        vertical_align="top",
    )


def pager() -> rx.Component:
    return rx.hstack(
        rx.button(
            rx.icon("chevron-left", size=16),
            "Newer",
            on_click=DashboardState.previous_page,
            disabled=(DashboardState.page_index == 0) | DashboardState.page_loading,
            variant="soft",
            size="2",
        ),
        rx.text(
            DashboardState.page_label,
            size="2",
            color_scheme="gray",
            role="status",
            custom_attrs={"aria-live": "polite"},
        ),
        rx.button(
            "Older",
            rx.icon("chevron-right", size=16),
            on_click=DashboardState.next_page,
            disabled=~DashboardState.has_next | DashboardState.page_loading,
            loading=DashboardState.page_loading,
            variant="soft",
            size="2",
        ),
        justify="between",
        align="center",
        width="100%",
    )


def runs_table() -> rx.Component:
    return rx.card(
        rx.vstack(
            rx.vstack(
                rx.heading("Runs", as_="h2", size="4", id="runs-heading"),
                rx.text(
                    "Each run's id is under its name. The HTTP API tells where a run stands at ",
                    rx.code(STATUS_ROUTE, size="1"),
                    ".",
                    size="1",
                    color_scheme="gray",
                    id="runs-api-hint",
                ),
                # Profile builds are runs, not searches: counted apart.
                rx.text(
                    DashboardState.runs_caption,
                    size="1",
                    color_scheme="gray",
                    custom_attrs={"data-runs-caption": ""},
                ),
                spacing="1",
            ),
            rx.table.root(
                rx.table.header(
                    rx.table.row(
                        rx.table.column_header_cell("Run"),
                        rx.table.column_header_cell("Status"),
                        rx.table.column_header_cell("Results", display=_WIDE_ONLY),
                    ),
                ),
                rx.table.body(rx.foreach(DashboardState.runs, _row)),
                aria_labelledby="runs-heading",
                variant="ghost",
                size="1",
                width="100%",
            ),
            rx.cond(DashboardState.page_count > 1, pager()),
            spacing="3",
            width="100%",
        ),
        size=rx.breakpoints(initial="2", sm="3"),
        width="100%",
    )
