"""The CVs a profile was built from: name, type, size and upload date."""

from __future__ import annotations

import reflex as rx

from jobagent_ui.state.profile import ProfileState


def _document(doc: rx.vars.ObjectVar[dict[str, str]]) -> rx.Component:
    return rx.el.li(
        rx.hstack(
            rx.icon("file-text", size=18, color="var(--accent-11)", flex_shrink="0"),
            rx.vstack(
                rx.text(doc["name"], size="2", weight="medium", word_break="break-all"),
                rx.text(
                    doc["kind"],
                    " · ",
                    doc["size"],
                    " · uploaded ",
                    doc["uploaded"],
                    size="1",
                    color_scheme="gray",
                ),
                spacing="0",
                min_width="0",
            ),
            align="start",
            spacing="3",
        ),
        padding_y="0.5rem",
        border_bottom="1px solid var(--gray-a4)",
    )


def documents_list(*, empty_text: str = "No CVs uploaded yet.") -> rx.Component:
    return rx.cond(
        ProfileState.documents.length() > 0,
        rx.el.ul(
            rx.foreach(ProfileState.documents, _document),
            aria_label="Uploaded CVs",
            list_style="none",
            margin="0",
            padding="0",
            width="100%",
        ),
        rx.text(empty_text, size="2", color_scheme="gray"),
    )
