"""The one-line form that adds an item to a list: a text field and a "+" button
(Enter submits too); the field empties after each submit."""

from __future__ import annotations

from typing import Any

import reflex as rx


def add_form(
    *hidden: rx.Component,
    name: str,
    placeholder: Any,
    field_label: str,
    button: str,
    button_label: str,
    on_submit: Any,
    disabled: Any = False,
    field_id: str | None = None,
) -> rx.Component:
    """`hidden` inputs go along with the field's value (form data `{name: ...}`)."""
    field_props = {"id": field_id} if field_id else {}
    return rx.form(
        rx.hstack(
            *hidden,
            rx.input(
                name=name,
                placeholder=placeholder,
                aria_label=field_label,
                disabled=disabled,
                size="2",
                flex="1",
                min_width="0",
                **field_props,
            ),
            rx.button(
                rx.icon("plus", size=16),
                button,
                type="submit",
                variant="soft",
                size="2",
                disabled=disabled,
                aria_label=button_label,
            ),
            spacing="2",
            width="100%",
        ),
        on_submit=on_submit,
        reset_on_submit=True,
        width="100%",
    )
