"""The searches just started, followed live: status, step, counters, progress."""

from __future__ import annotations

import reflex as rx

from jobagent_ui import routes
from jobagent_ui.labels import RUN_STATUS_COLORS
from jobagent_ui.state.live import NO_WORKER_YET
from jobagent_ui.state.search import SearchState
from jobagent_ui.state.search_views import RunCard


def _counter(label: str | rx.Var[str], value: rx.Var[int], key: str) -> rx.Component:
    """ "120 found", the number in bold; one phrase, so it reads as it is meant."""
    return rx.text(
        rx.el.strong(value),
        " ",
        label,
        size="2",
        custom_attrs={"data-counter": key},
    )


def run_card(run: RunCard) -> rx.Component:
    return rx.el.li(
        rx.card(
            rx.vstack(
                rx.hstack(
                    rx.text(run.title, size="3", weight="bold", flex="1", min_width="0"),
                    rx.badge(
                        run.status_label,
                        color_scheme=rx.match(run.status, *RUN_STATUS_COLORS.items(), "gray"),
                        variant="soft",
                    ),
                    align="center",
                    spacing="3",
                    width="100%",
                ),
                rx.progress(
                    value=run.percent,
                    max=100,
                    aria_label="Progress of " + run.title,
                    width="100%",
                ),
                rx.text(
                    rx.cond(
                        run.active,
                        rx.cond(
                            run.current_step != "", run.current_step + "…", "Waiting for a worker…"
                        ),
                        rx.cond(run.status == "completed", "Finished.", run.error),
                    ),
                    size="2",
                    color_scheme=rx.cond(run.status == "failed", "red", "gray"),
                ),
                rx.cond(
                    run.no_worker_yet,
                    rx.callout(NO_WORKER_YET, icon="info", color_scheme="amber", width="100%"),
                ),
                rx.flex(
                    _counter("found", run.found, "found"),
                    # "13 matches (2 new)": the others an earlier search had found.
                    _counter(run.matches_label, run.matched, "matched"),
                    _counter("letters written", run.written, "written"),
                    wrap="wrap",
                    column_gap="var(--space-5)",
                    row_gap="var(--space-1)",
                ),
                rx.cond(
                    run.sources.length() > 0,
                    # Not a list: the card is itself an item of the list of searches.
                    rx.vstack(
                        rx.foreach(
                            run.sources,
                            lambda line: rx.text(
                                line, size="1", color_scheme="gray", overflow_wrap="anywhere"
                            ),
                        ),
                        spacing="0",
                    ),
                ),
                rx.cond(
                    run.warnings.length() > 0,
                    rx.el.ul(
                        rx.foreach(
                            run.warnings,
                            lambda w: rx.el.li(rx.text(w, size="1", overflow_wrap="anywhere")),
                        ),
                        color="var(--amber-11)",
                        padding_left="1rem",
                        margin="0",
                    ),
                ),
                rx.cond(
                    run.status == "completed",
                    rx.link(
                        rx.hstack(
                            rx.icon("sparkles", size=16),
                            "See the matches",
                            spacing="1",
                            align="center",
                        ),
                        href=run.matches_url,
                        weight="medium",
                    ),
                ),
                spacing="3",
                width="100%",
            ),
            width="100%",
        ),
        id=run.dom_id,
        # Focus lands here when the search starts (not a tab stop otherwise).
        tab_index=-1,
        # Clear of the sticky header (two rows, about 6 rem on phones) when scrolled to.
        scroll_margin_top="7.5rem",
        custom_attrs={"data-status": run.status, "data-run-id": run.id},
        aria_live="polite",
    )


def started_runs() -> rx.Component:
    return rx.cond(
        SearchState.runs.length() > 0,
        rx.el.section(
            rx.vstack(
                rx.hstack(
                    rx.heading("Your searches", as_="h2", size="5", flex="1"),
                    rx.link("Open the dashboard", href=routes.HOME, size="2"),
                    align="center",
                    width="100%",
                ),
                rx.el.ul(
                    rx.foreach(SearchState.runs, run_card),
                    aria_label="Searches started",
                    display="flex",
                    flex_direction="column",
                    gap="var(--space-3)",
                    list_style="none",
                    margin="0",
                    padding="0",
                    width="100%",
                ),
                spacing="3",
                width="100%",
            ),
            aria_label="Your searches",
            width="100%",
        ),
    )
