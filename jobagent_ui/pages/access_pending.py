"""`/access-pending`: signed in, but the operator has not let this account in yet."""

from __future__ import annotations

import reflex as rx

from jobagent_ui import routes
from jobagent_ui.components.icon_tile import icon_tile
from jobagent_ui.components.layout import APP_NAME, centered_card, sign_out_button
from jobagent_ui.state.auth import PENDING, AuthState
from jobagent_ui.templates.page import private_page


@private_page(routes.ACCESS_PENDING, "Access pending", requires=PENDING, frame=centered_card)
def access_pending() -> rx.Component:
    return rx.fragment(
        icon_tile("hourglass", size=28, color="amber"),
        rx.vstack(
            rx.text(APP_NAME, size="2", weight="bold", color_scheme="gray"),
            rx.heading("Waiting for access", as_="h1", size="7", align="center"),
            spacing="1",
            align="center",
        ),
        rx.text(
            "You're signed in as ",
            rx.text.strong(AuthState.user_email, id="pending-email"),
            ".",
            size="3",
            align="center",
        ),
        rx.text(
            "This Job Agent is private: its operator must grant your account access "
            "before you can use it. Ask them to run",
            size="2",
            color_scheme="gray",
            align="center",
        ),
        rx.code(f"jobagent users grant {AuthState.user_email}", size="2", variant="soft"),
        rx.hstack(
            rx.button(
                rx.el.a("Check again", href=routes.HOME),
                as_child=True,
                size="2",
            ),
            sign_out_button(size="2"),
            spacing="3",
            justify="center",
            wrap="wrap",
        ),
    )
