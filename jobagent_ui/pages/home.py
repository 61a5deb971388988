"""`/`: the signed-in home. For now a welcome and what the agent will do next;
someone without a profile yet is sent on to onboarding."""

from __future__ import annotations

import reflex as rx

from jobagent_ui import routes
from jobagent_ui.components.icon_tile import icon_tile
from jobagent_ui.state.auth import AuthState
from jobagent_ui.state.profile import ProfileState
from jobagent_ui.templates.page import private_page

NEXT_STEPS = [
    (
        "file-text",
        "Upload your CV",
        "Job Agent reads it to learn your skills, experience and the roles you fit.",
    ),
    (
        "search",
        "Discover matching jobs",
        "It searches job boards and ranks each opening by how well it suits you.",
    ),
    (
        "send",
        "Apply with confidence",
        "For the jobs you pick, it drafts a tailored CV and cover letter.",
    ),
]


def next_step(icon: str, title: str, text: str) -> rx.Component:
    return rx.el.li(
        rx.hstack(
            icon_tile(icon),
            rx.vstack(
                rx.text(title, size="3", weight="medium"),
                rx.text(text, size="2", color_scheme="gray"),
                spacing="1",
            ),
            align="start",
            spacing="3",
        ),
    )


@private_page(routes.HOME, "Home", on_load=ProfileState.send_newcomers_to_onboarding)
def home() -> rx.Component:
    return rx.card(
        rx.vstack(
            rx.heading(f"Welcome, {AuthState.user_name}", as_="h1", size="7"),
            rx.text(
                "You're signed in. Here is what Job Agent will do for you, step by step.",
                size="3",
                color_scheme="gray",
            ),
            rx.separator(size="4"),
            rx.hstack(
                rx.heading("What's next", as_="h2", size="4"),
                rx.badge("Coming soon", color_scheme="amber", variant="soft"),
                align="center",
                spacing="3",
            ),
            rx.el.ol(
                *(next_step(*step) for step in NEXT_STEPS),
                display="flex",
                flex_direction="column",
                gap="var(--space-4)",
                list_style="none",
                margin="0",
                padding="0",
            ),
            spacing="4",
        ),
        size="4",
        width="100%",
    )
