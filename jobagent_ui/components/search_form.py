"""The search form: title and place, the profile's titles as chips, filters, then
the two ways to start. The sources (sample, a file of postings, live boards and the
company boards to watch) are in `search_sources.py`."""

from __future__ import annotations

from typing import Any

import reflex as rx

from jobagent_ui import routes
from jobagent_ui.components.wrapping_list import wrapping_list
from jobagent_ui.state.search import SearchState
from jobagent_ui.state.search_views import POSTED_WITHIN, REMOTE_CHOICES, SENIORITY


def field(label: str, field_id: str, control: rx.Component, hint: str = "") -> rx.Component:
    return rx.vstack(
        rx.el.label(rx.text(label, size="2", weight="medium"), html_for=field_id),
        control,
        rx.text(hint, size="1", color_scheme="gray") if hint else rx.fragment(),
        spacing="1",
        width="100%",
    )


def checkbox_row(
    label: Any, field_id: str, checked: Any, on_change: Any, **props: Any
) -> rx.Component:
    return rx.el.label(
        rx.hstack(
            rx.checkbox(id=field_id, checked=checked, on_change=on_change, **props),
            rx.text(label, size="2"),
            align="center",
            spacing="2",
        ),
        html_for=field_id,
    )


def title_chips() -> rx.Component:
    return rx.cond(
        SearchState.suggested.length() > 0,
        rx.vstack(
            rx.text("Your suggested titles", size="2", weight="medium", id="suggested-label"),
            wrapping_list(
                rx.foreach(
                    SearchState.suggested,
                    lambda title: rx.el.li(
                        rx.button(
                            title,
                            type="button",
                            variant=rx.cond(SearchState.title == title, "solid", "soft"),
                            radius="full",
                            size="1",
                            on_click=SearchState.pick_title(title),
                            aria_pressed=rx.cond(SearchState.title == title, "true", "false"),
                        )
                    ),
                ),
                custom_attrs={"aria-labelledby": "suggested-label"},
            ),
            spacing="2",
            width="100%",
        ),
        rx.cond(
            ~SearchState.has_profile,
            rx.callout(
                rx.fragment(
                    "Build your profile first: matches are scored against it. ",
                    rx.link("Upload your CV", href=routes.ONBOARDING),
                ),
                icon="info",
                color_scheme="amber",
                width="100%",
            ),
        ),
    )


def what_and_where() -> rx.Component:
    return rx.vstack(
        rx.grid(
            field(
                "Job title",
                "search-title",
                rx.input(
                    id="search-title",
                    value=SearchState.title,
                    on_change=SearchState.set_title,
                    on_key_down=SearchState.enter_starts,
                    placeholder="e.g. Data Engineer",
                    max_length=200,
                    size="3",
                    width="100%",
                ),
            ),
            field(
                "Location",
                "search-location",
                rx.input(
                    id="search-location",
                    value=SearchState.location,
                    on_change=SearchState.set_location,
                    on_key_down=SearchState.enter_starts,
                    placeholder="City or country; empty for anywhere",
                    max_length=200,
                    size="3",
                    width="100%",
                ),
            ),
            columns=rx.breakpoints(initial="1", sm="2"),
            spacing="4",
            width="100%",
        ),
        rx.flex(
            field(
                "Remote roles",
                "search-remote",
                rx.select.root(
                    rx.select.trigger(id="search-remote"),
                    rx.select.content(
                        *(rx.select.item(text, value=v) for v, text in REMOTE_CHOICES)
                    ),
                    value=SearchState.remote,
                    on_change=SearchState.set_remote,
                ),
                "Remote roles tied to other regions or time zones are ranked lower.",
            ),
            checkbox_row(
                "Remote jobs only",
                "search-remote-only",
                SearchState.remote_only,
                SearchState.set_remote_only,
            ),
            direction=rx.breakpoints(initial="column", sm="row"),
            align=rx.breakpoints(initial="start", sm="end"),
            gap="var(--space-4)",
            width="100%",
        ),
        title_chips(),
        spacing="4",
        width="100%",
    )


def _seniority_box(level: str, label: str) -> rx.Component:
    return checkbox_row(
        label,
        f"seniority-{level}",
        SearchState.seniority.contains(level),
        lambda on: SearchState.toggle_seniority(level, on),
    )


def filters() -> rx.Component:
    return rx.vstack(
        field(
            "Posted within",
            "search-posted-within",
            rx.select.root(
                rx.select.trigger(id="search-posted-within"),
                rx.select.content(*(rx.select.item(text, value=v) for v, text in POSTED_WITHIN)),
                value=SearchState.posted_within,
                on_change=SearchState.set_posted_within,
            ),
        ),
        rx.el.fieldset(
            rx.el.legend(rx.text("Seniority (none ticked: any)", size="2", weight="medium")),
            rx.flex(
                *(_seniority_box(level, label) for level, label in SENIORITY),
                wrap="wrap",
                gap="var(--space-3)",
                padding_top="0.5rem",
            ),
            border="none",
            margin="0",
            padding="0",
        ),
        rx.grid(
            field(
                "Exclude companies",
                "search-excluded-companies",
                rx.input(
                    id="search-excluded-companies",
                    value=SearchState.excluded_companies,
                    on_change=SearchState.set_excluded_companies,
                    placeholder="Comma-separated",
                    width="100%",
                ),
            ),
            field(
                "Exclude keywords",
                "search-excluded-keywords",
                rx.input(
                    id="search-excluded-keywords",
                    value=SearchState.excluded_keywords,
                    on_change=SearchState.set_excluded_keywords,
                    placeholder="e.g. unpaid, commission only",
                    width="100%",
                ),
            ),
            columns=rx.breakpoints(initial="1", sm="2"),
            spacing="4",
            width="100%",
        ),
        spacing="4",
        width="100%",
    )


def start_buttons() -> rx.Component:
    return rx.flex(
        rx.button(
            rx.icon("search", size=16),
            "Start search",
            type="button",
            on_click=SearchState.start,
            size="3",
            loading=SearchState.starting,
        ),
        rx.cond(
            SearchState.suggested.length() > 1,
            rx.button(
                rx.icon("list-checks", size=16),
                SearchState.search_all_label,
                type="button",
                size="3",
                variant="soft",
                on_click=SearchState.start_all,
                disabled=SearchState.starting,
            ),
        ),
        gap="var(--space-3)",
        wrap="wrap",
    )
