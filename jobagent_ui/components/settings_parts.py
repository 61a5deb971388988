"""The sections of the settings page."""

from __future__ import annotations

import reflex as rx

from jobagent_ui.state.settings import (
    CONFIRM_WORD,
    NEW_TOKEN_INPUT_ID,
    SettingsState,
    StatusRow,
    TokenRow,
    copy_token_script,
)

S = SettingsState


def delivery() -> rx.Component:
    return rx.form(
        rx.vstack(
            rx.el.label(
                rx.hstack(
                    rx.switch(
                        id="delivery-enabled",
                        name="delivery_enabled",
                        checked=S.delivery_enabled,
                        on_change=S.set_delivery_enabled,
                    ),
                    rx.text("E-mail me a digest after each search", size="2"),
                    align="center",
                    spacing="2",
                ),
                html_for="delivery-enabled",
            ),
            rx.vstack(
                rx.el.label(
                    rx.text("Send it to", size="2", weight="medium"), html_for="delivery-email"
                ),
                rx.input(
                    id="delivery-email",
                    name="delivery_email",
                    type="email",
                    value=S.delivery_email,
                    on_change=S.set_delivery_email,
                    placeholder=S.account_email,
                    disabled=~S.delivery_enabled,
                    width="100%",
                    max_width="24rem",
                    auto_complete="email",
                    custom_attrs={"aria-describedby": "delivery-email-help"},
                ),
                rx.text(
                    "Leave empty to use the address you sign in with (",
                    S.account_email,
                    ").",
                    id="delivery-email-help",
                    size="1",
                    color_scheme="gray",
                ),
                spacing="1",
                width="100%",
            ),
            rx.cond(
                S.smtp_enabled,
                rx.fragment(),
                rx.text(
                    "This server sends no e-mail (SMTP_URL is not set), so no digest is "
                    "sent: everything is in the app. Your choice here applies once it is set.",
                    id="delivery-off-help",
                    size="1",
                    color_scheme="gray",
                ),
            ),
            rx.button("Save", type="submit", size="2", loading=S.delivery_saving),
            spacing="3",
            width="100%",
        ),
        on_submit=S.save_delivery,
        # The address is checked on the server, with a message in words.
        no_validate=True,
        width="100%",
    )


def _revoke_button(token: TokenRow) -> rx.Component:
    return rx.alert_dialog.root(
        rx.alert_dialog.trigger(
            rx.button(
                "Revoke",
                size="1",
                variant="soft",
                color_scheme="red",
                aria_label="Revoke " + token.name,
            )
        ),
        rx.alert_dialog.content(
            rx.alert_dialog.title("Revoke “", token.name, "”?"),
            rx.alert_dialog.description(
                "Scripts using this token stop working at once. This cannot be undone."
            ),
            rx.flex(
                rx.alert_dialog.cancel(rx.button("Keep it", variant="soft", color_scheme="gray")),
                rx.alert_dialog.action(
                    rx.button("Revoke token", color_scheme="red", on_click=S.revoke_token(token.id))
                ),
                gap="var(--space-3)",
                justify="end",
                margin_top="1rem",
            ),
            max_width="26rem",
        ),
    )


def _token(token: TokenRow) -> rx.Component:
    return rx.el.li(
        rx.hstack(
            rx.vstack(
                rx.text(token.name, size="2", weight="medium"),
                rx.text(
                    rx.el.code(token.prefix),
                    " · created ",
                    token.created,
                    " · last used ",
                    token.last_used,
                    size="1",
                    color_scheme="gray",
                ),
                spacing="0",
                flex="1",
                min_width="0",
            ),
            rx.cond(
                token.revoked,
                rx.badge("Revoked", color_scheme="gray", variant="soft"),
                _revoke_button(token),
            ),
            align="center",
            spacing="3",
            width="100%",
        ),
        padding_y="0.5rem",
        border_bottom="1px solid var(--gray-a4)",
        custom_attrs={"data-revoked": rx.cond(token.revoked, "true", "false")},
    )


def _new_token() -> rx.Component:
    return rx.callout.root(
        rx.callout.icon(rx.icon("key-round")),
        rx.vstack(
            rx.callout.text("Your new token. Copy it now: it is shown only once.", weight="medium"),
            rx.hstack(
                rx.input(
                    id=NEW_TOKEN_INPUT_ID,
                    read_only=True,
                    aria_label="New API token",
                    font_family="var(--code-font-family)",
                    flex="1",
                    min_width="0",
                ),
                rx.button(
                    rx.icon("copy", size=16),
                    "Copy",
                    on_click=[copy_token_script(), rx.toast.success("Token copied.")],
                    size="2",
                ),
                spacing="2",
                width="100%",
            ),
            rx.button("Done", on_click=S.dismiss_token, variant="soft", size="1"),
            spacing="2",
            width="100%",
        ),
        color_scheme="green",
        width="100%",
        role="status",
    )


