"""What a page shows instead of its content: while loading, after a failure, or
when there is nothing yet. Never a blank area."""

from __future__ import annotations

from typing import Any

import reflex as rx

from jobagent_ui.components.icon_tile import icon_tile


def loading_panel(text: str) -> rx.Component:
    return rx.card(
        rx.hstack(rx.spinner(size="3"), rx.text(text, size="3"), align="center", spacing="3"),
        role="status",
        size="3",
        width="100%",
    )


def error_panel(message: rx.Var[str] | str, *, on_retry: Any) -> rx.Component:
    return rx.callout.root(
        rx.callout.icon(rx.icon("triangle-alert")),
        rx.vstack(
            rx.callout.text(message),
            rx.button(
                rx.icon("refresh-cw", size=16),
                "Try again",
                on_click=on_retry,
                color_scheme="red",
                size="2",
            ),
            spacing="3",
            align="start",
        ),
        color_scheme="red",
        role="alert",
        size="2",
        width="100%",
    )


def empty_panel(icon: str, title: str, text: str, *actions: rx.Component) -> rx.Component:
    return rx.card(
        rx.vstack(
            icon_tile(icon, size=24),
            rx.heading(title, as_="h2", size="4"),
            rx.text(text, size="2", color_scheme="gray"),
            *actions,
            spacing="3",
            align="start",
        ),
        size="3",
        width="100%",
    )


def section_card(
    title: str | rx.Var[str], *children: rx.Component, description: str = ""
) -> rx.Component:
    """A titled card (the title is an h2)."""
    return rx.card(
        rx.vstack(
            rx.heading(title, as_="h2", size="5"),
            rx.text(description, size="2", color_scheme="gray") if description else rx.fragment(),
            *children,
            spacing="4",
            width="100%",
        ),
        size=rx.breakpoints(initial="2", sm="4"),
        width="100%",
    )
