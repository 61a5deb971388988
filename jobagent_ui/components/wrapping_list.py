"""A list whose items sit side by side and wrap (chips, downloads, stage counts)."""

from __future__ import annotations

from typing import Any

import reflex as rx


def wrapping_list(*items: Any, **props: Any) -> rx.Component:
    """A `<ul>` without bullets whose items flow in a row and wrap; `props` name it
    (aria_label, aria-labelledby) and may add styles."""
    return rx.el.ul(
        *items,
        display="flex",
        flex_wrap="wrap",
        gap="var(--space-2)",
        list_style="none",
        margin="0",
        padding="0",
        **props,
    )