def api_tokens() -> rx.Component:
    return rx.vstack(
        rx.cond(S.token_revealed, _new_token()),
        rx.form(
            rx.hstack(
                rx.input(
                    id="token-name",
                    name="token_name",
                    value=S.token_name,
                    on_change=S.set_token_name,
                    placeholder="e.g. laptop script",
                    aria_label="Token name",
                    max_length=80,
                    flex="1",
                    min_width="0",
                ),
                rx.button(
                    rx.icon("plus", size=16),
                    "Create token",
                    type="submit",
                    size="2",
                    loading=S.token_busy,
                ),
                spacing="2",
                width="100%",
            ),
            on_submit=S.create_token,
            width="100%",
        ),
        rx.cond(
            S.tokens.length() > 0,
            rx.el.ul(
                rx.foreach(S.tokens, _token),
                aria_label="Your API tokens",
                list_style="none",
                margin="0",
                padding="0",
                width="100%",
            ),
            rx.text("No tokens yet.", size="2", color_scheme="gray"),
        ),
        spacing="3",
        width="100%",
    )


def _status(row: StatusRow) -> rx.Component:
    return rx.el.li(
        rx.hstack(
            rx.cond(
                row.active,
                rx.icon("circle-check", size=18, color="var(--green-11)", flex_shrink="0"),
                rx.icon("circle-minus", size=18, color="var(--gray-9)", flex_shrink="0"),
            ),
            rx.vstack(
                rx.text(
                    row.name,
                    rx.text.span(rx.cond(row.active, " — on", " — off"), color_scheme="gray"),
                    size="2",
                    weight="medium",
                ),
                rx.text(row.detail, size="1", color_scheme="gray"),
                spacing="0",
                min_width="0",
            ),
            align="start",
            spacing="2",
        ),
        padding_y="0.25rem",
    )


def server_status() -> rx.Component:
    return rx.el.ul(
        rx.foreach(S.status, _status),
        aria_label="Server status",
        display="grid",
        grid_template_columns=rx.breakpoints(initial="1fr", sm="1fr 1fr"),
        gap="var(--space-2)",
        list_style="none",
        margin="0",
        padding="0",
        width="100%",
    )


def delete_account() -> rx.Component:
    return rx.vstack(
        rx.text(
            "Deletes your profile, CVs, searches, matches, letters, API tokens and sign-in, "
            "and the files only you uploaded. This cannot be undone.",
            size="2",
        ),
        rx.alert_dialog.root(
            rx.alert_dialog.trigger(
                rx.button(
                    rx.icon("trash-2", size=16),
                    "Delete my account and data",
                    color_scheme="red",
                    size="2",
                )
            ),
            rx.alert_dialog.content(
                rx.alert_dialog.title("Delete your account and all your data?"),
                rx.alert_dialog.description(
                    "Everything goes: profile, CVs, searches, matches, letters and tokens. "
                    f"Type {CONFIRM_WORD} to confirm."
                ),
                rx.vstack(
                    rx.el.label(
                        rx.text(f"Type {CONFIRM_WORD}", size="2", weight="medium"),
                        html_for="confirm-delete",
                    ),
                    rx.input(
                        id="confirm-delete",
                        value=S.confirm_text,
                        on_change=S.set_confirm_text,
                        auto_complete="off",
                        width="100%",
                    ),
                    spacing="1",
                    margin_top="1rem",
                ),
                rx.flex(
                    rx.alert_dialog.cancel(
                        rx.button(
                            "Cancel",
                            variant="soft",
                            color_scheme="gray",
                            on_click=S.cancel_delete,
                        )
                    ),
                    rx.button(
                        "Delete everything",
                        color_scheme="red",
                        on_click=S.delete_account,
                        disabled=~S.confirm_ok,
                        loading=S.deleting,
                    ),
                    gap="var(--space-3)",
                    justify="end",
                    margin_top="1rem",
                    wrap="wrap",
                ),
                max_width="28rem",
            ),
        ),
        spacing="3",
        align="start",
        width="100%",
    )
