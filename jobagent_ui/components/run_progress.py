"""A profiling run as it happens: each step done ✓ / in progress / waiting, a
progress bar, the run's warnings and, when it failed, its message in words."""

from __future__ import annotations

import reflex as rx

from jobagent_ui.state.live import NO_WORKER_YET
from jobagent_ui.state.profiling import ProfilingState, StepRow

_BADGE_COLOR = {"done": "green", "current": "indigo", "failed": "red", "pending": "gray"}


def _step(step: StepRow) -> rx.Component:
    return rx.el.li(
        rx.hstack(
            rx.match(
                step.state,
                ("done", rx.icon("circle-check", size=20, color="var(--green-11)")),
                ("current", rx.spinner(size="2")),
                ("failed", rx.icon("circle-x", size=20, color="var(--red-11)")),
                rx.icon("circle-dashed", size=20, color="var(--gray-9)"),
            ),
            rx.text(step.label, size="3", weight="medium", flex="1"),
            rx.badge(
                step.state_text,
                color_scheme=rx.match(step.state, *_BADGE_COLOR.items(), "gray"),
                variant="soft",
            ),
            align="center",
            spacing="3",
            width="100%",
        ),
        custom_attrs={"data-state": step.state},
        padding_y="0.375rem",
    )


def _status_line() -> rx.Component:
    text = rx.cond(
        ProfilingState.run_completed,
        "Your profile is ready.",
        rx.cond(
            ProfilingState.run_failed,
            "Building your profile failed.",
            rx.cond(
                ProfilingState.current_step != "",
                ProfilingState.current_step + "…",
                "Waiting for a worker to start…",
            ),
        ),
    )
    return rx.text(text, size="2", color_scheme="gray", role="status")


def run_progress(*, on_retry: rx.EventHandler, retry_label: str = "Try again") -> rx.Component:
    return rx.vstack(
        rx.el.ol(
            rx.foreach(ProfilingState.steps, _step),
            aria_label="Steps",
            list_style="none",
            margin="0",
            padding="0",
            width="100%",
        ),
        rx.progress(
            value=ProfilingState.progress_percent,
            max=100,
            aria_label="Progress",
            width="100%",
        ),
        _status_line(),
        rx.cond(
            ProfilingState.waiting_long,
            rx.callout(
                NO_WORKER_YET,
                icon="info",
                color_scheme="amber",
                width="100%",
            ),
        ),
        rx.cond(
            ProfilingState.warnings.length() > 0,
            rx.callout.root(
                rx.callout.icon(rx.icon("triangle-alert")),
                rx.vstack(
                    rx.foreach(ProfilingState.warnings, lambda w: rx.callout.text(w)),
                    spacing="1",
                ),
                color_scheme="amber",
                width="100%",
            ),
        ),
        rx.cond(
            ProfilingState.run_failed,
            rx.callout.root(
                rx.callout.icon(rx.icon("circle-x")),
                rx.vstack(
                    rx.callout.text(
                        rx.cond(
                            ProfilingState.error_message != "",
                            ProfilingState.error_message,
                            "The run stopped without saying why.",
                        ),
                        id="run-error",
                    ),
                    rx.button(
                        rx.icon("refresh-cw", size=16),
                        retry_label,
                        on_click=on_retry,
                        color_scheme="red",
                        variant="solid",
                        size="2",
                    ),
                    spacing="3",
                    align="start",
                ),
                color_scheme="red",
                role="alert",
                width="100%",
            ),
        ),
        spacing="3",
        width="100%",
    )
