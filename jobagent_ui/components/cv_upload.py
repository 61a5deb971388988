"""Choosing CV files: a drop zone (drag and drop, or a button that opens the file
dialog) and the list of chosen files, each with its type and size or with the
reason it cannot be used."""

from __future__ import annotations

import reflex as rx

from jobagent_ui.components.icon_tile import icon_tile
from jobagent_ui.state.uploads import UPLOAD_ID, PendingFile, UploadState

FORMATS = "PDF, DOCX, TXT or Markdown"


def label_file_input(upload: rx.Component, label: str) -> rx.Component:
    """Name the file input inside `upload` (an rx.upload.root) and return `upload`.

    Reflex creates that <input type="file"> itself, with no way to pass it props;
    it is visually hidden but still in the accessibility tree, where an unnamed
    form field is a critical failure (axe's "label" rule). The visible button
    next to it opens the same dialog.
    """
    pending = list(upload.children)
    while pending:
        child = pending.pop()
        if getattr(child, "tag", None) == "input":
            child.custom_attrs["aria-label"] = label
            return upload
        pending.extend(child.children)
    raise ValueError("no file input inside this upload zone")


def drop_zone() -> rx.Component:
    # The zone itself is not a tab stop (no_keyboard); its button is, and opens the
    # file dialog like a click anywhere in the zone does.
    zone = rx.upload.root(
        rx.vstack(
            icon_tile("file-up", size=22),
            rx.text("Drag and drop your CV files here", size="3", weight="medium"),
            rx.button(
                rx.icon("upload", size=16),
                "Choose files",
                type="button",
                variant="soft",
                size="2",
                loading=UploadState.checking,
            ),
            rx.text(
                UploadState.limits_text,
                f" · {FORMATS}",
                size="1",
                color_scheme="gray",
                id="upload-limits",
            ),
            align="center",
            spacing="2",
            text_align="center",
        ),
        id=UPLOAD_ID,
        multiple=True,
        no_keyboard=True,
        on_drop=UploadState.add_files(rx.upload_files(upload_id=UPLOAD_ID)),
        border="2px dashed var(--gray-a7)",
        border_radius="var(--radius-4)",
        padding=["1.25rem", "2rem"],
        width="100%",
        cursor="pointer",
        background_color="var(--gray-a2)",
        drag_active_style={
            "border_color": "var(--accent-9)",
            "background_color": "var(--accent-a3)",
        },
    )
    return label_file_input(zone, "CV files")


def _pending_file(file: PendingFile) -> rx.Component:
    refused = file.error != ""
    return rx.el.li(
        rx.hstack(
            rx.cond(
                refused,
                rx.icon("circle-x", size=18, color="var(--red-11)", flex_shrink="0"),
                rx.icon("circle-check", size=18, color="var(--green-11)", flex_shrink="0"),
            ),
            rx.vstack(
                rx.text(file.name, size="2", weight="medium", word_break="break-all"),
                rx.cond(
                    refused,
                    rx.text(file.error, size="2", color_scheme="red"),
                    rx.text(file.details, size="1", color_scheme="gray"),
                ),
                rx.cond(file.note != "", rx.text(file.note, size="1", color_scheme="gray")),
                rx.cond((file.other_person != "") & ~refused, _other_person_question(file)),
                spacing="0",
                flex="1",
                min_width="0",
            ),
            rx.icon_button(
                rx.icon("x", size=16),
                type="button",
                variant="ghost",
                color_scheme="gray",
                size="2",
                aria_label=f"Remove {file.name}",
                on_click=UploadState.remove_file(file.id),
            ),
            align="start",
            spacing="3",
            width="100%",
        ),
        custom_attrs={
            "data-state": rx.cond(
                refused, "refused", rx.cond(file.other_person != "", "question", "ready")
            )
        },
        padding="0.625rem 0.75rem",
        border_radius="var(--radius-3)",
        background_color=rx.cond(refused, "var(--red-a2)", "var(--gray-a2)"),
    )


def _other_person_question(file: rx.Var[PendingFile]) -> rx.Component:
    """Asked before a CV that names someone else is used: it is only added when the
    person says so."""
    return rx.vstack(
        rx.text(
            "This CV seems to belong to someone else (",
            file.other_person,
            ") — add it anyway?",
            size="2",
            color_scheme="amber",
            weight="medium",
        ),
        rx.hstack(
            rx.button(
                "Add anyway",
                type="button",
                size="1",
                variant="soft",
                aria_label=f"Add anyway: {file.name}",
                on_click=UploadState.add_anyway(file.id),
            ),
            rx.button(
                "Leave it out",
                type="button",
                size="1",
                variant="soft",
                color_scheme="gray",
                aria_label=f"Leave it out: {file.name}",
                on_click=UploadState.remove_file(file.id),
            ),
            spacing="2",
            wrap="wrap",
        ),
        role="group",
        aria_label=f"Whose CV is {file.name}?",
        spacing="1",
        margin_top="0.375rem",
    )


def pending_files() -> rx.Component:
    """The chosen files; the list is a polite live region, so errors are announced."""
    return rx.vstack(
        rx.cond(
            UploadState.checking,
            rx.hstack(
                rx.spinner(size="1"),
                rx.text("Checking your files…", size="2"),
                align="center",
                spacing="2",
            ),
        ),
        rx.el.ul(
            rx.foreach(UploadState.files, _pending_file),
            aria_label="Chosen files",
            aria_live="polite",
            display="flex",
            flex_direction="column",
            gap="var(--space-2)",
            list_style="none",
            margin="0",
            padding="0",
            width="100%",
        ),
        spacing="2",
        width="100%",
    )
