"""An icon on a soft square of colour, to give a heading or a list item a face."""

from __future__ import annotations

import reflex as rx


def icon_tile(name: str, *, size: int = 18, color: str = "accent") -> rx.Component:
    """`name` is a Lucide icon; `color` a Radix scale ("accent", "amber", ...)."""
    return rx.box(
        rx.icon(name, size=size),
        color=f"var(--{color}-11)",
        background_color=f"var(--{color}-a3)",
        border_radius="var(--radius-3)",
        padding=f"{round(size * 0.4)}px",
        line_height="0",
        flex_shrink="0",
    )
