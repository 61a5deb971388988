"""`/settings`: e-mail digest, API tokens, what the server has switched on, and
deleting the account."""

from __future__ import annotations

import reflex as rx

from jobagent_ui import routes
from jobagent_ui.components.native_form import post_form
from jobagent_ui.components.settings_parts import (
    api_tokens,
    delete_account,
    delivery,
    server_status,
)
from jobagent_ui.components.status_panels import error_panel, loading_panel, section_card
from jobagent_ui.state.settings import SIGN_OUT_FORM_ID, SettingsState
from jobagent_ui.templates.page import private_page


def settings_content() -> rx.Component:
    return rx.vstack(
        section_card(
            "E-mail digest",
            delivery(),
            description="After each search, the new matches with their letters and CVs.",
        ),
        section_card(
            "API tokens",
            api_tokens(),
            description="For scripts that call the HTTP API as you "
            "(Authorization: Bearer <token>).",
        ),
        section_card(
            "This server",
            server_status(),
            description="What the operator has switched on. Read-only.",
        ),
        section_card("Delete your account", delete_account()),
        # Submitted by the page once the deletion is queued: a real POST, so the
        # session cookie is cleared and the browser leaves for the sign-in page.
        post_form(routes.SIGN_OUT, id=SIGN_OUT_FORM_ID, display="none"),
        spacing="5",
        width="100%",
    )


@private_page(routes.SETTINGS, "Settings", on_load=SettingsState.open_page)
def settings() -> rx.Component:
    return rx.vstack(
        rx.heading("Settings", as_="h1", size="7"),
        rx.cond(
            SettingsState.loading,
            loading_panel("Loading your settings…"),
            rx.cond(
                SettingsState.load_error != "",
                error_panel(SettingsState.load_error, on_retry=SettingsState.open_page),
                settings_content(),
            ),
        ),
        spacing="5",
        width="100%",
    )
