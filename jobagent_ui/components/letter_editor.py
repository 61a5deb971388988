"""The cover letter editor: the text, Save, Regenerate (asks first when it would
throw edits away; a worker writes the new letter and the editor follows that run
live) and Revert to the generated letter."""

from __future__ import annotations

import reflex as rx

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
    confirm = rx.alert_dialog.root(
        rx.alert_dialog.trigger(button),
        rx.alert_dialog.content(
            rx.alert_dialog.title("Write a new letter?"),
            rx.alert_dialog.description(
                "A new letter replaces the current one, including your edits. "
                "This cannot be undone.",
            ),
            rx.flex(
                rx.alert_dialog.cancel(
                    rx.button("Keep my letter", variant="soft", color_scheme="gray")
                ),
                rx.alert_dialog.action(
                    rx.button(
                        "Write a new letter", on_click=S.regenerate_letter, color_scheme="red"
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


def letter_editor() -> rx.Component:
    return rx.vstack(
        rx.hstack(
            rx.badge(
                rx.cond(S.letter_edited, "Edited by you", "As generated"),
                color_scheme=rx.cond(S.letter_edited, "indigo", "gray"),
                variant="soft",
            ),
            rx.cond(
                S.letter_dirty,
                rx.text("Unsaved changes", size="1", color_scheme="amber", role="status"),
            ),
            spacing="3",
            align="center",
            wrap="wrap",
        ),
        letter_run_status(),
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
            rx.button(
                rx.icon("undo-2", size=16),
                "Revert to generated",
                type="button",
                variant="soft",
                color_scheme="gray",
                size="2",
                on_click=S.revert_letter,
                loading=S.letter_busy == "revert",
                disabled=~S.letter_edited | (S.letter_busy != ""),
            ),
            gap="var(--space-2)",
            wrap="wrap",
        ),
        spacing="2",
        width="100%",
    )
