"""The cover letter editor: the text (or a preview of it as the files will show
it), Save, Regenerate (asks first when it would throw edits away; a worker writes
the new letter and the editor follows that run live) and Revert to the generated
letter (asks first too)."""

from __future__ import annotations

from typing import Any

import reflex as rx

from jobagent_ui.components.match_sections import PROSE
from jobagent_ui.components.unsaved_guard import UNSAVED_SCOPE, unsaved_hint
from jobagent_ui.state.match_detail import MatchDetailState as S


def letter_run_status() -> rx.Component:
    """ "Writing a new letter…" while a worker writes it; the reason when it failed."""
    return rx.cond(
        S.letter_run_text != "",
        rx.cond(
            S.letter_writing,
            rx.callout(
                S.letter_run_text,
                icon="loader",
                color_scheme="blue",
                role="status",
                id="letter-run-status",
                width="100%",
            ),
            rx.callout(
                S.letter_run_text,
                icon="triangle-alert",
                color_scheme="red",
                role="alert",
                id="letter-run-status",
                width="100%",
            ),
        ),
    )


def _regenerate_button() -> rx.Component:
    button = rx.button(
        rx.icon("sparkles", size=16),
        "Regenerate",
        type="button",
        variant="soft",
        size="2",
        loading=S.letter_busy == "regenerate",
        disabled=S.letter_busy != "",
    )
    confirm = _asks_first(
        button,
        "Write a new letter?",
        "A new letter replaces the current one, including your edits. This cannot be undone.",
        "Write a new letter",
        S.regenerate_letter,
    )
    plain = rx.button(
        rx.icon("sparkles", size=16),
        "Regenerate",
        type="button",
        variant="soft",
        size="2",
        on_click=S.regenerate_letter,
        loading=S.letter_busy == "regenerate",
        disabled=S.letter_busy != "",
    )
    return rx.cond(S.letter_edited | S.letter_dirty, confirm, plain)


def _revert_button() -> rx.Component:
    """Revert throws the edits away, so it asks first, like Regenerate does."""
    button = rx.button(
        rx.icon("undo-2", size=16),
        "Revert to generated",
        type="button",
        variant="soft",
        color_scheme="gray",
        size="2",
        loading=S.letter_busy == "revert",
        disabled=~S.letter_edited | (S.letter_busy != ""),
    )
    return _asks_first(
        button,
        "Go back to the generated letter?",
        "The letter as it was first written replaces yours, including your edits. "
        "This cannot be undone.",
        "Use the generated letter",
        S.revert_letter,
    )


def _asks_first(
    trigger: rx.Component, title: str, description: str, action: str, on_confirm: Any
) -> rx.Component:
    """`trigger` opens a dialog that asks before the edits go: "Keep my letter" or
    `action`, which runs `on_confirm`."""
    return rx.alert_dialog.root(
        rx.alert_dialog.trigger(trigger),
        rx.alert_dialog.content(
            rx.alert_dialog.title(title),
            rx.alert_dialog.description(description),
            rx.flex(
                rx.alert_dialog.cancel(
                    rx.button("Keep my letter", variant="soft", color_scheme="gray")
                ),
                rx.alert_dialog.action(
                    rx.button(
                        action,
                        on_click=on_confirm,
                        color_scheme="red",
                        # Dark red: white on Radix red-9 is below 4.5:1.
                        high_contrast=True,
                    )
                ),
                gap="var(--space-3)",
                justify="end",
                margin_top="1rem",
                wrap="wrap",
            ),
            max_width="28rem",
        ),
    )


def _text_editor() -> rx.Component:
    return rx.vstack(
        rx.el.label(rx.text("Cover letter", size="2", weight="medium"), html_for="letter-text"),
        rx.text_area(
            id="letter-text",
            value=S.letter_text,
            on_change=S.set_letter_text,
            rows="22",
            resize="vertical",
            width="100%",
            font_family="var(--default-font-family)",
            custom_attrs={"aria-describedby": "letter-help"},
        ),
        rx.text(
            "Blank lines separate paragraphs. The PDF and Word files are made from this text "
            "when you save.",
            id="letter-help",
            size="1",
            color_scheme="gray",
        ),
        spacing="2",
        width="100%",
        custom_attrs=UNSAVED_SCOPE,
    )


def _preview() -> rx.Component:
    """The letter as it will look: Markdown marks turned into bold, breaks and
    paragraphs, on a page-like panel (made when the tab opens)."""
    return rx.box(
        rx.html(S.letter_preview_html),
        id="letter-preview",
        style=PROSE,
        padding=rx.breakpoints(initial="1rem", sm="2rem"),
        border="1px solid var(--gray-a5)",
        border_radius="var(--radius-3)",
        background_color="var(--color-panel-solid)",
        overflow_wrap="anywhere",
        line_height="1.6",
        width="100%",
        tab_index=0,
        role="region",
        aria_label="Letter preview",
    )


def _letter_tabs() -> rx.Component:
    """Edit the Markdown text, or see it as the PDF and Word files will show it."""
    return rx.tabs.root(
        rx.tabs.list(
            rx.tabs.trigger("Edit", value="edit"),
            rx.tabs.trigger("Preview", value="preview"),
            aria_label="Show the letter as",
        ),
        rx.tabs.content(_text_editor(), value="edit", padding_top="0.75rem"),
        rx.tabs.content(_preview(), value="preview", padding_top="0.75rem"),
        value=S.letter_view,
        on_change=S.set_letter_view,
        width="100%",
    )


def letter_editor() -> rx.Component:
    return rx.vstack(
        rx.hstack(
            rx.badge(
                rx.cond(S.letter_edited, "Edited by you", "As generated"),
                color_scheme=rx.cond(S.letter_edited, "indigo", "gray"),
                variant="soft",
            ),
            unsaved_hint(S.letter_dirty),
            spacing="3",
            align="center",
            wrap="wrap",
        ),
        letter_run_status(),
        _letter_tabs(),
        rx.cond(
            S.view.letter.flagged.length() > 0,
            rx.callout.root(
                rx.callout.icon(rx.icon("triangle-alert")),
                rx.vstack(
                    rx.callout.text("Check these claims: your CV does not state them."),
                    rx.el.ul(rx.foreach(S.view.letter.flagged, lambda c: rx.el.li(c)), margin="0"),
                    spacing="1",
                ),
                color_scheme="amber",
                width="100%",
            ),
        ),
        rx.flex(
            rx.button(
                rx.icon("save", size=16),
                "Save letter",
                type="button",
                size="2",
                on_click=S.save_letter,
                loading=S.letter_busy == "save",
                disabled=~S.letter_dirty | (S.letter_busy != ""),
            ),
            _regenerate_button(),
            _revert_button(),
            gap="var(--space-2)",
            wrap="wrap",
        ),
        spacing="2",
        width="100%",
    )
