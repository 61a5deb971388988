"""The CVs a profile was built from: name, type, size and upload date; on the
profile page each can be removed (after a confirmation), which rebuilds the
profile from the other CVs."""

from __future__ import annotations

import reflex as rx

from jobagent_ui.state.profile import ProfileState
from jobagent_ui.state.profiling import ProfilingState


def _remove_button(doc: rx.vars.ObjectVar[dict[str, str]]) -> rx.Component:
    return rx.button(
        rx.icon("trash-2", size=14),
        "Remove",
        type="button",
        variant="soft",
        color_scheme="red",
        size="1",
        aria_label="Remove " + doc["name"].to(str),
        on_click=ProfilingState.ask_remove(doc["id"], doc["name"]),
        disabled=ProfilingState.run_active | ProfilingState.starting,
        flex_shrink="0",
    )


def _document(doc: rx.vars.ObjectVar[dict[str, str]], removable: bool) -> rx.Component:
    return rx.el.li(
        rx.hstack(
            rx.icon("file-text", size=18, color="var(--accent-11)", flex_shrink="0"),
            rx.vstack(
                rx.text(doc["name"], size="2", weight="medium", word_break="break-all"),
                rx.text(
                    doc["kind"],
                    " · ",
                    doc["size"],
                    doc["pages"],
                    " · uploaded ",
                    doc["uploaded"],
                    size="1",
                    color_scheme="gray",
                ),
                spacing="0",
                min_width="0",
                flex="1",
            ),
            _remove_button(doc) if removable else rx.fragment(),
            align="start",
            spacing="3",
            width="100%",
        ),
        padding_y="0.5rem",
        border_bottom="1px solid var(--gray-a4)",
    )


def remove_dialog() -> rx.Component:
    """ "Remove this CV?" — asked once for the CV whose Remove button was pressed."""
    return rx.alert_dialog.root(
        rx.alert_dialog.content(
            rx.alert_dialog.title("Remove " + ProfilingState.removing_name + "?"),
            rx.alert_dialog.description(
                "Your profile is then rebuilt from your other CVs. "
                "The changes you made yourself are kept.",
                size="2",
            ),
            rx.hstack(
                rx.alert_dialog.cancel(
                    rx.button("Keep it", variant="soft", color_scheme="gray"),
                ),
                rx.alert_dialog.action(
                    rx.button(
                        "Remove and rebuild",
                        color_scheme="red",
                        on_click=ProfilingState.confirm_remove(
                            ProfilingState.removing_id, ProfilingState.removing_name
                        ),
                    ),
                ),
                spacing="3",
                justify="end",
                margin_top="1rem",
            ),
        ),
        open=ProfilingState.removing_id != "",
        on_open_change=ProfilingState.close_remove,
    )


def documents_list(
    *, empty_text: str = "No CVs uploaded yet.", removable: bool = False
) -> rx.Component:
    return rx.fragment(
        rx.cond(
            ProfileState.documents.length() > 0,
            rx.el.ul(
                rx.foreach(ProfileState.documents, lambda doc: _document(doc, removable)),
                aria_label="Uploaded CVs",
                list_style="none",
                margin="0",
                padding="0",
                width="100%",
            ),
            rx.text(empty_text, size="2", color_scheme="gray"),
        ),
        remove_dialog() if removable else rx.fragment(),
    )
