"""The editable profile, shared by the onboarding review step and the profile page:
name, location and contacts, suggested job titles and skills (chips added and
removed one by one), links, summary, and every list the CV gave — experience,
education, certifications and licences, languages — with a Save button."""

from __future__ import annotations

from typing import Any

import reflex as rx

from jobagent_ui.components.add_form import add_form
from jobagent_ui.components.profile_sections import contact_fields, section_editors
from jobagent_ui.components.unsaved_guard import UNSAVED_SCOPE, unsaved_hint
from jobagent_ui.components.wrapping_list import wrapping_list
from jobagent_ui.state.profile import ProfileState


def labelled(label: str, field_id: str, control: rx.Component) -> rx.Component:
    """`control` (whose input has id `field_id`) under its visible label."""
    return rx.vstack(
        rx.el.label(rx.text(label, size="2", weight="medium"), html_for=field_id),
        control,
        spacing="1",
        width="100%",
    )


def text_field(
    label: str, field_id: str, value: rx.Var[str], on_change: Any, **props: Any
) -> rx.Component:
    return labelled(
        label,
        field_id,
        rx.input(id=field_id, value=value, on_change=on_change, size="3", width="100%", **props),
    )


def _chip(item: rx.vars.StringVar[str], on_remove: Any, noun: str) -> rx.Component:
    return rx.el.li(
        rx.badge(
            rx.text(item, as_="span"),
            rx.icon_button(
                rx.icon("x", size=12),
                type="button",
                size="1",
                variant="ghost",
                radius="full",
                aria_label=f"Remove {noun} " + item,
                on_click=on_remove(item),
            ),
            size="2",
            variant="soft",
            radius="full",
            padding_right="0.25rem",
            white_space="normal",
        ),
    )


def chip_editor(
    label: str,
    items: rx.Var[list[str]],
    *,
    field: str,
    noun: str,
    on_add: Any,
    on_remove: Any,
    placeholder: str,
    disabled: Any = False,
    hint: Any = None,
) -> rx.Component:
    """Chips for `items`, each removable, and a small form that adds one (Enter or "Add")."""
    input_id = f"add-{field}"
    return rx.vstack(
        rx.text(label, size="2", weight="medium", id=f"{field}-label"),
        wrapping_list(
            rx.foreach(items, lambda item: _chip(item, on_remove, noun)),
            custom_attrs={"aria-labelledby": f"{field}-label"},
        ),
        add_form(
            name=field,
            placeholder=placeholder,
            field_label=f"New {noun}",
            button="Add",
            button_label=f"Add {noun}",
            on_submit=on_add,
            disabled=disabled,
            field_id=input_id,
        ),
        rx.text(hint, size="1", color_scheme="gray") if hint is not None else rx.fragment(),
        spacing="2",
        width="100%",
    )


def profile_form(*, on_save: Any, save_label: str = "Save profile") -> rx.Component:
    return rx.vstack(
        rx.grid(
            text_field(
                "Name",
                "profile-name",
                ProfileState.name,
                ProfileState.set_name,
                auto_complete="name",
            ),
            text_field(
                "Location",
                "profile-location",
                ProfileState.location,
                ProfileState.set_location,
                placeholder="City, country",
            ),
            columns=rx.breakpoints(initial="1", sm="2"),
            spacing="4",
            width="100%",
        ),
        contact_fields(text_field),
        chip_editor(
            "Suggested job titles",
            ProfileState.titles,
            field="title",
            noun="title",
            on_add=ProfileState.add_title,
            on_remove=ProfileState.remove_title,
            placeholder="Add a title, e.g. Data Engineer",
            disabled=ProfileState.titles_full,
            hint=ProfileState.titles_hint,
        ),
        chip_editor(
            "Skills",
            ProfileState.skills,
            field="skill",
            noun="skill",
            on_add=ProfileState.add_skill,
            on_remove=ProfileState.remove_skill,
            placeholder="Add a skill, e.g. SQL",
        ),
        rx.el.fieldset(
            rx.el.legend(rx.text("Links", size="2", weight="medium"), margin_bottom="0.25rem"),
            rx.grid(
                text_field(
                    "LinkedIn",
                    "profile-linkedin",
                    ProfileState.linkedin,
                    ProfileState.set_linkedin,
                    type="url",
                    placeholder="https://www.linkedin.com/in/…",
                ),
                text_field(
                    "GitHub",
                    "profile-github",
                    ProfileState.github,
                    ProfileState.set_github,
                    type="url",
                    placeholder="https://github.com/…",
                ),
                text_field(
                    "Portfolio",
                    "profile-portfolio",
                    ProfileState.portfolio,
                    ProfileState.set_portfolio,
                    type="url",
                    placeholder="https://…",
                ),
                columns=rx.breakpoints(initial="1", sm="3"),
                spacing="4",
                width="100%",
            ),
            border="none",
            margin="0",
            padding="0",
            min_width="0",
            width="100%",
        ),
        labelled(
            "Summary",
            "profile-summary",
            rx.text_area(
                id="profile-summary",
                value=ProfileState.summary,
                on_change=ProfileState.set_summary,
                rows="5",
                resize="vertical",
                width="100%",
            ),
        ),
        section_editors(),
        rx.cond(
            ProfileState.save_error != "",
            rx.callout(
                ProfileState.save_error,
                icon="triangle-alert",
                color_scheme="red",
                role="alert",
                width="100%",
            ),
        ),
        rx.flex(
            rx.button(
                rx.icon("check", size=16),
                save_label,
                on_click=on_save,
                loading=ProfileState.saving,
                size="3",
            ),
            unsaved_hint(ProfileState.unsaved),
            gap="var(--space-3)",
            align="center",
            wrap="wrap",
        ),
        spacing="5",
        width="100%",
        custom_attrs=UNSAVED_SCOPE,
    )
