"""A numbered list of steps showing which are done, which is current and which come next."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import reflex as rx


def _marker(number: int, done: rx.Var[bool], current: rx.Var[bool]) -> rx.Component:
    return rx.center(
        rx.cond(done, rx.icon("check", size=14), rx.text(str(number), size="1", weight="bold")),
        width="1.5rem",
        height="1.5rem",
        border_radius="50%",
        flex_shrink="0",
        color=rx.cond(done | current, "var(--accent-contrast)", "var(--gray-11)"),
        background_color=rx.cond(done | current, "var(--accent-9)", "var(--gray-a4)"),
    )


def stepper(
    labels: Sequence[str], current: rx.vars.NumberVar[Any], *, name: str = "Progress"
) -> rx.Component:
    """`labels` in order; `current` is the 0-based index of the step the person is on
    (`len(labels)`: every step done)."""
    items = []
    for index, label in enumerate(labels):
        is_current = current == index
        done = current > index
        items.append(
            rx.el.li(
                rx.hstack(
                    _marker(index + 1, done, is_current),
                    rx.text(
                        label,
                        size="2",
                        weight=rx.cond(is_current, "bold", "regular"),
                        color_scheme=rx.cond(is_current | done, "indigo", "gray"),
                        high_contrast=is_current,
                        white_space="nowrap",
                    ),
                    align="center",
                    spacing="2",
                ),
                custom_attrs={
                    "aria-current": rx.cond(is_current, "step", "false"),
                    "data-state": rx.cond(done, "done", rx.cond(is_current, "current", "next")),
                },
                flex="1 1 auto",
            )
        )
    return rx.el.nav(
        rx.el.ol(
            *items,
            display="flex",
            flex_wrap="wrap",
            gap=["var(--space-2) var(--space-3)", "var(--space-3) var(--space-4)"],
            list_style="none",
            margin="0",
            padding="0",
        ),
        aria_label=name,
        width="100%",
    )
