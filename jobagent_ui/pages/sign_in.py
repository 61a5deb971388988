"""`/sign-in`: the product name, the ways in this server offers, and any error in words."""

from __future__ import annotations

import reflex as rx

from jobagent_core.config import get_settings
from jobagent_ui import routes
from jobagent_ui.components.icon_tile import icon_tile
from jobagent_ui.components.layout import APP_NAME, centered_card
from jobagent_ui.components.native_form import post_form
from jobagent_ui.components.version import version_line
from jobagent_ui.state.auth import AuthState
from jobagent_ui.templates.page import public_page


def error_callout() -> rx.Component:
    return rx.cond(
        AuthState.error_message != "",
        rx.callout(
            AuthState.error_message,
            icon="triangle-alert",
            color_scheme="red",
            role="alert",
            width="100%",
        ),
    )


def google_button() -> rx.Component:
    # A link, not client-side routing: the browser leaves for Google and comes back.
    return rx.button(
        rx.el.a(
            rx.image(src="/google-g.svg", alt="", width="18px", height="18px"),
            "Continue with Google",
            href=AuthState.google_sign_in_url,
            reload_document=True,
        ),
        as_child=True,
        size="3",
        variant="surface",
        color_scheme="gray",
        high_contrast=True,
        width="100%",
    )


def local_user_button() -> rx.Component:
    return post_form(
        routes.LOCAL_SIGN_IN,
        rx.button(
            rx.icon("user-round", size=18),
            "Continue as local user",
            type="submit",
            size="3",
            width="100%",
        ),
        fields={"callbackURL": AuthState.callback_url},
        width="100%",
    )


def sign_in_choices() -> rx.Component:
    """The buttons this server's configuration allows (fixed at start-up)."""
    settings = get_settings()
    choices: list[rx.Component] = []
    if settings.google_enabled:
        choices.append(google_button())
    if settings.local_sign_in_enabled:
        choices += [
            local_user_button(),
            rx.text(
                "Google sign-in is not configured, so this install has a single local user.",
                size="1",
                color_scheme="gray",
                align="center",
            ),
        ]
    if not choices:
        choices.append(
            rx.callout(
                "No way to sign in is configured. Ask the operator to set "
                "GOOGLE_CLIENT_ID and GOOGLE_CLIENT_SECRET.",
                icon="info",
                color_scheme="amber",
                width="100%",
            )
        )
    return rx.vstack(*choices, spacing="3", width="100%")


@public_page(routes.SIGN_IN, "Sign in", on_load=AuthState.load_sign_in)
def sign_in() -> rx.Component:
    return centered_card(
        icon_tile("briefcase-business", size=28),
        rx.vstack(
            rx.heading(APP_NAME, as_="h1", size="8"),
            rx.text(
                "Your self-hosted job-search assistant.",
                size="3",
                color_scheme="gray",
                align="center",
            ),
            spacing="1",
            align="center",
        ),
        error_callout(),
        rx.text("Sign in to continue.", size="2", weight="medium"),
        sign_in_choices(),
        version_line(),
    )
