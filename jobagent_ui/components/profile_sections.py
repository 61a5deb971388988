"""The profile's lists as editable rows — experience, education, certifications and
licences, languages — and the contact details.

Every row is a small labelled group of inputs with buttons to move it up or down
and to remove it, each named after the row ("Move Senior Data Engineer up"), so a
keyboard or screen-reader user knows which entry a button acts on. The rows live
in `ProfileState`; checking them happens on the server when the profile is saved.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import reflex as rx

from jobagent_ui.state.profile import ProfileState


@dataclass(frozen=True)
class Cell:
    column: str
    label: str
    placeholder: str = ""
    multiline: bool = False
    wide: bool = False  # spans the whole row


@dataclass(frozen=True)
class Section:
    key: str  # the ProfileState list
    heading: str
    noun: str  # one row, e.g. "job"
    name_column: str  # the cell that names a row in button labels
    cells: tuple[Cell, ...]


DATE_HINT = "YYYY or YYYY-MM"

EXPERIENCE = Section(
    "experience",
    "Experience",
    "job",
    "title",
    (
        Cell("title", "Job title", "e.g. Data Engineer"),
        Cell("employer", "Employer"),
        Cell("location", "Place", "City, country"),
        Cell("start", "Started", DATE_HINT),
        Cell("end", "Ended", f"{DATE_HINT} or present"),
        Cell("bullets", "What you did (one point per line)", multiline=True, wide=True),
    ),
)
EDUCATION = Section(
    "education",
    "Education",
    "degree",
    "degree",
    (
        Cell("degree", "Degree", "e.g. M.Sc. Computer Science"),
        Cell("field_of_study", "Field of study"),
        Cell("institution", "Institution"),
        Cell("start", "Started", DATE_HINT),
        Cell("end", "Ended", DATE_HINT),
    ),
)
CERTIFICATIONS = Section(
    "certifications",
    "Certifications and licences",
    "certification",
    "name",
    (
        Cell("name", "Certificate or licence", "e.g. Driving licence, class B"),
        Cell("issuer", "Issued by"),
        Cell("date", "Obtained", DATE_HINT),
    ),
)
LANGUAGES = Section(
    "languages",
    "Languages",
    "language",
    "language",
    (
        Cell("language", "Language", "e.g. German"),
        Cell("level", "Level", "e.g. C1, Native, Fluent"),
    ),
)
SECTIONS = (EXPERIENCE, EDUCATION, CERTIFICATIONS, LANGUAGES)


def _cell(
    section: Section, cell: Cell, row: rx.vars.ObjectVar[dict[str, str]], index: rx.Var[int]
) -> rx.Component:
    value = row[cell.column].to(str)

    def on_change(text: rx.Var[str]) -> Any:
        return ProfileState.set_cell(section.key, index, cell.column, text)

    control = (
        rx.text_area(value=value, on_change=on_change, rows="4", resize="vertical", width="100%")
        if cell.multiline
        else rx.input(
            value=value,
            on_change=on_change,
            placeholder=cell.placeholder,
            width="100%",
        )
    )
    # The label holds its control: no id per row, because an id built from the row
    # index makes Reflex name a ref after a per-process hash, and the compiled page
    # would differ at every start (no reusable front-end build).
    return rx.el.label(
        rx.text(cell.label, size="1", weight="medium"),
        control,
        display="flex",
        flex_direction="column",
        gap="var(--space-1)",
        grid_column="1 / -1" if cell.wide else "auto",
        min_width="0",
    )


def _row_name(
    section: Section, row: rx.vars.ObjectVar[dict[str, str]], index: rx.Var[int]
) -> rx.Var[str]:
    """What the row's buttons call it: its title, or e.g. "job 2" while it has none."""
    name = row[section.name_column].to(str)
    return rx.cond(name != "", name, f"{section.noun} {index + 1}").to(str)


def _row_button(
    icon: str, label: rx.Var[str], on_click: Any, disabled: Any = False
) -> rx.Component:
    return rx.icon_button(
        rx.icon(icon, size=16),
        type="button",
        variant="soft",
        color_scheme="gray",
        size="2",
        aria_label=label,
        title=label,
        on_click=on_click,
        disabled=disabled,
    )


def _row(
    section: Section, row: rx.vars.ObjectVar[dict[str, str]], index: rx.Var[int]
) -> rx.Component:
    name = _row_name(section, row, index)
    rows = getattr(ProfileState, section.key)
    return rx.el.li(
        rx.vstack(
            rx.grid(
                *(_cell(section, cell, row, index) for cell in section.cells),
                columns=rx.breakpoints(initial="1", sm="2", md="3"),
                spacing="3",
                width="100%",
            ),
            rx.hstack(
                _row_button(
                    "arrow-up",
                    f"Move {name} up",
                    ProfileState.move_row(section.key, index, -1),
                    disabled=index == 0,
                ),
                _row_button(
                    "arrow-down",
                    f"Move {name} down",
                    ProfileState.move_row(section.key, index, 1),
                    disabled=index == rows.length() - 1,
                ),
                _row_button(
                    "trash-2", f"Remove {name}", ProfileState.remove_row(section.key, index)
                ),
                spacing="2",
                justify="end",
                width="100%",
            ),
            spacing="2",
            width="100%",
        ),
        padding="0.75rem",
        border="1px solid var(--gray-a5)",
        border_radius="var(--radius-3)",
    )


def section_editor(section: Section) -> rx.Component:
    """The rows of one list, and a button that adds an empty row."""
    rows = getattr(ProfileState, section.key)
    heading_id = f"{section.key}-heading"
    return rx.vstack(
        rx.heading(section.heading, as_="h3", size="3", id=heading_id),
        rx.el.ol(
            rx.foreach(rows, lambda row, index: _row(section, row, index)),
            custom_attrs={"aria-labelledby": heading_id},
            display="flex",
            flex_direction="column",
            gap="var(--space-3)",
            list_style="none",
            margin="0",
            padding="0",
            width="100%",
        ),
        rx.button(
            rx.icon("plus", size=16),
            f"Add {section.noun}",
            type="button",
            variant="soft",
            on_click=ProfileState.add_row(section.key),
        ),
        spacing="2",
        width="100%",
    )


def contact_fields(text_field: Any) -> rx.Component:
    """E-mail and phone, with `text_field` (the form's labelled input)."""
    return rx.grid(
        text_field(
            "E-mail",
            "profile-email",
            ProfileState.email,
            ProfileState.set_email,
            type="email",
            auto_complete="email",
        ),
        text_field(
            "Phone",
            "profile-phone",
            ProfileState.phone,
            ProfileState.set_phone,
            type="tel",
            auto_complete="tel",
        ),
        columns=rx.breakpoints(initial="1", sm="2"),
        spacing="4",
        width="100%",
    )


def section_editors() -> rx.Component:
    return rx.vstack(*(section_editor(s) for s in SECTIONS), spacing="5", width="100%")
